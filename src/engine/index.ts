export { evaluate, scoreIndicator, type Evaluation, type Scored } from './evaluate';
export { scoreExecution, ratioText, adjustmentRateText, isNegative } from './execution';
export { gradeForScore, type Grade } from './grade';
export { tierBand, bandTop, manualScoreProblem } from './qualitative';
export { ratioPlaces } from './ratio';
export { applicableCap, capTotal } from './total-cap';
export { missedTarget } from './missed-target';
export type * from './types';
export { decimalCompare, decimalSum, decimalEquals, isDecimalText, normalizeDecimal, decimalTimes, percentText, decimalSumFixed, decimalRound, decimalMinus } from './decimal-text';
