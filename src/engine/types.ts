/**
 * The engine's typed model. Figures are decimal strings (`"4978.49"`,
 * percentages already as ratios: `"0.95"`), parsed and validated by the
 * workbook layer; the engine never sees cells or files.
 */
export type Direction = 'atLeast' | 'atMost' | 'equal' | 'qualitative' | 'deadline';
export type ReverseMode = 'deviation' | 'ratio' | 'zero';
export type Tier = 'A' | 'B' | 'C';

/** A grade and its inclusive lower bound on the rounded total. */
export interface GradeBand {
  name: string;
  min: string;
}

/** 执行率总分上限: a 预算执行率 (as written) strictly below `below` (a ratio) caps the total at `cap`. */
export interface ExecutionCap {
  below: string;
  cap: string;
}

export interface Settings {
  /** 预算执行率分值 */
  executionWeight: string;
  /** Grades from the best down, lower bounds descending (v1: 优 90, 良 80, 中 60). */
  grades: readonly GradeBand[];
  /** The grade below every bound (v1: 差). */
  lowestGrade: string;
  /** 小数位数: decimals of scores; ratios get 2 more. */
  decimals: number;
  /** 反向指标超标记分 */
  reverseMode: ReverseMode;
  /** 偏离度预警阈值 as a ratio (`"0.3"`). */
  overachievementThreshold: string;
  /** 完成率先舍入 */
  roundRatesFirst: boolean;
  /** 执行率总分上限, as given; empty (v1) when there is none. */
  executionCaps: readonly ExecutionCap[];
  /** 偏离扣分: points off the rule score of an overachieved indicator; `"0"` (v1) when there is none. */
  deviationPenalty: string;
}

export interface QuantitativeIndicator {
  direction: 'atLeast' | 'atMost' | 'equal';
  target: string;
  actual: string;
  weight: string;
  manualScore: string | null;
}

export interface QualitativeIndicator {
  direction: 'qualitative';
  /** null when the actual is blank and a manual score is given. */
  tier: Tier | null;
  weight: string;
  manualScore: string | null;
}

/**
 * A 时效指标 with a date target: on or before the deadline scores w, after it 0.
 * Dates are ISO `YYYY-MM-DD` (the workbook layer resolves 12月底, 第三季度 … to a
 * day and fills a missing year); `actual` null when the user wrote 按时完成.
 */
export interface DeadlineIndicator {
  direction: 'deadline';
  deadline: string;
  actual: string | null;
  weight: string;
  manualScore: string | null;
}

export type IndicatorInput = QuantitativeIndicator | QualitativeIndicator | DeadlineIndicator;

/** How a score was reached, as data; the workbook layer renders it as 计算说明. */
export type Rule =
  | { kind: 'met' } // a ≥ t (at least / equal) or a ≤ t (at most)
  | { kind: 'proportional' } // w × a / t
  | { kind: 'targetZero' } // at least, t = 0: full score
  | { kind: 'equalZero'; met: boolean } // equal, t = 0
  | { kind: 'reverseDeduct' } // w × (1 − (a − t) / t)
  | { kind: 'reverseDouble' } // a ≥ 2t: 0
  | { kind: 'reverseRatio' } // w × t / a
  /** Over the target under the zero rule (反向指标超标记分 = 零分). */
  | { kind: 'reverseZero' }
  | { kind: 'qualitative'; tier: Tier; bandLow: string; bandHigh: string; highInclusive: boolean }
  | { kind: 'manualOnly' } // qualitative, no tier, manual score only
  /** Deadline met; `stated` when the actual said 按时完成 without a date. */
  | { kind: 'onTime'; stated: boolean }
  | { kind: 'overdue' }; // deadline missed: 0

/**
 * A local rule that changed a score after the contract's rules: the figure
 * before and after it (both rounded to 小数位数), and what the explanation needs.
 */
export type Adjustment =
  /** 偏离扣分: the actual reached `bound` = t × (1 + 偏离度预警阈值); `points` were taken off, never below 0. */
  | { rule: 'deviationPenalty'; before: string; after: string; points: string; bound: string; threshold: string }
  /** 执行率总分上限: the rate as written (`rate`) is below `below`, so the total is at most `cap`. */
  | { rule: 'executionCap'; before: string; after: string; rate: string; below: string; cap: string };

export type AdjustmentRule = Adjustment['rule'];

export interface IndicatorScore {
  /** Completion rate rounded to 2 + decimals, or null (t = 0, qualitative). */
  rate: string | null;
  /** The score the rules give, rounded to `decimals`, after the local rules in `adjustments`. */
  ruleScore: string;
  /** The indicator's score: the manual score when given, else the rule score. */
  score: string;
  rule: Rule;
  /** The actual after a negative one was counted as 0. */
  effectiveActual: string | null;
  negativeActual: boolean;
  overachieved: boolean;
  /** Manual score given and different from the rule score (quantitative only). */
  manualDiffers: boolean;
  /** Qualitative default score taken from the band's top: the user should confirm it. */
  needsConfirmation: boolean;
  /** Manual score outside [0, w] or outside the tier's band. */
  manualOutOfRange: null | { low: string; high: string; highInclusive: boolean; rounded: string };
  /** Local rules that changed the rule score (偏离扣分), in the order applied; empty under v1 rules. */
  adjustments: Adjustment[];
}

export interface ExecutionInput {
  budget: string;
  actual: string;
  weight: string;
}

export interface ExecutionScore {
  rate: string;
  score: string;
  negativeActual: boolean;
}
