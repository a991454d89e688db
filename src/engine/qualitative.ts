import { Dec, ZERO, dec, fixed, roundHalfUp } from './decimal';
import type { IndicatorScore, QualitativeIndicator, Settings, Tier } from './types';

export interface Band {
  low: Dec;
  high: Dec;
  highInclusive: boolean;
}

/**
 * The tier bands of 定性 indicators: A [round(0.8w,2), w], B [round(0.6w,2),
 * round(0.8w,2)), C [0, round(0.6w,2)). The edges are rounded to 2 places
 * whatever 小数位数 is, as the published system check does.
 */
export function tierBand(tier: Tier, w: Dec): Band {
  const edgeA = roundHalfUp(w.times('0.8'), 2);
  const edgeB = roundHalfUp(w.times('0.6'), 2);
  if (tier === 'A') return { low: edgeA, high: w, highInclusive: true };
  if (tier === 'B') return { low: edgeB, high: edgeA, highInclusive: false };
  return { low: ZERO, high: edgeB, highInclusive: false };
}

/**
 * The highest value at `places` decimals inside the band: w itself (cut to
 * `places`) for tier A; for B and C the largest multiple of 10^−places strictly
 * below the open upper edge — edge − 10^−places when the edge has ≤ places
 * decimals, as the contract states it.
 */
export function bandTop(band: Band, places: number): Dec {
  const step = new Dec(1).div(new Dec(10).pow(places));
  if (band.highInclusive) return band.high.toDecimalPlaces(places, Dec.ROUND_DOWN);
  const top = band.high.div(step).ceil().minus(1).times(step);
  return top.lt(band.low) ? band.low : top;
}

export function inBand(value: Dec, band: Band): boolean {
  if (value.lt(band.low)) return false;
  return band.highInclusive ? value.lte(band.high) : value.lt(band.high);
}

export function scoreQualitative(input: QualitativeIndicator, settings: Settings): IndicatorScore {
  const places = settings.decimals;
  const w = dec(input.weight);
  const manual = input.manualScore === null ? null : roundHalfUp(dec(input.manualScore), places);
  if (input.tier === null) {
    // Blank actual with a manual score: only [0, w] can be checked.
    const text = fixed(manual ?? ZERO, places);
    return {
      rate: null,
      ruleScore: text,
      score: text,
      rule: { kind: 'manualOnly' },
      effectiveActual: null,
      negativeActual: false,
      overachieved: false,
      manualDiffers: false,
      needsConfirmation: false,
      manualOutOfRange: input.manualScore === null ? null : manualScoreProblem(input.manualScore, input.weight, null, places),
      adjustments: [],
    };
  }
  const band = tierBand(input.tier, w);
  const top = fixed(bandTop(band, places), places);

  return {
    rate: null,
    ruleScore: top,
    score: manual === null ? top : fixed(manual, places),
    rule: {
      kind: 'qualitative',
      tier: input.tier,
      bandLow: band.low.toFixed(),
      bandHigh: band.high.toFixed(),
      highInclusive: band.highInclusive,
    },
    effectiveActual: null,
    negativeActual: false,
    overachieved: false,
    manualDiffers: false,
    needsConfirmation: manual === null,
    manualOutOfRange: input.manualScore === null ? null : manualScoreProblem(input.manualScore, input.weight, input.tier, places),
    adjustments: [],
  };
}

/**
 * The range a 人工得分 must fall in: the tier's band for a qualitative
 * indicator with a tier, otherwise [0, w]. The manual score is compared after
 * rounding to 小数位数, as it is written.
 */
export function manualScoreProblem(
  manualScore: string,
  weight: string,
  tier: Tier | null,
  decimals: number,
): null | { low: string; high: string; highInclusive: boolean; rounded: string } {
  const w = dec(weight);
  const band: Band = tier ? tierBand(tier, w) : { low: ZERO, high: w, highInclusive: true };
  const m = roundHalfUp(dec(manualScore), decimals);
  return inBand(m, band) ? null : { low: band.low.toFixed(), high: band.high.toFixed(), highInclusive: band.highInclusive, rounded: fixed(m, decimals) };
}
