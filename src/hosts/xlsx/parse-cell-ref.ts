import { MAX_COLS, MAX_ROWS } from '../../workbook/address';

/**
 * Parses a cell reference as written in a sheet part (`B7`, no `$`) into
 * 0-based row and column; returns false when it is not a reference within
 * Excel's limits. Written out by hand: it runs for every cell of a sheet.
 */
export function parseCellRef(ref: string, out: { row: number; col: number }): boolean {
  let i = 0;
  let col = 0;
  const n = ref.length;
  while (i < n && i < 4) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case letters
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    i++;
  }
  if (i === 0 || i > 3 || i === n) return false;
  let row = 0;
  const digitsStart = i;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39 || i - digitsStart >= 7) return false;
    row = row * 10 + (c - 0x30);
    i++;
  }
  if (row < 1 || row > MAX_ROWS || col > MAX_COLS) return false;
  out.row = row - 1;
  out.col = col - 1;
  return true;
}

/** Parses a row number attribute (`r="12"`) into a 0-based index, or -1. */
export function parseRowNumber(text: string): number {
  if (!/^[0-9]{1,7}$/.test(text)) return -1;
  const row = Number(text);
  return row >= 1 && row <= MAX_ROWS ? row - 1 : -1;
}

/**
 * True for a <dimension ref> that Excel could have written: `A1` or `A1:C9`
 * (`$` allowed), every corner inside Excel's limits. The dimension is only a
 * hint (nothing is sized from it), but one beyond XFD1048576 marks a damaged
 * or hostile file, which is refused rather than written back still damaged.
 */
export function isValidDimension(ref: string): boolean {
  const parts = ref.split(':');
  if (parts.length > 2) return false;
  const at = { row: 0, col: 0 };
  return parts.every((p) => parseCellRef(p.replace(/\$/g, ''), at));
}
