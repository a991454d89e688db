/**
 * Everyday wording (issue “Forms as accountants have them” §4): 时效指标 with
 * dates, the qualitative phrases people use, and a text actual under a
 * percentage target. Each case replaces seed row 10 (解决就业人数, 分值 15;
 * 15 × 52 / 100 = 7.80 in the seed) and scores the whole workbook.
 */
import { decimalSum } from '../../src/engine';
import { issueText } from '../../src/messages/issues';
import type { ScoreOutcome } from '../../src/workbook/report';
import type { IndicatorResult } from '../../src/workbook/report';
import { appendRows, type CellSpec, errorsOf, fmt, msg, pct, replaceIndicator, score, seedWorkbook, warningsOf } from '../support/grid';

const ROW = 10;
const INDEX = 6;

/** Excel's serial day of a date (1900 system): days since 1899-12-30, for days after 1900-02-28. */
function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}
const dateCell = (y: number, m: number, d: number, format = 'yyyy/m/d') => fmt(serial(y, m, d), format);

function run(fields: Record<string, CellSpec>, settings: CellSpec[][] = []): { outcome: ScoreOutcome; ind: IndicatorResult | undefined } {
  const wb = seedWorkbook();
  replaceIndicator(wb, ROW, { 一级指标: '产出指标', 二级指标: '时效指标', 三级指标: '完工时间', 分值: 15, ...fields });
  if (settings.length) appendRows(wb, '评分规则', settings);
  const outcome = score(wb);
  return { outcome, ind: outcome.summary?.indicators[INDEX] };
}

const seedTotal = () => score(seedWorkbook()).summary!.total;

