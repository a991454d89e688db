/**
 * Workbooks without names in the Excel host (forms issue §3), on the strict
 * fake at ExcelApi 1.4 and 1.1: 计算得分 returns the detection's proposal
 * (nothing written), 设定名称并计算 scores it exactly as the named original
 * scores, in at most 3 syncs; at 1.4 the names are added (with their scopes)
 * and 撤销本次计算 deletes them with the cells.
 */
import { scoreInExcel, scoreProposal, undoWrites, type ExcelProposal } from '../../../src/hosts/excel';
import { readAllCells } from '../../../src/hosts/xlsx';
import { fileErrorText } from '../../../src/messages/file-errors';
import { nameReference } from '../../../src/workbook/address';
import type { CellInput } from '../../../src/workbook/cells';
import { CONTRACT_NAMES } from '../../../src/workbook/cells';
import { scoreBook } from '../../../src/workbook/score-book';
import { capabilitiesOf, contextFor, type FakeExcelApi, type FakeWorkbook, workbookFromCells } from '../../fakes/office';
import { nationalBook, nationalFake } from '../../support/national-book';
import { nationalXlsx } from '../../support/national-xlsx';
import { cellsOf, EXAMPLE_NAMES, exampleBytes, exampleInFake } from './example-workbook';

const model = nationalBook();
let nationalCells: Map<string, Map<string, CellInput>>;

beforeAll(async () => {
  const cells = readAllCells(await nationalXlsx(model));
  if (!cells.ok) throw new Error(fileErrorText(cells.error));
  nationalCells = cells.value;
});

interface Shape {
  label: string;
  named(): FakeWorkbook;
  nameless(): FakeWorkbook;
}

const SHAPES: Shape[] = [
  { label: 'the example workbook', named: exampleInFake, nameless: () => workbookFromCells(cellsOf(exampleBytes()), []) },
  { label: 'the 5-project national workbook', named: () => nationalFake(model, nationalCells), nameless: () => nationalFake({ ...model, names: [] }, nationalCells) },
];

type Dump = ReturnType<FakeWorkbook['dump']>;

/** A dump without the blank cells a write materialized at the end of a row (a blank General cell is no cell in Excel). */
function trimmed(dump: Dump): Dump {
  const blank = (c: { value: unknown; formula: unknown; numberFormat: string }) => c.value === '' && c.formula === null && c.numberFormat === 'General';
  const out: Dump = {};
  for (const [name, rows] of Object.entries(dump)) {
    out[name] = rows.map((line) => {
      const copy = line.slice();
      while (copy.length > 0 && blank(copy[copy.length - 1])) copy.pop();
      return copy;
    });
    while (out[name].length > 0 && out[name][out[name].length - 1].length === 0) out[name].pop();
  }
  return out;
}

/** Every contract name of the store with its scope (null: the workbook's), as `scope|name`. */
function definedNames(store: FakeWorkbook): string[] {
  const contract = (n: string) => CONTRACT_NAMES.some((c) => c === n);
  const out = store.names.filter((n) => contract(n.name)).map((n) => '|' + n.name);
  for (const sheet of store.sheets) for (const n of sheet.names) if (contract(n.name)) out.push(sheet.name + '|' + n.name);
  return out.sort();
}

async function detect(store: FakeWorkbook, maxSyncs = 3): Promise<ExcelProposal> {
  store.syncCount = 0;
  const result = await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
  expect(result.hostError).toBeNull();
  expect(result.outcome).toBeNull();
  expect(result.snapshot).toBeNull();
  expect(store.syncCount).toBeLessThanOrEqual(maxSyncs);
  expect(store.writes).toEqual([]);
  return result.proposal!;
}

