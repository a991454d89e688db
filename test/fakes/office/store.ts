/**
 * The backing store of the strict office.js fake: sheets as plain 2-D arrays
 * of cells, workbook-scoped names (and each sheet's own names) as formula
 * text, the ExcelApi level the fake Excel supports, and counters of what the
 * code under test asked Excel to do.
 */
import { columnIndex, MAX_COLS, MAX_ROWS, parseA1, quoteSheet, type RangeAddress } from '../../../src/workbook/address';

export interface FakeCell {
  value: string | number | boolean;
  /** Formula text (`=SUM(B2:B9)`) when the cell holds a formula; value is then its cached result. */
  formula: string | null;
  numberFormat: string;
  bold?: boolean;
  fill?: string;
  /** RangeFormat.wrapText / verticalAlignment as last set. */
  wrap?: boolean;
  verticalAlignment?: string;
}

export interface FakeName {
  name: string;
  /** `='预算执行'!$A$4:$H$9`, `=0.5`, `="文本"`, `=TRUE`, `=#REF!`, `=A!$A$1,A!$B$2` */
  formula: string;
}

/** One property assignment that reached the workbook (counted per assignment, not per cell). */
export interface WriteRecord {
  property: 'values' | 'numberFormat' | 'formulas' | 'format';
  address: string;
  rows: number;
  cols: number;
}

export const blankCell = (): FakeCell => ({ value: '', formula: null, numberFormat: 'General' });

export class FakeSheet {
  readonly cells: FakeCell[][] = [];
  /** RangeFormat.columnWidth as set, by 0-based column (points). */
  readonly columnWidths: { [col: number]: number } = {};
  /**
   * Protected: every write to the sheet's cells fails at sync time with AccessDenied, at any
   * ExcelApi level (the level only decides whether Worksheet.protection can tell beforehand).
   */
  protected = false;
  /** Names scoped to this sheet (Worksheet.names, ExcelApi 1.4); workbook.names does not list them. */
  readonly names: FakeName[] = [];
  /** Merged areas; only their top-left cell holds content. */
  readonly merges: RangeAddress[] = [];
  /** Worksheet.visibility (ExcelApi 1.1). */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  constructor(public name: string) {}

  peek(row: number, col: number): FakeCell {
    const line = this.cells[row];
    return (line && line[col]) || blankCell();
  }

  cell(row: number, col: number): FakeCell {
    while (this.cells.length <= row) this.cells.push([]);
    const line = this.cells[row];
    while (line.length <= col) line.push(blankCell());
    return line[col];
  }

  /**
   * Worksheet.getUsedRange: the smallest box holding every cell with a value or formula and,
   * unless `valuesOnly`, every cell with a number format, fill or bold; A1 when there is none.
   */
  usedArea(valuesOnly: boolean): { row: number; col: number; rows: number; cols: number } {
    let top = -1;
    let bottom = -1;
    let left = -1;
    let right = -1;
    this.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const used =
          cell.value !== '' || cell.formula !== null || (!valuesOnly && (cell.numberFormat !== 'General' || !!cell.fill || !!cell.bold));
        if (!used) return;
        if (top < 0 || r < top) top = r;
        if (r > bottom) bottom = r;
        if (left < 0 || c < left) left = c;
        if (c > right) right = c;
      }),
    );
    if (top < 0) return { row: 0, col: 0, rows: 1, cols: 1 };
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** The merged area a cell belongs to but does not anchor, or null. */
  mergedNonAnchor(row: number, col: number): RangeAddress | null {
    for (const m of this.merges) {
      const inside = row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols;
      if (inside && (row !== m.row || col !== m.col)) return m;
    }
    return null;
  }
}

/** The name's type as NamedItem.type reports it. */
export type FakeNameType = 'Range' | 'String' | 'Double' | 'Boolean' | 'Error';

/** The ExcelApi requirement sets a fake Excel can declare; members of a later set throw ApiNotFound. */
export type FakeExcelApi = '1.1' | '1.2' | '1.3' | '1.4';

