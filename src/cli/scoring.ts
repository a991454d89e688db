/**
 * What scoring a workbook needs beyond the CLI itself — the lossless xlsx
 * host, the pipeline (engine and contract) and the result views — loaded by
 * run.ts with import() when a workbook is scored, so that --help, --version
 * and usage errors evaluate none of it.
 */
export { fileScoringHost, nameWorkbookFile, proposeNamesForFile } from '../hosts/xlsx';
export { DETECT_TEXT, detectionLines, proposedNameText } from '../messages/detect';
export { scoreThrough } from '../workbook/pipeline';
export { bookJson } from './json-view';
export { nodeZip } from './node-zip';
export { renderBookText } from './text-view';
export { selfReportOf } from '../hosts/report/self-report';
export { reportMarkdown, reportText } from '../hosts/report/text';
export { placeholderCount } from '../messages/self-report';
