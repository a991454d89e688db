/**
 * §3 scoring rules through the whole pipeline: each direction, qualitative
 * tiers and bands, 人工得分, overachievement, weights, 小数位数, 完成率先舍入
 * and grade edges. Most cases replace seed row 10 (解决就业人数, 分值 15).
 */
import type { IndicatorResult, ScoreOutcome } from '../../src/workbook/report';
import type { WorkbookInput } from '../../src/workbook/cells';
import {
  AMOUNT,
  BUDGET_HEADER,
  type CellSpec,
  errorsOf,
  fmt,
  pct,
  replaceIndicator,
  replaceRange,
  score,
  seedWorkbook,
  setCell,
  setIndicators,
  warningsOf,
  writesOf,
} from '../support/grid';
import { issueText } from '../../src/messages/issues';

const ROW = 10;
const INDEX = 6;

function run(fields: Record<string, CellSpec>, edit?: (wb: WorkbookInput) => void): { outcome: ScoreOutcome; ind: IndicatorResult | undefined } {
  const wb = seedWorkbook();
  replaceIndicator(wb, ROW, { 三级指标: '测试指标', 分值: 15, ...fields });
  edit?.(wb);
  const outcome = score(wb);
  return { outcome, ind: outcome.summary?.indicators[INDEX] };
}

const setting = (label: string, value: CellSpec) => (wb: WorkbookInput) => {
  const row = { 预算执行率分值: 4, 优: 5, 良: 6, 中: 7, 小数位数: 8, 反向指标超标记分: 9, 偏离度预警阈值: 10, 完成率先舍入: 11 }[label];
  if (!row) throw new Error(label);
  setCell(wb, '评分规则', `B${row}`, value);
};

describe('正向 (at least)', () => {
  test.each([
    ['≥100人', 100, '1.0000', '15.00', 'met'],
    ['≥100人', 120, '1.2000', '15.00', 'met, capped at w'],
    ['≥100人', 99.99, '0.9999', '15.00', '14.9985 rounds half up'],
    ['≥100人', 33.33, '0.3333', '5.00', '4.9995 rounds half up'],
    ['≥100人', 0, '0.0000', '0.00', 'nothing done'],
    ['≥3', 1, '0.3333', '5.00', 'w × a / t from exact fractions'],
  ] as const)('%s, a = %s → rate %s, score %s (%s)', (target, actual, rate, scoreText, _why) => {
    const { outcome, ind } = run({ 指标值: target, 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'atLeast', rate, score: scoreText, ruleScore: scoreText });
    expect(writesOf(outcome)[`'绩效指标'!L${ROW}`]).toEqual({ kind: 'number', text: rate, format: '0.00%' });
    expect(writesOf(outcome)[`'绩效指标'!M${ROW}`]).toEqual({ kind: 'number', text: scoreText, format: '0.00' });
  });

  test('t = 0: full score and the rate left blank (cleared, percent format kept)', () => {
    const { outcome, ind } = run({ 指标值: '≥0', 实际完成值: 5 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ rate: null, score: '15.00' });
    expect(writesOf(outcome)[`'绩效指标'!L${ROW}`]).toEqual({ kind: 'empty', format: '0.00%' });
  });
});

