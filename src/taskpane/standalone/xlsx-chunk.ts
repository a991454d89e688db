/**
 * The standalone page's heavy part, one chunk loaded on first use: the
 * lossless xlsx host and the scoring engine. Modern browsers only (it needs
 * TextDecoder and its XML parser is ES2015); never loaded inside Office.
 * Imported as 'selfeval/xlsx-chunk' (webpack alias; tsconfig paths) so that
 * the ES5 type check of the Excel pane (tsconfig.web.json) sees only its
 * declaration, xlsx-chunk-types.ts.
 */
import { selfReportOf } from '../../hosts/report/self-report';
import { fileScoringHost, nameWorkbookFile } from '../../hosts/xlsx';
import { detectionLines } from '../../messages/detect';
import { fileErrorText } from '../../messages/file-errors';
import { issueMessage } from '../../messages/issues';
import { scoreThrough } from '../../workbook/pipeline';
import type { FileScorer } from './file-scorer';

export const fileScorer: FileScorer = {
  host: fileScoringHost,
  scoreThrough,
  renderIssue: (issue) => issueMessage(issue, 'web'),
  fileErrorText,
  selfReport: selfReportOf,
  nameless(bytes) {
    const result = nameWorkbookFile(bytes);
    if (!result.ok || result.value.alreadyNamed.length > 0) return null;
    const { proposal, named } = result.value;
    // A list on the page: the CLI's indentation is not needed.
    return { lines: detectionLines(proposal.found, proposal.names, proposal.problems).map((line) => line.trim()), named };
  },
};
