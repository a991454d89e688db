/**
 * Sync budget at 8 and 2,000 indicators, 撤销本次计算, and 插入模板 followed
 * by 计算得分 on an empty workbook.
 */
import { issueText } from '../../../src/messages/issues';
import { type HostError, insertTemplate, scoreInExcel, templateLayout, undoWrites } from '../../../src/hosts/excel';
import { chunkBlocks, groupWrites } from '../../../src/hosts/excel/write-blocks';
import { hostErrorMessage } from '../../../src/messages/excel-ui';
import { a1 } from '../../../src/workbook/address';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { contextFor, FakeWorkbook } from '../../fakes/office';
import { cellsOf, exampleBytes, exampleInFake } from './example-workbook';
import { scoreBook } from '../../../src/workbook/score-book';

const CAPS = { protection: true, addNames: true };
const FIVE_MB = 5 * 1024 * 1024;

/** The example with its indicator table replaced by `n` generated indicators. */
function workbookWithIndicators(n: number): FakeWorkbook {
  const store = exampleInFake();
  const sheet = store.findSheet('绩效指标')!;
  sheet.cells.length = 3; // keep the title rows and the header (row 3)
  const rows: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    rows.push([
      i === 0 ? '产出指标' : '', '', `指标${i + 1}`, kind === 1 ? '≤' : '≥', kind === 1 ? 50 : 100, kind === 2 ? '%' : '人', '', '',
      kind === 2 ? '98%' : 60 + (i % 50), 90 / n, '', '', '', '', '偏差原因说明', '',
    ]);
  }
  store.fill('绩效指标', 'A4', rows);
  store.setName('绩效指标', `='绩效指标'!$A$3:$P$${3 + n}`);
  return store;
}

describe('sync budget', () => {
  it.each([8, 2000])('计算得分 uses at most 3 syncs and requests under 5 MB at %i indicators', async (n) => {
    const store = workbookWithIndicators(n);
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(result.hostError).toBeNull();
    expect(result.outcome!.errors).toEqual([]);
    expect(result.outcome!.evaluations[0].summary!.indicators.length).toBe(n);
    expect(store.syncCount).toBeLessThanOrEqual(3);
    expect(Math.max(...store.requestSizes)).toBeLessThan(FIVE_MB);
    expect(Math.max(...store.responseSizes)).toBeLessThan(FIVE_MB);
    // the indicator outputs (完成率, 得分, 计算说明) are one block
    expect(store.writes.filter((w) => w.property === 'values' && w.address.startsWith('绩效指标')).length).toBe(1);
  });

  it('splits a very large plan into requests under the budget', () => {
    const plan = { writes: [] as { address: { sheet: string; row: number; col: number }; value: { kind: 'text'; text: string } }[] };
    for (let r = 0; r < 3000; r++) plan.writes.push({ address: { sheet: 'S', row: r, col: 0 }, value: { kind: 'text', text: '很长的计算说明'.repeat(20) } });
    const chunks = chunkBlocks(groupWrites(plan), 200000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((n, c) => n + c.reduce((m, b) => m + b.rows, 0), 0)).toBe(3000);
  });
});

describe('撤销本次计算', () => {
  it('restores the exact prior values and number formats', async () => {
    const store = exampleInFake();
    // a prior state with old results and odd formats in output cells
    store.findSheet('绩效指标')!.cell(3, 12).value = 1.5;
    store.findSheet('评价结果')!.cell(16, 1).numberFormat = '0.0';
    store.findSheet('评价结果')!.cell(18, 1).value = '旧等级';
    const before = store.dump();
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(result.snapshot).not.toBeNull();
    expect(store.dump()).not.toEqual(before);
    const undone = await undoWrites(contextFor(store), result.snapshot);
    expect(undone).toEqual({ ok: true });
    expect(store.dump()).toEqual(before);
  });

  it('refuses, naming the cell, when a written cell was edited since', async () => {
    const store = exampleInFake();
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    store.findSheet('评价结果')!.cell(17, 1).value = 99; // B18 满分
    const edited = store.dump();
    const undone = await undoWrites(contextFor(store), result.snapshot);
    expect(undone).toEqual({ ok: false, error: { code: 'undoStale', cell: "'评价结果'!B18" } });
    expect(hostErrorMessage((undone as { error: HostError }).error)).toContain("'评价结果'!B18 在计算之后被修改过");
    expect(store.dump()).toEqual(edited);
  });

  it('has nothing to undo before a run', async () => {
    const undone = await undoWrites(contextFor(exampleInFake()), null);
    expect(undone).toEqual({ ok: false, error: { code: 'nothingToUndo' } });
  });
});

