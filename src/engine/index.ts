export { evaluate, scoreIndicator, type Evaluation } from './evaluate';
export { scoreExecution, ratioText, adjustmentRateText, isNegative } from './execution';
export { gradeForScore, type Grade } from './grade';
export { tierBand, bandTop, manualScoreProblem } from './qualitative';
export { ratioPlaces } from './ratio';
export { DEFAULT_SETTINGS } from './types';
export type * from './types';
export { decimalCompare, decimalSum, decimalEquals, isDecimalText, normalizeDecimal, decimalTimes, percentText } from './decimal-text';
