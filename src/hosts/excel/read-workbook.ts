/// <reference types="office-js" />
import type { RangeAddress } from '../../workbook/address';
import {
  CONTRACT_NAMES,
  READ_NAMES,
  type BookInput,
  type CellInput,
  type ContractName,
  type NameResolution,
  type SheetNames,
  type WorkbookInput,
} from '../../workbook/cells';
import { parseArea, parseReference, rangeOf, type WholeKind } from '../../workbook/reference';
import type { Capabilities } from './capabilities';

/** A contract range exactly as Excel returned it (kept for rollback and for the write-time check). */
export interface RawRange {
  /** For a name over whole columns or rows: the trimmed range (see trimToContent). */
  address: RangeAddress;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  /** Set when the name refers to whole columns or whole rows. */
  whole?: WholeKind;
}

/** A contract name of one scope, with the range read for it. */
export interface ReadName {
  /** The sheet of a sheet-scoped name; null for a workbook-scoped one. */
  scope: string | null;
  name: ContractName;
  raw: RawRange;
}

export interface ExcelRead {
  /** The workbook-scoped names (the department's evaluation, as in v1). */
  input: WorkbookInput;
  /** Every evaluation's names: the workbook's and each sheet's own. */
  book: BookInput;
  /** Every range read, by scope and name (for the write-time check and rollback). */
  ranges: ReadName[];
  /** Sheets holding a contract range that are protected (known only with ExcelApi 1.2; else empty). */
  protectedSheets: string[];
  /** Every sheet with its visibility, when the first batch listed them (ExcelApi 1.4); else null. */
  sheetList?: { name: string; hidden: boolean }[] | null;
}

/** Error values as Range.values shows them (valueTypes is not loaded, to keep the response small). */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** True when `formulas` holds a formula for a cell (a text constant beginning with '=' equals its value). */
export function holdsFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === 'string' && formula.charAt(0) === '=' && formula !== value;
}

export function toCellInput(value: unknown, numberFormat: unknown, formula: unknown): CellInput {
  const cell: CellInput = {
    value: value === '' || value === null || value === undefined ? null : (value as string | number | boolean),
    numberFormat: typeof numberFormat === 'string' && numberFormat !== '' ? numberFormat : 'General',
    formula: holdsFormula(formula, value),
  };
  if (typeof value === 'string' && ERROR_VALUE.test(value)) cell.error = true;
  return cell;
}

function toCells(raw: RawRange): CellInput[][] {
  const rows: CellInput[][] = [];
  for (let r = 0; r < raw.address.rows; r++) {
    const row: CellInput[] = [];
    for (let c = 0; c < raw.address.cols; c++) {
      row.push(toCellInput(raw.values[r][c], raw.numberFormat[r][c], raw.formulas[r][c]));
    }
    rows.push(row);
  }
  return rows;
}

/** True when a cell as Range.values / Range.formulas show it holds a value or a formula. */
function holdsContent(value: unknown, formula: unknown): boolean {
  return !(value === '' || value === null || value === undefined) || holdsFormula(formula, value);
}

/**
 * The part of a whole-column or whole-row range that can hold content, in
 * ExcelApi 1.1 calls (no sync): the range intersected with its sheet's used
 * range, stretched to take in the range's first cell, across the range's full
 * width (whole columns) or height (whole rows). The first cell keeps the
 * intersection from ever being empty (getIntersection would fail the batch),
 * and the box starts at the range's first row (columns) or column (rows).
 * `valuesOnly` (ExcelApi 1.2) leaves out cells that only carry formatting.
 */
export function queueContentBox(range: Excel.Range, kind: WholeKind, valuesOnly: boolean): Excel.Range {
  const sheet = range.worksheet;
  const used = valuesOnly ? sheet.getUsedRange(true) : sheet.getUsedRange();
  const span = used.getBoundingRect(range.getCell(0, 0));
  return range.getIntersection(kind === 'columns' ? span.getEntireRow() : span.getEntireColumn());
}

/**
 * Trims a loaded content box the way the xlsx host trims whole columns and
 * rows: to the rows (columns) from the first to the last holding a value or a
 * formula, keeping the full width (height); when none does, the first row
 * (column) alone. Null when the box's address is not one area.
 */
