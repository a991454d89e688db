import type { CellAddress, RangeAddress } from './address';
import type { CellInput } from './cells';
import { EMPTY_CELL } from './cells';
import { fieldOf } from './fields';
import type { IssueList } from './issue-list';
import type { ContractName } from './cells';
import { cellText, normalizeHeader } from './normalize';
import { TABLE_COLUMNS, type ColumnSpec, type RequiredKey, type TableKind } from './vocabulary';

/** A cell of a table together with where it is. */
export interface TableCell {
  cell: CellInput;
  address: CellAddress;
}

/** A data row. The cells of required columns are always there (the table is not read without them). */
export interface TableRow<K extends string, R extends K = never> {
  get(key: R): TableCell;
  get(key: K): TableCell | undefined;
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

/** Header text → column spec, for one table's vocabulary. */
function headerIndex(specs: readonly ColumnSpec<string>[]): Map<string, ColumnSpec<string>> {
  const index = new Map<string, ColumnSpec<string>>();
  for (const spec of specs) {
    for (const text of [spec.header, ...spec.aliases]) index.set(normalizeHeader(text), spec);
  }
  return index;
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
  const index = headerIndex(specs);
  const columns: Partial<Record<string, number>> = {};
  const header = rowTexts(cells[0], range.cols);
  header.forEach((text, c) => {
    if (text === '') return;
    const spec = index.get(normalizeHeader(text));
    if (!spec) return;
    const previous = columns[spec.key];
    if (previous !== undefined) {
      issues.add({ code: 'columnDuplicate', cell: at(range, 0, c), text, field: fieldOf(table, spec.key as ColumnKey<T>), other: at(range, 0, previous) });
      return;
    }
    columns[spec.key] = c;
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
      for (const spec of missing) {
        issues.add({ code: 'columnMissing', name, field: fieldOf(table, spec.key as ColumnKey<T>), aliases: spec.aliases, headerRow: range.row });
      }
    }
    return null;
  }

  const rows: TableRow<string, string>[] = [];
  for (let r = 1; r < range.rows; r++) {
    const line = cells[r] ?? [];
    const address = at(range, r, 0);
    rows.push({
      address,
      get(key: string): TableCell {
        const c = columns[key];
        // Absent optional columns give undefined; required ones are always present (checked above).
        return (c === undefined ? undefined : { cell: line[c] ?? EMPTY_CELL, address: at(range, r, c) }) as TableCell;
      },
    });
  }
  return { columns, rows, range } as unknown as TableOf<T>;
}

/** The index (≥ 1) of a row below the first that holds every required header, or -1. */
function rowWithHeaders(cells: CellInput[][], range: RangeAddress, specs: readonly ColumnSpec<string>[], index: Map<string, ColumnSpec<string>>): number {
  const required = specs.filter((s) => s.required).map((s) => s.key);
  const last = Math.min(range.rows, HEADER_SEARCH_ROWS + 1);
  for (let r = 1; r < last; r++) {
    const keys = new Set<string>();
    for (const text of rowTexts(cells[r], range.cols)) {
      const spec = text === '' ? undefined : index.get(normalizeHeader(text));
      if (spec) keys.add(spec.key);
    }
    if (required.every((k) => keys.has(k))) return r;
  }
  return -1;
}

export function at(range: RangeAddress, r: number, c: number): CellAddress {
  return { sheet: range.sheet, row: range.row + r, col: range.col + c };
}
