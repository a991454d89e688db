import { ZERO, dec, fixed, plain } from './decimal';
import { sumPlain } from './decimal-text';
import { scoreDeadline } from './deadline';
import { scoreExecution } from './execution';
import { gradeForScore, type Grade } from './grade';
import { scoreQualitative } from './qualitative';
import { scoreQuantitative } from './quantitative';
import { capTotal } from './total-cap';
import type { Adjustment, ExecutionInput, ExecutionScore, IndicatorInput, IndicatorScore, Settings } from './types';

/** An indicator's score travelling with the record it was computed for. */
export interface Scored<T> {
  item: T;
  score: IndicatorScore;
}

export interface Evaluation<T> {
  execution: ExecutionScore;
  indicators: Scored<T>[];
  /** Σ rounded indicator scores. */
  indicatorTotal: string;
  /** Rounded execution score + Σ rounded indicator scores, after the local rules in `adjustments`. */
  total: string;
  /** Rounded execution score + Σ rounded indicator scores, before any local rule. */
  sum: string;
  /** Local rules that changed the total (执行率总分上限); empty under v1 rules. */
  adjustments: Adjustment[];
  /** Execution weight + Σ indicator weights (满分). */
  max: string;
  /** False when 满分 is not 100. */
  weightsSumTo100: boolean;
  grade: Grade;
  /** 0 for the best grade, up to the number of bands for the lowest. */
  gradeLevel: number;
}

export function scoreIndicator(input: IndicatorInput, settings: Settings): IndicatorScore {
  if (input.direction === 'qualitative') return scoreQualitative(input, settings);
  if (input.direction === 'deadline') return scoreDeadline(input, settings);
  return scoreQuantitative(input, settings);
}

/**
 * The whole self-evaluation: every score, the total from rounded scores, 满分
 * and grade. Each indicator is a record of the caller's carrying its `input`;
 * its score comes back with it.
 */
export function evaluate<T extends { input: IndicatorInput }>(execution: ExecutionInput, indicators: readonly T[], settings: Settings): Evaluation<T> {
  const exec = scoreExecution(execution, settings);
  const scored = indicators.map((item) => ({ item, score: scoreIndicator(item.input, settings) }));
  const scores = scored.map((s) => s.score.score);
  const weights = indicators.map((i) => i.input.weight);
  // Exact column sums when the figures allow (sumPlain), else term by term in Decimal: the same figure either way.
  const scoreSum = sumPlain(scores, '0');
  const indicatorSum = scoreSum !== null ? dec(scoreSum) : scores.reduce((sum, v) => sum.plus(dec(v)), ZERO);
  const total = indicatorSum.plus(dec(exec.score));
  const weightSum = sumPlain(weights, execution.weight);
  const maxScore = weightSum !== null ? dec(weightSum) : weights.reduce((sum, v) => sum.plus(dec(v)), dec(execution.weight));
  const sumText = fixed(total, settings.decimals);
  // The cap comes last, after every other rule; the grade is the capped total's.
  const cap = capTotal(total, exec.rate, settings);
  const totalText = cap ? cap.after : sumText;
  const { grade, level } = gradeForScore(totalText, settings);
  return {
    execution: exec,
    indicators: scored,
    indicatorTotal: fixed(indicatorSum, settings.decimals),
    total: totalText,
    sum: sumText,
    adjustments: cap ? [cap] : [],
    max: plain(maxScore),
    weightsSumTo100: maxScore.eq(100),
    grade,
    gradeLevel: level,
  };
}
