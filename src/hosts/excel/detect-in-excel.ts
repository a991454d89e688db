/// <reference types="office-js" />
import { nameReference } from '../../workbook/address';
import { CONTRACT_NAMES, EMPTY_CELL, type BookInput, type CellInput } from '../../workbook/cells';
import { proposeNames, type DetectSheet, type NameProposal, type ProposedName } from '../../workbook/detect';
import { parseArea, rangeOf } from '../../workbook/reference';
import type { RawRange } from './read-workbook';
import { toCellInput } from './read-workbook';

/**
 * What 计算得分 found in a workbook that defines none of the contract's names
 * (forms issue §3): the detection's proposal, and the visible sheets it read
 * (the confirmation reads the same sheets again).
 */
export interface ExcelProposal {
  proposal: NameProposal;
  sheets: string[];
}

/** A sheet's used range as loaded, or the sheet read as hidden (not loaded). */
interface SheetRead {
  sheet: string;
  hidden: boolean;
  used: Excel.Range | null;
}

/**
 * Queues one used-range load per sheet: values, number formats, formulas.
 * With ExcelApi 1.2 the used range of cells with values (valuesOnly), which
 * keeps the response small; on 1.1 it includes formatted cells — the tables
 * found are the same, since the detection looks at content only, and every
 * table (so every cell a score writes) lies inside the range read. Merged
 * areas (Range.getMergedAreasOrNullObject) are ExcelApi 1.13: not read; the
 * detection works without them (detect-types.ts).
 */
function queueUsedRanges(context: Excel.RequestContext, sheets: { name: string; hidden: boolean }[], valuesOnly: boolean): SheetRead[] {
  return sheets.map(({ name, hidden }) => {
    if (hidden) return { sheet: name, hidden, used: null };
    const sheet = context.workbook.worksheets.getItem(name);
    const used = valuesOnly ? sheet.getUsedRange(true) : sheet.getUsedRange();
    used.load('address,values,numberFormat,formulas');
    return { sheet: name, hidden, used };
  });
}

/** The loaded used range as the detection's grid from A1 (cells before the used range are empty), and as read (for rollback). */
function toDetectSheet(read: SheetRead): { sheet: DetectSheet; raw: RawRange | null } {
  const cells: CellInput[][] = [];
  if (!read.used) return { sheet: { sheet: read.sheet, hidden: read.hidden, cells, merges: null }, raw: null };
  const parsed = parseArea(read.used.address);
  if (!parsed) return { sheet: { sheet: read.sheet, hidden: read.hidden, cells, merges: null }, raw: null };
  const at = rangeOf(parsed);
  const { values, numberFormat, formulas } = read.used;
  for (let r = 0; r < at.row + at.rows; r++) {
    const line: CellInput[] = [];
    for (let c = 0; c < at.col + at.cols; c++) {
      const inside = r >= at.row && c >= at.col;
      line.push(inside ? toCellInput(values[r - at.row][c - at.col], numberFormat[r - at.row][c - at.col], formulas[r - at.row][c - at.col]) : EMPTY_CELL);
    }
    cells.push(line);
  }
  return { sheet: { sheet: read.sheet, hidden: read.hidden, cells, merges: null }, raw: { address: at, values, numberFormat, formulas } };
}

/**
 * True when the book read through the names holds none of the contract's
 * names at any scope it could see (报告信息 alone does not count: it is no
 * evaluation). On ExcelApi 1.1 sheet-scoped names are not seen: such a
 * workbook is detected, as forms issue §1 asks.
 */
export function definesNoName(book: BookInput): boolean {
  const anyWorkbook = CONTRACT_NAMES.some((n) => book.workbook[n].kind !== 'missing');
  const anySheet = book.sheets.some((s) => CONTRACT_NAMES.some((n) => s.names[n] !== undefined));
  return !anyWorkbook && !anySheet;
}

/**
 * Reads every sheet (its name and visibility, unless the names' read listed
 * them already, then each visible sheet's used range: one or two syncs) and
 * runs the detection.
 */
export async function detectInExcel(
  context: Excel.RequestContext,
  valuesOnly: boolean,
  known: { name: string; hidden: boolean }[] | null = null,
): Promise<ExcelProposal> {
  let sheets = known;
  if (!sheets) {
    const list = context.workbook.worksheets;
    list.load('items/name,items/visibility');
    await context.sync();
    sheets = list.items.map((ws) => ({ name: ws.name, hidden: ws.visibility !== 'Visible' }));
  }
  const reads = queueUsedRanges(context, sheets, valuesOnly);
  await context.sync();
  const proposal = proposeNames(reads.map((r) => toDetectSheet(r).sheet));
  return { proposal, sheets: sheets.filter((s) => !s.hidden).map((s) => s.name) };
}

/**
 * The visible sheets of a confirmed proposal read again (one sync), with the
 * detection run again over them: the caller scores only when it proposes
 * the same names (the workbook may have changed since 识别表格).
 */
export async function rereadSheets(
  context: Excel.RequestContext,
  sheets: string[],
  valuesOnly: boolean,
): Promise<{ sheets: DetectSheet[]; raw: RawRange[]; proposal: NameProposal }> {
  const reads = queueUsedRanges(context, sheets.map((name) => ({ name, hidden: false })), valuesOnly);
  await context.sync();
  const read = reads.map(toDetectSheet);
  const detect = read.map((r) => r.sheet);
  const raw: RawRange[] = [];
  for (const r of read) if (r.raw) raw.push(r.raw);
  return { sheets: detect, raw, proposal: proposeNames(detect) };
}

/** Two lists of names the same: each name, scope and range. */
export function sameNames(a: readonly ProposedName[], b: readonly ProposedName[]): boolean {
  const key = (n: ProposedName) => (n.scope ?? '') + '\u0000' + n.name + '\u0000' + nameReference(n.range);
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

/**
 * Queues the proposed names (NamedItemCollection.add, ExcelApi 1.4): the
 * workbook's through workbook.names, a sheet's own through that
 * Worksheet.names. No sync: they are added in the batch that reads the
 * names, so that the score sees them.
 */
export function queueAddNames(context: Excel.RequestContext, names: readonly ProposedName[]): void {
  for (const n of names) {
    const collection = n.scope === null ? context.workbook.names : context.workbook.worksheets.getItem(n.scope).names;
    collection.add(n.name, '=' + nameReference(n.range));
  }
}
