/**
 * Cell addresses stay 0-based and structured inside the code; they are
 * rendered as `'Sheet'!E5` only when a message is shown (HyperFormula style).
 */
export interface CellAddress {
  sheet: string;
  /** 0-based row index on the sheet. */
  row: number;
  /** 0-based column index on the sheet. */
  col: number;
}

/** A rectangular block on one sheet, 0-based top-left plus size. */
export interface RangeAddress {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Excel's limits: 1,048,576 rows × 16,384 columns. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Letters of the columns asked for so far: a written table asks for the same few thousands of times. */
const lettersByColumn: string[] = [];

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  if (col >= 0 && col < MAX_COLS && col % 1 === 0) return (lettersByColumn[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A → 0, AA → 26; returns -1 for anything that is not 1–3 letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `E5` for row 4, col 4. */
export function a1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** Parses `E5` / `$E$5` into 0-based row/col; null when it is not a cell reference within Excel's limits. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

/** Quotes a sheet name the way Excel does in formulas: always `'…'`, with `'` doubled. */
export function quoteSheet(sheet: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'";
}

/** `'绩效指标'!E5` */
export function formatCell(address: CellAddress): string {
  return quoteSheet(address.sheet) + '!' + a1(address.row, address.col);
}

/** `'绩效指标'!A1:P9` */
export function formatRange(range: RangeAddress): string {
  const start = a1(range.row, range.col);
  const end = a1(range.row + range.rows - 1, range.col + range.cols - 1);
  return quoteSheet(range.sheet) + '!' + (start === end ? start : start + ':' + end);
}

/** `'项目1'!$A$12:$I$26`, the absolute reference a defined name holds. */
export function nameReference(range: RangeAddress): string {
  const corner = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  return `${quoteSheet(range.sheet)}!${corner(range.row, range.col)}:${corner(range.row + range.rows - 1, range.col + range.cols - 1)}`;
}
