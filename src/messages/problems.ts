/**
 * Problems that are not about the workbook's content — the file itself
 * (FileError, from the xlsx host), Excel (HostError, from the office.js host)
 * and the command line (UsageProblem) — as one typed union with one renderer.
 * The workbook's content has its own model (Issue, src/workbook/issues.ts).
 * Both are data until a host shows them; nothing user-facing is thrown.
 */
import type { UsageProblem } from './cli';
import { usageMessage } from './cli';
import { hostErrorMessage } from './excel-ui';
import { fileErrorText, type FileError, type FileErrorCode } from './file-errors';
import type { HostError, HostErrorCode } from './host-error-codes';

export type Problem = FileError | HostError | UsageProblem;

/** Compile-time check: the three families' codes never overlap, so `code` alone says which it is. */
type Overlap = Extract<FileErrorCode, HostErrorCode> | Extract<FileErrorCode, UsageProblem['code']> | Extract<HostErrorCode, UsageProblem['code']>;
const _disjoint: [Overlap] extends [never] ? true : never = true;
void _disjoint;

const FILE_LIST = [
  'notZip', 'encrypted', 'xls', 'corruptZip', 'unsupportedZip', 'notXlsx', 'noSheets', 'partMissing', 'xmlMalformed', 'xmlDoctype',
  'tooLarge', 'zipBomb', 'duplicateEntry', 'badDimension', 'cellPosition', 'formulaCell', 'sheetMissing', 'notWorksheet', 'invalidWrite',
  'rangeTooLarge',
] as const satisfies readonly FileErrorCode[];
const HOST_LIST = [
  'editMode', 'protectedSheet', 'itemNotFound', 'changed', 'mergedCells', 'undoStale', 'nothingToUndo', 'templateNamesExist', 'apiMissing', 'unknown',
] as const satisfies readonly HostErrorCode[];
/** Compile-time check: the lists name every code of their family. */
const _complete: [Exclude<FileErrorCode, (typeof FILE_LIST)[number]> | Exclude<HostErrorCode, (typeof HOST_LIST)[number]>] extends [never] ? true : never = true;
void _complete;
const FILE_CODES: ReadonlySet<string> = new Set(FILE_LIST);
const HOST_CODES: ReadonlySet<string> = new Set(HOST_LIST);

/** The Chinese text of any problem of a file, of Excel or of the command line. */
export function problemText(problem: Problem): string {
  if (FILE_CODES.has(problem.code)) return fileErrorText(problem as FileError);
  if (HOST_CODES.has(problem.code)) return hostErrorMessage(problem as HostError);
  return usageMessage(problem as UsageProblem);
}