describe('插入模板', () => {
  function emptyWorkbook(): FakeWorkbook {
    const store = new FakeWorkbook();
    store.addSheet('Sheet1');
    return store;
  }

  it('example-filled, then 计算得分 scores 81.53 良', async () => {
    const store = emptyWorkbook();
    const inserted = await insertTemplate(contextFor(store), CAPS, 'example');
    expect(inserted).toEqual({ ok: true, sheets: ['预算执行', '绩效指标', '评价结果'] });
    expect(store.names.map((n) => n.name).sort()).toEqual(['绩效指标', '评价结果', '评分规则', '项目支出', '预算执行'].sort());
    store.syncCount = 0;
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(result.outcome!.errors).toEqual([]);
    expect(result.outcome!.evaluations[0].summary!.total).toBe('81.53');
    expect(result.outcome!.evaluations[0].summary!.grade).toBe('良');
    expect(store.syncCount).toBeLessThanOrEqual(3);
  });

  it('blank, then 计算得分 lists the errors and writes nothing', async () => {
    const store = emptyWorkbook();
    await insertTemplate(contextFor(store), CAPS, 'blank');
    const before = store.dump();
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(result.outcome!.errors.length).toBeGreaterThan(0);
    expect(result.outcome!.errors.every((e) => issueText(e, 'excel').length > 0)).toBe(true);
    expect(store.dump()).toEqual(before);
  });

  it('leaves an existing sheet of the same name alone and uses a free name', async () => {
    const store = emptyWorkbook();
    store.fill('预算执行', 'A1', [['我的数据']]);
    const result = await insertTemplate(contextFor(store), CAPS, 'example');
    expect(result).toEqual({ ok: true, sheets: ['预算执行 (2)', '绩效指标', '评价结果'] });
    expect(store.findSheet('预算执行')!.cells).toEqual([[{ value: '我的数据', formula: null, numberFormat: 'General' }]]);
    expect(store.findName('预算执行')!.formula).toBe("='预算执行 (2)'!$A$4:$H$9");
    const scored = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(scored.outcome!.evaluations[0].summary!.total).toBe('81.53');
  });

  it('refuses when any of the five names exists', async () => {
    const store = exampleInFake();
    const before = store.dump();
    const result = await insertTemplate(contextFor(store), CAPS, 'blank');
    expect(result.ok).toBe(false);
    const message = hostErrorMessage((result as { error: HostError }).error);
    expect(message).toContain('工作簿中已有名称 “预算执行”、“项目支出”、“绩效指标”、“评分规则”、“评价结果”');
    expect(store.dump()).toEqual(before);
  });

  it('needs ExcelApi 1.4 for names.add and says so', async () => {
    const result = await insertTemplate(contextFor(emptyWorkbook()), { protection: false, addNames: false }, 'blank');
    expect(hostErrorMessage((result as { error: HostError }).error)).toContain('ExcelApi 1.4');
  });

  it('the example layout holds the same cells as assets/示例-二工片区2023.xlsx in the five named ranges', () => {
    const file = cellsOf(exampleBytes());
    const layout = templateLayout('example');
    const ranges: [string, number, number, number, number][] = [
      ['预算执行', 3, 0, 6, 8], ['预算执行', 11, 0, 7, 4], ['绩效指标', 2, 0, 9, 16], ['评价结果', 3, 0, 8, 2], ['评价结果', 13, 0, 10, 2],
    ];
    for (const [sheetName, row, col, rows, cols] of ranges) {
      const sheet = layout.sheets.find((s) => s.name === sheetName)!;
      for (let r = row; r < row + rows; r++) {
        for (let c = col; c < col + cols; c++) {
          const mine = sheet.cells[r + ',' + c] || {};
          const theirs = file.get(sheetName)!.get(a1(r, c));
          if (theirs && theirs.formula) {
            expect([a1(r, c), !!mine.formula]).toEqual([a1(r, c), true]);
            continue;
          }
          expect([sheetName, a1(r, c), mine.value === undefined ? null : mine.value, mine.numberFormat || 'General']).toEqual([
            sheetName, a1(r, c), theirs ? theirs.value : null, theirs ? theirs.numberFormat : 'General',
          ]);
        }
      }
    }
  });
});
