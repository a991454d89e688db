import { STANDALONE_UI as S } from '../../messages/standalone-ui';

/**
 * Where the template and the example are in the build output (copied by
 * webpack.config.js). The one-file page (webpack.offline.js) replaces this
 * module with one that carries both files inline, as data: URLs.
 */
export const SAMPLE_FILES = { template: 'assets/' + S.template, example: 'assets/' + S.example };
