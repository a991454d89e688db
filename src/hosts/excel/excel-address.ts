import { a1, columnIndex, MAX_COLS, MAX_ROWS, parseA1, type RangeAddress } from '../../workbook/address';

/** A reference to whole columns (`$A:$P`) or whole rows (`$14:$23`). */
export type WholeKind = 'columns' | 'rows';

const WHOLE_COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const WHOLE_ROWS = /^\$?([0-9]{1,7}):\$?([0-9]{1,7})$/;

/** The cells of `A:P` / `14:23` (no sheet), or null. */
function parseWhole(local: string): { row: number; col: number; endRow: number; endCol: number } | null {
  let m = WHOLE_COLUMNS.exec(local);
  if (m) {
    const c1 = columnIndex(m[1]);
    const c2 = columnIndex(m[2]);
    if (c1 < 0 || c2 < 0 || c1 >= MAX_COLS || c2 >= MAX_COLS) return null;
    return { row: 0, col: c1, endRow: MAX_ROWS - 1, endCol: c2 };
  }
  m = WHOLE_ROWS.exec(local);
  if (m) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return null;
    return { row: r1, col: 0, endRow: r2, endCol: MAX_COLS - 1 };
  }
  return null;
}

/**
 * Whether a range name's reference (NamedItem.value: `'绩效指标'!$A:$P`,
 * `=评价结果!$14:$23`) spans whole columns or whole rows; null for anything
 * else (`'绩效指标'!$A$3:$P$11`, constants, formulas).
 */
export function wholeReference(formula: string): WholeKind | null {
  let text = formula.trim();
  if (text.charAt(0) === '=') text = text.slice(1).trim();
  const bang = text.lastIndexOf('!');
  if (bang <= 0) return null;
  const local = text.slice(bang + 1).trim();
  if (WHOLE_COLUMNS.test(local)) return parseWhole(local) ? 'columns' : null;
  if (WHOLE_ROWS.test(local)) return parseWhole(local) ? 'rows' : null;
  return null;
}

/**
 * Parses the `address` Excel reports for a range: `Sheet1!A4:H9`,
 * `'预算 执行'!A4`, `'O''Brien'!$A$1:$B$2`, and whole columns or rows
 * (`Sheet1!A:P`, `Sheet1!14:23`) as the full cells they cover. Null when it
 * is not one area.
 */
export function parseExcelAddress(address: string): RangeAddress | null {
  const bang = address.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = address.slice(0, bang);
  if (sheet.charAt(0) === "'" && sheet.charAt(sheet.length - 1) === "'") {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const local = address.slice(bang + 1);
  const whole = parseWhole(local);
  if (whole) return spanning(sheet, { row: whole.row, col: whole.col }, { row: whole.endRow, col: whole.endCol });
  const parts = local.split(':');
  if (parts.length > 2) return null;
  const start = parseA1(parts[0]);
  const end = parseA1(parts[parts.length - 1]);
  if (!start || !end) return null;
  return spanning(sheet, start, end);
}

/** The rectangle between two corners given in any order. */
function spanning(sheet: string, a: { row: number; col: number }, b: { row: number; col: number }): RangeAddress {
  return {
    sheet,
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
}

/** True when `address` covers every row (columns) or every column (rows) of its sheet. */
export function spansWhole(address: RangeAddress, kind: WholeKind): boolean {
  return kind === 'columns' ? address.row === 0 && address.rows === MAX_ROWS : address.col === 0 && address.cols === MAX_COLS;
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
