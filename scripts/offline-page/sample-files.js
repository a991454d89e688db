/**
 * Stands in for src/taskpane/standalone/sample-files.ts in the one-file page
 * (webpack.offline.js): the templates and the example travel inside the page
 * as data: URLs (webpack's asset/inline), so their download links work from
 * a folder or a USB stick without any file beside the page.
 */
import template from '../../assets/模板.xlsx';
import example from '../../assets/示例-二工片区2023.xlsx';
import projectTemplate from '../../assets/模板-项目支出.xlsx';

export const SAMPLE_FILES = { template, example, projectTemplate };
