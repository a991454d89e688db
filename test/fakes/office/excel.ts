/**
 * A strict fake of the office.js Excel object model, limited to the members
 * the Excel host uses, with office.js's batch semantics:
 *  - proxies queue operations; nothing touches the workbook until sync();
 *  - operations run in order; the first failing one rejects sync() and the
 *    ones after it do not run (those before it stay applied, as in Excel);
 *  - a property can be read only after load() and a successful sync()
 *    (otherwise it throws PropertyNotLoaded), loaded values being the state
 *    at the point of the load in the queue;
 *  - a member of an ExcelApi requirement set above the store's `excelApi`
 *    throws ApiNotFound when it is reached, before anything is queued, as
 *    office.js does (its generated code calls _throwIfApiNotSupported in the
 *    member's getter or method); a nested load of such a member is refused
 *    by Excel at sync time.
 */
import { a1, columnLetters, MAX_COLS, MAX_ROWS, type RangeAddress } from '../../../src/workbook/address';
import { type FakeCell, type FakeName, type FakeSheet, type FakeWorkbook, parseRef, sheetPrefix, splitAreas } from './store';

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
    location: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation: location };
  }
}

type Op = () => void;

/** office.js's check for a member of a requirement set the running Excel lacks. */
function requireApi(store: FakeWorkbook, member: string, version: string): void {
  if (store.supports(version)) return;
  throw new FakeOfficeError(
    'ApiNotFound',
    `The method or property ${member} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
    member,
  );
}

export class FakeRequestContext {
  private queue: Op[] = [];
  private pending: (() => void)[] = [];
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly store: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** Loaded values become readable only when the whole batch succeeded. */
  deliver(commit: () => void): void {
    this.pending.push(commit);
  }

  sync(): Promise<void> {
    const store = this.store;
    store.syncCount++;
    store.runHooks(store.syncCount);
    const ops = this.queue;
    this.queue = [];
    this.pending = [];
    if (store.editMode) {
      return Promise.reject(
        new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', 'Workbook'),
      );
    }
    store.requestSizes.push(0);
    store.responseSizes.push(0);
    try {
      for (const op of ops) op();
    } catch (e) {
      this.pending = [];
      return Promise.reject(e);
    }
    const commits = this.pending;
    this.pending = [];
    for (const commit of commits) commit();
    return Promise.resolve();
  }

  addRequest(payload: unknown): void {
    const sizes = this.store.requestSizes;
    sizes[sizes.length - 1] += JSON.stringify(payload).length;
  }

  addResponse(payload: unknown): void {
    const sizes = this.store.responseSizes;
    sizes[sizes.length - 1] += JSON.stringify(payload).length;
  }
}

function notLoaded(type: string, prop: string): never {
  throw new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' of ${type} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

/** Splits load() arguments: 'a,b', ['a','b'], 'items/a,items/b'. */
function props(arg: string | string[]): string[] {
  const list = Array.isArray(arg) ? arg : arg.split(',');
  return list.map((p) => p.trim()).filter((p) => p !== '');
}

abstract class FakeClientObject {
  protected loaded: { [prop: string]: unknown } = {};
  constructor(
    protected readonly ctx: FakeRequestContext,
    private readonly typeName: string,
  ) {}

  protected read<T>(prop: string): T {
    if (!(prop in this.loaded)) notLoaded(this.typeName, prop);
    return this.loaded[prop] as T;
  }

  /** Queues a load of `names`, computed by `get` when the op runs. */
  protected queueLoad(names: string[], allowed: string[], get: (prop: string) => unknown): void {
    for (const name of names) {
      if (allowed.indexOf(name) < 0) throw new Error(`fake: ${this.typeName}.${name} is not modelled`);
    }
    this.ctx.enqueue(() => {
      const values: { [prop: string]: unknown } = {};
      for (const name of names) values[name] = get(name);
      this.ctx.addResponse(values);
      this.ctx.deliver(() => {
        for (const name of names) this.loaded[name] = values[name];
      });
    });
  }
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

class FakeWorkbookProxy {
  readonly names: FakeNamedItemCollection;
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly ctx: FakeRequestContext) {
    this.names = new FakeNamedItemCollection(ctx, () => ctx.store.names);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

// ---------------------------------------------------------------------------
// Names

/** The defined name called `name` (names compare case-insensitively, as in Excel). */
function findIn(list: FakeName[], name: string): FakeName | undefined {
  const lower = name.toLowerCase();
  return list.filter((n) => n.name.toLowerCase() === lower)[0];
}

/** workbook.names (workbook-scoped names) or Worksheet.names (one sheet's own names). */
class FakeNamedItemCollection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly list: () => FakeName[],
  ) {
    super(ctx, 'NamedItemCollection');
  }

  get items(): FakeNamedItem[] {
    return this.read<FakeNamedItem[]>('items');
  }

  load(arg: string | string[]): this {
    const names = props(arg).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => this.fillItems(names));
    return this;
  }

  /** Loads the items with `names` (in a running op: a load of this collection or a nested one). */
  fillItems(names: string[]): void {
    const items = this.list().map((n) => {
      const item = new FakeNamedItem(this.ctx, n.name, this.list);
      item.fill(names);
      return item;
    });
    this.ctx.deliver(() => {
      this.loaded.items = items;
    });
  }

  getItem(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, name, this.list);
    this.ctx.enqueue(() => item.resolve());
    return item;
  }

  /** NamedItemCollection.add (ExcelApi 1.4). */
  add(name: string, reference: FakeRange | string): FakeNamedItem {
    requireApi(this.ctx.store, 'NamedItemCollection.add', '1.4');
    this.ctx.enqueue(() => {
      const list = this.list();
      if (findIn(list, name)) throw new FakeOfficeError('ItemAlreadyExists', `A name ${name} already exists.`, 'NamedItemCollection.add');
      const formula = typeof reference === 'string' ? reference : '=' + reference.absoluteReference();
      list.push({ name, formula });
      this.ctx.addRequest({ name, formula });
    });
    return new FakeNamedItem(this.ctx, name, this.list);
  }
}

const NAMED_ITEM_PROPS = ['name', 'type', 'value', 'visible'];

export class FakeNamedItem extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly itemName: string,
    private readonly list: () => FakeName[],
  ) {
    super(ctx, 'NamedItem');
  }

  resolve() {
    const found = findIn(this.list(), this.itemName);
    if (!found) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, 'NamedItemCollection.getItem');
    return found;
  }

  /** Used by the collection's load: the properties become readable with the collection. */
  fill(names: string[]): void {
    const values: { [prop: string]: unknown } = {};
    for (const p of names) values[p] = this.compute(p);
    this.ctx.addResponse(values);
    this.ctx.deliver(() => {
      for (const p of names) this.loaded[p] = values[p];
    });
  }

  private compute(prop: string): unknown {
    if (NAMED_ITEM_PROPS.indexOf(prop) < 0) throw new Error(`fake: NamedItem.${prop} is not modelled`);
    const n = this.resolve();
    if (prop === 'name') return n.name;
    if (prop === 'type') return this.ctx.store.nameType(n);
    if (prop === 'value') return this.ctx.store.nameValue(n);
    return true;
  }

  get name(): string {
    return this.read('name');
  }
  get type(): string {
    return this.read('type');
  }
  get value(): unknown {
    return this.read('value');
  }

  load(arg: string | string[]): this {
    this.queueLoad(props(arg), NAMED_ITEM_PROPS, (p) => this.compute(p));
    return this;
  }

  /** NamedItem.delete (ExcelApi 1.4): removes the name from its collection; ItemNotFound when it is gone. */
  delete(): void {
    requireApi(this.ctx.store, 'NamedItem.delete', '1.4');
    this.ctx.enqueue(() => {
      const found = this.resolve();
      const list = this.list();
      list.splice(list.indexOf(found), 1);
    });
  }

  /** Only a name whose type is Range has a range; Excel fails the batch otherwise. */
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const n = this.resolve();
      if (this.ctx.store.nameType(n) !== 'Range') {
        throw new FakeOfficeError('InvalidArgument', `The name ${n.name} does not refer to a range.`, 'NamedItem.getRange');
      }
      const areas = splitAreas(n.formula.replace(/^=/, ''));
      if (areas.length !== 1) {
        throw new FakeOfficeError('InvalidArgument', `The name ${n.name} refers to several areas.`, 'NamedItem.getRange');
      }
      return resolveArea(this.ctx.store, parseRef(areas[0]) as RangeAddress);
    });
  }
}

// ---------------------------------------------------------------------------
// Sheets

class FakeWorksheetCollection extends FakeClientObject {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'WorksheetCollection');
  }

  get items(): FakeWorksheet[] {
    return this.read<FakeWorksheet[]>('items');
  }

  load(arg: string | string[]): this {
    const names = props(arg).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      const sheets = this.ctx.store.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, s.name);
        ws.fill(names);
        return ws;
      });
      this.ctx.deliver(() => {
        this.loaded.items = sheets;
      });
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, name);
    this.ctx.enqueue(() => ws.resolve());
    return ws;
  }

  add(name: string): FakeWorksheet {
    this.ctx.enqueue(() => {
      if (this.ctx.store.findSheet(name)) {
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet ${name} already exists.`, 'WorksheetCollection.add');
      }
      this.ctx.store.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, 'WorksheetProtection');
  }
  get protected(): boolean {
    return this.read('protected');
  }
  load(arg: string | string[]): this {
    this.queueLoad(props(arg), ['protected'], () => this.sheet().protected);
    return this;
  }
}