export function trimToContent(
  box: { address: string; values: unknown[][]; formulas: unknown[][]; numberFormat?: unknown[][] },
  kind: WholeKind,
): RawRange | null {
  const parsed = parseArea(box.address);
  if (!parsed) return null;
  const at = rangeOf(parsed);
  const lines = kind === 'columns' ? at.rows : at.cols;
  const across = kind === 'columns' ? at.cols : at.rows;
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines; i++) {
    for (let j = 0; j < across; j++) {
      const r = kind === 'columns' ? i : j;
      const c = kind === 'columns' ? j : i;
      if (holdsContent(box.values[r][c], box.formulas[r][c])) {
        if (first < 0) first = i;
        last = i;
        break;
      }
    }
  }
  if (first < 0) first = last = 0;
  const count = last - first + 1;
  const address: RangeAddress =
    kind === 'columns'
      ? { sheet: at.sheet, row: at.row + first, col: at.col, rows: count, cols: at.cols }
      : { sheet: at.sheet, row: at.row, col: at.col + first, rows: at.rows, cols: count };
  const cut = (grid: unknown[][]) =>
    kind === 'columns' ? grid.slice(first, first + count) : grid.map((line) => line.slice(first, first + count));
  return {
    address,
    values: cut(box.values),
    numberFormat: box.numberFormat ? cut(box.numberFormat) : [],
    formulas: cut(box.formulas),
    whole: kind,
  };
}

/** A contract name or an optional one (报告信息): every name read. */
type AnyName = (typeof READ_NAMES)[number];

interface Pending {
  scope: string | null;
  name: AnyName;
  /** The name's range, or for whole columns/rows its content box (queueContentBox). */
  range: Excel.Range;
  whole: WholeKind | null;
  sheet?: Excel.Worksheet;
}

/** The first batch: the workbook's names and, with ExcelApi 1.4, every sheet's own (sheet-scoped) names. */
interface NameLists {
  workbook: Excel.NamedItemCollection;
  sheets: Excel.WorksheetCollection | null;
}

function queueNameLists(context: Excel.RequestContext, caps: Capabilities): NameLists {
  const workbook = context.workbook.names;
  workbook.load('items/name,items/type,items/value');
  let sheets: Excel.WorksheetCollection | null = null;
  if (caps.sheetScopedNames) {
    // Worksheet.names (ExcelApi 1.4) loaded through the sheets, in this same batch: the sheets are not known before it.
    sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility,items/names/items/name,items/names/items/type,items/names/items/value');
  }
  return { workbook, sheets };
}

/** For each contract name: the sheets that define it with their own scope (empty without ExcelApi 1.4). */
function sheetScopes(lists: NameLists): { [name: string]: string[] } {
  const scopes: { [name: string]: string[] } = Object.create(null);
  if (!lists.sheets) return scopes;
  for (const sheet of lists.sheets.items) {
    for (const item of sheet.names.items) {
      const on = scopes[item.name] || (scopes[item.name] = []);
      if (on.indexOf(sheet.name) < 0) on.push(sheet.name);
    }
  }
  return scopes;
}

/**
 * Reads the five contract names and their ranges in two syncs whatever the
 * table sizes: (1) the workbook's names (with ExcelApi 1.4 also the sheets'
 * own names, to tell a name defined only with a sheet scope from a missing
 * one), (2) every range's address, values, number formats and formulas
 * (and, with ExcelApi 1.2, its sheet's protection). A name's reference is parsed
 * as the xlsx host parses it (src/workbook/reference.ts): several areas are
 * multiArea, anything but one area (a constant, a formula such as OFFSET) is
 * notRange. A name over whole columns or rows (`'绩效指标'!$A:$P`) is read
 * through its content box and trimmed as the xlsx host trims it. Excel errors
 * propagate as thrown office.js errors.
 */
