import { columnLetters, MAX_COLS, MAX_ROWS } from '../../workbook/address';
import { decodeEscapes } from './decode-escapes';
import { abort } from './file-error';
import { isValidDimension, parseCellRef, parseRowNumber } from './parse-cell-ref';
import { attr, parseXml, SML_NS } from './parse-xml';

/** One <c> element as found in a sheet part, before shared strings and styles are applied. */
export interface RawCell {
  row: number;
  col: number;
  /** The t attribute (`s`, `str`, `inlineStr`, `b`, `e`, `d`, `n`), `''` when absent. */
  type: string;
  /** The s attribute (cell xf index), 0 when absent. */
  style: number;
  /** The <v> text, or the inline string's text; null when the cell has neither. */
  value: string | null;
  formula: boolean;
}

/**
 * Streams the cells of a worksheet part to `onCell` (the same object is
 * reused: copy what you keep). Cells and rows without an `r` attribute are
 * placed after the previous one. A reference outside Excel's limits gives
 * `badDimension`.
 */
export function scanSheet(text: string, part: string, sheet: string, onCell: (cell: RawCell) => void): void {
  const cell: RawCell = { row: 0, col: 0, type: '', style: 0, value: null, formula: false };
  const ref = { row: 0, col: 0 };
  let inSheetData = false;
  let row = -1;
  let col = -1;
  let inCell = false;
  let collect = false;
  let inInline = false;
  let phonetic = 0;
  let buffer = '';
  const bad = (at: string) => abort('badDimension', { sheet, cell: at, part });
  parseXml(text, part, {
    open(tag) {
      const local = tag.local;
      if (!SML_NS.has(tag.uri)) return;
      if (local === 'c') {
        if (!inSheetData || row < 0) return;
        inCell = true;
        const r = attr(tag, 'r');
        if (r !== undefined) {
          if (!parseCellRef(r, ref)) bad(r);
          row = ref.row;
          col = ref.col;
        } else {
          col++;
          if (col >= MAX_COLS) bad(columnLetters(col) + String(row + 1));
        }
        cell.row = row;
        cell.col = col;
        cell.type = attr(tag, 't') ?? '';
        const s = attr(tag, 's');
        cell.style = s === undefined ? 0 : Number(s) | 0;
        cell.value = null;
        cell.formula = false;
      } else if (inCell) {
        if (local === 'v' && !inInline) {
          collect = true;
          buffer = '';
        } else if (local === 'f') cell.formula = true;
        else if (local === 'is') {
          inInline = true;
          cell.value = '';
        } else if (local === 'rPh') phonetic++;
        else if (local === 't' && inInline && phonetic === 0) {
          collect = true;
          buffer = '';
        }
      } else if (local === 'row') {
        if (!inSheetData) return;
        const r = attr(tag, 'r');
        if (r !== undefined) {
          row = parseRowNumber(r);
          if (row < 0) bad(r);
        } else row++;
        if (row >= MAX_ROWS) bad(String(row + 1));
        col = -1;
      } else if (local === 'sheetData') inSheetData = true;
      else if (local === 'dimension' && !inSheetData) {
        const r = attr(tag, 'ref');
        if (r !== undefined && !isValidDimension(r)) bad(r);
      }
    },
    text(t) {
      if (collect) buffer += t;
    },
    close(tag) {
      const local = tag.local;
      if (!SML_NS.has(tag.uri)) return;
      if (local === 'c' && inCell) {
        inCell = false;
        inInline = false;
        phonetic = 0;
        onCell(cell);
      } else if (inCell) {
        if (local === 'v' && collect) {
          cell.value = buffer;
          collect = false;
        } else if (local === 't' && collect) {
          cell.value += decodeEscapes(buffer);
          buffer = '';
          collect = false;
        } else if (local === 'rPh') phonetic--;
      } else if (local === 'sheetData') inSheetData = false;
    },
  });
}
