import type { ColumnSpec, TableKind } from './vocabulary';
import { BREAKDOWNS, BUDGET_TOTAL_LABELS, GRADE_CELL_LABELS, GRAND_TOTAL_LABELS, LABEL_COLUMN, NAME, TABLE_COLUMNS, TABLE_TOTAL_LABELS, SUBTOTAL_LABEL } from './vocabulary';
import { headerIndex } from './header-table';
import { normalizeHeader, rowLabelKey } from './normalize';
import type { ContractName } from './vocabulary';
import { isBlankRow, keyAt, sheetWidth, textAt, verticalMergeAt } from './detect-grid';
import type { DetectSheet, FoundTable } from './detect-types';

/** The header tables in the order a header row that fits several is given to the most specific. */
const KINDS: ReadonlyArray<{ table: TableKind; name: ContractName }> = [
  { table: 'indicators', name: NAME.indicators },
  { table: 'budget', name: NAME.budget },
  { table: 'projects', name: NAME.projects },
];

const INDEX = new Map(KINDS.map(({ table }) => [table, headerIndex(table)] as const));
const keys = (labels: readonly string[]) => new Set(labels.map(normalizeHeader));
/** Rows that close an indicator or project table (and are part of it); 小计 closes a 一级指标 block, not the table. */
const CLOSING = keys([...TABLE_TOTAL_LABELS.filter((l) => l !== SUBTOTAL_LABEL), ...GRAND_TOTAL_LABELS]);
const GRAND = keys(GRAND_TOTAL_LABELS);
const GRADE = keys(GRADE_CELL_LABELS);
/** Row labels only a budget table has: its total row and the breakdown rows. */
// reduce/concat, not flatMap: the Excel pane runs the detection in Office 2016's IE11 webview too.
const BUDGET_ROWS = keys(BREAKDOWNS.reduce<string[]>((all, b) => all.concat(b.parts), [...BUDGET_TOTAL_LABELS]));

/** A row that holds a table's required headers: where the table starts and ends across. */
interface HeaderRow {
  table: TableKind;
  name: ContractName;
  row: number;
  left: number;
  right: number;
  /** The column of a block label (the national form's 绩效指标 merged down column A), or null. */
  blockColumn: number | null;
}

/**
 * Whether the row is a header row of the table: its cells name every
 * required column. The leftmost named cell is a block label when it is the
 * top of a merge running down or the cell below it is blank, and either
 * another cell names the same column (绩效指标 beside 三级指标: then it is no
 * header, it only labels the block) or it names the label column and a
 * column with a blank header holds the row labels (项目资金（万元） over
 * 年度资金总额 …) — the rule header-table.ts reads such a range by.
 */
function headerRow(sheet: DetectSheet, row: number, table: TableKind, width: number): Omit<HeaderRow, 'name'> | null {
  const index = INDEX.get(table)!;
  const named: Array<{ col: number; specs: ColumnSpec<string>[] }> = [];
  for (let c = 0; c < width; c++) {
    const key = keyAt(sheet, row, c);
    const specs = key === '' ? undefined : index.get(key);
    if (specs) named.push({ col: c, specs });
  }
  if (named.length === 0) return null;
  const first = named[0];
  const last = named[named.length - 1].col;
  const collides = named.slice(1).some((n) => n.specs.some((s) => first.specs.some((f) => f.key === s.key)));
  // As in header-table.ts: it names the label column and a column with a blank header holds the row labels (项目资金 over 年度资金总额 …).
  let labelsBeside = false;
  if (first.specs.some((s) => s.key === LABEL_COLUMN[table])) {
    for (let c = first.col + 1; c <= last && !labelsBeside; c++) labelsBeside = textAt(sheet, row, c) === '' && textAt(sheet, row + 1, c) !== '';
  }
  const isBlock = (verticalMergeAt(sheet, row, first.col) !== undefined || textAt(sheet, row + 1, first.col) === '') && (collides || labelsBeside);
  const headers = isBlock && collides ? named.slice(1) : named;
  const keys = new Set(headers.reduce<string[]>((all, n) => all.concat(n.specs.map((s) => s.key)), []));
  const specs: readonly ColumnSpec<string>[] = TABLE_COLUMNS[table];
  if (!specs.every((s) => !s.required || keys.has(s.key))) return null;
  return { table, row, left: first.col, right: last, blockColumn: isBlock ? first.col : null };
}

/** The first text of a row between the columns, as a label key. */
function rowLabel(sheet: DetectSheet, row: number, left: number, right: number): string {
  for (let c = left; c <= right; c++) {
    const key = keyAt(sheet, row, c);
    if (key !== '') return key;
  }
  return '';
}

/** A header row that fits both the budget and the project table (项目 | 预算数 | 执行数) is the budget's when its first row is a budget row. */
function budgetOrProjects(sheet: DetectSheet, found: Omit<HeaderRow, 'name'>): TableKind {
  const label = rowLabelKey(textAt(sheet, found.row + 1, found.blockColumn === null ? found.left : found.left + 1) || textAt(sheet, found.row + 1, found.left));
  return BUDGET_ROWS.has(label) ? 'budget' : 'projects';
}

/**
 * The last row of a table (forms issue §3). Under a block label the table
 * runs to the row before the next text in the label's column (the national
 * form has no blank rows between its blocks); otherwise down to the first
 * blank row. It stops before another table's header row, and an indicator or
 * project table ends with its 合计/总分 row — followed, for 总分, by a
 * 自评等级 row when the form has one.
 */
function lastRow(sheet: DetectSheet, header: HeaderRow, starts: Set<number>): { last: number; grandTotal: boolean } {
  const { row, left, right, blockColumn, table } = header;
  const end = sheet.cells.length - 1;
  let last = row;
  for (let r = row + 1; r <= end; r++) {
    if (starts.has(r)) break;
    const label = rowLabel(sheet, r, left, right);
    if (table !== 'budget' && CLOSING.has(label)) {
      const grandTotal = GRAND.has(label);
      const grade = grandTotal && r < end && GRADE.has(rowLabel(sheet, r + 1, left, right));
      return { last: grade ? r + 1 : r, grandTotal };
    }
    if (blockColumn !== null) {
      if (textAt(sheet, r, blockColumn) !== '') break;
    } else if (isBlankRow(sheet, r, left, right)) break;
    last = r;
  }
  while (last > row && isBlankRow(sheet, last, left, right)) last--;
  return { last, grandTotal: false };
}

/** Every header table of a sheet, top to bottom. */
export function findHeaderTables(sheet: DetectSheet): FoundTable[] {
  const width = sheetWidth(sheet);
  const headers: HeaderRow[] = [];
  for (let r = 0; r < sheet.cells.length; r++) {
    const indicators = headerRow(sheet, r, 'indicators', width);
    const budget = indicators ? null : headerRow(sheet, r, 'budget', width);
    const projects = indicators ? null : headerRow(sheet, r, 'projects', width);
    const found = indicators ?? (budget && projects ? (budgetOrProjects(sheet, budget) === 'budget' ? budget : projects) : budget ?? projects);
    if (found) headers.push({ ...found, name: KINDS.find((k) => k.table === found.table)!.name });
  }
  const starts = new Set(headers.map((h) => h.row));
  return headers.map((h) => {
    const { last, grandTotal } = lastRow(sheet, h, starts);
    return { name: h.name, range: { sheet: sheet.sheet, row: h.row, col: h.left, rows: last - h.row + 1, cols: h.right - h.left + 1 }, grandTotal: h.table === 'indicators' && grandTotal };
  });
}
