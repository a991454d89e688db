/**
 * Sheet-scoped and duplicate names in both hosts. The contract counts only
 * workbook-scoped names: a contract name defined only with sheet scopes is
 * sheetScopedOnly (naming the sheets), one defined twice at workbook scope
 * (possible in a file, never in Excel) is duplicate. In Excel the sheets'
 * own names are on Worksheet.names (ExcelApi 1.4), read in the same first
 * batch as workbook.names; on ExcelApi 1.1 they cannot be seen and such a
 * name reads as missing. The strict fake enforces the ExcelApi level.
 */
import { issueText } from '../../../src/messages/issues';
import { readWorkbook, scoreInExcel } from '../../../src/hosts/excel';
import { readWorkbookFile } from '../../../src/hosts/xlsx';
import type { NameResolution, WorkbookInput } from '../../../src/workbook/cells';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { buildXlsx, definedName } from '../../support/xlsx-build';
import { capabilitiesOf, contextFor, type FakeExcelApi, FakeOfficeError, FakeWorkbook } from '../../fakes/office';
import { exampleInFake } from './example-workbook';
import { scoreBook } from '../../../src/workbook/score-book';

/** A book description both hosts are built from: sheets (with one cell each) and names, sheet-scoped ones by sheet index. */
interface NameSpec {
  name: string;
  formula: string;
  /** Index into `SHEETS` for a sheet-scoped name. */
  sheet?: number;
}
const SHEETS = ['预算执行', '绩效 指标', "O'Brien"];

function xlsxOf(names: NameSpec[]): Uint8Array {
  return buildXlsx({
    sheets: SHEETS.map((name) => ({ name, rows: '<row r="1"><c r="A1"><v>1</v></c></row>' })),
    names: names.map((n) => definedName(n.name, n.formula, n.sheet)).join(''),
  });
}

function fakeOf(names: NameSpec[], excelApi: FakeExcelApi): FakeWorkbook {
  const store = new FakeWorkbook();
  store.excelApi = excelApi;
  for (const sheet of SHEETS) store.fill(sheet, 'A1', [[1]]);
  for (const n of names) {
    if (n.sheet === undefined) store.setName(n.name, '=' + n.formula);
    else store.setSheetName(SHEETS[n.sheet], n.name, '=' + n.formula);
  }
  return store;
}

