import { a1, type RangeAddress } from '../../workbook/address';

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
