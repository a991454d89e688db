import type { CellAddress } from './address';
import type { TableCell } from './header-table';
import type { IssueList } from './issue-list';
import { readNumber, type NumberValue } from './numbers';

/** A number from a cell, with where it came from. */
export interface NumberCell extends NumberValue {
  address: CellAddress;
}

/**
 * Reads an optional number: undefined when the column is absent or the cell
 * blank; null after adding an issue when the cell holds something else.
 */
export function optionalNumber(tc: TableCell | undefined, field: string, issues: IssueList): NumberCell | undefined | null {
  if (!tc) return undefined;
  const read = readNumber(tc.cell);
  if (read.kind === 'empty') return undefined;
  if (read.kind === 'invalid') {
    issues.atCell(read.code, tc.address, { field, text: read.text });
    return null;
  }
  return { ...read.number, address: tc.address };
}

/** Reads a required number: an issue when it is blank or invalid. */
export function requiredNumber(tc: TableCell | undefined, field: string, issues: IssueList, fallback: CellAddress): NumberCell | null {
  const n = optionalNumber(tc, field, issues);
  if (n === undefined) {
    issues.atCell('valueRequired', tc ? tc.address : fallback, { field });
    return null;
  }
  return n;
}
