import { ZERO, dec, fixed, plain } from './decimal';
import { scoreExecution } from './execution';
import { gradeForScore, type Grade } from './grade';
import { scoreQualitative } from './qualitative';
import { scoreQuantitative } from './quantitative';
import type { ExecutionInput, ExecutionScore, IndicatorInput, IndicatorScore, Settings } from './types';

export interface Evaluation {
  execution: ExecutionScore;
  indicators: IndicatorScore[];
  /** Σ rounded indicator scores. */
  indicatorTotal: string;
  /** Rounded execution score + Σ rounded indicator scores. */
  total: string;
  /** Execution weight + Σ indicator weights (满分). */
  max: string;
  /** False when 满分 is not 100. */
  weightsSumTo100: boolean;
  grade: Grade;
}

export function scoreIndicator(input: IndicatorInput, settings: Settings): IndicatorScore {
  return input.direction === 'qualitative' ? scoreQualitative(input, settings) : scoreQuantitative(input, settings);
}

/** The whole self-evaluation: every score, the total from rounded scores, 满分 and grade. */
export function evaluate(execution: ExecutionInput, indicators: IndicatorInput[], settings: Settings): Evaluation {
  const exec = scoreExecution(execution, settings);
  const scores = indicators.map((i) => scoreIndicator(i, settings));
  const indicatorSum = scores.reduce((sum, s) => sum.plus(dec(s.score)), ZERO);
  const total = indicatorSum.plus(dec(exec.score));
  const maxScore = indicators.reduce((sum, i) => sum.plus(dec(i.weight)), dec(execution.weight));
  const totalText = fixed(total, settings.decimals);
  return {
    execution: exec,
    indicators: scores,
    indicatorTotal: fixed(indicatorSum, settings.decimals),
    total: totalText,
    max: plain(maxScore),
    weightsSumTo100: maxScore.eq(100),
    grade: gradeForScore(totalText, settings),
  };
}
