import type { CellWrite, PlannedValue, WritePlan } from '../../workbook/plan';

export type ExcelValue = string | number | boolean;

/** A rectangle of plan cells written with one `values` (and at most one `numberFormat`) assignment. */
export interface WriteBlock {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  values: ExcelValue[][];
  /** Per-cell formats; null entries keep the cell's format. Null when no cell sets one. */
  numberFormat: (string | null)[][] | null;
}

/**
 * Text Excel would turn into something else when assigned through
 * Range.values (a number, date, boolean or formula) gets the apostrophe
 * prefix, which Excel stores as "this is text" and does not show.
 */
const COERCIBLE =
  /^\s*([=+\-@']|[-+]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*%?\s*$|\d{1,4}[-/.\u5e74]\d{1,2}|\d{1,2}:\d{2}|(true|false)\s*$)/i;

export function excelText(text: string): string {
  return COERCIBLE.test(text) ? "'" + text : text;
}

/** The plan's decimal text becomes a JS number here, and only here (the Excel boundary). */
export function toExcelValue(value: PlannedValue): ExcelValue {
  if (value.kind === 'number') return Number(value.text);
  if (value.kind === 'text') return excelText(value.text);
  return ''; // 'empty': Excel clears a cell assigned the empty string
}

interface Run {
  col: number;
  start: number;
  end: number;
}

/**
 * Groups the plan's cells into as few rectangles as the plan allows: each
 * column's cells into vertical runs of consecutive rows, then runs of equal
 * rows in adjacent columns side by side. Blocks come sheet by sheet, top to bottom.
 */
export function groupWrites(plan: WritePlan): WriteBlock[] {
  const sheets: string[] = [];
  // Keyed by sheet names, which are user text ('__proto__' is a valid sheet name): no prototype.
  const bySheet: { [sheet: string]: { [key: string]: CellWrite } } = Object.create(null);
  for (const write of plan.writes) {
    const sheet = write.address.sheet;
    if (!bySheet[sheet]) {
      bySheet[sheet] = {};
      sheets.push(sheet);
    }
    bySheet[sheet][write.address.row + ',' + write.address.col] = write;
  }

  const blocks: WriteBlock[] = [];
  for (const sheet of sheets) {
    const cells = bySheet[sheet];
    const columns: { [col: number]: number[] } = {};
    const colList: number[] = [];
    for (const key of Object.keys(cells)) {
      const { row, col } = cells[key].address;
      if (!columns[col]) {
        columns[col] = [];
        colList.push(col);
      }
      columns[col].push(row);
    }
    const runs: Run[] = [];
    for (const col of colList) {
      const rows = columns[col].sort((a, b) => a - b);
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
          runs.push({ col, start, end: rows[i - 1] });
          if (i < rows.length) start = rows[i];
        }
      }
    }
    runs.sort((a, b) => a.start - b.start || a.end - b.end || a.col - b.col);
    let i = 0;
    while (i < runs.length) {
      let j = i + 1;
      while (
        j < runs.length &&
        runs[j].start === runs[i].start &&
        runs[j].end === runs[i].end &&
        runs[j].col === runs[j - 1].col + 1
      ) {
        j++;
      }
      blocks.push(makeBlock(sheet, runs[i].start, runs[i].col, runs[i].end - runs[i].start + 1, j - i, cells));
      i = j;
    }
  }
  return blocks;
}

function makeBlock(
  sheet: string,
  row: number,
  col: number,
  rows: number,
  cols: number,
  cells: { [key: string]: CellWrite },
): WriteBlock {
  const values: ExcelValue[][] = [];
  const formats: (string | null)[][] = [];
  let anyFormat = false;
  for (let r = 0; r < rows; r++) {
    const valueRow: ExcelValue[] = [];
    const formatRow: (string | null)[] = [];
    for (let c = 0; c < cols; c++) {
      const write = cells[row + r + ',' + (col + c)];
      valueRow.push(toExcelValue(write.value));
      formatRow.push(write.numberFormat === undefined ? null : write.numberFormat);
      if (write.numberFormat !== undefined) anyFormat = true;
    }
    values.push(valueRow);
    formats.push(formatRow);
  }
  return { sheet, row, col, rows, cols, values, numberFormat: anyFormat ? formats : null };
}

/**
 * A generous estimate of a block's share of a request: JSON text with every
 * non-ASCII character counted as a six-byte \uXXXX escape.
 */
export function estimateBytes(block: WriteBlock): number {
  const json = JSON.stringify(block.values) + (block.numberFormat ? JSON.stringify(block.numberFormat) : '');
  let bytes = 64 + block.sheet.length * 6;
  for (let i = 0; i < json.length; i++) bytes += json.charCodeAt(i) < 128 ? 1 : 6;
  return bytes;
}

/** Splits a block into row slices. */
function sliceRows(block: WriteBlock, from: number, to: number): WriteBlock {
  return {
    sheet: block.sheet,
    row: block.row + from,
    col: block.col,
    rows: to - from,
    cols: block.cols,
    values: block.values.slice(from, to),
    numberFormat: block.numberFormat ? block.numberFormat.slice(from, to) : null,
  };
}

/**
 * Packs blocks into requests of at most `maxBytes` (estimated), splitting a
 * block by rows when it alone is larger. Excel on the web refuses requests
 * over 5 MB; the default budget keeps each well under it. Ordinary
 * workbooks (thousands of indicators) fit in one request.
 */
export function chunkBlocks(blocks: WriteBlock[], maxBytes: number = 2000000): WriteBlock[][] {
  const pieces: { block: WriteBlock; bytes: number }[] = [];
  for (const block of blocks) {
    const bytes = estimateBytes(block);
    if (bytes <= maxBytes || block.rows === 1) {
      pieces.push({ block, bytes });
      continue;
    }
    const perRow = bytes / block.rows;
    const step = Math.max(1, Math.floor(maxBytes / perRow));
    for (let from = 0; from < block.rows; from += step) {
      const slice = sliceRows(block, from, Math.min(block.rows, from + step));
      pieces.push({ block: slice, bytes: estimateBytes(slice) });
    }
  }
  const chunks: WriteBlock[][] = [];
  let current: WriteBlock[] = [];
  let size = 0;
  for (const piece of pieces) {
    if (current.length > 0 && size + piece.bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(piece.block);
    size += piece.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
