import { Dec, ZERO, ONE, dec, fixed, roundHalfUp, max, min } from './decimal';
import { ratioPlaces, roundedRatio } from './ratio';
import type { ExecutionInput, ExecutionScore, Settings } from './types';

/**
 * 预算执行率 = 全年执行数 / 全年预算数; score = weight × min(r, 1), from the
 * unrounded rate unless 完成率先舍入. The budget must be > 0 (checked by the
 * workbook layer); a negative execution counts as 0, as for indicators.
 */
export function scoreExecution(input: ExecutionInput, settings: Settings): ExecutionScore {
  const actual = dec(input.actual);
  const negativeActual = actual.isNegative() && !actual.isZero();
  const a = max(actual, ZERO);
  const budget = dec(input.budget);
  const weight = dec(input.weight);
  const rate = a.div(budget);
  // Exact (w × a) / b unless 完成率先舍入, so a half-up tie is never lost to the quotient's last digit.
  const raw = settings.roundRatesFirst
    ? weight.times(min(roundedRatio(rate, settings.decimals), ONE))
    : a.gte(budget) ? weight : weight.times(a).div(budget);
  const score = roundHalfUp(raw, settings.decimals);
  return {
    rate: fixed(rate, ratioPlaces(settings.decimals)),
    score: fixed(score, settings.decimals),
    negativeActual,
  };
}

/** A plain ratio as written: part / whole rounded to 2 + decimals, or null when whole is 0. */
export function ratioText(part: string, whole: string, decimals: number): string | null {
  const w = dec(whole);
  if (w.isZero()) return null;
  return fixed(dec(part).div(w), ratioPlaces(decimals));
}

/** 调整率 = (全年 − 年初) / 年初. */
export function adjustmentRateText(initial: string, budget: string, decimals: number): string | null {
  const i = dec(initial);
  if (i.isZero()) return null;
  return fixed(dec(budget).minus(i).div(i), ratioPlaces(decimals));
}

export function isNegative(text: string): boolean {
  const d: Dec = dec(text);
  return d.isNegative() && !d.isZero();
}
