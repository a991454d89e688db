import { dec } from './decimal';
import type { IndicatorScore } from './types';

/**
 * Whether an indicator fell short of its target (偏差原因必填 asks for a
 * reason then): the actual below the target (above it for 反向 indicators, above
 * 0 for 等于 0), a qualitative tier other than A, or a qualitative indicator
 * scored by hand only, below its weight, a deadline missed. Full marks through the rules (met,
 * t = 0) are not a shortfall; overachievement has its own warning.
 */
export function missedTarget(score: IndicatorScore, weight: string): boolean {
  const rule = score.rule;
  switch (rule.kind) {
    case 'met':
    case 'targetZero':
    case 'onTime':
      return false;
    case 'equalZero':
      return !rule.met;
    case 'proportional':
    case 'reverseDeduct':
    case 'reverseDouble':
    case 'reverseRatio':
    case 'reverseZero':
    case 'overdue':
      return true;
    case 'qualitative':
      return rule.tier !== 'A';
    case 'manualOnly':
      return dec(score.score).lt(dec(weight));
  }
}
