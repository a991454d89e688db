/**
 * Every issue the contract parser can raise. Errors stop writing; warnings
 * are reported with the result. The message table in issues.ts is keyed by
 * this union, so a code without a Chinese message fails to compile.
 */
export const ERROR_CODES = [
  'nameMissing',
  'nameNotRange',
  'nameMultiArea',
  'rangeTooSmall',
  'columnMissing',
  'columnDuplicate',
  'valueRequired',
  'notANumber',
  'badThousands',
  'errorValue',
  'formulaWithoutValue',
  'totalRowMissing',
  'budgetNotPositive',
  'weightNotPositive',
  'weightNegative',
  'targetUnparsable',
  'targetNeedsNumber',
  'targetNegative',
  'operatorConflict',
  'natureUnknown',
  'tierUnknown',
  'manualOutOfRange',
  'manualOutOfBand',
  'outputFormula',
  'noIndicators',
  'settingBadValue',
  'settingBandsOrder',
] as const;

export const WARNING_CODES = [
  'settingUnknown',
  'resultUnknownLabel',
  'executionWeightConflict',
  'breakdownMismatch',
  'executionAboveBudget',
  'projectSumMismatch',
  'percentLooksLikeRatio',
  'overachievement',
  'manualDiffers',
  'qualitativeConfirm',
  'weightsNot100',
  'negativeActual',
  'rateUndefined',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type IssueCode = ErrorCode | WarningCode;

export function isErrorCode(code: IssueCode): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