export class FakeWorksheet extends FakeClientObject {
  private protectionObject: FakeWorksheetProtection | null = null;
  private namesObject: FakeNamedItemCollection | null = null;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetName: string | (() => FakeSheet),
  ) {
    super(ctx, 'Worksheet');
  }

  /** Worksheet.protection (ExcelApi 1.2). */
  get protection(): FakeWorksheetProtection {
    requireApi(this.ctx.store, 'Worksheet.protection', '1.2');
    return (this.protectionObject = this.protectionObject || new FakeWorksheetProtection(this.ctx, () => this.resolve()));
  }

  /** Worksheet.names (ExcelApi 1.4): the names scoped to this sheet. */
  get names(): FakeNamedItemCollection {
    requireApi(this.ctx.store, 'Worksheet.names', '1.4');
    return this.sheetNames();
  }

  private sheetNames(): FakeNamedItemCollection {
    return (this.namesObject = this.namesObject || new FakeNamedItemCollection(this.ctx, () => this.resolve().names));
  }

  resolve(): FakeSheet {
    if (typeof this.sheetName === 'function') return this.sheetName();
    const sheet = this.ctx.store.findSheet(this.sheetName);
    if (!sheet) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist.`, 'WorksheetCollection.getItem');
    return sheet;
  }

  /**
   * Used by the collection's load: `name`, and the sheet's own names through a nested load
   * (`names/items/name`), which Excel refuses below ExcelApi 1.4 (it fails the sync).
   */
  fill(names: string[]): void {
    const values: { [prop: string]: unknown } = {};
    const nested: string[] = [];
    for (const p of names) {
      const m = /^names\/items\/(.+)$/.exec(p);
      if (m) nested.push(m[1]);
      else if (p === 'name') values[p] = this.resolve().name;
      else if (p === 'visibility') values[p] = this.resolve().visibility;
      else throw new Error(`fake: Worksheet.${p} is not modelled`);
    }
    if (nested.length > 0) {
      requireApi(this.ctx.store, 'Worksheet.names', '1.4');
      this.sheetNames().fillItems(nested);
    }
    this.ctx.deliver(() => {
      for (const p of Object.keys(values)) this.loaded[p] = values[p];
    });
  }

  get name(): string {
    return this.read('name');
  }

  get visibility(): string {
    return this.read('visibility');
  }

  load(arg: string | string[]): this {
    this.queueLoad(props(arg), ['name', 'visibility'], (p) => (p === 'visibility' ? this.resolve().visibility : this.resolve().name));
    return this;
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      const parsed = parseRef(`'${sheet.name.replace(/'/g, "''")}'!${address}`);
      if (!parsed) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}.`, 'Worksheet.getRange');
      return { sheet, row: parsed.row, col: parsed.col, rows: parsed.rows, cols: parsed.cols };
    });
  }

  /** Worksheet.getUsedRange (ExcelApi 1.1; the valuesOnly argument is ExcelApi 1.2); A1 on a blank sheet. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (arguments.length > 1 || (valuesOnly !== undefined && typeof valuesOnly !== 'boolean')) {
      throw new Error('fake: Worksheet.getUsedRange takes one optional boolean');
    }
    const given = arguments.length > 0 ? valuesOnly : undefined;
    this.ctx.enqueue(() => {
      this.resolve();
      this.ctx.store.usedRangeCalls.push(given);
    });
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      return { sheet, ...sheet.usedArea(given === true) };
    });
  }

  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.store.activeSheet = this.resolve().name;
    });
  }
}

// ---------------------------------------------------------------------------
// Ranges

interface Area {
  sheet: FakeSheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function resolveArea(store: FakeWorkbook, ref: RangeAddress): Area {
  const sheet = store.findSheet(ref.sheet);
  if (!sheet) throw new FakeOfficeError('ItemNotFound', `The sheet ${ref.sheet} doesn't exist.`, 'NamedItem.getRange');
  return { sheet, row: ref.row, col: ref.col, rows: ref.rows, cols: ref.cols };
}

