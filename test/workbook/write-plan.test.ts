/**
 * Writing policy 2–3: only output cells are written — output columns of data
 * rows and value cells of 评价结果 — with 0.00% for rates, 0.00 for scores and
 * no format for text. The allowed set is computed from the layout alone.
 */
import type { WorkbookInput } from '../../src/workbook/cells';
import {
  allowedOutputs,
  appendColumn,
  appendRows,
  errorsOf,
  fx,
  render,
  replaceIndicator,
  score,
  seedWorkbook,
  setCell,
} from '../support/grid';

const cells = (sheet: string, cols: string, rows: number[]) =>
  [...cols].flatMap((c) => rows.map((r) => `'${sheet}'!${c}${r}`));

describe('the output-cell oracle on the seed layout', () => {
  test('is exactly the output columns of data rows and the recognised 评价结果 value cells', () => {
    const expected = new Set([
      ...cells('预算执行', 'FH', [5, 6, 7, 8, 9]),
      "'预算执行'!G5", // 得分: the total row only
      ...cells('预算执行', 'D', [13, 14, 15, 16, 17]), // not the 合计 row 18
      ...cells('绩效指标', 'LMN', [4, 5, 6, 7, 8, 9, 10, 11]),
      ...cells('评价结果', 'B', [14, 15, 16, 17, 18, 19, 20, 21, 22, 23]),
    ]);
    expect([...allowedOutputs(seedWorkbook())].sort()).toEqual([...expected].sort());
  });
});

const VARIANTS: Array<[string, (wb: WorkbookInput) => void]> = [
  ['the seed', () => undefined],
  ['extra user columns', (wb) => {
    appendColumn(wb, '预算执行', ['备注', 'a', 'b']);
    appendColumn(wb, '绩效指标', ['备注', 'x']);
  }],
  ['a qualitative indicator', (wb) => replaceIndicator(wb, 10, { 三级指标: '群众满意', 指标值: '达到预期', 实际完成值: '部分达成', 分值: 15 })],
  ['t = 0 (blank rate)', (wb) => replaceIndicator(wb, 10, { 三级指标: '事故数', 指标值: '≤0', 实际完成值: 0, 分值: 15 })],
  ['unknown 评价结果 labels', (wb) => appendRows(wb, '评价结果', [['备注', '自填'], ['填表人', 'x']])],
  ['a blank row and a 合计 row in 绩效指标', (wb) => appendRows(wb, '绩效指标', [[], [null, null, '合计', null, null, null, null, null, null, 90]])],
  ['小数位数 = 4', (wb) => setCell(wb, '评分规则', 'B8', 4)],
  ['a stale formula in a user column', (wb) => setCell(wb, '绩效指标', 'H6', fx(0.5))],
];

describe('every write is an output cell, written once', () => {
  test.each(VARIANTS)('%s', (_why, edit) => {
    const wb = seedWorkbook();
    edit(wb);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    const allowed = allowedOutputs(wb);
    const written = outcome.plan.writes.map((w) => render(w.address));
    expect(written.filter((a) => !allowed.has(a))).toEqual([]);
    expect(new Set(written).size).toBe(written.length);
  });
});

describe('number formats', () => {
  const outcome = score(seedWorkbook());
  const byColumn = (sheet: string, col: string) =>
    outcome.plan.writes.filter((w) => render(w.address).startsWith(`'${sheet}'!${col}`) && /^\d+$/.test(render(w.address).slice(sheet.length + 3 + col.length)));

  test.each([
    ['预算执行', 'F', '0.00%'],
    ['预算执行', 'H', '0.00%'],
    ['预算执行', 'G', '0.00'],
    ['预算执行', 'D', '0.00%'],
    ['绩效指标', 'L', '0.00%'],
    ['绩效指标', 'M', '0.00'],
  ])("'%s'!%s: every write has format %s", (sheet, col, format) => {
    const writes = byColumn(sheet, col);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.map((w) => w.numberFormat)).toEqual(writes.map(() => format));
    expect(writes.every((w) => w.value.kind === 'number')).toBe(true);
  });

  test('计算说明 and 评价等级 are text without a format', () => {
    const text = outcome.plan.writes.filter((w) => w.value.kind === 'text');
    expect(text.map((w) => render(w.address)).sort()).toEqual(
      [...cells('绩效指标', 'N', [4, 5, 6, 7, 8, 9, 10, 11]), "'评价结果'!B19", "'评价结果'!B23"].sort(),
    );
    expect(text.every((w) => w.numberFormat === undefined)).toBe(true);
  });

  test('numbers travel as decimal strings exactly as written', () => {
    for (const w of outcome.plan.writes) {
      if (w.value.kind === 'number') expect(w.value.text).toMatch(/^-?\d+(\.\d+)?$/);
    }
  });
});
