import type { RangeAddress } from './address';
import { normalizeHeader } from './normalize';
import { NAME, RESULT_LABELS, SETTING_LABELS, type ContractName } from './vocabulary';
import { keyAt, sheetWidth, textAt } from './detect-grid';
import type { DetectSheet, FoundTable } from './detect-types';

// reduce/concat, not flatMap: the Excel pane runs the detection in Office 2016's IE11 webview too.
const keys = (labels: ReadonlyArray<{ label: string; aliases: readonly string[] }>) =>
  new Set(labels.reduce<string[]>((all, l) => all.concat([l.label], l.aliases), []).map(normalizeHeader));
const SETTINGS = keys(SETTING_LABELS);
const RESULTS = keys(RESULT_LABELS);
/** A cell with one of these texts titles the block below it (评价结果 is also a label of the grade: as a title it is not). */
const TITLES = new Map<string, ContractName>([
  [normalizeHeader(NAME.settings), NAME.settings],
  [normalizeHeader(NAME.results), NAME.results],
]);

function inside(tables: readonly FoundTable[], row: number, col: number): boolean {
  return tables.some(({ range: t }) => row >= t.row && row < t.row + t.rows && col >= t.col && col < t.col + t.cols);
}

/**
 * The 评分规则 and 评价结果 blocks of a sheet, found by their labels: a run
 * of rows whose cells in one column are labels, down to the first blank one,
 * two columns wide (label and value), starting at its first known label (a
 * title cell such as 评分规则 or 评价结果 above it is not part of it). A run
 * whose labels are mostly settings is 评分规则, mostly results 评价结果. Cells of the header tables are not looked at.
 */
export function findLabelBlocks(sheet: DetectSheet, tables: readonly FoundTable[]): FoundTable[] {
  const found: FoundTable[] = [];
  const width = sheetWidth(sheet);
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < sheet.cells.length) {
      if (textAt(sheet, r, c) === '' || inside(tables, r, c)) {
        r++;
        continue;
      }
      // The run: down to the first blank cell (or a table). It starts at its first label, a title cell not counted.
      let end = r;
      while (end < sheet.cells.length && textAt(sheet, end, c) !== '' && !inside(tables, end, c)) end++;
      let start = r;
      const known = (label: string) => !TITLES.has(label) && (SETTINGS.has(label) || RESULTS.has(label));
      while (start < end && !known(keyAt(sheet, start, c))) start++;
      let settings = 0;
      let results = 0;
      for (let row = start; row < end; row++) {
        const label = keyAt(sheet, row, c);
        if (SETTINGS.has(label)) settings++;
        if (RESULTS.has(label)) results++;
      }
      if (end > start && settings + results > 0 && settings !== results) {
        const range: RangeAddress = { sheet: sheet.sheet, row: start, col: c, rows: end - start, cols: 2 };
        found.push({ name: settings > results ? NAME.settings : NAME.results, range, grandTotal: false });
      }
      r = Math.max(end, r + 1);
    }
  }
  return found;
}
