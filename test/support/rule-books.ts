/**
 * One workbook per 规则方案, built from the example (assets/示例-二工片区2023.xlsx)
 * by changing a few cells, with the figures each must give worked out by
 * hand from the rules documented in docs/workbook-contract.md §6 — not taken
 * from a run. The CLI, the Excel host (strict fake) and the web page are all
 * checked against these.
 *
 * The example's 评分规则 is '评价结果'!A4:B11: 预算执行率分值 10 (A4), 优 90
 * (A5), 良 80 (A6), 中 60 (A7), 小数位数 2 (A8), 反向指标超标记分 偏差扣分 (A9),
 * 偏离度预警阈值 30% (A10), 完成率先舍入 否 (A11). Rows holding a default can
 * be given another setting without changing anything else.
 */
import { exampleWith } from './fixtures';

export interface RuleBook {
  preset: string;
  /** File name for the hosts that need one. */
  file: string;
  /** exampleWith() edits, `Sheet!A1` → value (null clears). */
  cells: Record<string, number | string | null>;
  expected: {
    total: string;
    grade: string;
    executionRate: string;
    executionScore: string;
    indicatorTotal: string;
    /** The eight indicator scores, in the table's order. */
    scores: string[];
    /** The total's adjustments: [rule, before, after]. */
    totalAdjustments: Array<[string, string, string]>;
    /** Indicator adjustments by indicator index: [rule, before, after]. */
    indicatorAdjustments: Record<number, Array<[string, string, string]>>;
    /** Warnings as [code, cell or name]. */
    warnings: Array<[string, string]>;
  };
}

/** The example's eight indicator scores (scoring-rules.md, seed table). */
const SEED_SCORES = ['0.00', '12.00', '9.42', '8.00', '9.99', '15.00', '7.80', '10.00'];

/** 101 字 (limit 100): punctuation counts, whitespace does not. */
export const LONG_REASON = '由于油价上涨及车辆老旧，公务用车经费全部使用，未能下降。'.repeat(4).slice(0, 100) + '。  ';

export const RULE_BOOKS: RuleBook[] = [
  {
    // 财政部通用 is v1 spelled out: every figure is the example's (81.53 良), nothing to warn about.
    preset: '财政部通用',
    file: '规则-财政部通用.xlsx',
    cells: { '评价结果!A11': '规则方案', '评价结果!B11': '财政部通用' },
    expected: {
      total: '81.53', grade: '良', executionRate: '0.9316', executionScore: '9.32', indicatorTotal: '72.21',
      scores: SEED_SCORES, totalAdjustments: [], indicatorAdjustments: {}, warnings: [],
    },
  },
  {
    // 一级指标分值 产出指标:50;效益指标:30;满意度指标:10. The example's 产出指标 rows 4–9 weigh
    // 8 + 12 + 12 + 8 + 10 + 15 = 65 ≠ 50, 效益指标 (row 10) 15 ≠ 30, 满意度指标 (row 11) 10 = 10.
    preset: '财政部项目支出',
    file: '规则-财政部项目支出.xlsx',
    cells: { '评价结果!A11': '规则方案', '评价结果!B11': '财政部项目支出' },
    expected: {
      total: '81.53', grade: '良', executionRate: '0.9316', executionScore: '9.32', indicatorTotal: '72.21',
      scores: SEED_SCORES, totalAdjustments: [], indicatorAdjustments: {},
      warnings: [['blockWeightMismatch', "'绩效指标'!J4"], ['blockWeightMismatch', "'绩效指标'!J10"]],
    },
  },
  {
    // 偏差原因必填 提示, 偏差原因字数上限 100: 预算执行率 93.16% is not below 90%, so no reason is
    // needed there. Of the indicators short of their targets (rows 4, 6, 8, 10), row 4's reason is
    // made 101 字 and row 10's is cleared: two warnings, in table order. Scores are the example's.
    preset: '四川自评表',
    file: '规则-四川自评表.xlsx',
    cells: { '评价结果!A11': '规则方案', '评价结果!B11': '四川自评表', '绩效指标!O4': LONG_REASON, '绩效指标!O10': null },
    expected: {
      total: '81.53', grade: '良', executionRate: '0.9316', executionScore: '9.32', indicatorTotal: '72.21',
      scores: SEED_SCORES, totalAdjustments: [], indicatorAdjustments: {},
      warnings: [['reasonTooLongWarning', "'绩效指标'!O4"], ['reasonMissingWarning', "'绩效指标'!O10"]],
    },
  },
  {
    // 执行率封顶 in the rows of 优 / 良 (the preset's grades are 好 / 较好 / 一般 / 差, so the v1
    // rows go). 全年执行数 3395.33: r = 3395.33 ÷ 4978.49 = 0.681999963… → 68.20%, score
    // 10 × r = 6.82. 解决就业人数 130 人 ≥ 100 × (1 + 30%) = 130: 15.00, 偏离扣分 2 → 13.00.
    // Indicators 0 + 12 + 9.42 + 8 + 9.99 + 15 + 13 + 10 = 77.41; 6.82 + 77.41 = 84.23. 68.20% is
    // below 80% (cap 89) and 70% (cap 79), not 60%: the cap is 79 → 79.00, grade 一般 (60 ≤ 79 < 85).
    // 68.20% < 90% needs a reason: 分值 (E4) becomes the 偏差原因 column (the weight falls back
    // to 预算执行率分值 10) with E5 filled. 评价结果 A20 becomes 总分说明.
    preset: '执行率封顶',
    file: '规则-执行率封顶.xlsx',
    cells: {
      '评价结果!A5': '规则方案', '评价结果!B5': '执行率封顶', '评价结果!A6': null, '评价结果!B6': null, '评价结果!A7': null, '评价结果!B7': null,
      '评价结果!A20': '总分说明',
      '预算执行!D5': 3395.33, '预算执行!E4': '偏差原因', '预算执行!E5': '部分项目仍在审批中，资金未能按期支付。',
      '绩效指标!I10': 130,
    },
    expected: {
      total: '79.00', grade: '一般', executionRate: '0.6820', executionScore: '6.82', indicatorTotal: '77.41',
      scores: ['0.00', '12.00', '9.42', '8.00', '9.99', '15.00', '13.00', '10.00'],
      totalAdjustments: [['executionCap', '84.23', '79.00']],
      indicatorAdjustments: { 6: [['deviationPenalty', '15.00', '13.00']] },
      warnings: [
        // 基本支出 3632.36 + 项目支出 1005.45 = 4637.81, no longer the total's 3395.33 (a v1 check).
        ['breakdownMismatch', "'预算执行'!D5"],
        ['overachievement', "'绩效指标'!I10"],
        ['totalCapped', "'预算执行'!D5"],
        ['blockWeightMismatch', "'绩效指标'!J4"],
        ['blockWeightMismatch', "'绩效指标'!J10"],
      ],
    },
  },
];

/** The book's bytes. */
export function ruleBookBytes(book: RuleBook): Uint8Array {
  return exampleWith(book.cells);
}
