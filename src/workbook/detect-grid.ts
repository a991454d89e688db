import type { RangeAddress } from './address';
import { cellText, normalizeHeader } from './normalize';
import type { DetectSheet } from './detect-types';

/** Texts and header keys by cell, computed once per sheet: the detection looks at every cell several times. */
const TEXTS = new WeakMap<DetectSheet, { text: Array<Array<string | undefined>>; key: Array<Array<string | undefined>> }>();

function memo(sheet: DetectSheet) {
  let m = TEXTS.get(sheet);
  if (!m) TEXTS.set(sheet, (m = { text: [], key: [] }));
  return m;
}

/** The text of a cell of the sheet ('' when empty or outside the grid). */
export function textAt(sheet: DetectSheet, row: number, col: number): string {
  const cell = sheet.cells[row]?.[col];
  if (!cell || cell.value === null) return '';
  const line = memo(sheet).text[row] ?? (memo(sheet).text[row] = []);
  return line[col] ?? (line[col] = cellText(cell.value));
}

/** The cell's text as header and label matching compare it (normalizeHeader). */
export function keyAt(sheet: DetectSheet, row: number, col: number): string {
  const text = textAt(sheet, row, col);
  if (text === '') return '';
  const line = memo(sheet).key[row] ?? (memo(sheet).key[row] = []);
  return line[col] ?? (line[col] = normalizeHeader(text));
}

/** The widest row of the sheet. */
export function sheetWidth(sheet: DetectSheet): number {
  let width = 0;
  for (const line of sheet.cells) if (line && line.length > width) width = line.length;
  return width;
}

/** A merged area whose top-left cell is this one and which runs down more than one row. */
export function verticalMergeAt(sheet: DetectSheet, row: number, col: number): RangeAddress | undefined {
  return (sheet.merges ?? []).find((m) => m.row === row && m.col === col && m.rows > 1);
}

/** True when a merged area that starts in an earlier row covers the cell (its text is in the merge's top cell). */
export function coveredFromAbove(sheet: DetectSheet, row: number, col: number): boolean {
  return (sheet.merges ?? []).some((m) => m.row < row && row < m.row + m.rows && m.col <= col && col < m.col + m.cols);
}

/** A row with no text between the columns, none of them continuing a merge from above. */
export function isBlankRow(sheet: DetectSheet, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    if (textAt(sheet, row, c) !== '' || coveredFromAbove(sheet, row, c)) return false;
  }
  return true;
}
