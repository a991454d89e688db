import { a1, formatCell, MAX_COLS } from '../../workbook/address';
import type { PlannedValue } from '../../workbook/plan';
import { encodeEscapes } from './decode-escapes';
import { abort } from './file-error';
import { parseBox } from './cell-box';
import { locateSheet, type CellSpan, type RowSpan, type SheetLayout } from './locate-sheet';
import { orderSplices, type Splice } from './splice-text';
import { editStartTag, escapeXml, findAttribute, getAttribute, openStartTag, removeAttribute, setAttribute } from './start-tag';

export interface SheetWrite {
  row: number;
  col: number;
  value: PlannedValue;
  numberFormat?: string;
}

/** Gives the cell xf index for a cell whose xf is `base` once it has `format` (may return `base` itself). */
export interface StyleResolver {
  resolve(base: number | undefined, format: string): number | undefined;
}

const SINGLE_SPAN = /^([0-9]+):([0-9]+)$/;
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
/** Text that starts or ends with white space keeps it only with xml:space="preserve". */
const EDGE_SPACE = /^\s|\s$/;
/** What a written cell loses: its type, value metadata and cell metadata (and its style when it gets none). */
const REMOVED = ['t', 'vm', 'cm'];
const REMOVED_WITH_STYLE = ['t', 'vm', 'cm', 's'];

/**
 * The splices that put the writes into a worksheet part's text, in order
 * (spliceText and spliceUtf8 apply them): they replace or insert only
 * the written <c> elements (and <row> elements for new rows), keep rows and
 * cells sorted, update <dimension> and the touched rows' spans. A target
 * that holds a formula (or lies in an array formula) gives `formulaCell`.
 * `known` is the layout the reader recorded of this same text, used when it
 * recorded the cells of every written row.
 */