export async function readWorkbook(context: Excel.RequestContext, caps: Capabilities): Promise<ExcelRead> {
  let lists = queueNameLists(context, caps);
  try {
    await context.sync();
  } catch (e) {
    // office.js turns `items/names/items/name` into a nested select Excel answers in the same response;
    // should an Excel refuse it (it is not testable here), read as ExcelApi 1.1 does rather than fail:
    // one more sync, on this path only. Edit mode refuses everything: nothing to retry.
    if (!caps.sheetScopedNames || (e && (e as { code?: unknown }).code === 'InvalidOperationInCellEditMode')) throw e;
    lists = queueNameLists(context, { ...caps, sheetScopedNames: false });
    await context.sync();
  }

  const pending: Pending[] = [];
  const queue = (scope: string | null, name: AnyName, item: Excel.NamedItem): NameResolution | null => {
    const value = String(item.value);
    const parsed = item.type === 'Range' ? parseReference(value) : null;
    if (!parsed || parsed.kind === 'other') return { kind: 'notRange', formula: value };
    if (parsed.kind === 'multiArea') return { kind: 'multiArea', formula: value };
    const range = item.getRange();
    const whole = parsed.area.whole;
    const loaded = whole ? queueContentBox(range, whole, caps.usedRangeValuesOnly === true) : range;
    loaded.load('address,values,numberFormat,formulas');
    const entry: Pending = { scope, name, range: loaded, whole };
    if (caps.protection) {
      entry.sheet = range.worksheet;
      entry.sheet.load('name');
      entry.sheet.protection.load('protected');
    }
    pending.push(entry);
    return null;
  };

  // Keyed by the workbook's names ('__proto__' is a valid name): no prototype.
  const byName: { [name: string]: Excel.NamedItem } = Object.create(null);
  for (const item of lists.workbook.items) byName[item.name] = item;
  const scopes = sheetScopes(lists);
  const workbook = {} as Record<AnyName, NameResolution>;
  for (const name of READ_NAMES) {
    const item = byName[name];
    const sheets = scopes[name];
    if (!item) workbook[name] = sheets ? { kind: 'sheetScopedOnly', sheets } : { kind: 'missing' };
    else workbook[name] = queue(null, name, item) ?? workbook[name];
  }
  const sheetNames: SheetNames[] = [];
  if (lists.sheets) {
    for (const sheet of lists.sheets.items) {
      const own: SheetNames = { sheet: sheet.name, hidden: sheet.visibility !== 'Visible', names: {} };
      for (const item of sheet.names.items) {
        const name = READ_NAMES.filter((n) => n === item.name)[0];
        if (!name || own.names[name]) continue;
        const resolved = queue(sheet.name, name, item);
        if (resolved) own.names[name] = resolved;
        else own.names[name] = { kind: 'missing' }; // replaced by the range below
      }
      if (Object.keys(own.names).length > 0) sheetNames.push(own);
    }
  }
  if (pending.length > 0) await context.sync();

  const ranges: ReadName[] = [];
  const protectedSheets: string[] = [];
  for (const entry of pending) {
    const raw = entry.whole ? trimToContent(entry.range, entry.whole) : plainRange(entry.range);
    const resolution: NameResolution = raw ? { kind: 'range', range: raw.address, cells: toCells(raw) } : { kind: 'notRange', formula: entry.range.address };
    if (entry.scope === null) workbook[entry.name] = resolution;
    else {
      const own = sheetNames.filter((s) => s.sheet === entry.scope)[0];
      if (own) own.names[entry.name] = resolution;
    }
    if (!raw) continue;
    // Only the contract's own ranges are checked again before writing and restored on failure: 报告信息 is never written.
    const contractName = CONTRACT_NAMES.filter((n) => n === entry.name)[0];
    if (!contractName) continue;
    ranges.push({ scope: entry.scope, name: contractName, raw });
    if (entry.sheet && entry.sheet.protection.protected && protectedSheets.indexOf(entry.sheet.name) < 0) {
      protectedSheets.push(entry.sheet.name);
    }
  }
  const sheetList = lists.sheets ? lists.sheets.items.map((ws) => ({ name: ws.name, hidden: ws.visibility !== 'Visible' })) : null;
  return { input: workbook, book: { workbook, sheets: sheetNames }, ranges, protectedSheets, sheetList };
}

function plainRange(range: Excel.Range): RawRange | null {
  const parsed = parseArea(range.address);
  if (!parsed) return null;
  return { address: rangeOf(parsed), values: range.values, numberFormat: range.numberFormat, formulas: range.formulas };
}

/** The WorkbookInput alone (2 syncs). */
export async function readWorkbookInput(context: Excel.RequestContext, caps: Capabilities): Promise<WorkbookInput> {
  return (await readWorkbook(context, caps)).input;
}
