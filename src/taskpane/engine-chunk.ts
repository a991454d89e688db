/**
 * What 计算得分 needs beyond the pane itself — the scoring engine, the
 * contract parser and the Excel host's reader/writer — as one chunk that the
 * pane loads on first use (prefetched by browsers that support it), so the
 * pane's first load stays small.
 */
export { scoreInExcel } from '../hosts/excel/score-in-excel';
export { scoreBook } from '../workbook/score-book';

import { issueMessage } from '../messages/issues';
import type { Issue } from '../workbook/issues';

/** The pane's words for an issue (the message table travels with the engine, not in the first load). */
export const renderIssue = (issue: Issue) => issueMessage(issue, 'excel');
