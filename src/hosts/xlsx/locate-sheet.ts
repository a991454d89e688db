import { columnLetters, MAX_COLS, MAX_ROWS } from '../../workbook/address';
import { abort } from './file-error';
import { isValidDimension, parseCellRef, parseRowNumber } from './parse-cell-ref';
import { attr, closeTagStart, parseXml, SML_NS, tagStart } from './parse-xml';
import { qualifiedPrefix, type ElementSpan } from './read-styles';

export interface CellSpan extends ElementSpan {
  col: number;
  formula: boolean;
  /** The s attribute, undefined when absent. */
  style: number | undefined;
}

export interface RowSpan extends ElementSpan {
  index: number;
  /** Cells, recorded only for rows that receive writes. */
  cells?: CellSpan[];
  /** Row style (s with customFormat="1"), for new cells in this row. */
  style?: number;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Where things are in a worksheet part, for splicing writes into its text. */
export interface SheetLayout {
  /** Prefix of SpreadsheetML elements (`''` or `x:`). */
  prefix: string;
  dimension?: ElementSpan;
  sheetData?: ElementSpan;
  rows: RowSpan[];
  /** Ranges of array and data-table formulas (cells inside hold results, not values). */
  formulaRanges: Box[];
  /** <col min max style>, 0-based inclusive. */
  columnStyles: { min: number; max: number; style: number }[];
}

function span(text: string, end: number, selfClosing: boolean): ElementSpan {
  return { start: tagStart(text, end), startTagEnd: end, closeStart: end, end, selfClosing };
}

function finish(s: ElementSpan, text: string, end: number): void {
  if (!s.selfClosing) s.closeStart = closeTagStart(text, end);
  s.end = end;
}

function parseBox(ref: string): Box | null {
  const [a, b = a] = ref.split(':');
  const p = { row: 0, col: 0 };
  const q = { row: 0, col: 0 };
  if (!parseCellRef(a.replace(/\$/g, ''), p) || !parseCellRef(b.replace(/\$/g, ''), q)) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export { parseBox };

/**
 * Parses a worksheet part and records where its rows, the cells of the
 * `targetRows`, <dimension> and <sheetData> are. Throws a FileErrorAbort.
 */
export function locateSheet(text: string, part: string, sheet: string, targetRows: Set<number>): SheetLayout {
  const layout: SheetLayout = { prefix: '', rows: [], formulaRanges: [], columnStyles: [] };
  const ref = { row: 0, col: 0 };
  let depth = 0;
  let row: RowSpan | undefined;
  let rowIndex = -1;
  let col = -1;
  let cell: CellSpan | undefined;
  const bad = (at: string) => abort('badDimension', { sheet, cell: at, part });
  parseXml(text, part, {
    open(tag, end) {
      depth++;
      if (!SML_NS.has(tag.uri)) return;
      const local = tag.local;
      if (depth === 1) layout.prefix = qualifiedPrefix(tag);
      else if (local === 'c' && row) {
        const r = attr(tag, 'r');
        if (r !== undefined) {
          if (!parseCellRef(r, ref)) bad(r);
          col = ref.col;
        } else if (++col >= MAX_COLS) bad(columnLetters(col) + String(rowIndex + 1));
        if (row.cells) {
          const s = attr(tag, 's');
          cell = { ...span(text, end, tag.isSelfClosing), col, formula: false, style: s === undefined ? undefined : Number(s) | 0 };
          row.cells.push(cell);
        }
      } else if (local === 'f' && depth > 3) {
        if (cell) cell.formula = true;
        const t = attr(tag, 't');
        const range = attr(tag, 'ref');
        if ((t === 'array' || t === 'dataTable') && range) {
          const box = parseBox(range);
          if (box) layout.formulaRanges.push(box);
        }
      } else if (local === 'row' && depth === 3 && layout.sheetData) {
        const r = attr(tag, 'r');
        if (r !== undefined) {
          rowIndex = parseRowNumber(r);
          if (rowIndex < 0) bad(r);
        } else if (++rowIndex >= MAX_ROWS) bad(String(rowIndex + 1));
        col = -1;
        row = { ...span(text, end, tag.isSelfClosing), index: rowIndex };
        if (targetRows.has(rowIndex)) {
          row.cells = [];
          const s = attr(tag, 's');
          if (s !== undefined && (attr(tag, 'customFormat') === '1' || attr(tag, 'customFormat') === 'true')) row.style = Number(s) | 0;
        }
        layout.rows.push(row);
      } else if (depth === 2 && local === 'sheetData') layout.sheetData = span(text, end, tag.isSelfClosing);
      else if (depth === 2 && local === 'dimension') {
        const r = attr(tag, 'ref');
        if (r !== undefined && !isValidDimension(r)) bad(r);
        layout.dimension = span(text, end, tag.isSelfClosing);
      }
      else if (depth === 3 && local === 'col') {
        const min = Number(attr(tag, 'min'));
        const max = Number(attr(tag, 'max'));
        const style = attr(tag, 'style');
        if (style !== undefined && min >= 1 && max >= min) layout.columnStyles.push({ min: min - 1, max: max - 1, style: Number(style) | 0 });
      }
    },
    close(tag, end) {
      depth--;
      if (!SML_NS.has(tag.uri)) return;
      const local = tag.local;
      if (local === 'c' && cell && depth === 3) {
        finish(cell, text, end);
        cell = undefined;
      } else if (local === 'row' && row && depth === 2) {
        finish(row, text, end);
        row = undefined;
      } else if (depth === 1 && local === 'sheetData' && layout.sheetData) finish(layout.sheetData, text, end);
      else if (depth === 1 && local === 'dimension' && layout.dimension) finish(layout.dimension, text, end);
    },
  });
  return layout;
}
