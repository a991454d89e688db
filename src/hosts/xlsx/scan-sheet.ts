import type { SheetFacts } from '../../workbook/sheet-facts';
import { parseBox, type Box } from './cell-box';
import { PositionTracker } from './cell-positions';
import { decodeEscapes } from './decode-escapes';
import { abort } from './file-error';
import { isValidDimension } from './parse-cell-ref';
import { parseXmlFast, SML_NS } from './parse-xml';
import type { PlainHandlers } from './plain-xml';
import type { LayoutRecorder } from './sheet-layout';

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
  /** True for a cell with an <f>, and for every cell inside an array or data-table formula's range (it holds a result). */
  formula: boolean;
}

/** What one pass over a sheet found besides its cells. */
export interface SheetScan {
  /**
   * Ranges of array and data-table formulas (`<f t="array" ref="K2:M9">`)
   * beyond their anchor cell: every cell inside holds a formula result.
   */
  formulaBoxes: Box[];
  /** True when a range starts before its anchor (not its top-left cell): cells before the anchor came without `formula`. */
  cellsBeforeAnchor: boolean;
}

/** `<sheetProtection sheet="1">` (or "true") protects the sheet; absent or "0" does not. */
function isOn(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/**
 * True when the cell is in one of the ranges. Rows only go forward, so a
 * range that ends above the cell is dropped from `active` for good.
 */
function covered(active: Box[], row: number, col: number): boolean {
  for (let i = active.length - 1; i >= 0; i--) {
    const b = active[i];
    if (b.bottom < row) active.splice(i, 1);
    else if (row >= b.top && col >= b.left && col <= b.right) return true;
  }
  return false;
}

/**
 * Streams the cells of a worksheet part to `onCell`, placing them by the
 * rule of cell-positions.ts. The same object is reused: copy what you keep.
 * When the part is not plain XML, the cells before the first thing outside
 * the subset come twice, in the same order and with the same values: keep
 * them by position, as every caller does. A cell after an array formula's anchor, inside its range, comes with
 * `formula` set; the ranges are returned, for cells that are missing or
 * come before their anchor. When `facts` is given, the sheet's merged areas and
 * protection are collected into it in the same pass, and when `layout` is
 * given, where the rows and cells are (for the writer). A reference outside
 * Excel's limits gives `badDimension`, contradictory positions `cellPosition`.
 */
export function scanSheet(
  text: string,
  part: string,
  sheet: string,
  onCell: (cell: RawCell) => void,
  facts?: SheetFacts,
  layout?: LayoutRecorder,
): SheetScan {
  const cell: RawCell = { row: 0, col: 0, type: '', style: 0, value: null, formula: false };
  let positions = new PositionTracker(sheet, part);
  let formulaBoxes: Box[] = [];
  let active: Box[] = [];
  let cellsBeforeAnchor = false;
  let depth = 0;
  let inSheetData = false;
  let inRow = false;
  let inMerges = false;
  let inCell = false;
  let collect = false;
  let inInline = false;
  let phonetic = 0;
  let buffer = '';
  /** Everything collected so far forgotten, for saxes to parse the part again (parseXmlFast's restart). */
  const restart = (): PlainHandlers => {
    positions = new PositionTracker(sheet, part);
    formulaBoxes = [];
    active = [];
    cellsBeforeAnchor = inSheetData = inRow = inMerges = inCell = collect = inInline = false;
    depth = phonetic = 0;
    buffer = '';
    if (facts) {
      facts.merges.length = 0;
      facts.protected = false;
    }
    if (layout) layout.reset();
    return handlers;
  };
  const handlers: PlainHandlers = {
    open(tag, end) {
      depth++;
      if (!SML_NS.has(tag.uri)) return;
      const local = tag.local;
      if (inCell) {
        if (local === 'v' && !inInline) {
          collect = true;
          buffer = '';
        } else if (local === 'f') {
          cell.formula = true;
          const t = tag.attr('t');
          const range = tag.attr('ref');
          if (layout) layout.formula(t, range);
          const box = (t === 'array' || t === 'dataTable') && range ? parseBox(range) : null;
          // A range of the anchor cell alone (an array formula entered in one cell) adds nothing.
          if (box && (box.bottom > box.top || box.right > box.left || box.top !== cell.row || box.left !== cell.col)) {
            formulaBoxes.push(box);
            active.push(box);
            if (box.top < cell.row || (box.top === cell.row && box.left < cell.col)) cellsBeforeAnchor = true;
          }
        } else if (local === 'is') {
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
        positions.openCell(tag.attr('r'));
        cell.row = positions.row;
        cell.col = positions.col;
        cell.type = tag.attr('t') ?? '';
        const s = tag.attr('s');
        cell.style = s === undefined ? 0 : Number(s) | 0;
        cell.value = null;
        cell.formula = false;
        if (layout) layout.openCell(end, s, cell.row, cell.col);
      } else if (depth === 3) {
        if (local === 'row' && inSheetData) {
          positions.openRow(tag.attr('r'));
          inRow = true;
          if (layout) layout.openRow(end, tag.isSelfClosing, tag.attr('s'), tag.attr('customFormat'), positions.row);
        } else if (local === 'col' && layout) {
          layout.column(Number(tag.attr('min')), Number(tag.attr('max')), tag.attr('style'));
        } else if (local === 'mergeCell' && inMerges && facts) {
          const box = parseBox(tag.attr('ref') ?? '');
          if (box) facts.merges.push({ sheet, row: box.top, col: box.left, rows: box.bottom - box.top + 1, cols: box.right - box.left + 1 });
        }
      } else if (depth === 2) {
        if (local === 'sheetData') {
          inSheetData = true;
          if (layout) layout.openSheetData(end, tag.isSelfClosing);
        } else if (local === 'dimension') {
          const r = tag.attr('ref');
          if (r !== undefined && !isValidDimension(r)) abort('badDimension', { sheet, cell: r, part });
          if (layout) layout.openDimension(end, tag.isSelfClosing);
        } else if (local === 'mergeCells') inMerges = true;
        else if (local === 'sheetProtection' && facts) facts.protected = isOn(tag.attr('sheet'));
      } else if (depth === 1 && layout) layout.root(tag.prefix);
    },
    text(t) {
      if (collect) buffer += t;
    },
    close(tag, end) {
      const at = depth--;
      if (!SML_NS.has(tag.uri)) return;
      const local = tag.local;
      if (inCell) {
        if (at === 4) {
          inCell = false;
          inInline = false;
          phonetic = 0;
          if (active.length > 0 && !cell.formula && covered(active, cell.row, cell.col)) cell.formula = true;
          if (layout) layout.closeCell(end);
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
        if (layout) layout.closeRow(end, positions.row);
      } else if (at === 2) {
        if (local === 'sheetData') {
          inSheetData = false;
          if (layout) layout.closeSheetData(end);
        } else if (local === 'mergeCells') inMerges = false;
        else if (local === 'dimension' && layout) layout.closeDimension(end);
      }
    },
  };
  parseXmlFast(text, part, handlers, restart);
  return { formulaBoxes, cellsBeforeAnchor };
}
