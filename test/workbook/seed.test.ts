/**
 * The seed example (示例-二工片区2023, scoring-rules.md "The seed report"):
 * every figure of the report, the exact write plan, no issues.
 */
import { num, render, score, seedWorkbook, txt, warningsOf, writesOf } from '../support/grid';

describe('the seed example', () => {
  const outcome = score(seedWorkbook());

  test('scores 81.53 → 良 with no errors and no warnings', () => {
    expect(outcome.errors).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary).toMatchObject({
      total: '81.53',
      max: '100',
      grade: '良',
      indicatorTotal: '72.21',
      adjustmentRate: '0.2039',
      execution: { budget: '4978.49', actual: '4637.81', rate: '0.9316', score: '9.32', weight: '10' },
    });
  });

  test('budget breakdown rows: 执行率 and 调整率 where both figures exist', () => {
    expect(outcome.summary!.rows).toEqual([
      { label: '基本支出', rate: '0.9824', adjustmentRate: '0.2470' },
      { label: '人员经费', rate: null, adjustmentRate: null },
      { label: '公用经费', rate: null, adjustmentRate: null },
      { label: '项目支出', rate: '0.7848', adjustmentRate: '0.0945' },
    ]);
  });

  test.each([
    // cell, name, direction, rate, score, weight  (scoring-rules.md, seed table)
    ["'绩效指标'!C4", '公务用车经费下降率', 'atLeast', '0.0000', '0.00', '8'],
    ["'绩效指标'!C5", '预算经费', 'atMost', '0.9316', '12.00', '12'],
    ["'绩效指标'!C6", '项目支出预算执行率', 'atLeast', '0.7848', '9.42', '12'],
    ["'绩效指标'!C7", '政府采购执行率', 'atLeast', '1.0000', '8.00', '8'],
    ["'绩效指标'!C8", '12345热线事件办结率', 'atLeast', '0.9993', '9.99', '10'],
    ["'绩效指标'!C9", '信访案件受理率', 'atLeast', '1.0000', '15.00', '15'],
    ["'绩效指标'!C10", '解决就业人数', 'atLeast', '0.5200', '7.80', '15'],
    ["'绩效指标'!C11", '受益人员满意度', 'atLeast', '1.0421', '10.00', '10'],
  ])('indicator %s %s: %s, rate %s, score %s / %s', (cell, name, direction, rate, scoreText, weight) => {
    const found = outcome.summary!.indicators.find((i) => render(i.address) === cell);
    expect(found).toMatchObject({ name, direction, rate, score: scoreText, ruleScore: scoreText, weight });
  });

  test('the write plan is exactly the output cells, with their formats', () => {
    const writes = writesOf(outcome);
    const notes = Object.fromEntries(Object.entries(writes).filter(([a]) => /^'绩效指标'!N/.test(a)));
    for (const [address, note] of Object.entries(notes)) {
      expect(note.kind).toBe('text');
      expect(note.format).toBeUndefined();
      expect(note.text).toMatch(/[\u4e00-\u9fff]/);
      delete writes[address];
    }
    expect(Object.keys(notes).sort()).toEqual([4, 5, 6, 7, 8, 9, 10, 11].map((r) => `'绩效指标'!N${r}`).sort());
    const R = (t: string) => num(t, '0.00%');
    const S = (t: string) => num(t, '0.00');
    expect(writes).toEqual({
      // 预算执行: 执行率 / 调整率 on rows with both figures; 得分 on the total row only
      "'预算执行'!F5": R('0.9316'), "'预算执行'!G5": S('9.32'), "'预算执行'!H5": R('0.2039'),
      "'预算执行'!F6": R('0.9824'), "'预算执行'!H6": R('0.2470'),
      "'预算执行'!F9": R('0.7848'), "'预算执行'!H9": R('0.0945'),
      // 项目支出: one 执行率 per project, the 合计 row (formulas) untouched
      "'预算执行'!D13": R('0.4597'), "'预算执行'!D14": R('0.9859'), "'预算执行'!D15": R('0.1127'),
      "'预算执行'!D16": R('1.0000'), "'预算执行'!D17": R('1.0000'),
      // 绩效指标
      "'绩效指标'!L4": R('0.0000'), "'绩效指标'!M4": S('0.00'),
      "'绩效指标'!L5": R('0.9316'), "'绩效指标'!M5": S('12.00'),
      "'绩效指标'!L6": R('0.7848'), "'绩效指标'!M6": S('9.42'),
      "'绩效指标'!L7": R('1.0000'), "'绩效指标'!M7": S('8.00'),
      "'绩效指标'!L8": R('0.9993'), "'绩效指标'!M8": S('9.99'),
      "'绩效指标'!L9": R('1.0000'), "'绩效指标'!M9": S('15.00'),
      "'绩效指标'!L10": R('0.5200'), "'绩效指标'!M10": S('7.80'),
      "'绩效指标'!L11": R('1.0421'), "'绩效指标'!M11": S('10.00'),
      // 评价结果
      "'评价结果'!B14": R('0.9316'),
      "'评价结果'!B15": S('9.32'),
      "'评价结果'!B16": S('72.21'),
      "'评价结果'!B17": S('81.53'),
      "'评价结果'!B18": S('100'),
      "'评价结果'!B19": txt('良'),
      "'评价结果'!B20": R('0.2039'),
      "'评价结果'!B21": R('0.9824'),
      "'评价结果'!B22": R('0.7848'),
      "'评价结果'!B23": txt('无'),
    });
  });

  test('scoring the same workbook twice gives the same outcome', () => {
    expect(score(seedWorkbook())).toEqual(outcome);
  });

  test('the 计算说明 of the adjusted reverse indicator shows the adjusted target', () => {
    const note = outcome.summary!.indicators[1].note;
    expect(note).toContain('4637.81万元');
    expect(note).toContain('4978.49万元');
    expect(note).toContain('调整后');
  });
});
