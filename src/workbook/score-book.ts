import { formatCell } from './address';
import type { BookInput } from './cells';
import { isProbably } from './did-you-mean';
import { evaluationsOf } from './evaluations';
import { isError, type Issue } from './issues';
import type { CellWrite, WritePlan } from './plan';
import type { ScoreOutcome } from './report';
import { scoreWorkbook } from './score-workbook';

/** One evaluation's outcome, with the scope it was read from (null: the workbook's names). */
export interface EvaluationOutcome extends ScoreOutcome {
  scope: string | null;
}

/**
 * The outcome of a whole workbook: every evaluation's own outcome, the issues
 * of the workbook as a whole, and one plan for all of it — empty when any
 * evaluation, or the workbook, has an error (writing policy 1: all are read,
 * validated and scored together).
 */
export interface BookOutcome {
  evaluations: EvaluationOutcome[];
  /** Issues of the workbook as a whole (not of one evaluation). */
  book: { errors: Issue[]; warnings: Issue[] };
  plan: WritePlan;
  /** Every error and every warning, the workbook's first, then each evaluation's. */
  errors: Issue[];
  warnings: Issue[];
}

/** Scores every evaluation of a workbook together. */
export function scoreBook(book: BookInput): BookOutcome {
  const { evaluations, issues } = evaluationsOf(book);
  const scored: EvaluationOutcome[] = evaluations.map(({ scope, input }) => {
    const outcome = scoreWorkbook(input, book.facts);
    return scope === null
      ? { scope, ...outcome, errors: outcome.errors.map(similarName(book.otherNames ?? [])) }
      : { scope, ...outcome, errors: outcome.errors.map(within(scope)), warnings: outcome.warnings.map(within(scope)) };
  });
  const bookErrors = issues.filter(isError);
  const bookWarnings = issues.filter((i) => !isError(i));
  const writes: CellWrite[] = [];
  const owner = new Map<string, EvaluationOutcome>();
  for (const evaluation of scored) {
    for (const write of evaluation.plan.writes) {
      const key = formatCell(write.address);
      const first = owner.get(key);
      if (first) bookErrors.push({ code: 'outputShared', cell: write.address, scopes: [first.scope, evaluation.scope] });
      else owner.set(key, evaluation);
      writes.push(write);
    }
  }
  // Loops, not flatMap: this runs in the IE11 webview of Office 2016 too.
  const errors = bookErrors.slice();
  const warnings = bookWarnings.slice();
  for (const e of scored) {
    errors.push(...e.errors);
    warnings.push(...e.warnings);
  }
  return {
    evaluations: scored,
    book: { errors: bookErrors, warnings: bookWarnings },
    plan: { writes: errors.length > 0 ? [] : writes },
    errors,
    warnings,
  };
}

/** A missing workbook name says which defined name of the workbook is probably it misspelt (名称“预算执行情况”…是否应为“预算执行”？). */
function similarName(otherNames: readonly string[]): (issue: Issue) => Issue {
  return (issue) => {
    if (issue.code !== 'nameMissing' || otherNames.length === 0) return issue;
    const similar = otherNames.find((n) => isProbably(n, issue.name));
    return similar === undefined ? issue : { ...issue, similar };
  };
}

/** A sheet evaluation's name-level issues say which sheet's name they mean. */
function within(scope: string): (issue: Issue) => Issue {
  return (issue) => ('name' in issue && !('scope' in issue && issue.scope) ? { ...issue, scope } : issue);
}
