/**
 * The engine's typed model. Figures are decimal strings (`"4978.49"`,
 * percentages already as ratios: `"0.95"`), parsed and validated by the
 * workbook layer; the engine never sees cells or files.
 */
export type Direction = 'atLeast' | 'atMost' | 'equal' | 'qualitative';
export type ReverseMode = 'deviation' | 'ratio' | 'zero';
export type Tier = 'A' | 'B' | 'C';

/** A grade and its inclusive lower bound on the rounded total. */
export interface GradeBand {
  name: string;
  min: string;
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

export type IndicatorInput = QuantitativeIndicator | QualitativeIndicator;

/** How a score was reached, as data; the workbook layer renders it as 计算说明. */
export type Rule =
  | { kind: 'met' } // a ≥ t (at least / equal) or a ≤ t (at most)
  | { kind: 'proportional' } // w × a / t
  | { kind: 'targetZero' } // at least, t = 0: full score
  | { kind: 'equalZero'; met: boolean } // equal, t = 0
  | { kind: 'reverseDeduct' } // w × (1 − (a − t) / t)
  | { kind: 'reverseDouble' } // a ≥ 2t: 0
  | { kind: 'reverseRatio' } // w × t / a
  | { kind: 'reverseZero' } // over the target, 零分
  | { kind: 'qualitative'; tier: Tier; bandLow: string; bandHigh: string; highInclusive: boolean }
  | { kind: 'manualOnly' }; // qualitative, no tier, manual score only

export interface IndicatorScore {
  /** Completion rate rounded to 2 + decimals, or null (t = 0, qualitative). */
  rate: string | null;
  /** The score the rules give, rounded to `decimals`. */
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
