import type { CellAddress, RangeAddress } from './address';
import type { CellInput } from './cells';
import { EMPTY_CELL } from './cells';
import { suggestionFor } from './did-you-mean';
import { fieldOf } from './fields';
import type { IssueList } from './issue-list';
import type { ContractName } from './cells';
import { cellText, normalizeHeader } from './normalize';
import {
  COMBINED_HEADERS, GRAND_TOTAL_LABELS, LABEL_COLUMN, TABLE_COLUMNS, TABLE_TOTAL_LABELS, type ColumnSpec, type RequiredKey, type TableKind,
} from './vocabulary';

/** A cell of a table together with where it is. */
export interface TableCell {
  cell: CellInput;
  address: CellAddress;
}

/** A data row. The cells of required columns are always there (the table is not read without them). */
export interface TableRow<K extends string, R extends K = never> {
  get(key: R): TableCell;
  get(key: K): TableCell | undefined;
  /** The cell alone (get's `cell`), for reading a value whose address is not kept: no TableCell is made for it. */
  cell(key: R): CellInput;
  cell(key: K): CellInput | undefined;
  address: CellAddress;
}

export interface HeaderTable<K extends string, R extends K = never> {
  columns: Partial<Record<K, number>>;
  rows: TableRow<K, R>[];
  range: RangeAddress;
}

type Specs<T extends TableKind> = (typeof TABLE_COLUMNS)[T];
export type ColumnKey<T extends TableKind> = Specs<T>[number]['key'];
export type RowOf<T extends TableKind> = TableRow<ColumnKey<T>, RequiredKey<Specs<T>>>;
export type TableOf<T extends TableKind> = HeaderTable<ColumnKey<T>, RequiredKey<Specs<T>>>;

/** How far down a range the header row is looked for when the first row is not it. */
const HEADER_SEARCH_ROWS = 20;

/** Header text → the columns it names (one, or two for a combined header), for one table's vocabulary. */
export function headerIndex(table: TableKind): Map<string, ColumnSpec<string>[]> {
  const specs: readonly ColumnSpec<string>[] = TABLE_COLUMNS[table];
  const index = new Map<string, ColumnSpec<string>[]>();
  for (const spec of specs) {
    for (const text of [spec.header, ...spec.aliases]) index.set(normalizeHeader(text), [spec]);
  }
  for (const combined of COMBINED_HEADERS[table]) {
    index.set(normalizeHeader(combined.header), specs.filter((s) => combined.keys.indexOf(s.key) >= 0));
  }
  return index;
}

const TOTAL_KEYS = new Set([...TABLE_TOTAL_LABELS, ...GRAND_TOTAL_LABELS].map(normalizeHeader));

/**
 * A block label is not a header (forms issue §2): the national form merges
 * 绩效指标 (an alias of 三级指标) and 项目资金（万元） down its first column,
 * beside the table. The rule uses the named range's cells alone, so that the
 * file host (which knows merges) and Excel below ExcelApi 1.13 (which cannot
 * read them) give the same answer: the header cell of the range's first
 * column is a block label when that column is blank below it down to the
 * first total label (合计, 总分 …; what follows the total row does not
 * count), and either another header cell names the same column
 * (绩效指标 beside 三级指标), or it names the table's label column and a
 * column to its right with a blank header holds the row labels (项目资金 over
 * 年度资金总额 / 其中：当年财政拨款 …) — that column is then the label column.
 * Null when the first column is an ordinary header (v1).
 */
function blockLabelColumn(
  table: TableKind,
  header: string[],
  cells: CellInput[][],
  range: RangeAddress,
  index: Map<string, ColumnSpec<string>[]>,
): { column: number; labelColumn: number | null } | null {
  const first = header[0] === '' ? undefined : index.get(normalizeHeader(header[0]));
  if (!first || range.cols < 2) return null;
  for (let r = 1; r < range.rows; r++) {
    const text = cellText(cells[r]?.[0]?.value ?? null);
    if (text === '') continue;
    // The total row closes the block: what follows it (a 自评等级 row) is not the block's.
    if (TOTAL_KEYS.has(normalizeHeader(text))) break;
    return null;
  }
  const keys = first.map((s) => s.key);
  for (let c = 1; c < header.length; c++) {
    const other = header[c] === '' ? undefined : index.get(normalizeHeader(header[c]));
    if (other && other.some((s) => keys.indexOf(s.key) >= 0)) return { column: 0, labelColumn: null };
  }
  if (keys.indexOf(LABEL_COLUMN[table]) < 0) return null;
  for (let c = 1; c < header.length; c++) {
    if (header[c] !== '') continue;
    for (let r = 1; r < range.rows; r++) {
      if (cellText(cells[r]?.[c]?.value ?? null) !== '') return { column: 0, labelColumn: c };
    }
  }
  return null;
}

function rowTexts(line: readonly CellInput[] | undefined, cols: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < cols; c++) out.push(cellText(line?.[c]?.value ?? null));
  return out;
}

/**
 * Reads a header table: the first row is the header; columns are found by
 * header text, unknown headers are the user's own and are read past. Issues
 * for duplicate and missing required columns are added to `issues` — when
 * another row of the range holds the headers, one issue says so instead of
 * one per missing column. Null when the table cannot be read.
 */