export function editSheet(text: string, part: string, sheet: string, writes: SheetWrite[], styles: StyleResolver, known?: SheetLayout): readonly Splice[] {
  // Plans list a table's writes row by row, each cell once: then they are taken as they are.
  let requested = writes;
  if (!inCellOrder(writes)) {
    // Otherwise the last write to a cell wins, and they are sorted.
    const byCell = new Map<number, SheetWrite>();
    for (const w of writes) byCell.set(w.row * MAX_COLS + w.col, w);
    requested = [...byCell.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }
  const layout =
    known && requested.every((w) => known.recordsCells(w.row)) ? known : locateSheet(text, part, sheet, new Set(requested.map((w) => w.row)));
  const rowsByIndex = new Map<number, RowSpan>();
  for (const r of layout.rows) if (!rowsByIndex.has(r.index)) rowsByIndex.set(r.index, r);
  // Clearing a cell that does not exist, without a format to set, writes nothing.
  const writesNothing = (w: SheetWrite) => w.value.kind === 'empty' && w.numberFormat === undefined && !rowsByIndex.get(w.row)?.cells?.some((c) => c.col === w.col);
  const sorted = requested.some(writesNothing) ? requested.filter((w) => !writesNothing(w)) : requested;
  const sheetData = layout.sheetData ?? abort('notXlsx', { part });
  const p = layout.prefix;
  const cellName = (w: SheetWrite) => formatCell({ sheet, row: w.row, col: w.col });

  for (const w of sorted) {
    if (layout.formulaRanges.some((b) => w.row >= b.top && w.row <= b.bottom && w.col >= b.left && w.col <= b.right)) {
      abort('formulaCell', { cell: cellName(w), part });
    }
  }

  const columnStyle = (col: number) => {
    for (const c of layout.columnStyles) if (col >= c.min && col <= c.max) return c.style;
    return undefined;
  };

  const buildCell = (w: SheetWrite, existing: CellSpan | undefined, rowStyle: number | undefined): string => {
    const base = existing ? existing.style : rowStyle ?? columnStyle(w.col);
    const s = w.numberFormat === undefined ? base : styles.resolve(base, w.numberFormat);
    const kind = w.value.kind;
    let tag: string;
    if (existing) {
      if (existing.formula) abort('formulaCell', { cell: cellName(w), part });
      const set: [string, string][] = s === undefined ? [] : [['s', String(s)]];
      set.push(['r', a1(w.row, w.col)]);
      if (kind === 'text') set.push(['t', 'inlineStr']);
      tag = editStartTag(text.slice(existing.start, existing.startTagEnd), {
        remove: s === undefined ? REMOVED_WITH_STYLE : REMOVED,
        set,
        selfClosing: kind === 'empty',
      });
    } else {
      // `<c r="` + L40 + `" s="12" t="inlineStr">`: the ends are made once per style and kind.
      tag = cellOpen + a1(w.row, w.col) + tagRest(s, kind);
    }
    return kind === 'empty' ? tag : tag + cellContent(w, marks, cellName) + cellClose;
  };
  const marks = contentMarks(p);
  const cellOpen = `<${p}c r="`;
  const cellClose = `</${p}c>`;
  const rests = new Map<number, string>();
  const tagRest = (s: number | undefined, kind: PlannedValue['kind']): string => {
    const key = ((s ?? -1) + 1) * 3 + (kind === 'text' ? 0 : kind === 'number' ? 1 : 2);
    let rest = rests.get(key);
    if (rest === undefined) {
      rest = `"${s === undefined ? '' : ` s="${s}"`}${kind === 'text' ? ' t="inlineStr"' : ''}${kind === 'empty' ? '/>' : '>'}`;
      rests.set(key, rest);
    }
    return rest;
  };

  // <dimension> comes before <sheetData>: its splice first keeps the list in order, so it needs no sort.
  const splices: Splice[] = [];
  const dimension = editDimension(text, layout, sorted);
  if (dimension) splices.push(dimension);
  const newRows: string[] = [];
  // The writes of each row are a run of the sorted list.
  for (let from = 0, to = 0; from < sorted.length; from = to) {
    const index = sorted[from].row;
    while (to < sorted.length && sorted[to].row === index) to++;
    const rowWrites = sorted.slice(from, to);
    const row = rowsByIndex.get(index);
    if (row) {
      editRow(text, row, rowWrites, p, buildCell, splices);
      continue;
    }
    const rowXml = `<${p}row r="${index + 1}">` + rowWrites.map((w) => buildCell(w, undefined, undefined)).join('') + `</${p}row>`;
    if (sheetData.selfClosing) newRows.push(rowXml);
    else {
      const next = layout.rows.find((r) => r.index > index);
      const at = next ? next.start : sheetData.closeStart;
      splices.push({ start: at, end: at, text: rowXml });
    }
  }
  if (sheetData.selfClosing) {
    const open = openStartTag(text.slice(sheetData.start, sheetData.startTagEnd));
    splices.push({ start: sheetData.start, end: sheetData.end, text: open + newRows.join('') + `</${p}sheetData>` });
  }
  return orderSplices(splices);
}

/** True when every write comes after the one before it, by row and then column (so no cell is written twice). */
function inCellOrder(writes: readonly SheetWrite[]): boolean {
  for (let k = 1; k < writes.length; k++) {
    const a = writes[k - 1];
    const b = writes[k];
    if (!(a.row < b.row || (a.row === b.row && a.col < b.col))) return false;
  }
  return true;
}

/** The fixed pieces of a cell's content, with the sheet's prefix: made once per sheet. */
function contentMarks(p: string) {
  return { v: `<${p}v>`, vEnd: `</${p}v>`, t: `<${p}is><${p}t>`, tPreserve: `<${p}is><${p}t xml:space="preserve">`, tEnd: `</${p}t></${p}is>` };
}

function cellContent(w: SheetWrite, marks: ReturnType<typeof contentMarks>, cellName: (w: SheetWrite) => string): string {
  const { value } = w;
  if (value.kind === 'empty') return '';
  if (value.kind === 'number') {
    if (!DECIMAL.test(value.text)) abort('invalidWrite', { cell: cellName(w), value: value.text });
    return marks.v + value.text + marks.vEnd;
  }
  return (EDGE_SPACE.test(value.text) ? marks.tPreserve : marks.t) + escapeXml(encodeEscapes(value.text)) + marks.tEnd;
}

/** Adds the splices for writes into one existing row; `writes` are in column order, as the row's cells are (cell-positions.ts refuses cells that go backwards). */
function editRow(
  text: string,
  row: RowSpan,
  writes: SheetWrite[],
  p: string,
  buildCell: (w: SheetWrite, existing: CellSpan | undefined, rowStyle: number | undefined) => string,
  splices: Splice[],
): void {
  const oldTag = text.slice(row.start, row.startTagEnd);
  const spans = updateSpans(oldTag, writes);
  // The start tag's splice first, then the cells': the splices stay in order, not sorted later.
  if (spans && !row.selfClosing) splices.push({ start: row.start + spans.start, end: row.start + spans.end, text: spans.text });
  const cells = row.cells ?? [];
  let appended = '';
  // One cursor over both: each write's cell, or the cell it goes before.
  let k = 0;
  for (const w of writes) {
    while (k < cells.length && cells[k].col < w.col) k++;
    const existing = k < cells.length && cells[k].col === w.col ? cells[k] : undefined;
    const xml = buildCell(w, existing, row.style);
    if (existing) splices.push({ start: existing.start, end: existing.end, text: xml });
    else if (k < cells.length) splices.push({ start: cells[k].start, end: cells[k].start, text: xml });
    else appended += xml;
  }
  if (row.selfClosing) {
    const startTag = spans ? oldTag.slice(0, spans.start) + spans.text + oldTag.slice(spans.end) : oldTag;
    splices.push({ start: row.start, end: row.end, text: openStartTag(startTag) + appended + `</${p}row>` });
  } else if (appended !== '') splices.push({ start: row.closeStart, end: row.closeStart, text: appended });
}

/**
 * Extends a single `spans="a:b"` to cover the written columns; drops a list
 * of spans that does not cover them. The change as a splice of the row's
 * start tag (null when none): the value alone, or the whole tag.
 */
function updateSpans(tag: string, writes: SheetWrite[]): Splice | null {
  // One parse of the row's tag: this runs for every written row.
  const spans = findAttribute(tag, 'spans');
  if (spans === undefined) return null;
  const value = (text: string): Splice => ({ start: spans.valueStart, end: spans.valueEnd, text });
  const single = SINGLE_SPAN.exec(spans.value);
  if (single) {
    // The usual `spans="1:16"`: no list to build for every written row.
    const a = Number(single[1]);
    const b = Number(single[2]);
    let low = a;
    let high = b;
    for (const w of writes) {
      if (w.col + 1 < low) low = w.col + 1;
      if (w.col + 1 > high) high = w.col + 1;
    }
    if (low === a && high === b) return null;
    if (a > 0 && b >= a) return value(`${low}:${high}`);
  }
  const ranges = spans.value.trim().split(/\s+/).map((s) => s.split(':').map(Number));
  const covered = (col: number) => ranges.some(([a, b = a]) => col >= a && col <= b);
  let low = Infinity;
  let high = -Infinity;
  let all = true;
  for (const w of writes) {
    const col = w.col + 1;
    if (col < low) low = col;
    if (col > high) high = col;
    if (all && !covered(col)) all = false;
  }
  if (all) return null;
  if (ranges.length === 1 && ranges[0].length === 2 && ranges[0].every((n) => Number.isInteger(n) && n > 0)) {
    const [a, b] = ranges[0];
    const next = `${Math.min(a, low)}:${Math.max(b, high)}`;
    return next === spans.value ? null : value(next);
  }
  return { start: 0, end: tag.length, text: removeAttribute(tag, 'spans') };
}

function editDimension(text: string, layout: SheetLayout, writes: SheetWrite[]): Splice | null {
  const dim = layout.dimension;
  if (!dim) return null;
  const tag = text.slice(dim.start, dim.startTagEnd);
  const box = parseBox(getAttribute(tag, 'ref') ?? '');
  if (!box) return null;
  const next = { ...box };
  for (const w of writes) {
    next.top = Math.min(next.top, w.row);
    next.bottom = Math.max(next.bottom, w.row);
    next.left = Math.min(next.left, w.col);
    next.right = Math.max(next.right, w.col);
  }
  if (next.top === box.top && next.bottom === box.bottom && next.left === box.left && next.right === box.right) return null;
  const start = a1(next.top, next.left);
  const end = a1(next.bottom, next.right);
  return { start: dim.start, end: dim.startTagEnd, text: setAttribute(tag, 'ref', start === end ? start : `${start}:${end}`) };
}
