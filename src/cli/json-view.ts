import { issueText } from '../messages/issues';
import { formatCell } from '../workbook/address';
import { issueCell } from '../workbook/issues';
import type { Issue, ScoreOutcome } from '../workbook/report';

/** An issue as the contract's JSON shows it; a name-level issue has cell null (its message names the name). */
export interface JsonIssue {
  code: string;
  cell: string | null;
  message: string;
}

/** The contract's machine-readable result; decimals as strings exactly as written. */
export interface JsonResult {
  total: string | null;
  max: string | null;
  grade: string | null;
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
  }>;
  warnings: JsonIssue[];
  errors: JsonIssue[];
}

export function jsonIssue(issue: Issue): JsonIssue {
  const cell = issueCell(issue);
  return { code: issue.code, cell: cell ? formatCell(cell) : null, message: issueText(issue, 'cli') };
}

export function toJson(outcome: ScoreOutcome): JsonResult {
  const s = outcome.summary;
  return {
    total: s?.total ?? null,
    max: s?.max ?? null,
    grade: s?.grade ?? null,
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
        }))
      : [],
    warnings: outcome.warnings.map(jsonIssue),
    errors: outcome.errors.map(jsonIssue),
  };
}

// In its own module so that usage errors with --json need neither the engine nor the message table.
export { fileProblemJson } from './file-problem-json';
