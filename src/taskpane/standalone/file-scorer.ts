/**
 * What the standalone page needs from the xlsx chunk, as types only: the
 * chunk itself (xlsx-chunk.ts: the lossless xlsx host, the scoring engine and
 * the message table) is loaded with import() on first use, so neither the
 * Excel pane nor the standalone page's first load carries it.
 */
import type { FileError } from '../../messages/file-errors';
import type { ScoringHost, scoreThrough } from '../../workbook/pipeline';
import type { RenderIssue } from '../issue-views';
import type { ReportDocument } from '../../messages/self-report';
import type { BookOutcome } from '../../workbook/score-book';

/** A workbook without names as the page shows it (forms issue §3): what was found, and the same workbook with the proposed names. */
export interface NamelessWorkbook {
  /** The tables found, then the names proposed or what stops the proposal, one line each. */
  lines: string[];
  /** The workbook with the names defined (only workbook.xml changed); null when the proposal has a problem. */
  named: Uint8Array | null;
}

export interface FileScorer {
  /** The file host over the chosen file's bytes: reads once, writes the plan into the same bytes. */
  host(bytes: Uint8Array): ScoringHost<FileError, Uint8Array>;
  /** Scores through the host (the pipeline every host runs). */
  scoreThrough: typeof scoreThrough;
  /** The page's words for an issue and for a problem with the file. */
  renderIssue: RenderIssue;
  fileErrorText(error: FileError): string;
  /** For a workbook that defines none of the contract's names: its proposal; null when it has names (or cannot be read). */
  nameless(bytes: Uint8Array): NamelessWorkbook | null;
  /** The 自评报告 of a scored outcome (the CLI's and the pane's text); null when it has errors. */
  selfReport(outcome: BookOutcome): ReportDocument | null;
}

/** The .docx writer, a chunk of its own ('web-docx', the docx package) loaded only when 生成自评报告 is clicked. */
export interface ReportWriter {
  reportDocx(doc: ReportDocument): Promise<Uint8Array>;
}
