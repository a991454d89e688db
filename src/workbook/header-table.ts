import type { CellAddress, RangeAddress } from './address';
import { formatCell, formatRange } from './address';
import type { CellInput } from './cells';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader } from './normalize';
import type { ColumnSpec } from './vocabulary';

/** A cell of a table together with where it is. */
export interface TableCell {
  cell: CellInput;
  address: CellAddress;
}

export interface TableRow<K extends string> {
  /** Cells of the contract's columns that the header row has. */
  get(key: K): TableCell | undefined;
  address: CellAddress;
}

export interface HeaderTable<K extends string> {
  columns: Partial<Record<K, number>>;
  rows: TableRow<K>[];
  range: RangeAddress;
}

/** Header text → column key, for one table's vocabulary. */
function headerIndex<K extends string>(specs: readonly ColumnSpec<K>[]): Map<string, ColumnSpec<K>> {
  const index = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) {
    for (const text of [spec.header, ...spec.aliases]) index.set(normalizeHeader(text), spec);
  }
  return index;
}

/**
 * Reads a header table: the first row is the header; columns are found by
 * header text, unknown headers are the user's own and are read past. Issues
 * for duplicate and missing required columns are added to `issues`; null
 * when the table cannot be read at all.
 */
export function readHeaderTable<K extends string>(
  name: string,
  range: RangeAddress,
  cells: CellInput[][],
  specs: readonly ColumnSpec<K>[],
  issues: IssueList,
): HeaderTable<K> | null {
  if (range.rows < 1) {
    issues.atName('rangeTooSmall', name, { range: formatRange(range), need: '至少需要一行表头' });
    return null;
  }
  const index = headerIndex(specs);
  const columns: Partial<Record<K, number>> = {};
  const header = cells[0] ?? [];
  for (let c = 0; c < range.cols; c++) {
    const text = cellText(header[c]?.value ?? null);
    if (text === '') continue;
    const spec = index.get(normalizeHeader(text));
    if (!spec) continue;
    const previous = columns[spec.key];
    if (previous !== undefined) {
      issues.atCell('columnDuplicate', at(range, 0, c), {
        text,
        header: spec.header,
        other: formatCell(at(range, 0, previous)),
      });
      continue;
    }
    columns[spec.key] = c;
  }
  let complete = true;
  for (const spec of specs) {
    if (spec.required && columns[spec.key] === undefined) {
      issues.atName('columnMissing', name, { header: spec.header, aliases: spec.aliases.join('、') || '无' });
      complete = false;
    }
  }
  if (!complete) return null;

  const rows: TableRow<K>[] = [];
  for (let r = 1; r < range.rows; r++) {
    const line = cells[r] ?? [];
    rows.push({
      address: at(range, r, 0),
      get(key: K): TableCell | undefined {
        const c = columns[key];
        if (c === undefined) return undefined;
        return { cell: line[c] ?? EMPTY, address: at(range, r, c) };
      },
    });
  }
  return { columns, rows, range };
}

const EMPTY: CellInput = { value: null, numberFormat: 'General', formula: false };

export function at(range: RangeAddress, r: number, c: number): CellAddress {
  return { sheet: range.sheet, row: range.row + r, col: range.col + c };
}
