import { Dec, roundHalfUp } from './decimal';

/** Ratios (rates) are kept to 2 + decimals places: 4 places for scores with 2. */
export function ratioPlaces(decimals: number): number {
  return decimals + 2;
}

/**
 * The ratio as written (rounded to 2 + decimals places): what every score is
 * computed from when 完成率先舍入 = 是; otherwise scores use exact fractions.
 */
export function roundedRatio(ratio: Dec, decimals: number): Dec {
  return roundHalfUp(ratio, ratioPlaces(decimals));
}
