/**
 * Rows of the header tables: blank rows, total rows (合计/总计/小计) of the
 * indicator and project tables, the budget table's total row (by label or
 * the first data row), and the fill-down of merged 一级/二级指标 cells.
 */
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import {
  AMOUNT,
  BUDGET_HEADER,
  type CellSpec,
  appendRows,
  errorsOf,
  fmt,
  fx,
  indicator,
  pct,
  range,
  render,
  replaceRange,
  score,
  seedWorkbook,
  setCell,
  setIndicators,
  setRow,
  toCell,
  warningsOf,
  writesOf,
} from '../support/grid';

const seed = score(seedWorkbook());
const a = (v: number) => fmt(v, AMOUNT);

describe('绩效指标 total rows are skipped and never written', () => {
  test.each([
    ['三级指标 合计', { C: '合计' }],
    ['三级指标 总计', { C: '总计' }],
    ['三级指标 小计', { C: '小计' }],
    ['三级指标 " 合 计 "', { C: ' 合 计 ' }],
    ['一级指标 合计 (merged label across the row)', { A: '合计' }],
    ['二级指标 小计', { B: '小计' }],
  ])('%s, with a weight total and formulas in the output cells', (_why, label) => {
    const wb = seedWorkbook();
    appendRows(wb, '绩效指标', [[]]);
    setRow(wb, '绩效指标', 12, { ...label, J: fx(90), K: fx(null), L: fx(0.8), M: fx(72.21), N: fx('') });
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary).toEqual(seed.summary);
    expect(outcome.plan).toEqual(seed.plan);
  });

  test('a total row in the middle of the table does not hide the rows below it', () => {
    const wb = seedWorkbook();
    const res = wb['绩效指标'];
    if (res.kind !== 'range') throw new Error();
    // Insert a 小计 row between rows 7 and 8 (the rows below move down by one).
    res.cells.splice(5, 0, indicator({ 三级指标: '小计', 分值: fx(40), 得分: fx(29.42) }).map(toCell));
    res.range.rows += 1;
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.total).toBe('81.53');
    expect(outcome.summary!.indicators.map((i) => render(i.address))).toEqual([4, 5, 6, 7, 9, 10, 11, 12].map((r) => `'绩效指标'!C${r}`));
    expect(Object.keys(writesOf(outcome)).filter((k) => k.endsWith('!M8'))).toEqual([]);
  });
});

describe('项目支出 total rows are skipped and never written', () => {
  test('the seed 合计 row (formulas in every cell) is neither read nor written', () => {
    expect(Object.keys(writesOf(seed)).filter((k) => k.startsWith("'预算执行'!") && /[A-D]18$/.test(k))).toEqual([]);
  });

  test.each([['小计'], ['总计'], ['合计']])('a %s row with figures is not added to the project sums', (label) => {
    const wb = seedWorkbook();
    appendRows(wb, '项目支出', [[label, a(100), a(50), fmt(null, '0.00%')]]);
    const outcome = score(wb);
    // Were it read, the sums would no longer equal the 项目支出 row of 预算执行.
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.plan).toEqual(seed.plan);
  });
});