describe.each(SHAPES)('$label without names', (shape) => {
  describe.each(['1.4', '1.1'] as FakeExcelApi[])('at ExcelApi %s', (level) => {
    it('计算得分 proposes names and writes nothing; 设定名称并计算 scores as the named original, in at most 3 syncs', async () => {
      const original = shape.named();
      original.excelApi = '1.4';
      const expected = await scoreInExcel(contextFor(original), capabilitiesOf(original), scoreBook);
      expect(expected.outcome!.errors).toEqual([]);

      const store = shape.nameless();
      store.excelApi = level;
      const before = store.dump();
      const found = await detect(store);
      expect(found.proposal.problems).toEqual([]);
      expect(found.proposal.names.length).toBeGreaterThan(0);
      expect(store.dump()).toEqual(before);

      store.syncCount = 0;
      const result = await scoreProposal(contextFor(store), capabilitiesOf(store), found, scoreBook);
      expect(result.hostError).toBeNull();
      expect(result.mode).toBe(level === '1.4' ? 'namesAdded' : 'tablesOnly');
      expect(store.syncCount).toBeLessThanOrEqual(3);
      const outcome = result.outcome!;
      expect(outcome.errors).toEqual([]);
      const summary = (o: typeof outcome) => o.evaluations.map((e) => [e.scope, e.summary!.total, e.summary!.grade]);
      expect(summary(outcome)).toEqual(summary(expected.outcome!));
      expect(outcome.plan).toEqual(expected.outcome!.plan);
      expect(trimmed(store.dump())).toEqual(trimmed(original.dump()));

      if (level === '1.4') {
        // The names exist afterwards, with the scopes the named original has.
        expect(definedNames(store)).toEqual(definedNames(original));
        for (const n of found.proposal.names) {
          const list = n.scope === null ? store.names : store.findSheet(n.scope)!.names;
          expect(list.filter((d) => d.name === n.name).map((d) => d.formula)).toEqual(['=' + nameReference(n.range)]);
        }
        expect(result.snapshot!.addedNames!.length).toBe(found.proposal.names.length);
      } else {
        expect(definedNames(store)).toEqual([]);
        expect(result.snapshot!.addedNames).toBeUndefined();
      }
    });

    it('撤销本次计算 puts the cells back' + (level === '1.4' ? ' and deletes the names it added' : ''), async () => {
      const store = shape.nameless();
      store.excelApi = level;
      const before = store.dump();
      const found = await detect(store);
      const result = await scoreProposal(contextFor(store), capabilitiesOf(store), found, scoreBook);
      expect(await undoWrites(contextFor(store), result.snapshot)).toEqual({ ok: true });
      expect(trimmed(store.dump())).toEqual(trimmed(before));
      expect(definedNames(store)).toEqual([]);
    });
  });
});