export function readHeaderTable<T extends TableKind>(
  name: ContractName,
  table: T,
  range: RangeAddress,
  cells: CellInput[][],
  issues: IssueList,
): TableOf<T> | null {
  const specs: readonly ColumnSpec<string>[] = TABLE_COLUMNS[table];
  if (range.rows < 1) {
    issues.add({ code: 'rangeTooSmall', name, range, need: 'headerRow' });
    return null;
  }
  const index = headerIndex(table);
  const columns: Partial<Record<string, number>> = {};
  const header = rowTexts(cells[0], range.cols);
  const block = blockLabelColumn(table, header, cells, range, index);
  if (block && block.labelColumn !== null) columns[LABEL_COLUMN[table]] = block.labelColumn;
  header.forEach((text, c) => {
    if (text === '' || (block && c === block.column)) return;
    for (const spec of index.get(normalizeHeader(text)) ?? []) {
      const previous = columns[spec.key];
      if (previous !== undefined) {
        issues.add({ code: 'columnDuplicate', cell: at(range, 0, c), text, field: fieldOf(table, spec.key as ColumnKey<T>), other: at(range, 0, previous) });
        return;
      }
      columns[spec.key] = c;
    }
  });
  const missing = specs.filter((spec) => spec.required && columns[spec.key] === undefined);
  if (missing.length > 0) {
    const found = rowWithHeaders(cells, range, specs, index);
    if (found > 0) {
      issues.add({
        code: 'headerRowElsewhere',
        name,
        headerRow: range.row,
        foundRow: range.row + found,
        firstRowText: header.filter((t) => t !== '').join(' '),
      });
    } else {
      // Header cells that name no column: one of them may be the missing column misspelt.
      const unknown = header.map((text, c) => ({ text, c })).filter(({ text }) => text !== '' && !index.has(normalizeHeader(text)));
      for (const spec of missing) {
        const similar = suggestionFor(unknown, [spec.header, ...spec.aliases]);
        const issue = { code: 'columnMissing', name, field: fieldOf(table, spec.key as ColumnKey<T>), aliases: spec.aliases, headerRow: range.row } as const;
        issues.add(similar ? { ...issue, similar: { cell: at(range, 0, similar.c), text: similar.text } } : issue);
      }
    }
    return null;
  }

  // Each key's column once, as a slot; a row builds a cell's TableCell on its first get and keeps it.
  const slots = new Map<string, number>();
  const slotColumns: number[] = [];
  for (const key of Object.keys(columns)) {
    const c = columns[key];
    if (c === undefined) continue;
    slots.set(key, slotColumns.length);
    slotColumns.push(c);
  }
  const rows: TableRow<string, string>[] = [];
  const made: (TableCell | undefined)[] = [];
  for (let k = 0; k < slotColumns.length; k++) made.push(undefined);
  const layout: TableLayout = { range, slots, slotColumns, made, madeFor: null };
  for (let r = 1; r < range.rows; r++) rows.push(new HeaderRow(layout, cells[r] ?? [], r));
  return { columns, rows, range } as unknown as TableOf<T>;
}

/** What the rows of one table share: where the columns are, and the TableCells made for the row being read. */
interface TableLayout {
  range: RangeAddress;
  /** Column key → slot; slotColumns[slot] is the column's index in the range. */
  slots: ReadonlyMap<string, number>;
  slotColumns: readonly number[];
  /** The TableCells made for `madeFor`, by slot: a row is read at once, so one row's are kept at a time. */
  made: (TableCell | undefined)[];
  madeFor: HeaderRow | null;
}

/**
 * A data row of a header table. A row's cells are asked for many times while
 * it is read: each TableCell is made once while the row is the one being read
 * (asked again after another row, it is made anew, equal to the first).
 */
class HeaderRow implements TableRow<string, string> {
  private first: CellAddress | undefined;

  constructor(
    private readonly layout: TableLayout,
    private readonly line: readonly CellInput[],
    private readonly r: number,
  ) {}

  /** The row's first cell; made when asked (total rows only), once. */
  get address(): CellAddress {
    if (this.first === undefined) this.first = at(this.layout.range, this.r, 0);
    return this.first;
  }

  get(key: string): TableCell {
    const layout = this.layout;
    const slot = layout.slots.get(key);
    // Absent optional columns give undefined; required ones are always present (checked when the table was read).
    if (slot === undefined) return undefined as unknown as TableCell;
    const made = layout.made;
    if (layout.madeFor !== this) {
      for (let k = 0; k < made.length; k++) made[k] = undefined;
      layout.madeFor = this;
    }
    let tc = made[slot];
    if (tc === undefined) {
      const c = layout.slotColumns[slot];
      tc = { cell: this.line[c] ?? EMPTY_CELL, address: at(layout.range, this.r, c) };
      made[slot] = tc;
    }
    return tc;
  }

  cell(key: string): CellInput {
    const layout = this.layout;
    const slot = layout.slots.get(key);
    if (slot === undefined) return undefined as unknown as CellInput;
    return this.line[layout.slotColumns[slot]] ?? EMPTY_CELL;
  }
}

/** The index (≥ 1) of a row below the first that holds every required header, or -1. */
function rowWithHeaders(cells: CellInput[][], range: RangeAddress, specs: readonly ColumnSpec<string>[], index: Map<string, ColumnSpec<string>[]>): number {
  const required = specs.filter((s) => s.required).map((s) => s.key);
  const last = Math.min(range.rows, HEADER_SEARCH_ROWS + 1);
  for (let r = 1; r < last; r++) {
    const keys = new Set<string>();
    for (const text of rowTexts(cells[r], range.cols)) {
      for (const spec of (text === '' ? undefined : index.get(normalizeHeader(text))) ?? []) keys.add(spec.key);
    }
    if (required.every((k) => keys.has(k))) return r;
  }
  return -1;
}

export function at(range: RangeAddress, r: number, c: number): CellAddress {
  return { sheet: range.sheet, row: range.row + r, col: range.col + c };
}