describe('反向 (at most)', () => {
  test.each([
    // mode, a, rate, score   (t = 100, w = 15)
    ['偏差扣分', 80, '0.8000', '15.00'],
    ['偏差扣分', 100, '1.0000', '15.00'],
    ['偏差扣分', 150, '1.5000', '7.50'],
    ['偏差扣分', 199, '1.9900', '0.15'],
    ['偏差扣分', 200, '2.0000', '0.00'],
    ['偏差扣分', 350, '3.5000', '0.00'],
    ['比值', 100, '1.0000', '15.00'],
    ['比值', 150, '1.5000', '10.00'],
    ['比值', 300, '3.0000', '5.00'],
    ['比值', 700, '7.0000', '2.14'],
    ['零分', 100, '1.0000', '15.00'],
    ['零分', 100.01, '1.0001', '0.00'],
  ] as const)('反向指标超标记分 = %s, a = %s → rate %s, score %s', (mode, actual, rate, scoreText) => {
    const { outcome, ind } = run({ 指标值: '≤100万元', 实际完成值: actual }, setting('反向指标超标记分', mode));
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'atMost', rate, score: scoreText });
  });

  test('偏差扣分 is the default when 评分规则 is missing', () => {
    const { ind } = run({ 指标值: '≤100万元', 实际完成值: 150 }, (wb) => {
      wb['评分规则'] = { kind: 'missing' };
    });
    expect(ind).toMatchObject({ score: '7.50' });
  });

  test.each([
    [0, '15.00'],
    [1, '0.00'],
  ])('t = 0: a = %s scores %s, the rate is blank', (actual, scoreText) => {
    const { outcome, ind } = run({ 指标值: '≤0', 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ rate: null, score: scoreText });
    expect(writesOf(outcome)[`'绩效指标'!L${ROW}`]).toEqual({ kind: 'empty', format: '0.00%' });
  });

  test('the seed reverse indicator against its original target: 10.54 (偏差扣分) and 10.70 (比值)', () => {
    const clear = (wb: WorkbookInput) => setCell(wb, '绩效指标', 'G5', null);
    const deviation = run({ 指标值: '≥100人', 实际完成值: 52 }, clear);
    expect(deviation.outcome.summary!.indicators[1]).toMatchObject({ rate: '1.1215', score: '10.54' });
    const ratio = run({ 指标值: '≥100人', 实际完成值: 52 }, (wb) => {
      clear(wb);
      setting('反向指标超标记分', '比值')(wb);
    });
    expect(ratio.outcome.summary!.indicators[1]).toMatchObject({ rate: '1.1215', score: '10.70' });
  });
});

