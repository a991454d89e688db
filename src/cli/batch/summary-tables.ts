import { decimalRound, decimalSum, decimalTimes } from '../../engine';
import {
  BATCH_TEXT, LEVEL_TEXT, PROBLEM_COLUMNS, REVIEW_COLUMNS, SHEET_NAMES, STATUS_TEXT, SUMMARY_COLUMNS, type SkipReason, SKIP_REASONS,
} from '../../messages/batch';
import type { FileReport } from './types';

/** A cell of a summary table: text, or a decimal with what it is (how the xlsx formats it, how the CSV writes it). */
export type TableValue = { kind: 'text'; text: string } | { kind: 'number'; text: string; format: 'rate' | 'score' | 'count' } | null;

export interface SummaryTable {
  name: string;
  columns: string[];
  /** The data rows (filtered, frozen under the header), then the rows under them (totals). */
  rows: TableValue[][];
  footer: TableValue[][];
}

const text = (t: string | null): TableValue => (t === null || t === '' ? null : { kind: 'text', text: t });
const rate = (t: string | null): TableValue => (t === null ? null : { kind: 'number', text: t, format: 'rate' });
const score = (t: string | null): TableValue => (t === null ? null : { kind: 'number', text: t, format: 'score' });
const count = (n: number): TableValue => ({ kind: 'number', text: String(n), format: 'count' });

/**
 * The three tables of the summary, the same for the xlsx and the CSV: 汇总
 * (one row per evaluation, then the totals and the grade distribution),
 * 问题清单 (every error, warning, 复核 finding, and every skipped file) and
 * 复核. Reports are taken in file order, whatever order the workers finished in.
 */
export function summaryTables(reports: readonly FileReport[], skipped: ReadonlyArray<{ file: string; reason: SkipReason }>): SummaryTable[] {
  const ordered = reports.slice().sort((a, b) => a.index - b.index);
  const rows = ordered.flatMap((r) => r.evaluations);
  const c = SUMMARY_COLUMNS;
  const summary: SummaryTable = {
    name: SHEET_NAMES.summary,
    columns: [c.file, c.unit, c.scope, c.executionRate, c.executionScore, c.indicatorTotal, c.total, c.grade, c.statedTotal, c.difference, c.warnings, c.errors, c.status],
    rows: rows.map((e) => [
      text(e.file), text(e.unit), text(e.scope), rate(e.executionRate), score(e.executionScore), score(e.indicatorTotal), score(e.total), text(e.grade),
      score(e.statedTotal), score(e.difference), count(e.warnings), count(e.errors), text(STATUS_TEXT[e.status]),
    ]),
    footer: [],
  };
  const totals = rows.filter((e) => e.total !== null).map((e) => e.total!);
  const average = totals.length === 0 ? null : decimalRound(decimalTimes(decimalSum(totals), '1', String(totals.length)), 2);
  summary.footer.push([]);
  summary.footer.push([
    text(BATCH_TEXT.totalsLabel), text(BATCH_TEXT.totalsFiles(ordered.length, rows.length)), null, null, null, null, null, null, null, null,
    count(rows.reduce((n, e) => n + e.warnings, 0)), count(rows.reduce((n, e) => n + e.errors, 0)), null,
  ]);
  summary.footer.push([text(BATCH_TEXT.averageLabel), null, null, null, null, null, score(average)]);
  summary.footer.push([]);
  summary.footer.push([text(BATCH_TEXT.gradeHeading)]);
  for (const [grade, n] of gradeCounts(rows.map((e) => e.grade))) summary.footer.push([text(grade), count(n)]);

  const p = PROBLEM_COLUMNS;
  const problems: SummaryTable = {
    name: SHEET_NAMES.problems,
    columns: [p.file, p.cell, p.level, p.text],
    rows: [
      ...ordered.flatMap((r) => r.problems.map((x) => [text(x.file), text(x.cell), text(LEVEL_TEXT[x.level]), text(x.text)])),
      ...skipped.map((s) => [text(s.file), null, text(LEVEL_TEXT.warning), text(BATCH_TEXT.skippedProblem(SKIP_REASONS[s.reason]))]),
    ],
    footer: [],
  };

  const v = REVIEW_COLUMNS;
  const review: SummaryTable = {
    name: SHEET_NAMES.review,
    columns: [v.file, v.unit, v.scope, v.cell, v.item, v.stated, v.computed, v.text],
    rows: ordered.flatMap((r) => r.review.map((x) => [text(x.file), text(x.unit), text(x.scope), text(x.cell), text(x.item), text(x.stated), text(x.computed), text(x.text)])),
    footer: [],
  };
  return [summary, problems, review];
}

/** How many evaluations got each grade, in the order the grades first appear (files sorted), then 未评分. */
function gradeCounts(grades: ReadonlyArray<string | null>): Array<[string, number]> {
  const counts = new Map<string, number>();
  let none = 0;
  for (const g of grades) {
    if (g === null) none++;
    else counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const out: Array<[string, number]> = [...counts.entries()];
  if (none > 0) out.push([BATCH_TEXT.notScored, none]);
  return out;
}
