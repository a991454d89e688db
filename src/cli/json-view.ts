import { issueText } from '../messages/issues';
import { formatCell } from '../workbook/address';
import { issueCell } from '../workbook/issues';
import type { AdjustmentResult, Issue, ScoreOutcome } from '../workbook/report';
import type { BookOutcome } from '../workbook/score-book';

/** An issue as the contract's JSON shows it; a name-level issue has cell null (its message names the name). */
export interface JsonIssue {
  code: string;
  cell: string | null;
  message: string;
}

/** A local rule's change to a score (偏离扣分, 执行率总分上限): the figures before and after, and the step in words. */
export interface JsonAdjustment {
  rule: string;
  before: string;
  after: string;
  note: string;
}

/**
 * The contract's machine-readable result; decimals as strings exactly as
 * written. `preset` and the `adjustments` lists appear only when they say
 * something (a 规则方案 named, a score changed by a local rule), so that a v1
 * workbook prints exactly v1's JSON.
 */
export interface JsonResult {
  total: string | null;
  max: string | null;
  grade: string | null;
  preset?: string;
  adjustments?: JsonAdjustment[];
  execution: { budget: string; actual: string; rate: string; score: string; weight: string } | null;
  rows: Array<{ label: string; rate: string | null; adjustmentRate: string | null }>;
  indicators: Array<{
    cell: string;
    name: string;
    direction: string;
    rate: string | null;
    score: string;
    ruleScore: string;
    weight: string;
    note: string;
    adjustments?: JsonAdjustment[];
  }>;
  warnings: JsonIssue[];
  errors: JsonIssue[];
}

export function jsonIssue(issue: Issue): JsonIssue {
  const cell = issueCell(issue);
  return { code: issue.code, cell: cell ? formatCell(cell) : null, message: issueText(issue, 'cli') };
}

/** The adjustments as JSON, or nothing at all when there are none (the key is then absent). */
function adjustments(list: readonly AdjustmentResult[]): { adjustments?: JsonAdjustment[] } {
  return list.length === 0 ? {} : { adjustments: list.map((a) => ({ rule: a.rule, before: a.before, after: a.after, note: a.note })) };
}

export function toJson(outcome: ScoreOutcome): JsonResult {
  const s = outcome.summary;
  return {
    total: s?.total ?? null,
    max: s?.max ?? null,
    grade: s?.grade ?? null,
    ...(s && s.preset !== null ? { preset: s.preset } : {}),
    ...adjustments(s ? s.adjustments : []),
    execution: s ? { ...s.execution } : null,
    rows: s ? s.rows.map((r) => ({ ...r })) : [],
    indicators: s
      ? s.indicators.map((i) => ({
          cell: formatCell(i.address),
          name: i.name,
          direction: i.direction,
          rate: i.rate,
          score: i.score,
          ruleScore: i.ruleScore,
          weight: i.weight,
          note: i.note,
          ...adjustments(i.adjustments),
        }))
      : [],
    warnings: outcome.warnings.map(jsonIssue),
    errors: outcome.errors.map(jsonIssue),
  };
}

/** One evaluation of several, in the contract's JSON for a workbook with several evaluations. */
export interface JsonEvaluation extends JsonResult {
  /** The sheet whose own names make the evaluation; null for the workbook-scoped names (部门整体). */
  scope: string | null;
}

/** A workbook with several evaluations: one v1 object each, and the issues of the workbook as a whole. */
export interface JsonBook {
  evaluations: JsonEvaluation[];
  warnings: JsonIssue[];
  errors: JsonIssue[];
}

/**
 * The JSON of a workbook: exactly the v1 object when it holds one evaluation
 * (issues of the workbook as a whole join its lists), else one v1 object per
 * evaluation with its scope.
 */
export function bookJson(outcome: BookOutcome): JsonResult | JsonBook {
  if (outcome.evaluations.length === 1) {
    const only = outcome.evaluations[0];
    return toJson({ ...only, warnings: [...outcome.book.warnings, ...only.warnings], errors: [...outcome.book.errors, ...only.errors] });
  }
  return {
    evaluations: outcome.evaluations.map((e) => ({ scope: e.scope, ...toJson(e) })),
    warnings: outcome.book.warnings.map(jsonIssue),
    errors: outcome.book.errors.map(jsonIssue),
  };
}
// In its own module so that usage errors with --json need neither the engine nor the message table.
export { fileProblemJson } from './file-problem-json';