describe('等于 (equal)', () => {
  test.each([
    ['=100', 80, '0.8000', '12.00', []],
    ['=100', 100, '1.0000', '15.00', []],
    ['=100', 120, '1.2000', '15.00', []],
    ['等于0', 0, null, '15.00', []],
    ['=0', 1, null, '0.00', []],
    ['=0', -1, null, '15.00', [['negativeActual', `'绩效指标'!I${ROW}`]]],
  ] as const)('%s, a = %s → rate %s, score %s', (target, actual, rate, scoreText, warnings) => {
    const { outcome, ind } = run({ 指标值: target, 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual(warnings);
    expect(ind).toMatchObject({ direction: 'equal', rate, score: scoreText });
  });
});

describe('定性 (qualitative) tiers', () => {
  test.each([
    ['达成年度指标', 'A', '15.00'],
    ['达成', 'A', '15.00'],
    ['全部达成', 'A', '15.00'],
    ['基本达成', 'A', '15.00'],
    ['达到预期', 'A', '15.00'],
    ['完成', 'A', '15.00'],
    ['实现', 'A', '15.00'],
    ['部分达成年度指标并具有一定效果', 'B', '11.99'],
    ['部分完成', 'B', '11.99'],
    ['部分实现', 'B', '11.99'],
    ['未达成年度指标且效果较差', 'C', '8.99'],
    ['未达成', 'C', '8.99'],
    ['未完成', 'C', '8.99'],
    ['未达到', 'C', '8.99'],
    ['未实现', 'C', '8.99'],
  ] as const)('"%s" is tier %s: the band top %s, with a warning to confirm', (phrase, _tier, scoreText) => {
    const { outcome, ind } = run({ 指标性质: '定性', 指标值: '达到预期', 实际完成值: phrase });
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([['qualitativeConfirm', `'绩效指标'!I${ROW}`]]);
    expect(ind).toMatchObject({ direction: 'qualitative', rate: null, score: scoreText, ruleScore: scoreText });
    expect(writesOf(outcome)[`'绩效指标'!L${ROW}`]).toEqual({ kind: 'empty', format: '0.00%' });
    expect(writesOf(outcome)[`'绩效指标'!M${ROW}`]).toEqual({ kind: 'number', text: scoreText, format: '0.00' });
  });

  test('a phrase that fits no tier is an error on the actual cell', () => {
    const { outcome } = run({ 指标值: '达到预期', 实际完成值: '尚可' }); // 很好 ends with 好: tier A since everyday wording
    expect(errorsOf(outcome)).toEqual([['tierUnknown', `'绩效指标'!I${ROW}`]]);
  });

  // w = 8.33: round(0.8w, 2) = round(6.664) = 6.66; round(0.6w, 2) = round(4.998) = 5.00.
  // Row 11 takes 16.67 so that the weights still sum to 100.
  const odd = (fields: Record<string, CellSpec>) =>
    run({ 指标值: '达到预期', 分值: 8.33, ...fields }, (wb) => setCell(wb, '绩效指标', 'J11', 16.67));

  test.each([
    ['达成年度指标', '8.33'],
    ['部分达成年度指标并具有一定效果', '6.65'],
    ['未达成年度指标且效果较差', '4.99'],
  ])('band tops with w = 8.33: %s → %s', (phrase, top) => {
    const { outcome, ind } = odd({ 实际完成值: phrase });
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([['qualitativeConfirm', `'绩效指标'!I${ROW}`]]);
    expect(ind!.score).toBe(top);
  });

  test.each([
    // tier, manual, in band?
    ['达成年度指标', 8.33, true],
    ['达成年度指标', 6.66, true],
    ['达成年度指标', 6.65, false],
    ['达成年度指标', 8.34, false],
    ['部分达成年度指标并具有一定效果', 5, true],
    ['部分达成年度指标并具有一定效果', 6.65, true],
    ['部分达成年度指标并具有一定效果', 6.66, false],
    ['部分达成年度指标并具有一定效果', 4.99, false],
    ['未达成年度指标且效果较差', 0, true],
    ['未达成年度指标且效果较差', 4.99, true],
    ['未达成年度指标且效果较差', 5, false],
    ['未达成年度指标且效果较差', -0.01, false],
  ] as const)('%s with 人工得分 %s: in the band = %s', (phrase, manual, inBand) => {
    const { outcome, ind } = odd({ 实际完成值: phrase, 人工得分: manual });
    if (inBand) {
      expect(errorsOf(outcome)).toEqual([]);
      expect(warningsOf(outcome)).toEqual([]);
      expect(ind!.score).toBe(manual.toFixed(2));
    } else {
      expect(errorsOf(outcome)).toEqual([['manualOutOfBand', `'绩效指标'!K${ROW}`]]);
    }
  });

  test('the out-of-band message names the tier and the band', () => {
    const { outcome } = odd({ 实际完成值: '部分达成年度指标并具有一定效果', 人工得分: 7 });
    expect(issueText(outcome.errors[0], 'cli')).toContain('部分达成年度指标并具有一定效果');
    expect(issueText(outcome.errors[0], 'cli')).toContain('[5, 6.66)');
  });

  test('a blank actual with 人工得分 scores the manual score', () => {
    const { outcome, ind } = run({ 指标值: '达到预期', 人工得分: 10 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'qualitative', rate: null, score: '10.00' });
  });

  test('a blank actual without 人工得分 is an error on the actual cell', () => {
    const { outcome } = run({ 指标值: '达到预期' });
    expect(errorsOf(outcome)).toEqual([['valueRequired', `'绩效指标'!I${ROW}`]]);
  });

  test('a blank actual with 人工得分 above 分值 is an error on the manual cell', () => {
    const { outcome } = run({ 指标值: '达到预期', 人工得分: 16 });
    expect(errorsOf(outcome)).toEqual([['manualOutOfRange', `'绩效指标'!K${ROW}`]]);
  });
});

describe('人工得分 on quantitative indicators', () => {
  test('it becomes the score; the rule score is kept and the difference warned, showing both', () => {
    const { outcome, ind } = run({ 指标值: '≥100人', 实际完成值: 52, 人工得分: 12 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([['manualDiffers', `'绩效指标'!K${ROW}`]]);
    expect(issueText(outcome.warnings[0], 'cli')).toContain('12.00');
    expect(issueText(outcome.warnings[0], 'cli')).toContain('7.80');
    expect(ind).toMatchObject({ score: '12.00', ruleScore: '7.80' });
    expect(outcome.summary!.total).toBe('85.73');
  });

  test('equal to the rule score: no warning', () => {
    const { outcome, ind } = run({ 指标值: '≥100人', 实际完成值: 52, 人工得分: 7.8 });
    expect(warningsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ score: '7.80', ruleScore: '7.80' });
  });

  test.each([[15.01], [-1]])('人工得分 %s outside 0…分值 is an error on its cell', (manual) => {
    const { outcome } = run({ 指标值: '≥100人', 实际完成值: 52, 人工得分: manual });
    expect(errorsOf(outcome)).toEqual([['manualOutOfRange', `'绩效指标'!K${ROW}`]]);
  });

  test('人工得分 0 and 分值 are the edges of the allowed range', () => {
    expect(errorsOf(run({ 指标值: '≥100人', 实际完成值: 52, 人工得分: 0 }).outcome)).toEqual([]);
    expect(errorsOf(run({ 指标值: '≥100人', 实际完成值: 52, 人工得分: 15 }).outcome)).toEqual([]);
  });

  test('实际完成值 stays required on a quantitative indicator even with 人工得分 (only qualitative ones may omit it)', () => {
    const { outcome } = run({ 指标值: '≥100人', 人工得分: 10 });
    expect(errorsOf(outcome)).toEqual([['valueRequired', `'绩效指标'!I${ROW}`]]);
  });
});

describe('overachievement', () => {
  const MESSAGE = '完成值超出指标值较多，请说明原因，指标值是否设定偏低';
  test.each([
    ['≥100人', 130, true],
    ['≥100人', 129.99, false],
    ['≥100人', 500, true],
    ['≥95%', pct(1.235), true], // 1.235 = 0.95 × 1.3 exactly
    ['≥95%', pct(1.2349), false],
    ['≤100人', 20, false],
  ] as const)('%s, a = %s: warning = %s, score stays capped at w', (target, actual, warned) => {
    const { outcome, ind } = run({ 指标值: target, 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual(warned ? [['overachievement', `'绩效指标'!I${ROW}`]] : []);
    if (warned) expect(issueText(outcome.warnings[0], 'cli')).toContain(MESSAGE);
    expect(ind!.score).toBe('15.00');
  });

  test.each([
    [pct(0.5, '0%'), 149, false],
    [pct(0.5, '0%'), 150, true],
    ['50%', 150, true],
    [50, 150, true],
    [0.5, 149.99, false],
  ] as const)('偏离度预警阈值 %s: a = %s warns = %s', (threshold, actual, warned) => {
    const { outcome } = run({ 指标值: '≥100人', 实际完成值: actual }, setting('偏离度预警阈值', threshold));
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual(warned ? [['overachievement', `'绩效指标'!I${ROW}`]] : []);
  });
});

describe('weights', () => {
  test('weights not summing to 100: a warning, and 满分 shows the actual sum', () => {
    const { outcome } = run({ 指标值: '≥100人', 实际完成值: 52, 分值: 20 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([['weightsNot100', '绩效指标']]);
    expect(issueText(outcome.warnings[0], 'cli')).toContain('105');
    expect(outcome.summary!.max).toBe('105');
    expect(writesOf(outcome)["'评价结果'!B18"]).toEqual({ kind: 'number', text: '105', format: '0.00' });
    expect(writesOf(outcome)["'评价结果'!B23"]).toEqual({ kind: 'number', text: '1' });
  });

  test('分值 must be > 0: 0 is an error on its cell', () => {
    const { outcome } = run({ 指标值: '≥100人', 实际完成值: 52, 分值: 0 });
    expect(errorsOf(outcome)).toEqual([['weightNotPositive', `'绩效指标'!J${ROW}`]]);
  });
});

describe('小数位数', () => {
  test('0: whole-number scores, ratios to 2 places, formats 0% and 0', () => {
    const { outcome } = run({ 指标值: '≥100人', 实际完成值: 52 }, setting('小数位数', 0));
    expect(errorsOf(outcome)).toEqual([]);
    const s = outcome.summary!;
    expect(s.execution).toMatchObject({ rate: '0.93', score: '9' });
    expect(s.indicators.map((i) => [i.rate, i.score])).toEqual([
      ['0.00', '0'], ['0.93', '12'], ['0.78', '9'], ['1.00', '8'], ['1.00', '10'], ['1.00', '15'], ['0.52', '8'], ['1.04', '10'],
    ]);
    expect(s).toMatchObject({ indicatorTotal: '72', total: '81', grade: '良', adjustmentRate: '0.20' });
    const writes = writesOf(outcome);
    expect(writes["'绩效指标'!L10"]).toEqual({ kind: 'number', text: '0.52', format: '0%' });
    expect(writes["'绩效指标'!M10"]).toEqual({ kind: 'number', text: '8', format: '0' });
    expect(writes["'预算执行'!G5"]).toEqual({ kind: 'number', text: '9', format: '0' });
    expect(writes["'预算执行'!F5"]).toEqual({ kind: 'number', text: '0.93', format: '0%' });
    expect(writes["'预算执行'!D13"]).toEqual({ kind: 'number', text: '0.46', format: '0%' });
    expect(writes["'评价结果'!B17"]).toEqual({ kind: 'number', text: '81', format: '0' });
    expect(writes["'评价结果'!B14"]).toEqual({ kind: 'number', text: '0.93', format: '0%' });
  });

  test('3: scores to 3 places, ratios to 5, formats 0.000% and 0.000', () => {
    const { outcome } = run({ 指标值: '≥100人', 实际完成值: 52 }, setting('小数位数', 3));
    expect(errorsOf(outcome)).toEqual([]);
    const s = outcome.summary!;
    expect(s.execution).toMatchObject({ rate: '0.93157', score: '9.316' });
    expect(s.indicators.map((i) => [i.rate, i.score])).toEqual([
      ['0.00000', '0.000'], ['0.93157', '12.000'], ['0.78480', '9.418'], ['1.00000', '8.000'],
      ['0.99930', '9.993'], ['1.00000', '15.000'], ['0.52000', '7.800'], ['1.04211', '10.000'],
    ]);
    expect(s).toMatchObject({ indicatorTotal: '72.211', total: '81.527', grade: '良', adjustmentRate: '0.20386' });
    const writes = writesOf(outcome);
    expect(writes["'绩效指标'!L6"]).toEqual({ kind: 'number', text: '0.78480', format: '0.000%' });
    expect(writes["'绩效指标'!M6"]).toEqual({ kind: 'number', text: '9.418', format: '0.000' });
    expect(writes["'预算执行'!H6"]).toEqual({ kind: 'number', text: '0.24702', format: '0.000%' });
    expect(writes["'评价结果'!B16"]).toEqual({ kind: 'number', text: '72.211', format: '0.000' });
  });

  test('qualitative band tops follow 小数位数: tier B with w = 15 and 0 places is 11', () => {
    const { ind } = run({ 指标值: '达到预期', 实际完成值: '部分达成' }, setting('小数位数', 0));
    expect(ind!.score).toBe('11');
  });
});

describe('完成率先舍入', () => {
  test('否 (default): scores from the exact ratio — 15 × 0.52366 = 7.8549 → 7.85', () => {
    const { ind } = run({ 指标值: '≥100人', 实际完成值: 52.366 });
    expect(ind).toMatchObject({ rate: '0.5237', score: '7.85' });
  });

  test('是: scores from the rounded ratio — 15 × 0.5237 = 7.8555 → 7.86', () => {
    const { ind } = run({ 指标值: '≥100人', 实际完成值: 52.366 }, setting('完成率先舍入', '是'));
    expect(ind).toMatchObject({ rate: '0.5237', score: '7.86' });
  });

  test.each([
    ['否', '9.31'],
    ['是', '9.32'],
  ])('the budget execution score too (完成率先舍入 = %s): 10 × 93.1451/100 → %s', (flag, scoreText) => {
    const wb = seedWorkbook();
    replaceRange(wb, '预算执行', '预算执行', 'A4', [BUDGET_HEADER, ['年度资金总额', null, fmt(100, AMOUNT), fmt(93.1451, AMOUNT), 10]]);
    wb['项目支出'] = { kind: 'missing' };
    setting('完成率先舍入', flag)(wb);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.execution).toMatchObject({ rate: '0.9315', score: scoreText });
  });

  test('是 with the reverse rule: 15 × (2 − rounded r)', () => {
    const exact = run({ 指标值: '≤100', 实际完成值: 150.006 });
    const first = run({ 指标值: '≤100', 实际完成值: 150.006 }, setting('完成率先舍入', '是'));
    // exact: 15 × (2 − 1.50006) = 7.4991 → 7.50; rounded r = 1.5001: 15 × 0.4999 = 7.4985 → 7.50
    expect(exact.ind!.score).toBe('7.50');
    expect(first.ind!.score).toBe('7.50');
    const exact2 = run({ 指标值: '≤100', 实际完成值: 150.034 });
    const first2 = run({ 指标值: '≤100', 实际完成值: 150.034 }, setting('完成率先舍入', '是'));
    // exact: 15 × (2 − 1.50034) = 7.4949 → 7.49; rounded r = 1.5003: 15 × 0.4997 = 7.4955 → 7.50
    expect(exact2.ind!.score).toBe('7.49');
    expect(first2.ind!.score).toBe('7.50');
  });
});

describe('grade edges (inclusive lower bounds on the rounded total)', () => {
  // One indicator, ≥ 90 with w = 90: its score is a itself; the seed budget adds 9.32.
  test.each([
    [80.68, '90.00', '优'],
    [80.67, '89.99', '良'],
    [70.68, '80.00', '良'],
    [70.67, '79.99', '中'],
    [50.68, '60.00', '中'],
    [50.67, '59.99', '差'],
    [0, '9.32', '差'],
    [90, '99.32', '优'],
  ])('a = %s → total %s → %s', (actual, total, grade) => {
    const wb = seedWorkbook();
    setIndicators(wb, [['唯一指标', '≥90', actual, 90]], ['三级指标', '指标值', '实际完成值', '分值']);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary).toMatchObject({ total, grade });
    expect(writesOf(outcome)["'评价结果'!B19"]).toEqual({ kind: 'text', text: grade });
  });
});

describe('the total is the sum of the rounded scores', () => {
  test('three indicators of 1/3 each: 3 × 3.33, not 10 × 1/3 rounded', () => {
    const wb = seedWorkbook();
    setIndicators(
      wb,
      [
        ['甲', '≥3', 1, 10],
        ['乙', '≥3', 1, 10],
        ['丙', '≥3', 1, 10],
        ['丁', '≥1', 1, 60],
      ],
      ['三级指标', '指标值', '实际完成值', '分值'],
    );
    const outcome = score(wb);
    expect(outcome.summary!.indicators.map((i) => i.score)).toEqual(['3.33', '3.33', '3.33', '60.00']);
    expect(outcome.summary).toMatchObject({ indicatorTotal: '69.99', total: '79.31', grade: '中' });
  });
});
