/// <reference types="office-js" />
/**
 * What 计算得分 needs beyond the pane itself — the scoring engine, the
 * contract parser and the Excel host's reader/writer — as one chunk that the
 * pane loads on first use (prefetched by browsers that support it), so the
 * pane's first load stays small.
 */
export { scoreInExcel } from '../hosts/excel/score-in-excel';
export { scoreProposal } from '../hosts/excel/score-proposal';
export { viewProposal } from './proposal-view';
export { scoreBook } from '../workbook/score-book';

import type { Capabilities } from '../hosts/excel/capabilities';
import { excelScoringHost } from '../hosts/excel/score-in-excel';
import { writeReportSheet } from '../hosts/excel/write-report';
import { selfReportOf } from '../hosts/report/self-report';
import { issueMessage } from '../messages/issues';
import type { Issue } from '../workbook/issues';
import { scoreThrough, type Scorer } from '../workbook/pipeline';
import type { ReportResult } from './pane-state';

/**
 * 生成自评报告 inside one Excel.run: read and score the open workbook as
 * 计算得分 does but write none of its cells, then, when it has no errors,
 * write the report (the same text as the CLI's and the page's) into a new sheet.
 */
export async function reportInExcel(context: Excel.RequestContext, caps: Capabilities, score: Scorer): Promise<ReportResult> {
  const result = await scoreThrough(excelScoringHost(context, caps), { write: false, score });
  if (result.kind === 'unreadable') return { outcome: null, hostError: result.problem, sheet: null };
  const doc = selfReportOf(result.outcome);
  if (!doc) return { outcome: result.outcome, hostError: null, sheet: null };
  const written = await writeReportSheet(context, doc);
  return written.ok ? { outcome: result.outcome, hostError: null, sheet: written.sheet, doc } : { outcome: result.outcome, hostError: written.error, sheet: null };
}

/** The pane's words for an issue (the message table travels with the engine, not in the first load). */
export const renderIssue = (issue: Issue) => issueMessage(issue, 'excel');
