import type { Tier } from '../engine';
import type { CellAddress, RangeAddress } from './address';
import type { ContractName } from './cells';
import type { Operator } from './target';
import type { BudgetColumn, IndicatorColumn, ProjectColumn, SettingKey } from './vocabulary';

/**
 * Every problem the contract parser finds, as data (zod style): a code, where
 * it is — a structured cell address, or the defined name when there is no
 * single cell — and the typed fields its message needs. Nothing here is text
 * for a user: each host renders the message from these fields at its edge
 * (src/messages/issues.ts), in its own words.
 */

/** A column of a contract table, or a label of 评价结果 (the user's own text), named in a message. */
export type FieldRef =
  | { table: 'budget'; column: BudgetColumn }
  | { table: 'projects'; column: ProjectColumn }
  | { table: 'indicators'; column: IndicatorColumn }
  | { table: 'results'; label: string };

/** A figure as a message shows it: a ratio shown as a percentage, or an amount with its unit. */
export interface Quantity {
  value: string;
  percent: boolean;
  unit: string;
}

/** A score interval: [low, high] or [low, high). */
export interface Band {
  low: string;
  high: string;
  highInclusive: boolean;
}

/** A day as a message shows it: ISO, and whether the user wrote its year (else only 月日 is shown). */
export interface Day {
  iso: string;
  yearShown: boolean;
}

type At = { cell: CellAddress };
/** An issue about a defined name; `scope` is the sheet of a sheet evaluation's own name (absent: workbook scope). */
type OnName = { name: ContractName; scope?: string };

/** Where a grade list came from: the 等级 row, or the preset a 规则方案 row names. */
export type GradesSource = { kind: 'setting'; cell: CellAddress } | { kind: 'preset'; preset: string; cell: CellAddress };

/** What a 偏差原因 is asked for: the 预算执行率 of the total row (a ratio below `threshold`), or an indicator short of its target. */
export type ReasonSubject = { kind: 'execution'; rate: string; threshold: string } | { kind: 'indicator'; name: string };

/**
 * 偏差原因必填: `column` false when the table has no 偏差原因 column (the
 * cell is then the row's figure: 全年执行数, or the indicator's name).
 */
type ReasonMissing = { subject: ReasonSubject; column: boolean } & At;
/** 偏差原因字数上限: `count` 字 (see text-limits.ts) over `limit`. */
type ReasonTooLong = { subject: ReasonSubject; count: number; limit: number } & At;