/** `1.10` > `1.9`: requirement-set versions compare by their minor number. */
function minor(version: string): number {
  const m = /^1\.(\d+)$/.exec(version);
  if (!m) throw new Error('fake: bad ExcelApi version ' + version);
  return Number(m[1]);
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  /** Workbook-scoped names: what workbook.names lists. */
  readonly names: FakeName[] = [];
  /**
   * The highest ExcelApi requirement set this Excel supports. Using a member of a later set
   * throws ApiNotFound when the member is reached, as office.js does; `requirements` answers
   * isSetSupported accordingly. The default supports everything the fake models.
   */
  excelApi: FakeExcelApi = '1.4';
  /** The user is typing in a cell: every sync fails with InvalidOperationInCellEditMode. */
  editMode = false;
  syncCount = 0;
  readonly writes: WriteRecord[] = [];
  /** Estimated request / response payload of each sync (JSON characters). */
  readonly requestSizes: number[] = [];
  readonly responseSizes: number[] = [];
  selection: string | null = null;
  activeSheet: string | null = null;
  /** The valuesOnly argument of each Worksheet.getUsedRange call that ran (undefined: not passed). */
  readonly usedRangeCalls: (boolean | undefined)[] = [];
  private readonly hooks: { [sync: number]: ((wb: FakeWorkbook) => void)[] } = {};

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.filter((s) => s.name.toLowerCase() === lower)[0];
  }

  findName(name: string): FakeName | undefined {
    const lower = name.toLowerCase();
    return this.names.filter((n) => n.name.toLowerCase() === lower)[0];
  }

  setName(name: string, formula: string): void {
    const found = this.findName(name);
    if (found) found.formula = formula;
    else this.names.push({ name, formula });
  }

  /** Defines `name` with the scope of one sheet (the sheet must exist). */
  setSheetName(sheetName: string, name: string, formula: string): void {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new Error('fake: no sheet ' + sheetName);
    const lower = name.toLowerCase();
    const found = sheet.names.filter((n) => n.name.toLowerCase() === lower)[0];
    if (found) found.formula = formula;
    else sheet.names.push({ name, formula });
  }

  /** Whether this Excel supports ExcelApi `version`. */
  supports(version: string): boolean {
    return minor(version) <= minor(this.excelApi);
  }

  /** Office.context.requirements of this Excel (ExcelApi only). */
  get requirements(): { isSetSupported(name: string, minVersion?: string): boolean } {
    return { isSetSupported: (name: string, minVersion = '1.1') => name === 'ExcelApi' && this.supports(minVersion) };
  }

  /** Runs `fn` just before the batch of sync number `n` (1-based, counted over the workbook's life) executes. */
  beforeSync(n: number, fn: (wb: FakeWorkbook) => void): void {
    (this.hooks[n] = this.hooks[n] || []).push(fn);
  }

  runHooks(n: number): void {
    for (const fn of this.hooks[n] || []) fn(this);
  }

  /** Sets cells from a 2-D array of plain values, top-left at an A1 reference. */
  fill(sheetName: string, topLeft: string, rows: (string | number | boolean | null)[][], numberFormat?: string): void {
    const sheet = this.findSheet(sheetName) || this.addSheet(sheetName);
    const at = parseA1(topLeft);
    if (!at) throw new Error('bad reference ' + topLeft);
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        const cell = sheet.cell(at.row + r, at.col + c);
        cell.value = value === null ? '' : value;
        if (numberFormat) cell.numberFormat = numberFormat;
      }),
    );
  }

  /** A deep copy of every sheet's cells, for "nothing changed" assertions. */
  dump(): { [sheet: string]: FakeCell[][] } {
    const out: { [sheet: string]: FakeCell[][] } = {};
    for (const sheet of this.sheets) out[sheet.name] = JSON.parse(JSON.stringify(sheet.cells));
    return out;
  }

  nameType(name: FakeName): FakeNameType {
    const body = name.formula.replace(/^=/, '').trim();
    if (/^-?\d+(\.\d+)?$/.test(body)) return 'Double';
    if (/^".*"$/.test(body)) return 'String';
    if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
    if (body.charAt(0) === '#') return 'Error';
    const areas = splitAreas(body);
    for (const area of areas) {
      const parsed = parseRef(area);
      if (!parsed || !this.findSheet(parsed.sheet)) return 'Error';
    }
    return 'Range';
  }

  /** NamedItem.value: the reference text for ranges, the constant otherwise. */
  nameValue(name: FakeName): string | number | boolean {
    const body = name.formula.replace(/^=/, '').trim();
    switch (this.nameType(name)) {
      case 'Double':
        return Number(body);
      case 'String':
        return body.slice(1, -1);
      case 'Boolean':
        return /^TRUE$/i.test(body);
      case 'Error':
        return '#REF!';
      default:
        return body;
    }
  }
}

/** Splits `A!$A$1,B!$B$2` at top-level commas. */
export function splitAreas(body: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

/** Parses `'Sheet'!$A$1:$B$2`, whole columns `Sheet!$A:$P` and whole rows `Sheet!$14:$23` (quotes and $ optional). */
export function parseRef(ref: string): RangeAddress | null {
  const bang = ref.lastIndexOf('!');
  if (bang <= 0) return null;
  let sheet = ref.slice(0, bang);
  if (sheet.charAt(0) === "'") sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const local = ref.slice(bang + 1);
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (cols) {
    const c1 = Math.min(columnIndex(cols[1]), columnIndex(cols[2]));
    const c2 = Math.max(columnIndex(cols[1]), columnIndex(cols[2]));
    if (c1 < 0 || c2 >= MAX_COLS) return null;
    return { sheet, row: 0, col: c1, rows: MAX_ROWS, cols: c2 - c1 + 1 };
  }
  const rows = /^\$?([0-9]{1,7}):\$?([0-9]{1,7})$/.exec(local);
  if (rows) {
    const r1 = Math.min(Number(rows[1]), Number(rows[2])) - 1;
    const r2 = Math.max(Number(rows[1]), Number(rows[2])) - 1;
    if (r1 < 0 || r2 >= MAX_ROWS) return null;
    return { sheet, row: r1, col: 0, rows: r2 - r1 + 1, cols: MAX_COLS };
  }
  const parts = local.split(':');
  const a = parseA1(parts[0]);
  const b = parseA1(parts[parts.length - 1]);
  if (!a || !b || parts.length > 2) return null;
  return { sheet, row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

/** Excel's way of writing a sheet in an address: bare when it is a plain word, quoted otherwise. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet) ? sheet : quoteSheet(sheet);
}
