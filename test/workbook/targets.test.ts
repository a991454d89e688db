/**
 * §3 target expression grammar (指标值), 指标性质 / 度量单位 columns,
 * 调整后指标值, and how actual values are read under percentage targets.
 * Each case replaces seed row 10 (解决就业人数, 分值 15) and scores the
 * whole workbook.
 */
import type { IndicatorResult } from '../../src/workbook/report';
import type { ScoreOutcome } from '../../src/workbook/report';
import { type CellSpec, errorsOf, fmt, pct, replaceIndicator, score, seedWorkbook, warningsOf } from '../support/grid';
import { issueText } from '../../src/messages/issues';

const ROW = 10;
const INDEX = 6;

function run(fields: Record<string, CellSpec>): { outcome: ScoreOutcome; ind: IndicatorResult | undefined } {
  const wb = seedWorkbook();
  replaceIndicator(wb, ROW, { 一级指标: '效益指标', 二级指标: '社会效益指标', 三级指标: '测试指标', 分值: 15, ...fields });
  const outcome = score(wb);
  return { outcome, ind: outcome.summary?.indicators[INDEX] };
}

describe('operators of the target grammar', () => {
  // With t = 100 and a = 80: at least → 15 × 0.8 = 12.00; at most → 15.00; equal (t > 0) → as at least.
  const cases: Array<[string, 'atLeast' | 'atMost' | 'equal', string]> = [
    ['≥', 'atLeast', '12.00'],
    ['>=', 'atLeast', '12.00'],
    ['大于等于', 'atLeast', '12.00'],
    ['不低于', 'atLeast', '12.00'],
    ['不少于', 'atLeast', '12.00'],
    ['不小于', 'atLeast', '12.00'],
    ['至少', 'atLeast', '12.00'],
    ['>', 'atLeast', '12.00'],
    ['大于', 'atLeast', '12.00'],
    ['高于', 'atLeast', '12.00'],
    ['多于', 'atLeast', '12.00'],
    ['', 'atLeast', '12.00'],
    ['≤', 'atMost', '15.00'],
    ['<=', 'atMost', '15.00'],
    ['小于等于', 'atMost', '15.00'],
    ['不高于', 'atMost', '15.00'],
    ['不超过', 'atMost', '15.00'],
    ['不多于', 'atMost', '15.00'],
    ['不大于', 'atMost', '15.00'],
    ['<', 'atMost', '15.00'],
    ['小于', 'atMost', '15.00'],
    ['低于', 'atMost', '15.00'],
    ['少于', 'atMost', '15.00'],
    ['=', 'equal', '12.00'],
    ['等于', 'equal', '12.00'],
  ];

  test.each(cases)('"%s100人" is %s (a = 80 scores %s)', (op, direction, scoreText) => {
    const { outcome, ind } = run({ 指标值: `${op}100人`, 实际完成值: 80 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction, rate: '0.8000', score: scoreText });
    expect(ind!.note).toContain('80人');
    expect(ind!.note).toContain('100人');
  });

  test.each(cases)('with spaces and full-width forms: " %s ９５ ％ " is %s', (op, direction) => {
    const fullWidth = op.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const { outcome, ind } = run({ 指标值: ` ${fullWidth} ９５ ％ `, 实际完成值: pct(0.95) });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction, rate: '1.0000', score: '15.00' });
  });

  test.each([
    ['5天以内', '天'],
    ['≤5天以内', '天'],
    ['5 以内', ''],
    ['５天以内', '天'],
  ])('"%s": 以内 after the number is an at-most operator, not a unit', (target, unit) => {
    // t = 5, a = 6 → 偏差扣分: 15 × (1 − 1/5) = 12.00
    const { outcome, ind } = run({ 指标值: target, 实际完成值: 6 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'atMost', rate: '1.2000', score: '12.00' });
    expect(ind!.note).toContain(`6${unit}`);
    expect(ind!.note).not.toContain('以内');
  });

  test('≥ with 以内 contradicts itself: an error on the target cell', () => {
    const { outcome } = run({ 指标值: '≥5天以内', 实际完成值: 6 });
    expect(errorsOf(outcome)).toEqual([['targetUnparsable', "'绩效指标'!E10"]]);
  });
});