describe('blank rows are skipped', () => {
  test('绩效指标: blank rows in the middle and at the end', () => {
    const wb = seedWorkbook();
    const res = wb['绩效指标'];
    if (res.kind !== 'range') throw new Error();
    const blank = () => Array.from({ length: res.range.cols }, () => ({ value: null, numberFormat: 'General', formula: false }));
    res.cells.splice(2, 0, blank()); // a blank row 5
    res.cells.push(blank(), blank());
    res.range.rows += 3;
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.total).toBe('81.53');
    expect(outcome.summary!.indicators.map((i) => render(i.address))).toEqual([4, 6, 7, 8, 9, 10, 11, 12].map((r) => `'绩效指标'!C${r}`));
    expect(Object.keys(writesOf(outcome)).filter((k) => /!(L|M|N)5$/.test(k) && k.startsWith("'绩效指标'"))).toEqual([]);
  });

  test('绩效指标: a row with only whitespace, user columns or a stale output is blank', () => {
    const wb = seedWorkbook();
    appendRows(wb, '绩效指标', [
      indicator({ 三级指标: '  ', 指标值: '\u3000' }),
      indicator({ 年中监控值: 5, 偏差原因: '无', 改进措施: '无' }),
      indicator({ 完成率: fx(1), 得分: fx(3), 计算说明: 'old' }),
    ]);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.plan).toEqual(seed.plan);
  });

  test('预算执行 and 项目支出: blank rows anywhere', () => {
    const wb = seedWorkbook();
    appendRows(wb, '预算执行', [[], [' ']]);
    const projects = wb['项目支出'];
    if (projects.kind !== 'range') throw new Error();
    projects.cells.splice(2, 0, projects.cells[0].map(() => ({ value: null, numberFormat: 'General', formula: false })));
    projects.range.rows += 1;
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary).toEqual(seed.summary);
    expect(Object.keys(writesOf(outcome)).filter((k) => k.startsWith("'预算执行'!D1"))).toEqual(
      ["'预算执行'!D13", "'预算执行'!D15", "'预算执行'!D16", "'预算执行'!D17", "'预算执行'!D18"],
    );
  });
});

describe('预算执行 total row', () => {
  const breakdown: CellSpec[][] = [
    ['基本支出', a(2964.96), a(3697.35), a(3632.36), null, null, null, null],
    ['项目支出', a(1170.49), a(1281.14), a(1005.45), null, null, null, null],
  ];

  test.each([['年度资金总额'], ['合计'], ['总计'], ['资金总额'], ['部门整体支出'], ['预算总额'], [' 合计（万元） ']])(
    'found by its label "%s" even as the last row',
    (label) => {
      const wb = seedWorkbook();
      replaceRange(wb, '预算执行', '预算执行', 'A4', [BUDGET_HEADER, ...breakdown, [label, a(4135.45), a(4978.49), a(4637.81), 10, null, null, null]]);
      const outcome = score(wb);
      expect(errorsOf(outcome)).toEqual([]);
      expect(outcome.summary!.execution).toEqual(seed.summary!.execution);
      expect(outcome.summary!.rows.map((r) => r.label)).toEqual(['基本支出', '项目支出']);
      const writes = writesOf(outcome);
      expect(writes["'预算执行'!G7"]).toEqual({ kind: 'number', text: '9.32', format: '0.00' });
      expect(writes["'预算执行'!F7"]).toEqual({ kind: 'number', text: '0.9316', format: '0.00%' });
      // 得分 is written on the total row only.
      expect(Object.keys(writes).filter((k) => k.startsWith("'预算执行'!G"))).toEqual(["'预算执行'!G7"]);
    },
  );

  test('without a total label the first data row is the total (blank rows before it skipped)', () => {
    const wb = seedWorkbook();
    replaceRange(wb, '预算执行', '预算执行', 'A4', [
      BUDGET_HEADER,
      [],
      ['全部资金', a(4135.45), a(4978.49), a(4637.81), null, null, null, null],
      ...breakdown,
    ]);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.execution).toEqual(seed.summary!.execution);
    expect(writesOf(outcome)["'预算执行'!G6"]).toEqual({ kind: 'number', text: '9.32', format: '0.00' });
    expect(outcome.summary!.rows.map((r) => r.label)).toEqual(['基本支出', '项目支出']);
  });

  test('a total label wins over the first row', () => {
    const wb = seedWorkbook();
    replaceRange(wb, '预算执行', '预算执行', 'A4', [BUDGET_HEADER, ...breakdown, ['合计', a(4135.45), a(4978.49), a(4637.81)]]);
    expect(score(wb).summary!.execution.rate).toBe('0.9316');
  });

  test('a table with only the total row scores', () => {
    const wb = seedWorkbook();
    replaceRange(wb, '预算执行', '预算执行', 'A4', [BUDGET_HEADER, ['年度资金总额', null, a(100), a(80)]]);
    wb['项目支出'] = { kind: 'missing' };
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.execution).toEqual({ budget: '100', actual: '80', rate: '0.8000', score: '8.00', weight: '10' });
    expect(outcome.summary!.adjustmentRate).toBeNull();
    // No 年初预算数: 调整率 is not written; 评价结果's 预算调整率 is cleared.
    expect(writesOf(outcome)["'预算执行'!H5"]).toBeUndefined();
    expect(writesOf(outcome)["'评价结果'!B20"]).toEqual({ kind: 'empty', format: '0.00%' });
  });

  test.each([
    ['C5', '全年预算数'],
    ['D5', '全年执行数'],
  ])('%s (%s) blank on the total row is an error on that cell', (cellRef) => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', cellRef, null);
    expect(errorsOf(score(wb))).toEqual([['valueRequired', `'预算执行'!${cellRef}`]]);
  });

  test('分值 on a breakdown row is ignored', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'E6', 5);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary).toEqual(seed.summary);
  });

  test('breakdown rows without both figures are not written; partial figures are fine', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'D7', a(3500)); // 人员经费 gets an execution figure → 执行率 F7
    const outcome = score(wb);
    const writes = writesOf(outcome);
    expect(writes["'预算执行'!F7"]).toEqual({ kind: 'number', text: '0.9841', format: '0.00%' });
    expect(writes["'预算执行'!H7"]).toBeUndefined();
    expect(writes["'预算执行'!F8"]).toBeUndefined();
  });
});

