import type { CellAddress } from './address';
import type { TableCell } from './header-table';
import type { FieldRef } from './issues';
import type { IssueList } from './issue-list';
import { isBlank, isPercentFormat, numberToDecimal, readNumber, type NumberValue } from './numbers';
import type { CellInput } from './cells';
import type { TABLE_COLUMNS, TableKind } from './vocabulary';

/** A number from a cell, with where it came from. */
export interface NumberCell extends NumberValue {
  address: CellAddress;
}

/** The field `column` of `table`, as issues name it. */
export function fieldOf<T extends TableKind>(table: T, column: (typeof TABLE_COLUMNS)[T][number]['key']): FieldRef {
  return { table, column } as FieldRef;
}

/**
 * Reads an optional number: undefined when the column is absent or the cell
 * blank; null after adding an issue when the cell holds something else.
 */
export function optionalNumber(tc: TableCell | undefined, field: FieldRef, issues: IssueList): NumberCell | undefined | null {
  if (!tc) return undefined;
  const { cell } = tc;
  const v = cell.value;
  // The common case, a finite number, read as readNumber reads it, straight into a NumberCell.
  if (typeof v === 'number' && !cell.error && isFinite(v)) {
    return { value: numberToDecimal(v), unit: '', percentFormat: isPercentFormat(cell.numberFormat), textPercent: false, address: tc.address };
  }
  const read = readNumber(cell);
  if (read.kind === 'empty') return undefined;
  if (read.kind === 'invalid') {
    if (read.code === 'formulaWithoutValue') issues.add({ code: 'formulaWithoutValue', cell: tc.address, field });
    else issues.add({ code: read.code, cell: tc.address, field, text: read.text });
    return null;
  }
  const n = read.number;
  return { value: n.value, unit: n.unit, percentFormat: n.percentFormat, textPercent: n.textPercent, address: tc.address };
}

/** True when readNumber finds the cell empty (blank, no formula, no error): optionalNumber gives undefined for it. */
export function isEmptyNumber(cell: CellInput): boolean {
  return !cell.error && !cell.formula && isBlank(cell);
}

/** Reads a required number: an issue when it is blank or invalid (one issue per cell). */
export function requiredNumber(tc: TableCell, field: FieldRef, issues: IssueList): NumberCell | null {
  const n = optionalNumber(tc, field, issues);
  if (n === undefined) {
    issues.add({ code: 'valueRequired', cell: tc.address, field });
    return null;
  }
  return n;
}
