import { a1, parseA1, type RangeAddress } from '../../workbook/address';

/**
 * Parses the `address` Excel reports for a range: `Sheet1!A4:H9`,
 * `'预算 执行'!A4`, `'O''Brien'!$A$1:$B$2`. Null when it is not one area.
 */
export function parseExcelAddress(address: string): RangeAddress | null {
  const bang = address.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = address.slice(0, bang);
  if (sheet.charAt(0) === "'" && sheet.charAt(sheet.length - 1) === "'") {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const parts = address.slice(bang + 1).split(':');
  if (parts.length > 2) return null;
  const start = parseA1(parts[0]);
  const end = parseA1(parts[parts.length - 1]);
  if (!start || !end) return null;
  return {
    sheet,
    row: Math.min(start.row, end.row),
    col: Math.min(start.col, end.col),
    rows: Math.abs(end.row - start.row) + 1,
    cols: Math.abs(end.col - start.col) + 1,
  };
}

/** `A4:H9` (no sheet) for Worksheet.getRange. */
export function localAddress(range: { row: number; col: number; rows: number; cols: number }): string {
  const start = a1(range.row, range.col);
  if (range.rows === 1 && range.cols === 1) return start;
  return start + ':' + a1(range.row + range.rows - 1, range.col + range.cols - 1);
}

/** Same sheet and same cells (sheet names compare case-insensitively, as Excel does). */
export function sameRange(a: RangeAddress, b: RangeAddress): boolean {
  return (
    a.sheet.toLowerCase() === b.sheet.toLowerCase() &&
    a.row === b.row &&
    a.col === b.col &&
    a.rows === b.rows &&
    a.cols === b.cols
  );
}

/**
 * True when a defined name's formula (`=A!$A$1:$B$2,A!$D$4`) lists more than
 * one area: a comma outside quotes and brackets.
 */
export function isMultiArea(formula: string): boolean {
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula.charAt(i);
    if (ch === "'" || ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') return true;
  }
  return false;
}