function fileInput(bytes: Uint8Array): WorkbookInput {
  const read = readWorkbookFile(bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value;
}

const SCOPED: NameSpec[] = [
  // only on one sheet
  { name: '预算执行', formula: "'预算执行'!$A$1", sheet: 0 },
  // on two sheets, none at workbook scope
  { name: '绩效指标', formula: "'绩效 指标'!$A$1", sheet: 1 },
  { name: '绩效指标', formula: "'O''Brien'!$A$1", sheet: 2 },
  // at workbook scope and on a sheet: the workbook-scoped one counts
  { name: '评价结果', formula: "'预算执行'!$A$1:$B$2" },
  { name: '评价结果', formula: "'O''Brien'!$A$1", sheet: 2 },
  // a sheet's own name that is not a contract name
  { name: '其他', formula: "'预算执行'!$A$1", sheet: 0 },
];

describe('the fake enforces the ExcelApi level as office.js does', () => {
  it('ExcelApi 1.1: Worksheet.protection, Worksheet.names and names.add throw ApiNotFound when reached', async () => {
    const store = fakeOf(SCOPED, '1.1');
    const context = contextFor(store);
    const sheet = context.workbook.worksheets.getItem('预算执行');
    expect(() => sheet.protection).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => sheet.names).toThrow(FakeOfficeError);
    expect(() => context.workbook.names.add('x', "='预算执行'!$A$1")).toThrow(/ExcelApi 1\.4/);
    expect(store.requirements.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(store.requirements.isSetSupported('ExcelApi', '1.2')).toBe(false);
    // A nested load of the sheets' names is refused by Excel at sync time.
    context.workbook.worksheets.load('items/name,items/names/items/name');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('ExcelApi 1.4: the sheets list their own names; workbook.names lists only workbook-scoped ones', async () => {
    const store = fakeOf(SCOPED, '1.4');
    const context = contextFor(store);
    const sheets = context.workbook.worksheets.load('items/name,items/names/items/name');
    const names = context.workbook.names.load('items/name');
    await context.sync();
    expect(names.items.map((n) => n.name)).toEqual(['评价结果']);
    expect(sheets.items.map((s) => [s.name, s.names.items.map((n) => n.name)])).toEqual([
      ['预算执行', ['预算执行', '其他']],
      ['绩效 指标', ['绩效指标']],
      ["O'Brien", ['绩效指标', '评价结果']],
    ]);
    expect(store.syncCount).toBe(1);
  });
});

describe('sheet-scoped names', () => {
  const expected: Partial<Record<keyof WorkbookInput, NameResolution>> = {
    预算执行: { kind: 'sheetScopedOnly', sheets: ['预算执行'] },
    项目支出: { kind: 'missing' },
    绩效指标: { kind: 'sheetScopedOnly', sheets: ['绩效 指标', "O'Brien"] },
  };

  it('the xlsx host names the sheets (localSheetId indexes <sheets>) and takes the workbook-scoped definition', () => {
    const input = fileInput(xlsxOf(SCOPED));
    expect(input).toMatchObject(expected);
    expect(input['评价结果']).toMatchObject({ kind: 'range', range: { sheet: '预算执行', row: 0, col: 0, rows: 2, cols: 2 } });
  });

  it('the Excel host with ExcelApi 1.4 reads the same, still in 2 syncs', async () => {
    const store = fakeOf(SCOPED, '1.4');
    const caps = capabilitiesOf(store);
    expect(caps.sheetScopedNames).toBe(true);
    const read = await readWorkbook(contextFor(store), caps);
    expect(store.syncCount).toBe(2);
    expect(read.input).toEqual(fileInput(xlsxOf(SCOPED)));
  });

  it('the Excel host on ExcelApi 1.1 cannot see them: missing, 2 syncs, no call above 1.1', async () => {
    const store = fakeOf(SCOPED, '1.1');
    const caps = capabilitiesOf(store);
    expect(caps).toEqual({ protection: false, addNames: false, usedRangeValuesOnly: false, sheetScopedNames: false });
    const read = await readWorkbook(contextFor(store), caps);
    expect(store.syncCount).toBe(2);
    expect(read.input).toEqual({ ...fileInput(xlsxOf(SCOPED)), 预算执行: { kind: 'missing' }, 绩效指标: { kind: 'missing' } });
  });

  it('an Excel refusing the nested load of the sheets\' names: read as on ExcelApi 1.1, one more sync', async () => {
    const store = fakeOf(SCOPED, '1.2'); // refuses Worksheet.names at sync time, as an Excel without it would
    const read = await readWorkbook(contextFor(store), { ...capabilitiesOf(store), sheetScopedNames: true });
    expect(read.input).toEqual({ ...fileInput(xlsxOf(SCOPED)), 预算执行: { kind: 'missing' }, 绩效指标: { kind: 'missing' } });
    expect(store.syncCount).toBe(3);
  });

  it('edit mode during the first batch is not retried', async () => {
    const store = fakeOf(SCOPED, '1.4');
    store.editMode = true;
    await expect(readWorkbook(contextFor(store), capabilitiesOf(store))).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(store.syncCount).toBe(1);
  });

  it('on ExcelApi 1.1 with no name resolving, the read is one sync', async () => {
    const store = fakeOf([{ name: '预算执行', formula: "'预算执行'!$A$1", sheet: 0 }], '1.1');
    const read = await readWorkbook(contextFor(store), capabilitiesOf(store));
    expect(read.input['预算执行']).toEqual({ kind: 'missing' });
    expect(store.syncCount).toBe(1);
  });

  it.each<[FakeExcelApi]>([['1.1'], ['1.2']])('计算得分 on the example with 绩效指标 only sheet-scoped (ExcelApi %s, which cannot see it): missing, nothing written', async (api) => {
    const store = exampleInFake();
    store.excelApi = api;
    const table = store.names.splice(store.names.findIndex((n) => n.name === '绩效指标'), 1)[0];
    store.setSheetName('绩效指标', '绩效指标', table.formula);
    const before = store.dump();
    const result = await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
    expect(result.hostError).toBeNull();
    const errors = result.outcome!.errors;
    expect(errors.map((e) => ('name' in e ? e.name : null))).toEqual(['绩效指标']);
    expect(issueText(errors[0], 'excel')).toContain('绩效指标');
    expect(store.syncCount).toBe(2);
    expect(store.writes).toEqual([]);
    expect(store.dump()).toEqual(before);
  });

  it('with ExcelApi 1.4 a sheet-scoped 绩效指标 is that sheet\'s evaluation: it needs its own 预算执行 and 评价结果 (never the workbook\'s); nothing written', async () => {
    const store = exampleInFake();
    store.excelApi = '1.4';
    const table = store.names.splice(store.names.findIndex((n) => n.name === '绩效指标'), 1)[0];
    store.setSheetName('绩效指标', '绩效指标', table.formula);
    const before = store.dump();
    const result = await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
    expect(result.hostError).toBeNull();
    expect(result.outcome!.evaluations.map((e) => e.scope)).toEqual(['绩效指标']);
    const errors = result.outcome!.errors;
    expect(errors.map((e) => [e.code, 'name' in e ? e.name : null, 'scope' in e ? e.scope : null])).toEqual([
      ['nameMissing', '预算执行', '绩效指标'],
      ['nameMissing', '评价结果', '绩效指标'],
    ]);
    expect(issueText(errors[0], 'excel')).toContain('范围选“绩效指标”');
    expect(store.syncCount).toBe(2);
    expect(store.writes).toEqual([]);
    expect(store.dump()).toEqual(before);
  });

  it('the optional 评分规则 only sheet-scoped: an error with ExcelApi 1.4, as in the file host; on 1.1 it reads as absent (defaults)', async () => {
    const scoped = (api: FakeExcelApi) => {
      const store = exampleInFake();
      store.excelApi = api;
      const rules = store.names.splice(store.names.findIndex((n) => n.name === '评分规则'), 1)[0];
      store.setSheetName('评价结果', '评分规则', rules.formula);
      return store;
    };
    const v14 = scoped('1.4');
    const strict = await scoreInExcel(contextFor(v14), capabilitiesOf(v14), scoreBook);
    expect(strict.outcome!.errors.map((e) => ('name' in e ? e.name : null))).toEqual(['评分规则']);
    expect(v14.writes).toEqual([]);

    const v11 = scoped('1.1');
    const lenient = await scoreInExcel(contextFor(v11), capabilitiesOf(v11), scoreBook);
    const absent = exampleInFake();
    absent.names.splice(absent.names.findIndex((n) => n.name === '评分规则'), 1);
    const { scope, ...only } = lenient.outcome!.evaluations[0];
    expect(scope).toBeNull();
    expect(only).toEqual(scoreWorkbook((await readWorkbook(contextFor(absent), capabilitiesOf(absent))).input));
    expect(lenient.outcome!.errors).toEqual([]);
  });
});

describe('duplicate names (a file can define a name twice at workbook scope; Excel cannot)', () => {
  it('the xlsx host takes neither and gives both formulas', () => {
    const input = fileInput(
      xlsxOf([
        { name: '预算执行', formula: "'预算执行'!$A$1:$B$2" },
        { name: '预算执行', formula: "'绩效 指标'!$A$1" },
        { name: '预算执行', formula: "'O''Brien'!$A$1", sheet: 2 },
      ]),
    );
    expect(input['预算执行']).toEqual({ kind: 'duplicate', formulas: ["'预算执行'!$A$1:$B$2", "'绩效 指标'!$A$1"] });
  });

  it('a localSheetId that indexes no sheet scopes the name to no sheet: missing', () => {
    const input = fileInput(xlsxOf([{ name: '预算执行', formula: "'预算执行'!$A$1", sheet: 7 }]));
    expect(input['预算执行']).toEqual({ kind: 'missing' });
  });
});
