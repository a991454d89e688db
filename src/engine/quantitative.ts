import { Dec, ZERO, ONE, dec, fixed, roundHalfUp, max } from './decimal';
import { decimalCompare, inverseOfPowerOfTen, isCanonicalDecimal } from './decimal-text';
import { manualScoreProblem } from './qualitative';
import { ratioPlaces, roundedRatio } from './ratio';
import type { Adjustment, IndicatorScore, QuantitativeIndicator, Rule, Settings } from './types';

/** Decimal's precision: a figure of no more significant digits is kept exactly. */
const EXACT_DIGITS = 40;

interface RuleOutcome {
  raw: Dec;
  rule: Rule;
}

/** Score of one quantitative indicator, exactly as workbook-contract.md §3 says. */
export function scoreQuantitative(input: QuantitativeIndicator, settings: Settings): IndicatorScore {
  const places = settings.decimals;
  const w = dec(input.weight);
  const t = dec(input.target);
  const actual = dec(input.actual);
  const negativeActual = actual.isNegative() && !actual.isZero();
  // max(actual, 0): −0 stays itself, as max keeps its first argument on a tie.
  const a = negativeActual ? ZERO : actual;

  // t a power of ten: a / t by moving the point (exact, as the quotient of at most 40 digits is).
  const inverse = inverseOfPowerOfTen(input.target);
  const rate: Dec | null = t.isZero() ? null : inverse !== null && a.sd() <= EXACT_DIGITS ? a.times(inverse) : a.div(t);
  // Rounded first only when 完成率先舍入; otherwise null and the rules use
  // exact fractions (w × a) / t, so a half-up tie is never lost to a
  // 40-digit quotient such as 0.78458333….
  const rounded = rate !== null && settings.roundRatesFirst ? roundedRatio(rate, places) : null;
  // a against t, once (on the texts when a is the actual itself: no Decimal is made for it).
  const order = a === actual ? decimalCompare(input.actual, input.target) : a.cmp(t);
  const outcome = ruleScore(input.direction, a, t, w, rounded, order, inverse, settings);

  // Overachievement is a 正向 indicator's only (t > 0): the bound is computed for those alone, and
  // not when a < t ≤ t × (1 + threshold) (a threshold ≥ 0) rules it out already.
  const factor = input.direction === 'atLeast' && t.isPositive() && !t.isZero() ? overachievementFactor(settings.overachievementThreshold) : null;
  const overachievedAt = factor !== null && (order >= 0 || !factor.atLeastOne) ? t.times(factor.factor) : null;
  const overachieved = overachievedAt !== null && a.gte(overachievedAt);
  // fixed rounds half-up to the places itself: the same text as fixed(roundHalfUp(raw)).
  const penalty = overachievedAt !== null && overachieved ? deviationPenalty(roundHalfUp(outcome.raw, places), overachievedAt, settings) : null;
  const ruleScoreText = penalty ? penalty.after : fixed(outcome.raw, places);
  const manual = input.manualScore === null ? null : roundHalfUp(dec(input.manualScore), places);
  const manualOutOfRange = input.manualScore === null ? null : manualScoreProblem(input.manualScore, input.weight, null, places);
  const score = manual === null ? ruleScoreText : fixed(manual, places);
  // The actual's own text when it is already what toFixed() would write.
  const effectiveActual = a === actual && isCanonicalDecimal(input.actual) ? input.actual : a.toFixed();

  return {
    rate: rate === null ? null : fixed(rate, ratioPlaces(places)),
    ruleScore: ruleScoreText,
    score,
    rule: outcome.rule,
    effectiveActual,
    negativeActual,
    overachieved,
    manualDiffers: manual !== null && score !== ruleScoreText,
    needsConfirmation: false,
    manualOutOfRange,
    adjustments: penalty ? [penalty] : [],
  };
}

/** 1 + 超额完成阈值, made once per threshold (every 正向 indicator of a run asks for the same one). */
let factorOf: { threshold: string; factor: Dec; atLeastOne: boolean } | null = null;
function overachievementFactor(threshold: string): { factor: Dec; atLeastOne: boolean } {
  if (factorOf === null || factorOf.threshold !== threshold) {
    const factor = ONE.plus(dec(threshold));
    factorOf = { threshold, factor, atLeastOne: factor.gte(ONE) };
  }
  return factorOf;
}

/**
 * 偏离扣分: the rounded rule score less the points, never below 0, rounded
 * again (the points may have more decimals than 小数位数). Null when the
 * setting is 0 (v1): nothing changes.
 */
function deviationPenalty(score: Dec, bound: Dec, settings: Settings): Extract<Adjustment, { rule: 'deviationPenalty' }> | null {
  const points = dec(settings.deviationPenalty);
  if (!points.gt(0)) return null;
  const places = settings.decimals;
  const after = roundHalfUp(max(score.minus(points), ZERO), places);
  return {
    rule: 'deviationPenalty',
    before: fixed(score, places),
    after: fixed(after, places),
    points: points.toFixed(),
    bound: bound.toFixed(),
    threshold: dec(settings.overachievementThreshold).toFixed(),
  };
}

/**
 * The rule score before rounding. `r` is the rounded a / t when 完成率先舍入
 * applies, else null: the exact fraction is used. `order` is a compared with t (−1, 0, 1).
 */
function ruleScore(
  direction: QuantitativeIndicator['direction'],
  a: Dec,
  t: Dec,
  w: Dec,
  r: Dec | null,
  order: number,
  inverse: Dec | null,
  settings: Settings,
): RuleOutcome {
  if (direction === 'atMost') return reverseScore(a, t, w, r, order, settings);
  if (t.isZero()) {
    if (direction === 'atLeast') return { raw: w, rule: { kind: 'targetZero' } };
    // 等于 with t = 0: full marks only when nothing happened (a ≤ 0; a was floored at 0).
    const met = a.lte(0);
    return { raw: met ? w : ZERO, rule: { kind: 'equalZero', met } };
  }
  // 正向, and 等于 with t > 0, which scores like 正向.
  if (order >= 0) return { raw: w, rule: { kind: 'met' } };
  // w × a is rounded to 40 digits already: × 1/t (t a power of ten) is then exact, as ÷ t is.
  return { raw: r ? w.times(r) : inverse !== null ? w.times(a).times(inverse) : w.times(a).div(t), rule: { kind: 'proportional' } };
}

/** 反向: full marks within the target; beyond it per 反向指标超标记分. */
function reverseScore(a: Dec, t: Dec, w: Dec, r: Dec | null, order: number, settings: Settings): RuleOutcome {
  if (order <= 0) return { raw: w, rule: { kind: 'met' } };
  switch (settings.reverseMode) {
    case 'zero':
      return { raw: ZERO, rule: { kind: 'reverseZero' } };
    case 'ratio':
      // w × t / a (= w / r); with t = 0 (and a > 0) the score is 0.
      return { raw: r ? w.div(r) : w.times(t).div(a), rule: { kind: 'reverseRatio' } };
    case 'deviation':
      // a ≥ 2t scores 0 (t = 0 included); in between w × (1 − (a − t) / t) = w × (2t − a) / t.
      if (t.isZero() || a.gte(t.times(2))) return { raw: ZERO, rule: { kind: 'reverseDouble' } };
      return {
        raw: max(r ? w.times(new Dec(2).minus(r)) : w.times(t.times(2).minus(a)).div(t), ZERO),
        rule: { kind: 'reverseDeduct' },
      };
  }
}
