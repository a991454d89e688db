import { renderSelfReport, type ReportDocument } from '../../messages/self-report';
import type { BookOutcome, EvaluationOutcome } from '../../workbook/score-book';
import { buildSelfReport } from '../../workbook/self-report';

/**
 * The evaluation a workbook's report is about: the department's (the
 * workbook's own names) when there is one, else the first sheet's.
 */
export function reportedEvaluation(outcome: BookOutcome): EvaluationOutcome | null {
  if (outcome.errors.length > 0) return null;
  return outcome.evaluations.filter((e) => e.scope === null)[0] ?? outcome.evaluations[0] ?? null;
}

/** The report's text of a scored workbook, the same in every host; null when it had errors. */
export function selfReportOf(outcome: BookOutcome): ReportDocument | null {
  const evaluation = reportedEvaluation(outcome);
  const report = evaluation ? buildSelfReport(evaluation) : null;
  return report ? renderSelfReport(report) : null;
}
