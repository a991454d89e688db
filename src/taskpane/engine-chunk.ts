/**
 * What 计算得分 needs beyond the pane itself — the scoring engine, the
 * contract parser and the Excel host's reader/writer — as one chunk that the
 * pane loads on first use (prefetched by browsers that support it), so the
 * pane's first load stays small.
 */
export { scoreInExcel } from '../hosts/excel/score-in-excel';
export { scoreWorkbook } from '../workbook/score-workbook';
