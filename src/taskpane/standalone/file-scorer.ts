/**
 * What the standalone page needs from the xlsx chunk, as types only: the
 * chunk itself (xlsx-chunk.ts: the lossless xlsx host and the scoring
 * engine) is loaded with import() on first use, so neither the Excel pane
 * nor the standalone page's first load carries it.
 */
import type { XlsxResult } from '../../hosts/xlsx/file-error';
import type { WorkbookInput } from '../../workbook/cells';
import type { WritePlan } from '../../workbook/plan';
import type { ScoreOutcome } from '../../workbook/report';

export interface FileScorer {
  /** Reads the cells of the workbook's five names, or says what is wrong with the file. */
  read(bytes: Uint8Array): XlsxResult<WorkbookInput>;
  /** Scores them (pure): the outcome lists workbook errors, if any, with their cells. */
  score(input: WorkbookInput): ScoreOutcome;
  /** Applies the plan to the same bytes: the scored workbook, or why it could not be written. */
  write(bytes: Uint8Array, plan: WritePlan): XlsxResult<Uint8Array>;
}
