import { percentText } from '../engine';
import { CLI_TEXT } from '../messages/cli';
import { issueText } from '../messages/issues';
import type { Issue, ScoreOutcome } from '../workbook/report';
import type { BookOutcome } from '../workbook/score-book';
import { BUDGET_TOTAL_LABELS } from '../workbook/vocabulary';
import { displayWidth } from './display-width';

export { displayWidth };

/** The execution row is the budget table's total row, named by the contract's canonical label. */
const TOTAL_LABEL = BUDGET_TOTAL_LABELS[0];

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Rows of cells as aligned columns; numeric columns (index in `rightAligned`) flush right. */
export function table(rows: string[][], rightAligned: number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) => '  ' + row.map((cell, i) => pad(cell, widths[i], rightAligned.includes(i))).join('  ').trimEnd());
}

/** `0.9316` → `93.16%`; a blank rate as a dash. */
export function percent(ratio: string | null): string {
  return ratio === null ? CLI_TEXT.blank : percentText(ratio);
}

/**
 * The human view of a workbook: for one evaluation exactly the v1 view; for
 * several, one block per evaluation under its name, the workbook's own
 * issues, then a one-line summary.
 */
export function renderBookText(outcome: BookOutcome, file: string): string[] {
  if (outcome.evaluations.length === 1) {
    const only = outcome.evaluations[0];
    return renderText({ ...only, warnings: [...outcome.book.warnings, ...only.warnings], errors: [...outcome.book.errors, ...only.errors] }, file);
  }
  const lines: string[] = [];
  for (const evaluation of outcome.evaluations) {
    if (lines.length > 0) lines.push('');
    lines.push(...renderText(evaluation, file, evaluation.scope));
  }
  lines.push(...issueLines(outcome.book.warnings, outcome.book.errors));
  const scored = outcome.evaluations.filter((e) => e.summary && e.errors.length === 0);
  lines.push('', CLI_TEXT.bookLine(outcome.evaluations.length, scored.map((e) => CLI_TEXT.evaluationScore(scopeLabel(e.scope), e.summary!.total, e.summary!.grade)), outcome.errors.length));
  return lines;
}

/** An evaluation's name: the sheet, or 部门整体 for the workbook's own names. */
export function scopeLabel(scope: string | null): string {
  return scope === null ? CLI_TEXT.department : scope;
}

function issueLines(warnings: Issue[], errors: Issue[]): string[] {
  const lines: string[] = [];
  if (warnings.length > 0) {
    lines.push('', CLI_TEXT.warningsHeading(warnings.length));
    for (const w of warnings) lines.push('  - ' + issueText(w, 'cli'));
  }
  if (errors.length > 0) {
    lines.push('', CLI_TEXT.errorsHeading(errors.length));
    for (const e of errors) lines.push('  - ' + issueText(e, 'cli'));
  }
  return lines;
}

/** The human view of one evaluation: a compact table of rates and scores, the total, then warnings and errors with cells. */
export function renderText(outcome: ScoreOutcome, file: string, scope?: string | null): string[] {
  const lines: string[] = [scope === undefined ? CLI_TEXT.heading(file) : CLI_TEXT.evaluationHeading(file, scopeLabel(scope))];
  const s = outcome.summary;
  if (s) {
    const c = CLI_TEXT.columns;
    lines.push('', CLI_TEXT.executionHeading);
    const rows: string[][] = [[c.label, c.budget, c.actual, c.rate, c.adjustment, c.score]];
    rows.push([TOTAL_LABEL, s.execution.budget, s.execution.actual, percent(s.execution.rate), percent(s.adjustmentRate), `${s.execution.score}/${s.execution.weight}`]);
    for (const r of s.rows) rows.push([r.label, '', '', percent(r.rate), percent(r.adjustmentRate), '']);
    lines.push(...table(rows, [1, 2, 3, 4, 5]));
    lines.push('', CLI_TEXT.indicatorsHeading);
    const ic = CLI_TEXT.indicatorColumns;
    const ind: string[][] = [[ic.index, ic.name, ic.rate, ic.score]];
    s.indicators.forEach((i, n) => ind.push([String(n + 1), i.name, percent(i.rate), `${i.score}/${i.weight}`]));
    const indLines = table(ind, [0, 2, 3]);
    lines.push(indLines[0]);
    s.indicators.forEach((i, n) => lines.push(indLines[n + 1], '      ' + i.note));
    lines.push('', CLI_TEXT.totalLine(s.total, s.max, s.grade));
    // Under a 规则方案 only: a v1 workbook prints exactly what it did.
    for (const a of s.adjustments) lines.push('  ' + a.note);
    if (s.preset !== null) lines.push(CLI_TEXT.presetLine(s.preset));
  }
  lines.push(...issueLines(outcome.warnings, outcome.errors));
  return lines;
}
