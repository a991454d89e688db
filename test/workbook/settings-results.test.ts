/**
 * §4 评分规则 (settings) and §5 评价结果 (results): each label, bad values,
 * unknown labels, and what every result label receives.
 */
import type { WorkbookInput } from '../../src/workbook/cells';
import {
  type CellSpec,
  type WriteView,
  appendRows,
  errorsOf,
  fmt,
  num,
  pct,
  range,
  replaceRange,
  score,
  seedWorkbook,
  setCell,
  txt,
  warningsOf,
  writesOf,
} from '../support/grid';
import { issueText } from '../../src/messages/issues';

const seed = score(seedWorkbook());

/** Sheet rows of the seed 评分规则 (value cells in column B). */
const SETTING_ROW: Record<string, number> = {
  预算执行率分值: 4, 优: 5, 良: 6, 中: 7, 小数位数: 8, 反向指标超标记分: 9, 偏离度预警阈值: 10, 完成率先舍入: 11,
};

function withSetting(label: string, value: CellSpec, edit?: (wb: WorkbookInput) => void) {
  const wb = seedWorkbook();
  setCell(wb, '评分规则', `B${SETTING_ROW[label]}`, value);
  edit?.(wb);
  return score(wb);
}

describe('评分规则 labels', () => {
  test('预算执行率分值 is used when the total row 分值 is blank', () => {
    const outcome = withSetting('预算执行率分值', 20, (wb) => setCell(wb, '预算执行', 'E5', null));
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.execution).toMatchObject({ weight: '20', score: '18.63' });
    expect(outcome.summary).toMatchObject({ max: '110', total: '90.84', grade: '优' });
    expect(warningsOf(outcome)).toEqual([['weightsNot100', '绩效指标']]);
  });

  test('default 10 when both the cell and 评分规则 are blank', () => {
    const outcome = withSetting('预算执行率分值', null, (wb) => setCell(wb, '预算执行', 'E5', null));
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary!.execution).toMatchObject({ weight: '10', score: '9.32' });
  });

  test('when the cell and 评分规则 differ, the cell wins with a warning on the cell', () => {
    const outcome = withSetting('预算执行率分值', 15);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([['executionWeightConflict', "'预算执行'!E5"]]);
    expect(issueText(outcome.warnings[0], 'cli')).toContain('15');
    expect(outcome.summary!.execution).toMatchObject({ weight: '10', score: '9.32' });
    expect(outcome.summary!.total).toBe('81.53');
  });

  test('when they agree nothing is said (10 and 10.00)', () => {
    expect(warningsOf(withSetting('预算执行率分值', '10.00'))).toEqual([]);
  });

  test.each([
    ['优', 81.53, '优'],
    ['优', 81.54, '良'],
    ['良', 81.53, '良'],
    ['良', 81.54, '中'],
  ] as const)('%s = %s → the seed (81.53) is %s', (label, value, grade) => {
    const outcome = withSetting(label, value);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.grade).toBe(grade);
  });

  test('中 = 82 with 良 = 85 and 优 = 95: 81.53 is 差', () => {
    const wb = seedWorkbook();
    setCell(wb, '评分规则', 'B5', 95);
    setCell(wb, '评分规则', 'B6', 85);
    setCell(wb, '评分规则', 'B7', 82);
    expect(score(wb).summary!.grade).toBe('差');
  });

  test.each([
    ['小数位数', 3, '81.527'],
    ['小数位数', '0', '81'],
    ['反向指标超标记分', '零分', '81.53'],
    ['偏离度预警阈值', '50%', '81.53'],
    ['完成率先舍入', '是', '81.53'],
    ['完成率先舍入', true, '81.53'],
    ['完成率先舍入', false, '81.53'],
  ] as const)('%s = %s is accepted (total %s)', (label, value, total) => {
    const outcome = withSetting(label, value);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary!.total).toBe(total);
  });

  test('a blank value keeps the default', () => {
    const wb = seedWorkbook();
    for (const row of Object.values(SETTING_ROW)) setCell(wb, '评分规则', `B${row}`, null);
    const outcome = score(wb);
    expect(outcome.summary).toEqual(seed.summary);
    expect(outcome.plan).toEqual(seed.plan);
  });

  test('labels are matched like headers: spaces, full-width, a trailing group', () => {
    const wb = seedWorkbook();
    setCell(wb, '评分规则', 'A8', ' 小数 位数（位） ');
    setCell(wb, '评分规则', 'B8', 3);
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary!.total).toBe('81.527');
  });

  test('评分规则 missing altogether: defaults, no issue', () => {
    const wb = seedWorkbook();
    wb['评分规则'] = { kind: 'missing' };
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary).toEqual(seed.summary);
  });

  test('an unknown label is a warning on the label cell, and counts in 提示', () => {
    const wb = seedWorkbook();
    appendRows(wb, '评分规则', [['满分', 100]]);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([['settingUnknown', "'评价结果'!A12"]]);
    expect(writesOf(outcome)["'评价结果'!B23"]).toEqual({ kind: 'number', text: '1' });
  });
});

