import { ZERO, dec, fixed, roundHalfUp } from './decimal';
import { manualScoreProblem } from './qualitative';
import type { DeadlineIndicator, IndicatorScore, Settings } from './types';

/** On or before the deadline (ISO dates compare as text); null (按时完成) is on time. */
export function deadlineMet(deadline: string, actual: string | null): boolean {
  return actual === null || actual <= deadline;
}

/** A 时效指标 with a date target: w when on time, else 0; a 人工得分 replaces it as for every indicator. */
export function scoreDeadline(input: DeadlineIndicator, settings: Settings): IndicatorScore {
  const places = settings.decimals;
  const w = dec(input.weight);
  const met = deadlineMet(input.deadline, input.actual);
  const ruleScore = fixed(met ? w : ZERO, places);
  const manual = input.manualScore === null ? null : fixed(roundHalfUp(dec(input.manualScore), places), places);
  return {
    rate: null,
    ruleScore,
    score: manual ?? ruleScore,
    rule: met ? { kind: 'onTime', stated: input.actual === null } : { kind: 'overdue' },
    effectiveActual: null,
    negativeActual: false,
    overachieved: false,
    // After a missed deadline a 人工得分 is the intended way to score it (时效逾期记分 = 人工 asks for one): no warning then.
    manualDiffers: met && manual !== null && manual !== ruleScore,
    needsConfirmation: false,
    manualOutOfRange: input.manualScore === null ? null : manualScoreProblem(input.manualScore, input.weight, null, places),
    adjustments: [],
  };
}
