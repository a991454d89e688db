import { STANDALONE_UI as S } from '../../messages/standalone-ui';

/**
 * Where the templates and the example are in the build output (copied by
 * webpack.config.js). The one-file page (webpack.offline.js) replaces this
 * module with one that carries the files inline, as data: URLs.
 */
export const SAMPLE_FILES = { template: 'assets/' + S.template, example: 'assets/' + S.example, projectTemplate: 'assets/' + S.projectTemplate };
