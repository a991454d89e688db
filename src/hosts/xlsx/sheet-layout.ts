import { parseBox, type Box } from './cell-box';
import { closeTagStart, tagStart } from './parse-xml';
import type { ElementSpan } from './read-styles';

/** A recorded cell: [start, startTagEnd) is its start tag, [start, end) the whole element (all the writer needs of it). */
export interface CellSpan {
  start: number;
  startTagEnd: number;
  end: number;
  col: number;
  formula: boolean;
  /** The s attribute, undefined when absent. */
  style: number | undefined;
}

export interface RowSpan extends ElementSpan {
  index: number;
  /** Cells, recorded only for rows that may receive writes. */
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
  /** The rows whose cells were recorded: a write elsewhere needs the part located again. */
  recordsCells(row: number): boolean;
}

function span(text: string, end: number, selfClosing: boolean): ElementSpan {
  return { start: tagStart(text, end), startTagEnd: end, closeStart: end, end, selfClosing };
}

function finish(s: ElementSpan, text: string, end: number): void {
  if (!s.selfClosing) s.closeStart = closeTagStart(text, end);
  s.end = end;
}

function isOn(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/**
 * Records a SheetLayout while scan-sheet.ts walks the part (the reader's
 * walk, so the writer needs no second one): spans of <dimension>,
 * <sheetData>, every row, and the cells of the rows `recordsCells` asks for.
 * Rows and cells are placed by the reader's own PositionTracker, so a write
 * lands in the cell that was read.
 */
export class LayoutRecorder {
  readonly layout: SheetLayout;
  private row: RowSpan | undefined;
  private cell: CellSpan | undefined;
  private rowStyle: number | undefined;

  constructor(
    private readonly text: string,
    recordsCells: (row: number) => boolean,
  ) {
    this.layout = { prefix: '', rows: [], formulaRanges: [], columnStyles: [], recordsCells };
  }

  /** Forgets what was recorded (the part is parsed again from the start). */
  reset(): void {
    this.layout.prefix = '';
    this.layout.dimension = this.layout.sheetData = undefined;
    this.layout.rows = [];
    this.layout.formulaRanges = [];
    this.layout.columnStyles = [];
    this.row = this.cell = undefined;
    this.rowStyle = undefined;
  }

  root(prefix: string): void {
    this.layout.prefix = prefix ? prefix + ':' : '';
  }

  openDimension(end: number, selfClosing: boolean): void {
    this.layout.dimension = span(this.text, end, selfClosing);
  }

  openSheetData(end: number, selfClosing: boolean): void {
    this.layout.sheetData = span(this.text, end, selfClosing);
  }

  closeSheetData(end: number): void {
    if (this.layout.sheetData) finish(this.layout.sheetData, this.text, end);
  }

  closeDimension(end: number): void {
    if (this.layout.dimension) finish(this.layout.dimension, this.text, end);
  }

  column(min: number, max: number, style: string | undefined): void {
    if (style !== undefined && min >= 1 && max >= min) this.layout.columnStyles.push({ min: min - 1, max: max - 1, style: Number(style) | 0 });
  }

  /** A <row> start tag; `index` is its row when already known (r given), else -1 until its first cell or its end. */
  openRow(end: number, selfClosing: boolean, s: string | undefined, customFormat: string | undefined, index: number): void {
    this.rowStyle = s !== undefined && isOn(customFormat) ? Number(s) | 0 : undefined;
    const row: RowSpan = { start: tagStart(this.text, end), startTagEnd: end, closeStart: end, end, selfClosing, index };
    this.row = row;
    this.layout.rows.push(row);
    if (index >= 0) this.place(index);
  }

  /** A <c> start tag of the current row at its placed position. */
  openCell(end: number, s: string | undefined, row: number, col: number): void {
    const r = this.row;
    if (!r) return;
    if (r.index < 0) this.place(row);
    if (!r.cells) return;
    // A plain literal, not a spread of span(): this runs for every cell of every recorded row.
    const start = tagStart(this.text, end);
    const style = s === undefined ? undefined : Number(s) | 0;
    const cell: CellSpan = { start, startTagEnd: end, end, col, formula: false, style };
    this.cell = cell;
    r.cells.push(cell);
  }

  /** An <f> inside a cell: the cell holds a formula; an array or data-table range holds results. */
  formula(t: string | undefined, ref: string | undefined): void {
    if (this.cell) this.cell.formula = true;
    if ((t === 'array' || t === 'dataTable') && ref) {
      const box = parseBox(ref);
      if (box) this.layout.formulaRanges.push(box);
    }
  }

  closeCell(end: number): void {
    if (!this.cell) return;
    this.cell.end = end;
    this.cell = undefined;
  }

  closeRow(end: number, index: number): void {
    const r = this.row;
    if (!r) return;
    if (r.index < 0) this.place(index);
    finish(r, this.text, end);
    this.row = undefined;
  }

  private place(index: number): void {
    const r = this.row!;
    r.index = index;
    if (this.layout.recordsCells(index)) {
      r.cells = [];
      if (this.rowStyle !== undefined) r.style = this.rowStyle;
    }
  }
}