describe('numbers and units of the target', () => {
  test.each([
    // target, actual, rate, score, unit shown in the note
    ['4135.45万元', 4135.45, '1.0000', '15.00', '万元'],
    ['≥4,135.45万元', 3000, '0.7254', '10.88', '万元'],
    ['≥1,000,000', 500000, '0.5000', '7.50', ''],
    ['≥１００人', 52, '0.5200', '7.80', '人'],
    ['≥100次', 52, '0.5200', '7.80', '次'],
    ['≥100个', 52, '0.5200', '7.80', '个'],
    ['≥100天', 52, '0.5200', '7.80', '天'],
    ['≥100 人', 52, '0.5200', '7.80', '人'],
    ['≥100.0', 52, '0.5200', '7.80', ''],
    ['≥0.5', 0.25, '0.5000', '7.50', ''],
  ] as const)('%s with actual %s → rate %s, score %s', (target, actual, rate, scoreText, unit) => {
    const { outcome, ind } = run({ 指标值: target, 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'atLeast', rate, score: scoreText });
    if (unit) expect(ind!.note).toContain(unit);
  });

  test.each([
    ['≥95%', pct(0.99), '1.0421', '15.00'],
    ['95%', pct(0.95), '1.0000', '15.00'],
    ['≥95.5%', pct(0.955), '1.0000', '15.00'],
    ['≤5%', pct(0.06), '1.2000', '12.00'],
  ] as const)('percent target %s: a %% divides by 100', (target, actual, rate, scoreText) => {
    const { outcome, ind } = run({ 指标值: target, 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ rate, score: scoreText });
  });

  test.each([
    ['约95%'],
    ['1-2天'],
    ['第3名'],
    ['95%~100%'],
    ['≥≥95%'],
  ])('"%s" has digits but fits no pattern: an error on the target cell', (target) => {
    const { outcome } = run({ 指标值: target, 实际完成值: 52 });
    expect(errorsOf(outcome)).toEqual([['targetUnparsable', "'绩效指标'!E10"]]);
    expect(issueText(outcome.errors[0], 'cli')).toContain(target.normalize('NFKC'));
  });

  test.each([['12,5'], ['≥12,5人']])('"%s": thousands separators only in groups of three — the message says so', (target) => {
    const { outcome } = run({ 指标值: target, 实际完成值: 52 });
    expect(errorsOf(outcome)).toEqual([['badThousands', "'绩效指标'!E10"]]);
    expect(issueText(outcome.errors[0], 'cli')).toContain('三位一组');
  });

  test('a negative target is an error on its cell', () => {
    const { outcome } = run({ 指标值: '≥-5', 实际完成值: 52 });
    expect(errorsOf(outcome)).toEqual([['targetNegative', "'绩效指标'!E10"]]);
  });
});

describe('qualitative targets', () => {
  test.each([['达到预期'], ['有效提升'], ['不低于上年'], ['好'], ['逐步完善'], ['≥上年']])(
    '"%s" (no digit) is qualitative',
    (target) => {
      const { outcome, ind } = run({ 指标值: target, 实际完成值: '达成年度指标' });
      expect(errorsOf(outcome)).toEqual([]);
      expect(ind).toMatchObject({ direction: 'qualitative', rate: null, score: '15.00' });
      expect(warningsOf(outcome)).toEqual([['qualitativeConfirm', "'绩效指标'!I10"]]);
    },
  );

  test('指标性质 = 定性 makes even a target with digits qualitative', () => {
    const { outcome, ind } = run({ 指标性质: '定性', 指标值: '100%', 实际完成值: '部分达成年度指标并具有一定效果' });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'qualitative', rate: null, score: '11.99' });
  });

  test.each([['≥'], ['≤'], ['=']])('no digit under 指标性质 %s is an error on the target cell', (nature) => {
    const { outcome } = run({ 指标性质: nature, 指标值: '达到预期', 实际完成值: '达成' });
    expect(errorsOf(outcome)).toEqual([['targetNeedsNumber', "'绩效指标'!E10"]]);
    expect(issueText(outcome.errors[0], 'cli')).toContain(nature);
  });
});

