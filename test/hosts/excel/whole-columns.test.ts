/**
 * Names over whole columns (`'绩效指标'!$C:$R`) and whole rows
 * (`'评价结果'!$3:$12`): the Excel host reads only the part of the sheet that
 * can hold content (never the million-row range, which the strict fake
 * refuses to load, as Excel does) and trims it to the rows / columns holding
 * a value or formula exactly as the xlsx host does, in at most 3 syncs per
 * 计算得分. The write-time check re-resolves such names the same way: no
 * false "changed", but a real shift of the table is caught.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { type Capabilities, EXCEL_API_1_1_ONLY, readWorkbook, scoreInExcel } from '../../../src/hosts/excel';
import { applyPlanToFile, readAllCells, readWorkbookFile } from '../../../src/hosts/xlsx';
import { a1, type RangeAddress } from '../../../src/workbook/address';
import { CONTRACT_NAMES, type ContractName, type WorkbookInput } from '../../../src/workbook/cells';
import { parseArea, parseReference } from '../../../src/workbook/reference';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { contextFor, FakeOfficeError, type FakeWorkbook, workbookFromCells } from '../../fakes/office';
import { parseRef } from '../../fakes/office/store';
import { cellsOf, EXAMPLE_NAMES, exampleBytes } from './example-workbook';
import { fakeCells, fileCells } from '../../support/cell-maps';
import { fileErrorText } from '../../../src/messages/file-errors';
import { scoreBook } from '../../../src/workbook/score-book';

/** A v1 workbook is one evaluation of the workbook's names: its outcome as scoreWorkbook gives it. */
function onlyEvaluation(outcome: { evaluations: Array<{ scope: string | null }> } | null): unknown {
  if (!outcome || outcome.evaluations.length !== 1 || outcome.evaluations[0].scope !== null) return outcome;
  const { scope: _scope, ...only } = outcome.evaluations[0];
  return only;
}

type Kind = 'fixed' | 'columns' | 'rows';

interface Cell {
  value: string | number | boolean | null;
  numFmt: string;
  formula?: string;
}

interface Book {
  sheets: { name: string; cells: Map<string, Cell> }[];
  names: { name: string; formula: string }[];
}

/** Where each contract table goes: its own sheet, top-left at C3 (a title in A1, a note in A61 outside the table's rows and columns). */
const SHEETS: Record<ContractName, string> = {
  预算执行: '预算执行',
  项目支出: '项目支出',
  绩效指标: '绩效 指标',
  评分规则: '评分规则',
  评价结果: '评价结果',
};
const TOP = 2;
const LEFT = 2;