describe('时效指标 with a date target: on or before the deadline w, after it 0', () => {
  const onTime: Array<[string, CellSpec, string]> = [
    ['2024年12月底前', dateCell(2024, 11, 20), '完成时间 2024年11月20日 不晚于时限 2024年12月31日'],
    ['2024年12月底前', dateCell(2024, 12, 31, 'yyyy"年"m"月"d"日"'), '完成时间 2024年12月31日 不晚于时限 2024年12月31日'],
    ['12月31日前完成', '2024年11月20日', '指标值未写年份，按 2024 年计'],
    ['≤2024-12-31', '2024.11.20', '完成时间 2024年11月20日 不晚于时限 2024年12月31日'],
    ['2024年第三季度前', '2024年9月30日', '不晚于时限 2024年9月30日'],
    ['2024年12月底前', '11月底', '实际完成值未写年份，按 2024 年计'],
    ['２０２４年１２月底前', '２０２４／１１／２０', '完成时间 2024年11月20日'],
    ['年底前完成', '11月20日', '完成时间 11月20日 不晚于时限 12月31日'],
    ['2024年上半年', '2024年6月30日', '不晚于时限 2024年6月30日'],
    ['2024年2月底前', '2024年2月29日', '不晚于时限 2024年2月29日'],
    ['2024年12月底前', '按时完成', '实际完成值“按时完成”，按时完成'],
    ['2024年12月底前', '已按时完成', '实际完成值“已按时完成”，按时完成'],
  ];
  test.each(onTime)('%s, done %s: full marks (%s)', (target, actual, noteText) => {
    const { outcome, ind } = run({ 指标值: target, 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind!.direction).toBe('deadline');
    expect(ind!.score).toBe('15.00');
    expect(ind!.rate).toBeNull();
    expect(ind!.note).toContain(noteText);
    // The seed scored this row 7.80; full marks add 7.20 to its total.
    expect(outcome.summary!.total).toBe(decimalSum([seedTotal(), '7.20']));
  });

  const late: Array<[string, CellSpec, string]> = [
    ['≤2024-12-31', '2025.1.10', '完成时间 2025年1月10日 晚于时限 2024年12月31日（逾期），得 0 分'],
    ['2024年第三季度前', '2024年10月1日', '晚于时限 2024年9月30日（逾期）'],
    ['2024年12月底前', dateCell(2025, 1, 3), '完成时间 2025年1月3日 晚于时限 2024年12月31日（逾期）'],
    ['2024年2月底前', '2024年3月1日', '晚于时限 2024年2月29日'],
  ];
  test.each(late)('%s, done %s: 0 with a note', (target, actual, noteText) => {
    const { outcome, ind } = run({ 指标值: target, 实际完成值: actual });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind!.score).toBe('0.00');
    expect(ind!.note).toContain(noteText);
    expect(outcome.summary!.total).toBe(decimalSum([seedTotal(), '-7.80']));
  });

  test('a moved deadline (调整后指标值) is the one scored against, and the note says so', () => {
    const { outcome, ind } = run({ 指标值: '2024年9月底前', 调整后指标值: '2024年12月底前', 实际完成值: '2024年11月20日' });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind!.score).toBe('15.00');
    expect(ind!.note).toContain('不晚于时限 2024年12月31日（调整后）');
  });

  test('a date is never parsed as a number: 2024年12月底前 is no target of 2024', () => {
    const { outcome, ind } = run({ 指标值: '2024年12月底前', 实际完成值: 2025 });
    expect(errorsOf(outcome)).toEqual([['deadlineActualUnparsable', "'绩效指标'!I10"]]);
    expect(ind).toBeUndefined();
  });

  test('an actual that is no date (已完成) is an error naming the cell, and says how to write it', () => {
    const { outcome } = run({ 指标值: '2024年12月底前', 实际完成值: '已完成' });
    expect(errorsOf(outcome)).toEqual([['deadlineActualUnparsable', "'绩效指标'!I10"]]);
    const text = msg(outcome.errors[0]);
    expect(text).toContain("'绩效指标'!I10");
    expect(text).toContain('“已完成”不是日期');
    expect(text).toContain('按时完成');
  });

  test('a date cell under a number target is an error, never read as its serial number', () => {
    const { outcome } = run({ 指标值: '≥95%', 实际完成值: dateCell(2024, 11, 20) });
    expect(errorsOf(outcome)).toEqual([['dateNotNumber', "'绩效指标'!I10"]]);
    expect(msg(outcome.errors[0])).toContain('日期');
  });

  test('a manual score replaces the rule score of a missed deadline, without a manualDiffers warning', () => {
    const { outcome, ind } = run({ 指标值: '≤2024-12-31', 实际完成值: '2025.1.10', 人工得分: 6 });
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind!.score).toBe('6.00');
    expect(ind!.ruleScore).toBe('0.00');
    expect(warningsOf(outcome).map((w) => w[0])).not.toContain('manualDiffers');
  });

  describe('时效逾期记分', () => {
    test('人工: a missed deadline without 人工得分 is an error at the actual', () => {
      const { outcome } = run({ 指标值: '≤2024-12-31', 实际完成值: '2025.1.10' }, [['时效逾期记分', '人工']]);
      expect(errorsOf(outcome)).toEqual([['overdueNeedsManual', "'绩效指标'!I10"]]);
      const text = msg(outcome.errors[0]);
      expect(text).toContain('2025年1月10日 晚于时限 2024年12月31日');
      expect(text).toContain('人工得分');
    });

    test('人工: with 人工得分 it scores that', () => {
      const { outcome, ind } = run({ 指标值: '≤2024-12-31', 实际完成值: '2025.1.10', 人工得分: 9 }, [['时效逾期记分', '人工']]);
      expect(errorsOf(outcome)).toEqual([]);
      expect(ind!.score).toBe('9.00');
    });

    test('人工: on time needs no 人工得分', () => {
      const { outcome, ind } = run({ 指标值: '≤2024-12-31', 实际完成值: '2024.12.1' }, [['时效逾期记分', '人工']]);
      expect(errorsOf(outcome)).toEqual([]);
      expect(ind!.score).toBe('15.00');
    });

    test('零分 is the default, and another value is refused with the allowed ones', () => {
      expect(run({ 指标值: '≤2024-12-31', 实际完成值: '2025.1.10' }, [['时效逾期记分', '零分']]).ind!.score).toBe('0.00');
      const { outcome } = run({ 指标值: '≤2024-12-31', 实际完成值: '2025.1.10' }, [['时效逾期记分', '扣一半']]);
      expect(errorsOf(outcome).map((e) => e[0])).toEqual(['settingBadValue']);
      expect(msg(outcome.errors[0])).toContain('应为“零分”或“人工”');
    });
  });
});

