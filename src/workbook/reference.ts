import { columnIndex, MAX_COLS, MAX_ROWS, type RangeAddress } from './address';

/**
 * The one parser of A1-style references for every host: a defined name's
 * formula as the xlsx file stores it (`'预算 执行'!$A$4:$H$9`), NamedItem.value
 * and Range.address as office.js reports them (`Sheet1!A4:H9`,
 * `'O''Brien'!$A$1:$B$2`, `Sheet1!A:P`, `Sheet1!14:23`). Pure, no host
 * types, and written for the ES5 bundle of the Excel pane: index loops, no
 * lookbehind, nothing beyond ES5 built-ins.
 */

/** A reference to whole columns (`$A:$P`) or whole rows (`$14:$23`). */
export type WholeKind = 'columns' | 'rows';

/**
 * One rectangle of a reference, 0-based, corners in order. `whole` marks an
 * area that spans every row (columns) or every column (rows) of its sheet:
 * written so (`$A:$P`, `$14:$23`, the whole sheet as `1:1048576` or `A:XFD`),
 * or as cells reaching both edges of the grid in one direction
 * (`$A$1:$P$1048576` is `$A:$P`). The whole sheet written as cells
 * (`$A$1:$XFD$1048576`) is no such reference: it is the grid itself.
 */
export interface ReferenceArea extends RangeAddress {
  whole: WholeKind | null;
}

export type ParsedReference =
  | { kind: 'area'; area: ReferenceArea }
  | { kind: 'multiArea'; areas: ReferenceArea[] }
  /** A constant, a formula, #REF!, a reference without a sheet, a 3-D or an external reference. */
  | { kind: 'other' };

/**
 * Splits text at top-level commas: outside quoted sheet names ('…' with ''
 * escapes), string literals ("…" with "" escapes), parentheses, braces and
 * brackets. Null when quotes or brackets do not balance.
 */
function splitTopLevel(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "'" || ch === '"') {
      const end = closingQuote(text, i);
      if (end < 0) return null;
      i = end;
    } else if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      depth--;
      if (depth < 0) return null;
    } else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return null;
  parts.push(text.slice(start));
  return parts;
}

/** The index of the quote closing the one at `open` (a doubled quote is an escape), or -1. */
function closingQuote(text: string, open: number): number {
  const quote = text.charAt(open);
  let j = open + 1;
  while (j < text.length) {
    if (text.charAt(j) === quote) {
      if (text.charAt(j + 1) !== quote) return j;
      j += 2;
    } else j++;
  }
  return -1;
}