const quote = (sheet: string) => "'" + sheet.replace(/'/g, "''") + "'";
const col = (c: number) => a1(0, c).replace(/\d+$/, '');

/** The table each name covers in the example, moved to its own sheet. */
function tables(): { name: ContractName; rows: number; cols: number; cells: Map<string, Cell> }[] {
  const example = cellsOf(exampleBytes());
  // The five contract tables (the example's 报告信息 is no table of this test).
  return EXAMPLE_NAMES.filter(({ name }) => (CONTRACT_NAMES as readonly string[]).includes(name)).map(({ name, formula }) => {
    const ref = parseRef(formula.slice(1))!;
    const source = example.get(ref.sheet)!;
    const cells = new Map<string, Cell>();
    for (let r = 0; r < ref.rows; r++) {
      for (let c = 0; c < ref.cols; c++) {
        const input = source.get(a1(ref.row + r, ref.col + c));
        if (!input || (input.value === null && input.numberFormat === 'General')) continue;
        const cell: Cell = { value: input.value, numFmt: input.numberFormat };
        if (input.formula) cell.formula = '0+' + String(input.value);
        cells.set(a1(TOP + r, LEFT + c), cell);
      }
    }
    return { name: name as ContractName, rows: ref.rows, cols: ref.cols, cells };
  });
}

function reference(kind: Kind, sheet: string, rows: number, cols: number): string {
  const last = { row: TOP + rows, col: col(LEFT + cols - 1) };
  if (kind === 'columns') return `=${quote(sheet)}!$${col(LEFT)}:$${last.col}`;
  if (kind === 'rows') return `=${quote(sheet)}!$${TOP + 1}:$${last.row}`;
  return `=${quote(sheet)}!$${col(LEFT)}$${TOP + 1}:$${last.col}$${last.row}`;
}

/**
 * The example's five tables, one per sheet, with things around them that the
 * trimming must see past: a title (A1) and a note (A61) outside the table's
 * columns and rows, and cells that carry only a number format inside the
 * whole columns (below the table) and the whole rows (right of the table).
 */
function spreadBook(kinds: Record<ContractName, Kind>): Book {
  const book: Book = { sheets: [], names: [] };
  for (const t of tables()) {
    const sheet = SHEETS[t.name];
    const cells = new Map(t.cells);
    cells.set('A1', { value: t.name + '（标题）', numFmt: 'General' });
    cells.set('A61', { value: '备注：本表为测试用', numFmt: 'General' });
    cells.set(a1(TOP + t.rows + 4, LEFT), { value: null, numFmt: '0.00' });
    cells.set(a1(TOP, LEFT + t.cols + 4), { value: null, numFmt: '0.00%' });
    book.sheets.push({ name: sheet, cells });
    book.names.push({ name: t.name, formula: reference(kinds[t.name], sheet, t.rows, t.cols) });
  }
  return book;
}

/** A real .xlsx written by ExcelJS; the names are set in workbook.xml afterwards (ExcelJS expands ranges it is given). */
async function toXlsx(book: Book): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.cells.forEach((cell, ref) => {
      const c = ws.getCell(ref);
      if (cell.formula !== undefined) {
        c.value = (cell.value === null ? { formula: cell.formula } : { formula: cell.formula, result: cell.value }) as ExcelJS.CellValue;
      }
      else if (cell.value !== null) c.value = cell.value;
      if (cell.numFmt !== 'General') c.numFmt = cell.numFmt;
    });
  }
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const names = book.names.map((n) => `<definedName name="${escape(n.name)}">${escape(n.formula.slice(1))}</definedName>`).join('');
  const xml = strFromU8(parts['xl/workbook.xml']).replace(/<definedNames>.*?<\/definedNames>|<definedNames\/>/, '');
  if (xml.indexOf('</sheets>') < 0) throw new Error('unexpected workbook.xml');
  parts['xl/workbook.xml'] = strToU8(xml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`));
  return zipSync(parts);
}

/** The same workbook in the strict fake, loaded from what the xlsx host reads. */
function toFake(bytes: Uint8Array, book: Book): FakeWorkbook {
  const cells = readAllCells(bytes);
  if (!cells.ok) throw new Error(fileErrorText(cells.error));
  const store = workbookFromCells(cells.value, book.names);
  for (const sheet of book.sheets) if (!store.findSheet(sheet.name)) store.addSheet(sheet.name);
  return store;
}

function fileInput(bytes: Uint8Array): WorkbookInput {
  const read = readWorkbookFile(bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value;
}




function rangeOf(input: WorkbookInput, name: ContractName): RangeAddress | null {
  const r = input[name];
  return r.kind === 'range' ? r.range : null;
}

const allOf = (kind: Kind) => Object.fromEntries(CONTRACT_NAMES.map((n) => [n, kind])) as Record<ContractName, Kind>;
/** 评价结果's value column is empty before the first 计算得分: over whole rows it trims to one column (see below). */
const ROWS: Record<ContractName, Kind> = { ...allOf('rows'), 评价结果: 'columns' };
const MIXED: Record<ContractName, Kind> = { 预算执行: 'rows', 项目支出: 'columns', 绩效指标: 'columns', 评分规则: 'rows', 评价结果: 'fixed' };

const CAPS_1_1: Capabilities = EXCEL_API_1_1_ONLY;
const CAPS_1_2: Capabilities = { protection: true, addNames: true, usedRangeValuesOnly: true };

describe('the fake models whole columns and rows strictly', () => {
  it('reports their addresses as Excel does and refuses to load their cells', async () => {
    const store = workbookFromCells(new Map(), [
      { name: 'cols', formula: "='绩效 指标'!$A:$P" },
      { name: 'rows', formula: '=评价结果!$14:$23' },
    ]);
    store.addSheet('绩效 指标');
    store.addSheet('评价结果');
    const context = contextFor(store);
    const cols = context.workbook.names.getItem('cols').getRange().load('address');
    const rows = context.workbook.names.getItem('rows').getRange().load('address');
    await context.sync();
    expect(cols.address).toBe("'绩效 指标'!A:P");
    expect(rows.address).toBe('评价结果!14:23');
    expect(parseArea(cols.address)).toEqual({ sheet: '绩效 指标', row: 0, col: 0, rows: 1048576, cols: 16, whole: 'columns' });
    expect(parseArea(rows.address)).toEqual({ sheet: '评价结果', row: 13, col: 0, rows: 10, cols: 16384, whole: 'rows' });
    expect(() => cols.values).toThrow(FakeOfficeError);

    const whole = context.workbook.names.getItem('cols').getRange().load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => whole.values).toThrow(/not available/);
  });

  it('gives the used range (A1 on a blank sheet) and fails a batch whose ranges do not intersect', async () => {
    const store = workbookFromCells(new Map(), []);
    store.addSheet('空表');
    store.fill('S', 'C3', [[1, null], [null, 'x']]);
    store.findSheet('S')!.cell(9, 0).numberFormat = '0.00';
    const context = contextFor(store);
    const blank = context.workbook.worksheets.getItem('空表').getUsedRange().load('address');
    const used = context.workbook.worksheets.getItem('S').getUsedRange().load('address');
    const values = context.workbook.worksheets.getItem('S').getUsedRange(true).load('address');
    await context.sync();
    expect([blank.address, used.address, values.address]).toEqual(['空表!A1', 'S!A3:D10', 'S!C3:D4']);
    expect(store.usedRangeCalls).toEqual([undefined, undefined, true]);

    const sheet = context.workbook.worksheets.getItem('S');
    sheet.getRange('A1:B2').getIntersection(sheet.getRange('C3:D4'));
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('whole-column and whole-row references', () => {
  it.each([
    ["'绩效 指标'!$A:$P", 'columns'],
    ['=评价结果!$14:$23', 'rows'],
    ['预算执行!A:A', 'columns'],
    ["='a!b'!$1:$1", 'rows'],
    ["'绩效指标'!$A$3:$P$11", null],
    ['=OFFSET(A!$A$1,0,0,3,2)', null],
    ['0.5', null],
  ])('classifies %s', (formula, kind) => {
    const parsed = parseReference(formula);
    expect(parsed.kind === 'area' ? parsed.area.whole : null).toBe(kind);
  });
});

describe.each([
  ['whole columns', allOf('columns')],
  ['whole rows', ROWS],
  ['mixed', MIXED],
])('names over %s', (_label, kinds) => {
  const book = spreadBook(kinds);
  let bytes: Uint8Array;
  let fixedBytes: Uint8Array;
  beforeAll(async () => {
    bytes = await toXlsx(book);
    fixedBytes = await toXlsx(spreadBook(allOf('fixed')));
  });

  it('the xlsx host trims each name to its table', () => {
    const input = fileInput(bytes);
    for (const t of tables()) {
      expect(rangeOf(input, t.name)).toEqual({ sheet: SHEETS[t.name], row: TOP, col: LEFT, rows: t.rows, cols: t.cols });
    }
    expect(scoreWorkbook(input)).toEqual(scoreWorkbook(fileInput(fixedBytes)));
  });

  it.each([
    ['ExcelApi 1.1', CAPS_1_1],
    ['ExcelApi 1.2', CAPS_1_2],
  ])('reads the same WorkbookInput as the xlsx host in 2 syncs (%s)', async (_api, caps) => {
    const store = toFake(bytes, book);
    const read = await readWorkbook(contextFor(store), caps);
    expect(store.syncCount).toBe(2);
    expect(read.input).toEqual(fileInput(bytes));
    const wholeNames = CONTRACT_NAMES.filter((n) => kinds[n] !== 'fixed').length;
    expect(store.usedRangeCalls).toEqual(new Array(wholeNames).fill(caps.usedRangeValuesOnly ? true : undefined));
  });

  it.each([
    ['ExcelApi 1.1', CAPS_1_1],
    ['ExcelApi 1.2', CAPS_1_2],
  ])('计算得分 gives the xlsx host outcome and cells, within 3 syncs (%s)', async (_api, caps) => {
    const expected = scoreWorkbook(fileInput(bytes));
    expect(expected.errors).toEqual([]);
    expect(expected.summary?.total).toBe('81.53');
    const store = toFake(bytes, book);
    const result = await scoreInExcel(contextFor(store), caps, scoreBook);
    expect(result.hostError).toBeNull();
    expect(result.snapshot).not.toBeNull();
    expect(onlyEvaluation(result.outcome)).toEqual(expected);
    expect(store.syncCount).toBeLessThanOrEqual(3);
    const written = applyPlanToFile(bytes, expected.plan);
    if (!written.ok) throw new Error('file host failed');
    expect(fakeCells(store)).toEqual(fileCells(written.value));
  });
});

describe('the write-time check of whole-column names', () => {
  const kinds = allOf('columns');
  const book = spreadBook(kinds);
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await toXlsx(book);
  });

  it('ignores edits that leave the trimmed tables where they were', async () => {
    const store = toFake(bytes, book);
    store.beforeSync(3, (wb) => {
      wb.fill('绩效 指标', 'A2', [['别的列里的新内容']]); // outside the columns
      wb.findSheet('评价结果')!.cell(40, LEFT).numberFormat = '0.0'; // format only, inside the columns
    });
    const result = await scoreInExcel(contextFor(store), CAPS_1_1, scoreBook);
    expect(result.hostError).toBeNull();
    expect(store.syncCount).toBe(3);
  });

  it('reports a table that grew or moved inside its columns, and leaves it as it was', async () => {
    const store = toFake(bytes, book);
    store.beforeSync(3, (wb) => wb.fill('绩效 指标', 'D2', [['新的一行']]));
    const result = await scoreInExcel(contextFor(store), CAPS_1_2, scoreBook);
    expect(result.hostError).toEqual({ code: 'changed', detail: 'nameMoved', name: '绩效指标' });
    const after = toFake(bytes, book);
    after.fill('绩效 指标', 'D2', [['新的一行']]);
    expect(fakeCells(store)).toEqual(fakeCells(after));
  });

  it('reports a name that no longer spans whole columns', async () => {
    const store = toFake(bytes, book);
    store.beforeSync(3, (wb) => wb.setName('评价结果', "='评价结果'!$C$3:$D$12"));
    const result = await scoreInExcel(contextFor(store), CAPS_1_1, scoreBook);
    expect(result.hostError).toEqual({ code: 'changed', detail: 'nameMoved', name: '评价结果' });
  });
});

describe('trimming that leaves a table too small', () => {
  it('评价结果 over whole rows before its values are filled: the same error in both hosts, nothing written', async () => {
    const book = spreadBook({ ...allOf('fixed'), 评价结果: 'rows' });
    const bytes = await toXlsx(book);
    const expected = scoreWorkbook(fileInput(bytes));
    expect(expected.errors.map((e) => e.code)).toEqual(['rangeTooSmall']);
    const store = toFake(bytes, book);
    const result = await scoreInExcel(contextFor(store), CAPS_1_1, scoreBook);
    expect(onlyEvaluation(result.outcome)).toEqual(expected);
    expect(store.writes).toEqual([]);
    expect(store.syncCount).toBe(2);
  });
});

describe('a whole-column or whole-row name over an empty sheet', () => {
  it.each([
    ['$A:$D', { row: 0, col: 0, rows: 1, cols: 4 }],
    ['$5:$9', { row: 4, col: 0, rows: 5, cols: 1 }],
  ])('%s resolves to its first row or column, as in the xlsx host', async (ref, expected) => {
    const book = spreadBook(allOf('fixed'));
    book.sheets.push({ name: '空表', cells: new Map() });
    book.names = book.names.map((n) => (n.name === '项目支出' ? { name: n.name, formula: `='空表'!${ref}` } : n));
    const bytes = await toXlsx(book);
    const input = fileInput(bytes);
    expect(rangeOf(input, '项目支出')).toEqual({ sheet: '空表', ...expected });

    const store = toFake(bytes, book);
    const read = await readWorkbook(contextFor(store), CAPS_1_1);
    expect(read.input).toEqual(input);

    const fresh = toFake(bytes, book);
    const result = await scoreInExcel(contextFor(fresh), CAPS_1_2, scoreBook);
    expect(onlyEvaluation(result.outcome)).toEqual(scoreWorkbook(input));
    expect(fresh.syncCount).toBeLessThanOrEqual(3);
  });

  it('a sheet holding only formatted cells and a formula showing nothing trims like the xlsx host', async () => {
    const book: Book = {
      sheets: [
        {
          name: 'F',
          cells: new Map<string, Cell>([
            ['B2', { value: null, numFmt: '0.00' }],
            ['A4', { value: '项目名称', numFmt: 'General' }],
            ['B7', { value: null, numFmt: 'General', formula: 'A1' }],
            ['F20', { value: null, numFmt: '0%' }],
          ]),
        },
      ],
      names: [
        { name: '项目支出', formula: '=F!$A:$B' },
        { name: '评分规则', formula: '=F!$4:$7' },
      ],
    };
    const bytes = await toXlsx(book);
    const input = fileInput(bytes);
    expect(rangeOf(input, '项目支出')).toEqual({ sheet: 'F', row: 3, col: 0, rows: 4, cols: 2 });
    expect(rangeOf(input, '评分规则')).toEqual({ sheet: 'F', row: 3, col: 0, rows: 4, cols: 2 });
    for (const caps of [CAPS_1_1, CAPS_1_2]) {
      const store = toFake(bytes, book);
      expect((await readWorkbook(contextFor(store), caps)).input).toEqual(input);
    }
  });
});