describe('qualitative wording people use', () => {
  const qualitative = (actual: string, settings: CellSpec[][] = []) => run({ 二级指标: '社会效益指标', 指标值: '达到预期', 实际完成值: actual }, settings);
  // Tier tops for 分值 15: A 15.00; B below round(0.8 × 15) = 12 → 11.99; C below 9 → 8.99.
  const cases: Array<[string, string]> = [
    ['好', '15.00'], ['良好', '15.00'], ['较好', '15.00'], ['优', '15.00'], ['优秀', '15.00'], ['显著', '15.00'],
    ['效果显著', '15.00'], ['社会效益良好。', '15.00'],
    ['一般', '11.99'], ['较一般', '11.99'], ['效果一般', '11.99'],
    ['差', '8.99'], ['较差', '8.99'], ['效果较差', '8.99'],
    // The v1 phrases keep their tiers.
    ['达成年度指标', '15.00'], ['部分达成年度指标并具有一定效果', '11.99'], ['未达成年度指标且效果较差', '8.99'], ['基本达成', '15.00'],
  ];
  test.each(cases)('%s scores %s', (actual, expected) => {
    const { outcome, ind } = qualitative(actual);
    expect(errorsOf(outcome)).toEqual([]);
    expect(ind!.score).toBe(expected);
  });

  test.each(['不显著', '不好', '偏差较小', '还行'])('%s is no tier: an error that asks for one', (actual) => {
    const { outcome } = qualitative(actual);
    expect(errorsOf(outcome)).toEqual([['tierUnknown', "'绩效指标'!I10"]]);
  });

  test('评分规则 may add phrases, tried first: 定性B档用语 基本达成 makes it B, 定性A档用语 adds 圆满', () => {
    expect(qualitative('基本达成', [['定性B档用语', '基本达成']]).ind!.score).toBe('11.99');
    expect(qualitative('圆满', [['定性A档用语', '圆满、出色']]).ind!.score).toBe('15.00');
    expect(qualitative('出色', [['定性A档用语', '圆满；出色']]).ind!.score).toBe('15.00');
    expect(errorsOf(qualitative('圆满').outcome)).toEqual([['tierUnknown', "'绩效指标'!I10"]]);
    const bad = qualitative('良好', [['定性C档用语', 5]]);
    expect(errorsOf(bad.outcome).map((e) => e[0])).toEqual(['settingBadValue']);
    expect(msg(bad.outcome.errors[0])).toContain('用语列表');
  });
});

describe('a percentage target with a text actual', () => {
  test('已完成 stays an error, with the advice to enter a number', () => {
    const { outcome } = run({ 二级指标: '质量指标', 指标值: '≥95%', 实际完成值: '已完成' });
    expect(errorsOf(outcome)).toEqual([['notANumber', "'绩效指标'!I10"]]);
    const text = issueText(outcome.errors[0], 'cli');
    expect(text).toContain('“已完成”');
    expect(text).toContain('请填写实际完成的数值');
  });

  test('a plain percentage actual still scores as before', () => {
    const { ind } = run({ 二级指标: '质量指标', 指标值: '≥95%', 实际完成值: pct(0.96) });
    expect(ind!.score).toBe('15.00');
  });
});