describe('separate 指标性质 and 度量单位 columns with bare numbers', () => {
  test.each([
    ['≥', 'atLeast', '12.00'],
    ['≤', 'atMost', '15.00'],
    ['=', 'equal', '12.00'],
    [' ≥ ', 'atLeast', '12.00'],
    ['＞＝', 'atLeast', '12.00'],
  ] as const)('指标性质 "%s" with 指标值 100 and 度量单位 人', (nature, direction, scoreText) => {
    const { outcome, ind } = run({ 指标性质: nature, 指标值: 100, 度量单位: '人', 实际完成值: 80 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction, rate: '0.8000', score: scoreText });
    expect(ind!.note).toContain('80人');
  });

  test('a text bare number under 指标性质 works too', () => {
    const { outcome, ind } = run({ 指标性质: '≤', 指标值: '100', 度量单位: '万元', 实际完成值: 150 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'atMost', rate: '1.5000', score: '7.50' });
    expect(ind!.note).toContain('150万元');
  });

  test('度量单位 % makes a bare number a percentage', () => {
    const { outcome, ind } = run({ 指标性质: '≥', 指标值: 95, 度量单位: '%', 实际完成值: pct(0.99) });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ rate: '1.0421', score: '15.00' });
    expect(ind!.note).toContain('95%');
  });

  test('度量单位 ％ (full-width) is a percentage too', () => {
    const { ind } = run({ 指标性质: '≥', 指标值: 95, 度量单位: '％', 实际完成值: pct(0.99) });
    expect(ind).toMatchObject({ rate: '1.0421', score: '15.00' });
  });

  test('a target cell formatted as a percentage (0.95 shown as 95%) is a percentage', () => {
    const { outcome, ind } = run({ 指标性质: '≥', 指标值: pct(0.95), 实际完成值: 99 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ rate: '1.0421', score: '15.00' });
  });

  test('an operator in the text that agrees with 指标性质 is fine', () => {
    const { outcome, ind } = run({ 指标性质: '≥', 指标值: '≥100人', 实际完成值: 80 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'atLeast', score: '12.00' });
  });

  test('an operator in the text that contradicts 指标性质 is an error on the target cell', () => {
    const { outcome } = run({ 指标性质: '≥', 指标值: '≤100人', 实际完成值: 80 });
    expect(errorsOf(outcome)).toEqual([['operatorConflict', "'绩效指标'!E10"]]);
  });

  test.each([['正向'], ['≥≤'], ['abc']])('指标性质 "%s" is unknown: an error on its cell', (nature) => {
    const { outcome } = run({ 指标性质: nature, 指标值: 100, 实际完成值: 80 });
    expect(errorsOf(outcome)).toEqual([['natureUnknown', "'绩效指标'!D10"]]);
  });
});

describe('调整后指标值 replaces 指标值', () => {
  test('a bare number keeps the operator and the % of 指标值', () => {
    // ≥ 90% adjusted to 80: a = 80% meets it.
    const { outcome, ind } = run({ 指标值: '≥90%', 调整后指标值: 80, 实际完成值: pct(0.8) });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'atLeast', rate: '1.0000', score: '15.00' });
    expect(ind!.note).toContain('80%');
  });

  test('without it the same row scores against 指标值', () => {
    const { ind } = run({ 指标值: '≥90%', 实际完成值: pct(0.8) });
    expect(ind).toMatchObject({ rate: '0.8889', score: '13.33' });
  });

  test('a bare number keeps the at-most operator and the unit (万元)', () => {
    // ≤ 100万元 adjusted to 120: a = 150 → 15 × (1 − 30/120) = 11.25
    const { outcome, ind } = run({ 指标值: '≤100万元', 调整后指标值: 120, 实际完成值: 150 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ direction: 'atMost', rate: '1.2500', score: '11.25' });
    expect(ind!.note).toContain('120万元');
  });

  test('a bare number keeps the operator of 指标性质', () => {
    const { ind } = run({ 指标性质: '≤', 指标值: 100, 度量单位: '万元', 调整后指标值: fmt(120, '#,##0.00'), 实际完成值: 150 });
    expect(ind).toMatchObject({ direction: 'atMost', rate: '1.2500', score: '11.25' });
  });

  test('a full expression replaces the target', () => {
    const { ind } = run({ 指标值: '≥90%', 调整后指标值: '≥85%', 实际完成值: pct(0.85) });
    expect(ind).toMatchObject({ direction: 'atLeast', rate: '1.0000', score: '15.00' });
  });

  test('an adjusted target that fits no pattern is an error on its cell', () => {
    const { outcome } = run({ 指标值: '≥90%', 调整后指标值: '约85%', 实际完成值: pct(0.85) });
    expect(errorsOf(outcome)).toEqual([['targetUnparsable', "'绩效指标'!G10"]]);
  });
});