const RANGE_PROPS = ['address', 'values', 'numberFormat', 'formulas', 'rowCount', 'columnCount'];

/**
 * The most cells whose values, number formats or formulas one load may return. Excel refuses
 * larger responses (Excel on the web: about 5 MB); a whole column alone is 1,048,576 cells.
 */
export const MAX_LOAD_CELLS = 1_000_000;

/** `A1:P9`, or as Excel writes whole columns (`A:P`) and whole rows (`14:23`, also the whole sheet). */
function localText(a: Area): string {
  if (a.col === 0 && a.cols === MAX_COLS) return `${a.row + 1}:${a.row + a.rows}`;
  if (a.row === 0 && a.rows === MAX_ROWS) return `${columnLetters(a.col)}:${columnLetters(a.col + a.cols - 1)}`;
  const start = a1(a.row, a.col);
  const end = a1(a.row + a.rows - 1, a.col + a.cols - 1);
  return start === end ? start : start + ':' + end;
}

function sameSheetAreas(a: Area, b: Area, method: string): void {
  if (a.sheet !== b.sheet) throw new FakeOfficeError('InvalidArgument', 'The ranges are on different worksheets.', `Range.${method}`);
}

/** How Excel stores a value assigned through values/formulas. */
function assign(cell: { value: string | number | boolean; formula: string | null }, input: unknown): void {
  if (input === null || input === undefined) return; // null: leave the cell as it is
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    cell.formula = null;
    return;
  }
  const text = String(input);
  if (text.charAt(0) === "'") {
    cell.value = text.slice(1);
    cell.formula = null;
  } else if (text.charAt(0) === '=' && text.length > 1) {
    cell.formula = text;
    cell.value = 0; // the fake does not calculate
  } else if (text !== '' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*$/i.test(text)) {
    cell.value = Number(text);
    cell.formula = null;
  } else if (/^(true|false)$/i.test(text)) {
    cell.value = /^true$/i.test(text);
    cell.formula = null;
  } else {
    cell.value = text;
    cell.formula = null;
  }
}

