import { Dec, roundHalfUp } from './decimal';

/** Ratios (rates) are kept to 2 + decimals places: 4 places for scores with 2. */
export function ratioPlaces(decimals: number): number {
  return decimals + 2;
}

/**
 * The ratio a score is computed from: unrounded by default, or rounded first
 * when 完成率先舍入 = 是 (every score, the execution score included).
 */
export function ratioForScoring(ratio: Dec, decimals: number, roundFirst: boolean): Dec {
  return roundFirst ? roundHalfUp(ratio, ratioPlaces(decimals)) : ratio;
}