describe('评分规则 bad values are errors naming the value cell', () => {
  test.each([
    ['预算执行率分值', 'abc'],
    ['预算执行率分值', -1],
    ['预算执行率分值', '10%'],
    ['优', '优秀'],
    ['良', -80],
    ['中', pct(0.6)],
    ['小数位数', 2.5],
    ['小数位数', -1],
    ['小数位数', 7],
    ['小数位数', '两位'],
    ['反向指标超标记分', '扣分'],
    ['反向指标超标记分', 1],
    ['偏离度预警阈值', '三成'],
    ['偏离度预警阈值', -0.1],
    ['完成率先舍入', '可能'],
    ['完成率先舍入', 1],
  ] as const)('%s = %s', (label, value) => {
    const outcome = withSetting(label, value);
    expect(errorsOf(outcome)).toEqual([['settingBadValue', `'评价结果'!B${SETTING_ROW[label]}`]]);
    expect(issueText(outcome.errors[0], 'cli')).toContain(label);
    expect(outcome.plan.writes).toEqual([]);
  });

  test('several bad values: all reported', () => {
    const wb = seedWorkbook();
    setCell(wb, '评分规则', 'B8', 'x');
    setCell(wb, '评分规则', 'B9', 'y');
    setCell(wb, '评分规则', 'B11', 'z');
    expect(errorsOf(score(wb))).toEqual([
      ['settingBadValue', "'评价结果'!B8"],
      ['settingBadValue', "'评价结果'!B9"],
      ['settingBadValue', "'评价结果'!B11"],
    ]);
  });

  test('grade bands out of order (优 below 良) are an error on the 优 cell', () => {
    const outcome = withSetting('优', 70);
    expect(errorsOf(outcome)).toEqual([['settingBandsOrder', "'评价结果'!B5"]]);
  });
});

describe('评价结果 labels', () => {
  const R = (t: string) => num(t, '0.00%');
  const S = (t: string) => num(t, '0.00');
  test.each<[string, WriteView]>([
    ['预算执行率', R('0.9316')],
    ['预算执行率得分', S('9.32')],
    ['指标得分合计', S('72.21')],
    ['指标得分', S('72.21')],
    ['总分', S('81.53')],
    ['自评总分', S('81.53')],
    ['综合得分', S('81.53')],
    ['满分', S('100')],
    ['评价等级', txt('良')],
    ['等级', txt('良')],
    ['评价结果', txt('良')],
    ['预算调整率', R('0.2039')],
    ['基本支出执行率', R('0.9824')],
    ['项目支出执行率', R('0.7848')],
    ['提示', txt('无')],
    ['校验提示', txt('无')],
    ['总分（分）', S('81.53')],
    [' 评价 等级 ', txt('良')],
  ])('%s receives %o', (label, expected) => {
    const wb = seedWorkbook();
    wb['评价结果'] = range('评价结果', 'D2', [[label, fmt(null, 'General')]]);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    const onSheet = Object.entries(writesOf(outcome)).filter(([a]) => a.startsWith("'评价结果'"));
    expect(onSheet).toEqual([["'评价结果'!E2", expected]]);
  });

  test('基本支出执行率 / 项目支出执行率 without those rows: the value cell is cleared', () => {
    const wb = seedWorkbook();
    replaceRange(wb, '预算执行', '预算执行', 'A4', [['资金项目', '全年预算数', '全年执行数'], ['年度资金总额', 4978.49, 4637.81]]);
    wb['项目支出'] = { kind: 'missing' };
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    const writes = writesOf(outcome);
    expect(writes["'评价结果'!B21"]).toEqual({ kind: 'empty', format: '0.00%' });
    expect(writes["'评价结果'!B22"]).toEqual({ kind: 'empty', format: '0.00%' });
    expect(writes["'评价结果'!B20"]).toEqual({ kind: 'empty', format: '0.00%' });
  });

  test('an unknown label is left alone with a warning on the label cell', () => {
    const wb = seedWorkbook();
    appendRows(wb, '评价结果', [['评价人', '张三']]);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([['resultUnknownLabel', "'评价结果'!A24"]]);
    expect(writesOf(outcome)["'评价结果'!B24"]).toBeUndefined();
    expect(writesOf(outcome)["'评价结果'!B23"]).toEqual({ kind: 'number', text: '1' });
  });

  test('提示 counts every warning of the run', () => {
    const wb = seedWorkbook();
    appendRows(wb, '评价结果', [['评价人', '张三']]); // resultUnknownLabel
    appendRows(wb, '评分规则', [['备注', 'x']]); // settingUnknown
    setCell(wb, '绩效指标', 'I10', 130); // overachievement (≥100人)
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([
      ['settingUnknown', "'评价结果'!A12"],
      ['resultUnknownLabel', "'评价结果'!A24"],
      ['overachievement', "'绩效指标'!I10"],
    ]);
    expect(writesOf(outcome)["'评价结果'!B23"]).toEqual({ kind: 'number', text: '3' });
  });

  test('blank rows and blank labels in 评价结果 are skipped', () => {
    const wb = seedWorkbook();
    appendRows(wb, '评价结果', [[], [null, 'x']]);
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.plan).toEqual(seed.plan);
  });

  test('the same label twice: both value cells are written', () => {
    const wb = seedWorkbook();
    appendRows(wb, '评价结果', [['自评总分']]);
    const writes = writesOf(score(wb));
    expect(writes["'评价结果'!B24"]).toEqual(S('81.53'));
    expect(writes["'评价结果'!B17"]).toEqual(S('81.53'));
  });
});
