import { columnIndex, MAX_COLS, MAX_ROWS } from '../../workbook/address';

/** One rectangular area of a reference, 0-based and inclusive; whole columns/rows are marked. */
export interface ParsedArea {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  wholeColumns: boolean;
  wholeRows: boolean;
}

export type ParsedReference =
  | { kind: 'area'; area: ParsedArea }
  | { kind: 'multiArea'; areas: ParsedArea[] }
  | { kind: 'other' };

/**
 * Splits text at top-level commas: outside quoted sheet names ('…' with ''
 * escapes), string literals ("…" with "" escapes), parentheses and braces.
 * Returns null when quotes or brackets do not balance.
 */
function splitTopLevel(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) return null;
        if (text[j] === ch) {
          if (text[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      i = j;
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

/** Removes parentheses that enclose the whole text: `((A))` → `A`. */
function stripOuterParens(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')')) {
    const inner = t.slice(1, -1);
    // `(A1):(B2)` starts and ends with parens that do not enclose the whole: the inner text then does not balance.
    if (!balanced(inner)) break;
    t = inner.trim();
  }
  return t;
}

function balanced(text: string): boolean {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) {
        if (text[i + 1] === quote) i++;
        else quote = '';
      }
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0 && quote === '';
}

const UNQUOTED_FORBIDDEN = /[\s()[\]{}:,;'"!&+\-*/^=<>%#]/;
const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

/** `Sheet!A1:B2`, `'My ''sheet'''!$A$1`, `S!$A:$C`, `S!$2:$5` → one area; anything else → null. */
export function parseArea(text: string): ParsedArea | null {
  const t = text.trim();
  let sheet: string;
  let rest: string;
  if (t.startsWith("'")) {
    let j = 1;
    let name = '';
    for (;;) {
      if (j >= t.length) return null;
      if (t[j] === "'") {
        if (t[j + 1] === "'") {
          name += "'";
          j += 2;
          continue;
        }
        break;
      }
      name += t[j++];
    }
    if (t[j + 1] !== '!') return null;
    sheet = name;
    rest = t.slice(j + 2);
    // Sheet names cannot hold `:` or `[`: this is a 3-D reference or an external workbook.
    if (name.includes(':') || name.includes('[')) return null;
  } else {
    const bang = t.indexOf('!');
    if (bang <= 0) return null;
    sheet = t.slice(0, bang);
    rest = t.slice(bang + 1);
    if (UNQUOTED_FORBIDDEN.test(sheet)) return null;
  }
  if (sheet === '') return null;
  const ends = rest.split(':');
  if (ends.length > 2) return null;
  const [a, b = a] = ends;
  let m: RegExpExecArray | null;
  let m2: RegExpExecArray | null;
  if ((m = CELL.exec(a)) && (m2 = CELL.exec(b))) {
    const r1 = Number(m[2]) - 1;
    const r2 = Number(m2[2]) - 1;
    const c1 = columnIndex(m[1]);
    const c2 = columnIndex(m2[1]);
    if (!inRows(r1) || !inRows(r2) || !inCols(c1) || !inCols(c2)) return null;
    return area(sheet, r1, c1, r2, c2, false, false);
  }
  if (ends.length === 2 && (m = COLUMN.exec(a)) && (m2 = COLUMN.exec(b))) {
    const c1 = columnIndex(m[1]);
    const c2 = columnIndex(m2[1]);
    if (!inCols(c1) || !inCols(c2)) return null;
    return area(sheet, 0, c1, MAX_ROWS - 1, c2, true, false);
  }
  if (ends.length === 2 && (m = ROW.exec(a)) && (m2 = ROW.exec(b))) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m2[1]) - 1;
    if (!inRows(r1) || !inRows(r2)) return null;
    return area(sheet, r1, 0, r2, MAX_COLS - 1, false, true);
  }
  return null;
}

function inRows(r: number): boolean {
  return r >= 0 && r < MAX_ROWS;
}

function inCols(c: number): boolean {
  return c >= 0 && c < MAX_COLS;
}

function area(sheet: string, r1: number, c1: number, r2: number, c2: number, wholeColumns: boolean, wholeRows: boolean): ParsedArea {
  return {
    sheet,
    top: Math.min(r1, r2),
    bottom: Math.max(r1, r2),
    left: Math.min(c1, c2),
    right: Math.max(c1, c2),
    wholeColumns,
    wholeRows,
  };
}

/**
 * Classifies a defined name's formula: one area, several areas (a union,
 * comma-separated, possibly in parentheses), or anything else (a constant,
 * a formula, #REF!, a 3-D or external reference).
 */
export function parseReference(formula: string): ParsedReference {
  let text = formula.trim();
  if (text.startsWith('=')) text = text.slice(1);
  text = stripOuterParens(text);
  const parts = splitTopLevel(text);
  if (parts === null) return { kind: 'other' };
  if (parts.length === 1) {
    const one = parseArea(text);
    return one ? { kind: 'area', area: one } : { kind: 'other' };
  }
  const areas: ParsedArea[] = [];
  for (const part of parts) {
    const one = parseArea(stripOuterParens(part));
    if (!one) return { kind: 'other' };
    areas.push(one);
  }
  return { kind: 'multiArea', areas };
}