export class FakeRange extends FakeClientObject {
  readonly format: FakeRangeFormat;
  constructor(
    ctx: FakeRequestContext,
    private readonly area: () => Area,
  ) {
    super(ctx, 'Range');
    this.format = new FakeRangeFormat(ctx, this);
  }

  /** `'Sheet'!$A$1:$B$2`, for names.add. */
  absoluteReference(): string {
    const a = this.area();
    const abs = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    return `${sheetPrefix(a.sheet.name)}!${abs(a.row, a.col)}:${abs(a.row + a.rows - 1, a.col + a.cols - 1)}`;
  }

  resolveArea(): Area {
    return this.area();
  }

  /** A range derived from this one; the derivation is checked when the batch runs, as Excel does. */
  private derive(area: () => Area): FakeRange {
    const range = new FakeRange(this.ctx, area);
    this.ctx.enqueue(() => {
      range.resolveArea();
    });
    return range;
  }

  /** Range.getCell (ExcelApi 1.1): the cell at a 0-based offset from the top-left cell. */
  getCell(row: number, column: number): FakeRange {
    return this.derive(() => {
      const a = this.area();
      const r = a.row + row;
      const c = a.col + column;
      if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) throw new FakeOfficeError('InvalidArgument', 'The cell is outside the sheet.', 'Range.getCell');
      return { sheet: a.sheet, row: r, col: c, rows: 1, cols: 1 };
    });
  }

  /** Range.getBoundingRect (ExcelApi 1.1); only a range of the fake is modelled as the argument. */
  getBoundingRect(other: FakeRange): FakeRange {
    if (!(other instanceof FakeRange)) throw new Error('fake: Range.getBoundingRect takes a Range');
    return this.derive(() => {
      const a = this.area();
      const b = other.resolveArea();
      sameSheetAreas(a, b, 'getBoundingRect');
      const row = Math.min(a.row, b.row);
      const col = Math.min(a.col, b.col);
      const bottom = Math.max(a.row + a.rows, b.row + b.rows);
      const right = Math.max(a.col + a.cols, b.col + b.cols);
      return { sheet: a.sheet, row, col, rows: bottom - row, cols: right - col };
    });
  }

  /** Range.getIntersection (ExcelApi 1.1): fails the batch when the ranges do not overlap. */
  getIntersection(other: FakeRange): FakeRange {
    if (!(other instanceof FakeRange)) throw new Error('fake: Range.getIntersection takes a Range');
    return this.derive(() => {
      const a = this.area();
      const b = other.resolveArea();
      sameSheetAreas(a, b, 'getIntersection');
      const row = Math.max(a.row, b.row);
      const col = Math.max(a.col, b.col);
      const bottom = Math.min(a.row + a.rows, b.row + b.rows);
      const right = Math.min(a.col + a.cols, b.col + b.cols);
      if (bottom <= row || right <= col) {
        throw new FakeOfficeError('ItemNotFound', 'The ranges do not intersect.', 'Range.getIntersection');
      }
      return { sheet: a.sheet, row, col, rows: bottom - row, cols: right - col };
    });
  }

  /** Range.getEntireRow (ExcelApi 1.1). */
  getEntireRow(): FakeRange {
    return this.derive(() => {
      const a = this.area();
      return { sheet: a.sheet, row: a.row, col: 0, rows: a.rows, cols: MAX_COLS };
    });
  }

  /** Range.getEntireColumn (ExcelApi 1.1). */
  getEntireColumn(): FakeRange {
    return this.derive(() => {
      const a = this.area();
      return { sheet: a.sheet, row: 0, col: a.col, rows: MAX_ROWS, cols: a.cols };
    });
  }

  private compute(prop: string): unknown {
    const a = this.area();
    if (prop === 'address') return sheetPrefix(a.sheet.name) + '!' + localText(a);
    if (prop === 'rowCount') return a.rows;
    if (prop === 'columnCount') return a.cols;
    if (a.rows * a.cols > MAX_LOAD_CELLS) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${a.rows * a.cols} cells).`,
        `Range.${prop}`,
      );
    }
    const grid: unknown[][] = [];
    for (let r = 0; r < a.rows; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < a.cols; c++) {
        const cell = a.sheet.mergedNonAnchor(a.row + r, a.col + c)
          ? { value: '', formula: null, numberFormat: a.sheet.peek(a.row + r, a.col + c).numberFormat }
          : a.sheet.peek(a.row + r, a.col + c);
        if (prop === 'values') line.push(cell.value);
        else if (prop === 'numberFormat') line.push(cell.numberFormat);
        else line.push(cell.formula !== null ? cell.formula : cell.value);
      }
      grid.push(line);
    }
    return clone(grid);
  }

  get address(): string {
    return this.read('address');
  }
  get values(): any[][] {
    return this.read('values');
  }
  set values(v: any[][]) {
    this.queueWrite('values', v);
  }
  get numberFormat(): any[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this.queueWrite('numberFormat', v);
  }
  get formulas(): any[][] {
    return this.read('formulas');
  }
  set formulas(v: any[][]) {
    this.queueWrite('formulas', v);
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  /** Range.worksheet: the sheet this range is on (resolved when used). */
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.area().sheet);
  }

  load(arg: string | string[]): this {
    this.queueLoad(props(arg), RANGE_PROPS, (p) => this.compute(p));
    return this;
  }

  select(): void {
    this.ctx.enqueue(() => {
      this.ctx.store.selection = this.compute('address') as string;
    });
  }

  checkWritable(property: string): Area {
    const a = this.area();
    if (a.sheet.protected) {
      throw new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is protected.', `Range.${property}`);
    }
    return a;
  }

  private queueWrite(property: 'values' | 'numberFormat' | 'formulas', grid: unknown[][]): void {
    const payload = clone(grid);
    this.ctx.enqueue(() => {
      const a = this.checkWritable(property);
      if (!Array.isArray(payload) || payload.length !== a.rows || payload.some((line) => !Array.isArray(line) || line.length !== a.cols)) {
        throw new FakeOfficeError('InvalidArgument', 'The number of rows or columns in the input array does not match the size or dimensions of the range.', `Range.${property}`);
      }
      if (property !== 'numberFormat') {
        for (let r = 0; r < a.rows; r++) {
          for (let c = 0; c < a.cols; c++) {
            const v = payload[r][c];
            if (v !== null && v !== '' && a.sheet.mergedNonAnchor(a.row + r, a.col + c)) {
              throw new FakeOfficeError('InvalidOperation', 'Cannot change part of a merged cell.', `Range.${property}`);
            }
          }
        }
      }
      for (let r = 0; r < a.rows; r++) {
        for (let c = 0; c < a.cols; c++) {
          const cell = a.sheet.cell(a.row + r, a.col + c);
          const v = payload[r][c];
          if (property === 'numberFormat') {
            if (v !== null && v !== undefined) cell.numberFormat = String(v);
          } else {
            assign(cell, v);
          }
        }
      }
      this.ctx.store.writes.push({ property, address: this.compute('address') as string, rows: a.rows, cols: a.cols });
      this.ctx.addRequest(payload);
    });
  }
}

class FakeRangeFormat {
  readonly fill: { color: string };
  readonly font: { bold: boolean };
  private readonly write: (apply: (cell: FakeCell) => void, column?: (sheet: FakeSheet, col: number) => void) => void;
  constructor(ctx: FakeRequestContext, range: FakeRange) {
    const write = (apply: (cell: FakeCell) => void, column?: (sheet: FakeSheet, col: number) => void) =>
      ctx.enqueue(() => {
        const a = range.checkWritable('format');
        for (let r = 0; r < a.rows; r++) for (let c = 0; c < a.cols; c++) apply(a.sheet.cell(a.row + r, a.col + c));
        if (column) for (let c = 0; c < a.cols; c++) column(a.sheet, a.col + c);
        ctx.store.writes.push({ property: 'format', address: '', rows: a.rows, cols: a.cols });
      });
    this.write = write;
    this.fill = {
      set color(v: string) {
        write((cell) => (cell.fill = v));
      },
      get color(): string {
        return notLoaded('RangeFill', 'color');
      },
    };
    this.font = {
      set bold(v: boolean) {
        write((cell) => (cell.bold = v));
      },
      get bold(): boolean {
        return notLoaded('RangeFont', 'bold');
      },
    };
  }
  set wrapText(v: boolean) {
    this.write((cell) => (cell.wrap = v));
  }
  get wrapText(): boolean {
    return notLoaded('RangeFormat', 'wrapText');
  }
  set verticalAlignment(v: string) {
    if (['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].indexOf(v) < 0) throw new FakeOfficeError('InvalidArgument', `verticalAlignment ${v}`, 'RangeFormat.verticalAlignment');
    this.write((cell) => (cell.verticalAlignment = v));
  }
  get verticalAlignment(): string {
    return notLoaded('RangeFormat', 'verticalAlignment');
  }
  set columnWidth(v: number) {
    this.write(() => undefined, (sheet, col) => (sheet.columnWidths[col] = v));
  }
  get columnWidth(): number {
    return notLoaded('RangeFormat', 'columnWidth');
  }
}