export type Issue =
  // Names and ranges
  /** `similar`: a defined name of the workbook that is probably this one misspelt (预算执行情况 for 预算执行); never used in its place. */
  | ({ code: 'nameMissing'; similar?: string } & OnName)
  | ({ code: 'nameNotRange'; formula: string } & OnName)
  | ({ code: 'nameMultiArea'; formula: string } & OnName)
  | ({ code: 'nameSheetScoped'; sheets: string[] } & OnName)
  | ({ code: 'nameDuplicate'; formulas: string[] } & OnName)
  | ({ code: 'rangeTooSmall'; range: RangeAddress; need: 'headerRow' | 'labelValue' } & OnName)
  // Header tables: `headerRow` is the 0-based sheet row taken as the header row
  /** `similar`: a header cell of the row that is probably this column misspelt (实际完成 for 实际完成值). */
  | ({ code: 'columnMissing'; field: FieldRef; aliases: readonly string[]; headerRow: number; similar?: { cell: CellAddress; text: string } } & OnName)
  | ({ code: 'headerRowElsewhere'; headerRow: number; foundRow: number; firstRowText: string } & OnName)
  | ({ code: 'columnDuplicate'; text: string; field: FieldRef; other: CellAddress } & At)
  // Cell values
  | ({ code: 'valueRequired'; field: FieldRef } & At)
  | ({ code: 'notANumber'; field: FieldRef; text: string } & At)
  | ({ code: 'badThousands'; field: FieldRef; text: string } & At)
  | ({ code: 'errorValue'; field: FieldRef; text: string } & At)
  | ({ code: 'formulaWithoutValue'; field: FieldRef } & At)
  | ({ code: 'outputFormula'; field: FieldRef } & At)
  // 预算执行
  | ({ code: 'totalRowMissing' } & OnName)
  | ({ code: 'budgetNotPositive'; value: string } & At)
  | ({ code: 'weightNegative'; value: string } & At)
  // 绩效指标
  | ({ code: 'noIndicators' } & OnName)
  | ({ code: 'weightNotPositive'; value: string } & At)
  | ({ code: 'targetUnparsable'; text: string } & At)
  | ({ code: 'targetNeedsNumber'; text: string; nature: Operator } & At)
  | ({ code: 'targetNegative'; text: string } & At)
  | ({ code: 'operatorConflict'; text: string; nature: Operator } & At)
  | ({ code: 'natureUnknown'; text: string } & At)
  | ({ code: 'tierUnknown'; text: string } & At)
  /** `rounded`: the value after rounding to 小数位数 when that differs from what was typed. */
  | ({ code: 'manualOutOfRange'; value: string; rounded: string | null; high: string } & At)
  | ({ code: 'manualOutOfBand'; value: string; rounded: string | null; tier: Tier; band: Band } & At)
  // 评分规则
  | ({ code: 'settingBadValue'; setting: SettingKey; label: string; text: string } & At)
  /** The grades' bounds, best first, as they would apply: not strictly descending. */
  | ({ code: 'settingBandsOrder'; bands: ReadonlyArray<{ name: string; min: string }> } & At)
  | ({ code: 'settingUnknownPreset'; text: string; known: readonly string[]; suggestion: string | null } & At)
  /** A v1 key (优 / 良 / 中) names a grade the grade list does not have (`grades`: every name, the lowest last). */
  | ({ code: 'settingGradeUnknown'; label: string; grades: readonly string[]; source: GradesSource } & At)
  /** A v1 key and the 等级 row both give a bound for the same grade, and they differ. */
  | ({ code: 'settingGradeConflict'; label: string; value: string; bound: string; gradesCell: CellAddress } & At)
  /** A deadline target (`2024年12月底前`) whose actual is neither a date nor 按时完成. */
  | ({ code: 'deadlineActualUnparsable'; text: string; target: string; number: boolean } & At)
  /** 时效逾期记分 = 人工 and the deadline was missed: a 人工得分 is needed. */
  | ({ code: 'overdueNeedsManual'; deadline: Day; actual: Day } & At)
  /** A date cell (or date text) where a number is needed: a date is never read as a number. */
  | ({ code: 'dateNotNumber'; field: FieldRef; text: string } & At)
  | ({ code: 'reasonMissing' } & ReasonMissing)
  | ({ code: 'reasonTooLong' } & ReasonTooLong)
  // Warnings
  | ({ code: 'settingUnknown'; text: string } & At)
  /** A 报告信息 label the report vocabulary does not know (read past, like 评分规则's). */
  | ({ code: 'reportLabelUnknown'; text: string } & At)
  /** 评价类型 is neither 部门整体支出 nor 项目支出: the report follows the department's outline. */
  | ({ code: 'reportKindUnknown'; text: string } & At)
  | ({ code: 'resultUnknownLabel'; text: string } & At)
  | ({ code: 'resultsNoLabel' } & OnName)
  | ({ code: 'executionWeightConflict'; value: string; setting: string } & At)
  | ({ code: 'breakdownMismatch'; measure: FieldRef; parts: readonly string[]; sum: string; whole: string; total: string } & At)
  | ({ code: 'executionAboveBudget'; actual: string; budget: string } & At)
  | ({ code: 'projectSumMismatch'; measure: FieldRef; sum: string; total: string } & At)
  /** A plain number under a percentage target, read as points: `value` 0.99 → 0.99%, or meant as `ratioPercent` 99%. */
  | ({ code: 'percentLooksLikeRatio'; value: string; ratioPercent: string } & At)
  /** `threshold` is 偏离度预警阈值 as a ratio; `penalty` the points 偏离扣分 took off (absent under v1 rules). */
  | ({ code: 'overachievement'; actual: Quantity; target: Quantity; threshold: string; weight: string; penalty?: string } & At)
  | ({ code: 'manualDiffers'; manual: string; rule: string } & At)
  | ({ code: 'qualitativeConfirm'; tier: Tier; score: string; band: Band } & At)
  | ({ code: 'weightsNot100'; max: string } & OnName)
  | ({ code: 'negativeActual'; field: FieldRef; value: Quantity } & At)
  | ({ code: 'rateUndefined'; field: FieldRef; rate: FieldRef } & At)
  /** An output cell inside a merged range whose top-left is another cell: the value would not show. */
  | ({ code: 'outputUnderMerge'; merge: RangeAddress } & At)
  /** An output cell on a protected sheet (Excel would refuse the same edit). */
  | ({ code: 'outputSheetProtected' } & At)
  /** 执行率总分上限 lowered the total; the cell is the total row's 全年执行数. */
  | ({ code: 'totalCapped'; rate: string; below: string; cap: string; before: string; after: string } & At)
  /** 一级指标分值: the block's Σ 分值 differs; the cell is its first 分值 cell, `weights` every one of them. */
  | ({ code: 'blockWeightMismatch'; block: string; sum: string; expected: string; weights: readonly CellAddress[] } & At)
  /** 一级指标分值 names a block no indicator belongs to. */
  | ({ code: 'blockMissing'; block: string; expected: string } & OnName)
  /**
   * A result cell of the form (the 总分 row's 得分, a 小计 row's 得分, the 自评等级 cell) holds the
   * user's formula, left alone, whose cached result differs from ours: `block` names the 小计's 一级指标.
   */
  | ({ code: 'formFormulaDiffers'; place: 'total' | 'subtotal' | 'grade'; block: string; cached: string; ours: string } & At)
  | ({ code: 'reasonMissingWarning' } & ReasonMissing)
  | ({ code: 'reasonTooLongWarning' } & ReasonTooLong)
  // The workbook as a whole (several evaluations)
  /** Two evaluations would write the same cell: `scopes` are theirs (null: the workbook's). */
  | ({ code: 'outputShared'; scopes: Array<string | null> } & At)
  /** A hidden sheet defines its own 绩效指标: it is no evaluation. */
  | { code: 'hiddenSheetSkipped'; sheet: string }
  /** A sheet defines a contract name of its own but no 绩效指标 of its own: the name belongs to no evaluation. */
  | ({ code: 'nameUnused' } & { name: ContractName; scope: string });

