import { PositionTracker } from './cell-positions';
import { decodeEscapes } from './decode-escapes';
import { abort } from './file-error';
import { isValidDimension } from './parse-cell-ref';
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
 * reused: copy what you keep), placing them by the rule of cell-positions.ts.
 * A reference outside Excel's limits gives `badDimension`, contradictory
 * positions `cellPosition`.
 */
export function scanSheet(text: string, part: string, sheet: string, onCell: (cell: RawCell) => void): void {
  const cell: RawCell = { row: 0, col: 0, type: '', style: 0, value: null, formula: false };
  const positions = new PositionTracker(sheet, part);
  let depth = 0;
  let inSheetData = false;
  let inRow = false;
  let inCell = false;
  let collect = false;
  let inInline = false;
  let phonetic = 0;
  let buffer = '';
  parseXml(text, part, {
    open(tag) {
      depth++;
      if (!SML_NS.has(tag.uri)) return;
      const local = tag.local;
      if (inCell) {
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
      } else if (depth === 4) {
        if (local !== 'c' || !inRow) return;
        inCell = true;
        positions.openCell(attr(tag, 'r'));
        cell.row = positions.row;
        cell.col = positions.col;
        cell.type = attr(tag, 't') ?? '';
        const s = attr(tag, 's');
        cell.style = s === undefined ? 0 : Number(s) | 0;
        cell.value = null;
        cell.formula = false;
      } else if (depth === 3) {
        if (local === 'row' && inSheetData) {
          positions.openRow(attr(tag, 'r'));
          inRow = true;
        }
      } else if (depth === 2) {
        if (local === 'sheetData') inSheetData = true;
        else if (local === 'dimension') {
          const r = attr(tag, 'ref');
          if (r !== undefined && !isValidDimension(r)) abort('badDimension', { sheet, cell: r, part });
        }
      }
    },
    text(t) {
      if (collect) buffer += t;
    },
    close(tag) {
      const at = depth--;
      if (!SML_NS.has(tag.uri)) return;
      const local = tag.local;
      if (inCell) {
        if (at === 4) {
          inCell = false;
          inInline = false;
          phonetic = 0;
          onCell(cell);
        } else if (local === 'v' && collect) {
          cell.value = buffer;
          collect = false;
        } else if (local === 't' && collect) {
          cell.value += decodeEscapes(buffer);
          buffer = '';
          collect = false;
        } else if (local === 'rPh') phonetic--;
      } else if (at === 3 && inRow) {
        positions.closeRow();
        inRow = false;
      } else if (at === 2 && local === 'sheetData') inSheetData = false;
    },
  });
}