describe('actual values under a percentage target (≥95%)', () => {
  test.each([
    ['a percent-formatted number is a ratio', pct(0.99), '1.0421', '15.00', []],
    ['a percent-formatted number, format 0%', pct(0.99, '0%'), '1.0421', '15.00', []],
    ['text 99% is 0.99', '99%', '1.0421', '15.00', []],
    ['text ９９％ (full-width) is 0.99', '９９％', '1.0421', '15.00', []],
    ['a plain 99 is percentage points', 99, '1.0421', '15.00', []],
    ['a plain 57 is percentage points', 57, '0.6000', '9.00', []],
    ['a plain 1.51 is percentage points, no warning', 1.51, '0.0159', '0.24', []],
    ['a plain 1.5 may have been meant as a ratio', 1.5, '0.0158', '0.24', [['percentLooksLikeRatio', "'绩效指标'!I10"]]],
    ['a plain 0.99 may have been meant as a ratio', 0.99, '0.0104', '0.16', [['percentLooksLikeRatio', "'绩效指标'!I10"]]],
    ['a plain 0 is simply zero', 0, '0.0000', '0.00', []],
  ] as const)('%s', (_why, actual, rate, scoreText, warnings) => {
    const { outcome, ind } = run({ 指标值: '≥95%', 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual(warnings);
    expect(ind).toMatchObject({ rate, score: scoreText });
  });

  test('the percentLooksLikeRatio message shows both readings', () => {
    const { outcome } = run({ 指标值: '≥95%', 实际完成值: 0.99 });
    expect(issueText(outcome.warnings[0], 'cli')).toContain('0.99%');
    expect(issueText(outcome.warnings[0], 'cli')).toContain('99%');
  });

  test('a plain number ≤ 1.5 under a non-percentage target raises nothing', () => {
    const { outcome, ind } = run({ 指标值: '≥2人', 实际完成值: 1 });
    expect(warningsOf(outcome)).toEqual([]);
    expect(ind).toMatchObject({ rate: '0.5000', score: '7.50' });
  });
});

describe('actual values: text numbers', () => {
  test.each([
    ['52人', '0.5200'],
    ['５２', '0.5200'],
    [' 52 ', '0.5200'],
    ['1,000', '10.0000'],
  ] as const)('"%s" is read as a number', (actual, rate) => {
    const { outcome, ind } = run({ 指标值: '≥100人', 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind!.rate).toBe(rate);
  });

  test.each([
    ['12,5', 'badThousands'],
    ['1,0000', 'badThousands'],
    ['五十二', 'notANumber'],
    ['约52', 'notANumber'],
  ] as const)('"%s" is an error on the actual cell (%s)', (actual, code) => {
    const { outcome } = run({ 指标值: '≥100人', 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([[code, "'绩效指标'!I10"]]);
  });

  test('a negative actual counts as 0 for score and rate, with a warning on its cell', () => {
    const { outcome, ind } = run({ 指标值: '≥100人', 实际完成值: -5 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([['negativeActual', "'绩效指标'!I10"]]);
    expect(ind).toMatchObject({ rate: '0.0000', score: '0.00' });
  });

  test('a negative actual under an at-most target scores full marks (0 ≤ t)', () => {
    const { ind } = run({ 指标值: '≤100人', 实际完成值: -5 });
    expect(ind).toMatchObject({ rate: '0.0000', score: '15.00' });
  });
});
