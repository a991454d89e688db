import { parseBox, type Box } from './cell-box';
import { PositionTracker } from './cell-positions';
import { abort } from './file-error';
import { isValidDimension } from './parse-cell-ref';
import { closeTagStart, parseXmlFast, SML_NS, tagStart } from './parse-xml';
import type { ElementSpan } from './read-styles';

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

/**
 * Parses a worksheet part and records where its rows, the cells of the
 * `targetRows`, <dimension> and <sheetData> are. Rows and cells are placed
 * by the reader's rule (cell-positions.ts), so they come out in ascending
 * order, each row once. Throws a FileErrorAbort.
 */
export function locateSheet(text: string, part: string, sheet: string, targetRows: Set<number>): SheetLayout {
  const layout: SheetLayout = { prefix: '', rows: [], formulaRanges: [], columnStyles: [] };
  const positions = new PositionTracker(sheet, part);
  let depth = 0;
  let row: RowSpan | undefined;
  // A row without r is placed by its first cell (or at its end): its cells are recorded from then on.
  let placed = false;
  let rowStyle: number | undefined;
  let cell: CellSpan | undefined;
  const place = (r: RowSpan) => {
    placed = true;
    r.index = positions.row;
    if (targetRows.has(r.index)) {
      r.cells = [];
      if (rowStyle !== undefined) r.style = rowStyle;
    }
  };
  parseXmlFast(text, part, {
    open(tag, end) {
      depth++;
      if (!SML_NS.has(tag.uri)) return;
      const local = tag.local;
      if (depth === 1) layout.prefix = tag.prefix ? tag.prefix + ':' : '';
      else if (depth === 4 && local === 'c' && row) {
        positions.openCell(tag.attr('r'));
        if (!placed) place(row);
        if (row.cells) {
          const s = tag.attr('s');
          // A plain literal, not a spread of span(): this runs for every cell of every written row.
          const start = tagStart(text, end);
          const style = s === undefined ? undefined : Number(s) | 0;
          cell = { start, startTagEnd: end, closeStart: end, end, selfClosing: tag.isSelfClosing, col: positions.col, formula: false, style };
          row.cells.push(cell);
        }
      } else if (local === 'f' && depth > 3) {
        if (cell) cell.formula = true;
        const t = tag.attr('t');
        const range = tag.attr('ref');
        if ((t === 'array' || t === 'dataTable') && range) {
          const box = parseBox(range);
          if (box) layout.formulaRanges.push(box);
        }
      } else if (local === 'row' && depth === 3 && layout.sheetData) {
        positions.openRow(tag.attr('r'));
        const s = tag.attr('s');
        const customFormat = tag.attr('customFormat');
        rowStyle = s !== undefined && (customFormat === '1' || customFormat === 'true') ? Number(s) | 0 : undefined;
        row = { start: tagStart(text, end), startTagEnd: end, closeStart: end, end, selfClosing: tag.isSelfClosing, index: positions.row };
        placed = false;
        if (positions.row >= 0) place(row);
        layout.rows.push(row);
      } else if (depth === 2 && local === 'sheetData') layout.sheetData = span(text, end, tag.isSelfClosing);
      else if (depth === 2 && local === 'dimension') {
        const r = tag.attr('ref');
        if (r !== undefined && !isValidDimension(r)) abort('badDimension', { sheet, cell: r, part });
        layout.dimension = span(text, end, tag.isSelfClosing);
      }
      else if (depth === 3 && local === 'col') {
        const min = Number(tag.attr('min'));
        const max = Number(tag.attr('max'));
        const style = tag.attr('style');
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
        positions.closeRow();
        if (!placed) place(row);
        finish(row, text, end);
        row = undefined;
      } else if (depth === 1 && local === 'sheetData' && layout.sheetData) finish(layout.sheetData, text, end);
      else if (depth === 1 && local === 'dimension' && layout.dimension) finish(layout.dimension, text, end);
    },
  });
  return layout;
}
