import { percentText } from '../engine';
import { CLI_TEXT } from '../messages/cli';
import { issueText } from '../messages/issues';
import type { ScoreOutcome } from '../workbook/report';
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

/** The human view: a compact table of rates and scores, the total, then warnings and errors with cells. */
export function renderText(outcome: ScoreOutcome, file: string): string[] {
  const lines: string[] = [CLI_TEXT.heading(file)];
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
  }
  if (outcome.warnings.length > 0) {
    lines.push('', CLI_TEXT.warningsHeading(outcome.warnings.length));
    for (const w of outcome.warnings) lines.push('  - ' + issueText(w, 'cli'));
  }
  if (outcome.errors.length > 0) {
    lines.push('', CLI_TEXT.errorsHeading(outcome.errors.length));
    for (const e of outcome.errors) lines.push('  - ' + issueText(e, 'cli'));
  }
  return lines;
}