export type IssueCode = Issue['code'];
export type IssueWithCode<C extends IssueCode> = Extract<Issue, { code: C }>;

/** Errors stop writing; every other code is a warning, reported with the result. */
export const ERROR_CODES = [
  'nameMissing',
  'nameNotRange',
  'nameMultiArea',
  'nameSheetScoped',
  'nameDuplicate',
  'rangeTooSmall',
  'columnMissing',
  'headerRowElsewhere',
  'columnDuplicate',
  'valueRequired',
  'notANumber',
  'badThousands',
  'errorValue',
  'formulaWithoutValue',
  'outputFormula',
  'totalRowMissing',
  'budgetNotPositive',
  'weightNegative',
  'noIndicators',
  'weightNotPositive',
  'targetUnparsable',
  'targetNeedsNumber',
  'targetNegative',
  'operatorConflict',
  'natureUnknown',
  'tierUnknown',
  'deadlineActualUnparsable',
  'overdueNeedsManual',
  'dateNotNumber',
  'manualOutOfRange',
  'manualOutOfBand',
  'settingBadValue',
  'settingBandsOrder',
  'outputShared',
  'settingUnknownPreset',
  'settingGradeUnknown',
  'settingGradeConflict',
  'reasonMissing',
  'reasonTooLong',
] as const satisfies readonly IssueCode[];

export const WARNING_CODES = [
  'settingUnknown',
  'reportLabelUnknown',
  'reportKindUnknown',
  'resultUnknownLabel',
  'resultsNoLabel',
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
  'outputUnderMerge',
  'outputSheetProtected',
  'hiddenSheetSkipped',
  'nameUnused',
  'totalCapped',
  'blockWeightMismatch',
  'blockMissing',
  'reasonMissingWarning',
  'reasonTooLongWarning',
  'formFormulaDiffers',
] as const satisfies readonly IssueCode[];

/** Codes about the workbook as a whole (several evaluations), raised by scoreBook, never by one evaluation. */
export const BOOK_CODES = ['outputShared', 'hiddenSheetSkipped', 'nameUnused'] as const satisfies readonly IssueCode[];

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];

/** Compile-time check: every code is listed as an error or a warning, none as both. */
type Unlisted = Exclude<IssueCode, ErrorCode | WarningCode>;
type Both = Extract<ErrorCode, WarningCode>;
const _everyCodeListed: [Unlisted, Both] extends [never, never] ? true : never = true;
void _everyCodeListed;

const ERRORS: ReadonlySet<string> = new Set(ERROR_CODES);

export function isError(issue: Issue): boolean {
  return ERRORS.has(issue.code);
}

/** Where an issue is, for sorting and display: its cell, or null for a name-level issue. */
export function issueCell(issue: Issue): CellAddress | null {
  return 'cell' in issue ? issue.cell : null;
}