describe('a workbook changed or ambiguous', () => {
  it.each([
    ['1.4', 3],
    ['1.1', 4], // its range is read (a second sync) before the sheets are listed: ExcelApi 1.1 lists no sheets with the names
  ] as [FakeExcelApi, number][])('a workbook whose only name is 报告信息 is detected too (it is no evaluation), ExcelApi %s', async (level, syncs) => {
    const store = workbookFromCells(cellsOf(exampleBytes()), EXAMPLE_NAMES.filter((n) => n.name === '报告信息'));
    store.excelApi = level;
    const found = await detect(store, syncs);
    expect(found.proposal.problems).toEqual([]);
    expect(found.proposal.names.map((n) => n.name).sort()).toEqual(['绩效指标', '评价结果', '评分规则', '项目支出', '预算执行'].sort());
  });

  it('a workbook with one contract name is scored through its names, as before (no detection)', async () => {
    const store = workbookFromCells(cellsOf(exampleBytes()), EXAMPLE_NAMES.filter((n) => n.name === '绩效指标'));
    const result = await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
    expect(result.proposal).toBeNull();
    expect(result.outcome!.errors.map((e) => e.code)).toContain('nameMissing');
  });

  it('an ambiguous workbook (two indicator tables on one sheet) lists the ambiguity; nothing is proposed or written', async () => {
    const cells = cellsOf(exampleBytes());
    const indicators = cells.get('绩效指标')!;
    const copy = new Map(indicators);
    indicators.forEach((cell, ref) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      copy.set(m[1] + (Number(m[2]) + 40), cell);
    });
    cells.set('绩效指标', copy);
    for (const level of ['1.4', '1.1'] as FakeExcelApi[]) {
      const store = workbookFromCells(cells, []);
      store.excelApi = level;
      const before = store.dump();
      const found = await detect(store);
      expect(found.proposal.names).toEqual([]);
      expect(found.proposal.problems.map((p) => p.code)).toContain('severalTables');
      expect(store.dump()).toEqual(before);
      expect(definedNames(store)).toEqual([]);
    }
  });

  it('设定名称并计算 after the workbook changed shows the new proposal and writes nothing', async () => {
    const store = workbookFromCells(cellsOf(exampleBytes()), []);
    const found = await detect(store);
    // The user deletes the budget table's header row since 识别表格.
    const sheet = store.findSheet('预算执行')!;
    const header = found.proposal.names.filter((n) => n.name === '预算执行')[0].range;
    for (let c = 0; c < header.cols; c++) sheet.cell(header.row, header.col + c).value = '';
    const before = store.dump();
    const result = await scoreProposal(contextFor(store), capabilitiesOf(store), found, scoreBook);
    expect(result.mode).toBeNull();
    expect(result.outcome).toBeNull();
    expect(result.proposal!.proposal.problems.length).toBeGreaterThan(0);
    expect(store.dump()).toEqual(before);
    expect(definedNames(store)).toEqual([]);
  });

  it('设定名称并计算 after a contract name was defined since 识别表格 (ExcelApi 1.4): no name added, nothing written', async () => {
    const store = workbookFromCells(cellsOf(exampleBytes()), []);
    const found = await detect(store);
    store.setSheetName('绩效指标', '绩效指标', "='绩效指标'!$A$3:$P$11");
    const before = store.dump();
    const result = await scoreProposal(contextFor(store), capabilitiesOf(store), found, scoreBook);
    expect(result.hostError).toEqual({ code: 'changed', detail: 'nameAdded', name: '绩效指标' });
    expect(result.snapshot).toBeNull();
    expect(store.dump()).toEqual(before);
    expect(definedNames(store)).toEqual(['绩效指标|绩效指标']);
  });

  it.each(['1.4', '1.1'] as FakeExcelApi[])('设定名称并计算 with a protected target sheet (ExcelApi %s): no name added, nothing left written', async (level) => {
    const store = workbookFromCells(cellsOf(exampleBytes()), []);
    store.excelApi = level;
    const found = await detect(store);
    store.findSheet('绩效指标')!.protected = true;
    const before = store.dump();
    const result = await scoreProposal(contextFor(store), capabilitiesOf(store), found, scoreBook);
    expect(result.hostError!.code).toBe('protectedSheet');
    expect(result.snapshot).toBeNull();
    expect(trimmed(store.dump())).toEqual(trimmed(before));
    expect(definedNames(store)).toEqual([]);
  });

  it('a write refused after the names were added in the same batch (ExcelApi 1.4): the cells are put back and the names deleted', async () => {
    const store = workbookFromCells(cellsOf(exampleBytes()), []);
    const found = await detect(store);
    const before = store.dump();
    store.syncCount = 0;
    // The sheet becomes protected between the read (sync 1) and the write batch (sync 2), where names.add comes first.
    store.beforeSync(2, (wb) => {
      wb.findSheet('评价结果')!.protected = true;
    });
    const result = await scoreProposal(contextFor(store), capabilitiesOf(store), found, scoreBook);
    expect(result.hostError!.code).toBe('protectedSheet');
    expect(result.snapshot).toBeNull();
    expect(trimmed(store.dump())).toEqual(trimmed(before));
    expect(definedNames(store)).toEqual([]);
  });
});