describe('merged 一级/二级指标 cells fill down', () => {
  test('a blank 一级/二级 cell takes the value above; a new 一级 resets 二级', () => {
    const outcome = scoreWorkbook(seedWorkbook());
    expect(outcome.errors).toEqual([]);
    expect(outcome.summary!.indicators.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['产出指标', '成本指标', '公务用车经费下降率'],
      ['产出指标', '成本指标', '预算经费'],
      ['产出指标', '时效指标', '项目支出预算执行率'],
      ['产出指标', '时效指标', '政府采购执行率'],
      ['产出指标', '质量指标', '12345热线事件办结率'],
      ['产出指标', '质量指标', '信访案件受理率'],
      ['效益指标', '社会效益指标', '解决就业人数'],
      ['满意度指标', '服务对象满意度指标', '受益人员满意度'],
    ]);
  });

  test('rows under a merged group score as if every cell were filled', () => {
    const wb = seedWorkbook();
    for (const r of [5, 6, 7, 8, 9]) setRow(wb, '绩效指标', r, { A: '产出指标' });
    setRow(wb, '绩效指标', 5, { B: '成本指标' });
    setRow(wb, '绩效指标', 7, { B: '时效指标' });
    setRow(wb, '绩效指标', 9, { B: '质量指标' });
    const outcome = score(wb);
    expect(outcome.summary).toEqual(seed.summary);
    expect(outcome.plan).toEqual(seed.plan);
  });

  test('a table without 一级/二级 columns scores', () => {
    const wb = seedWorkbook();
    setIndicators(
      wb,
      [['解决就业人数', '≥100人', 52, 90]],
      ['三级指标', '指标值', '实际完成值', '分值'],
    );
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.indicators[0]).toMatchObject({ rate: '0.5200', score: '46.80' });
    // No output columns in the table: nothing written there.
    expect(Object.keys(writesOf(outcome)).filter((k) => k.startsWith("'绩效指标'"))).toEqual([]);
  });

  test('the range helper pads short rows', () => {
    const r = range('s', 'B2', [['x'], ['y', 1, pct(0.5)]]);
    expect(r).toMatchObject({ kind: 'range', range: { sheet: 's', row: 1, col: 1, rows: 2, cols: 3 } });
  });
});