/** True when the parentheses in text balance (outside quotes). */
function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "'" || ch === '"') {
      const end = closingQuote(text, i);
      if (end < 0) return false;
      i = end;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Removes parentheses that enclose the whole text: `((A))` → `A`, but not `(A1):(B2)`. */
function stripOuterParens(text: string): string {
  let t = trim(text);
  while (t.charAt(0) === '(' && t.charAt(t.length - 1) === ')' && balanced(t.slice(1, -1))) t = trim(t.slice(1, -1));
  return t;
}

function trim(text: string): string {
  return text.replace(/^\s+|\s+$/g, '');
}

/** Characters an unquoted sheet name cannot hold (Excel quotes such names): operators, separators, brackets, quotes. */
const UNQUOTED_FORBIDDEN = /[\s()[\]{}:,;'"!&+\-*/^=<>%#@~`|\\?]/;
/** Characters no sheet name can hold; in a quoted name `[` means an external workbook and `:` a 3-D reference. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/;
const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

/** The sheet and the local part of `Sheet!A1` / `'My ''sheet'''!A1`, or null. */
function splitSheet(text: string): { sheet: string; local: string } | null {
  if (text.charAt(0) === "'") {
    const end = closingQuote(text, 0);
    if (end < 0 || text.charAt(end + 1) !== '!') return null;
    const sheet = text.slice(1, end).replace(/''/g, "'");
    if (sheet === '' || SHEET_FORBIDDEN.test(sheet)) return null;
    return { sheet, local: text.slice(end + 2) };
  }
  const bang = text.indexOf('!');
  if (bang <= 0) return null;
  const sheet = text.slice(0, bang);
  if (UNQUOTED_FORBIDDEN.test(sheet)) return null;
  return { sheet, local: text.slice(bang + 1) };
}

/** A 0-based row from `5` / `$5`, or -1 beyond Excel's grid. */
function rowIndex(digits: string): number {
  const row = Number(digits) - 1;
  return row >= 0 && row < MAX_ROWS ? row : -1;
}

/** A 0-based column from `E` / `$E`, or -1 beyond Excel's grid. */
function colIndex(letters: string): number {
  const col = columnIndex(letters);
  return col >= 0 && col < MAX_COLS ? col : -1;
}

/** The area between two corners given in any order. */
function span(sheet: string, r1: number, c1: number, r2: number, c2: number): ReferenceArea {
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  const rows = Math.abs(r2 - r1) + 1;
  const cols = Math.abs(c2 - c1) + 1;
  const allRows = rows === MAX_ROWS;
  const allCols = cols === MAX_COLS;
  const whole: WholeKind | null = allRows === allCols ? null : allRows ? 'columns' : 'rows';
  return { sheet, row, col, rows, cols, whole };
}

/**
 * One area with its sheet: `Sheet!A1:B2`, `'My ''sheet'''!$A$1`, `S!$A:$C`,
 * `S!$2:$5` (`$` anywhere, letters in any case, corners in any order); null
 * for anything else, including a cell beyond XFD1048576.
 */
export function parseArea(text: string): ReferenceArea | null {
  const split = splitSheet(trim(text));
  if (!split) return null;
  const ends = split.local.split(':');
  if (ends.length > 2) return null;
  const a = ends[0];
  const b = ends.length === 2 ? ends[1] : a;
  let m = CELL.exec(a);
  let n = CELL.exec(b);
  if (m && n) {
    const r1 = rowIndex(m[2]);
    const r2 = rowIndex(n[2]);
    const c1 = colIndex(m[1]);
    const c2 = colIndex(n[1]);
    return r1 < 0 || r2 < 0 || c1 < 0 || c2 < 0 ? null : span(split.sheet, r1, c1, r2, c2);
  }
  if (ends.length !== 2) return null;
  m = COLUMN.exec(a);
  n = COLUMN.exec(b);
  if (m && n) {
    const c1 = colIndex(m[1]);
    const c2 = colIndex(n[1]);
    if (c1 < 0 || c2 < 0) return null;
    const area = span(split.sheet, 0, c1, MAX_ROWS - 1, c2);
    area.whole = 'columns'; // also `A:XFD`
    return area;
  }
  m = ROW.exec(a);
  n = ROW.exec(b);
  if (m && n) {
    const r1 = rowIndex(m[1]);
    const r2 = rowIndex(n[1]);
    if (r1 < 0 || r2 < 0) return null;
    const area = span(split.sheet, r1, 0, r2, MAX_COLS - 1);
    area.whole = 'rows'; // also `1:1048576`
    return area;
  }
  return null;
}

/**
 * Classifies a reference (a leading `=` and surrounding parentheses
 * allowed): one area, several areas (a union, comma-separated; commas inside
 * quoted sheet names and string literals do not count), or anything else.
 * Every area must name its sheet.
 */
export function parseReference(formula: string): ParsedReference {
  let text = trim(formula);
  if (text.charAt(0) === '=') text = text.slice(1);
  text = stripOuterParens(text);
  const parts = splitTopLevel(text);
  if (parts === null) return { kind: 'other' };
  if (parts.length === 1) {
    const one = parseArea(text);
    return one ? { kind: 'area', area: one } : { kind: 'other' };
  }
  const areas: ReferenceArea[] = [];
  for (let i = 0; i < parts.length; i++) {
    const one = parseArea(stripOuterParens(parts[i]));
    if (!one) return { kind: 'other' };
    areas.push(one);
  }
  return { kind: 'multiArea', areas };
}

/** The cells of an area without its whole-ness: what Worksheet.getRange and the plan work with. */
export function rangeOf(area: ReferenceArea): RangeAddress {
  return { sheet: area.sheet, row: area.row, col: area.col, rows: area.rows, cols: area.cols };
}
