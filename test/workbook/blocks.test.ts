/**
 * The result's figures an accountant files besides the total: the 一级指标
 * subtotals (得分/分值) and which scores are a 人工得分. The seed's scores
 * are the hand-worked ones of its report (0.00, 12.00, 9.42, 8.00, 9.99,
 * 15.00 for 产出指标; 7.80 for 效益指标; 10.00 for 满意度指标).
 */
import { replaceIndicator, score, seedWorkbook, setCell } from '../support/grid';

describe('一级指标 subtotals', () => {
  test('the seed: each block in the order the table names it, scores summed with 小数位数', () => {
    const summary = score(seedWorkbook()).summary!;
    expect(summary.blocks).toEqual([
      { level1: '产出指标', score: '54.41', weight: '65' },
      { level1: '效益指标', score: '7.80', weight: '15' },
      { level1: '满意度指标', score: '10.00', weight: '10' },
    ]);
  });

  test('the blocks add up to 指标得分合计 and the weights to 满分 less the execution weight', () => {
    const summary = score(seedWorkbook()).summary!;
    const cents = (s: string) => Math.round(Number(s) * 100);
    expect(summary.blocks.reduce((n, b) => n + cents(b.score), 0)).toBe(cents(summary.indicatorTotal));
    expect(summary.blocks.reduce((n, b) => n + Number(b.weight), 0)).toBe(Number(summary.max) - Number(summary.execution.weight));
  });

  test('小数位数 1: a subtotal has one decimal', () => {
    const wb = seedWorkbook();
    setCell(wb, '评分规则', 'B8', 1);
    expect(score(wb).summary!.blocks.map((b) => b.score)).toEqual(['54.4', '7.8', '10.0']);
  });
});

describe('人工得分 is marked', () => {
  test('only the indicator with a 人工得分 is manual; its score, not the rule score, counts in its block', () => {
    const wb = seedWorkbook();
    replaceIndicator(wb, 10, { 一级指标: '效益指标', 二级指标: '社会效益指标', 三级指标: '测试指标', 分值: 15, 指标值: '≥100人', 实际完成值: 52, 人工得分: 12 });
    const summary = score(wb).summary!;
    expect(summary.indicators.map((i) => i.manual)).toEqual([false, false, false, false, false, false, true, false]);
    expect(summary.blocks[1]).toEqual({ level1: '效益指标', score: '12.00', weight: '15' });
  });
});
