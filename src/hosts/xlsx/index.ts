/**
 * The .xlsx file host: reads the contract names' cells from a workbook file
 * and writes a plan back by editing the package itself (only the written
 * sheets, styles.xml when a new format is needed, and workbook.xml's
 * calcPr change; every other part is copied byte for byte). Runs in Node and
 * in the browser: bytes in, bytes out, no file system.
 */
import type { BookInput, CellInput, WorkbookInput } from '../../workbook/cells';
import type { ScoringHost } from '../../workbook/pipeline';
import type { WritePlan } from '../../workbook/plan';
import type { SheetFactsBySheet } from '../../workbook/sheet-facts';
import { applyPlan } from './apply-plan';
import { FileErrorAbort, type FileError, type XlsxResult } from './file-error';
import { loadWorkbook } from './load-workbook';
import { withOtherNames } from './other-names';
import { readSheetCells } from './read-sheet-cells';
import { resolveContractNames } from './resolve-contract-names';
import type { ZipOptions } from './zip-deflate';

export type { FileError, FileErrorCode, XlsxResult } from './file-error';
export { fflateDeflate, type Crc32, type Deflate, type Inflate, type ZipOptions } from './zip-deflate';

function run<T>(work: () => T): XlsxResult<T> {
  try {
    return { ok: true, value: work() };
  } catch (e) {
    if (e instanceof FileErrorAbort) return { ok: false, error: e.fileError as FileError };
    throw e;
  }
}

/** Reads the workbook and resolves the five contract names (工作簿约定 v1) with their cells. */
export function readWorkbookFile(bytes: Uint8Array): XlsxResult<WorkbookInput> {
  return run(() => resolveContractNames(loadWorkbook(bytes)).input);
}

/** A workbook opened once: its contract input, and a way to apply a plan to the same bytes. */
export interface OpenedWorkbookFile {
  /** The workbook-scoped names (one evaluation, as in v1). */
  input: WorkbookInput;
  /** Every evaluation's names: the workbook's and each sheet's own. */
  book: BookInput;
  /** Merges and protection of every sheet that holds a contract range, by sheet name (read in the same pass as the cells). */
  sheetFacts: SheetFactsBySheet;
  apply(plan: WritePlan): XlsxResult<Uint8Array>;
}

/**
 * Opens the file once for a read-score-write run (the CLI and the web page):
 * the package is unzipped and checked a single time.
 */
export function openWorkbookFile(bytes: Uint8Array, options: ZipOptions = {}): XlsxResult<OpenedWorkbookFile> {
  return run(() => {
    const wb = loadWorkbook(bytes, options);
    const { input, book, sheetFacts } = resolveContractNames(wb);
    return { input, book: withOtherNames(book, wb), sheetFacts, apply: (plan: WritePlan) => run(() => applyPlan(wb, plan)) };
  });
}

/** Applies a write plan; returns the new file's bytes. Nothing is written when any write fails. */
export function applyPlanToFile(bytes: Uint8Array, plan: WritePlan, options: ZipOptions = {}): XlsxResult<Uint8Array> {
  return run(() => applyPlan(loadWorkbook(bytes, options), plan));
}

/** Every cell of every worksheet, by sheet name and A1 address (for tests and diffing). */
export function readAllCells(bytes: Uint8Array): XlsxResult<Map<string, Map<string, CellInput>>> {
  return run(() => readSheetCells(loadWorkbook(bytes)));
}

/**
 * The file host for the pipeline (scoreThrough): reads the workbook once and
 * writes the plan into the same bytes, giving the new file's bytes.
 */
export function fileScoringHost(bytes: Uint8Array, options: ZipOptions = {}): ScoringHost<FileError, Uint8Array> {
  let opened: OpenedWorkbookFile | null = null;
  return {
    async read() {
      const result = openWorkbookFile(bytes, options);
      if (!result.ok) return { ok: false, problem: result.error };
      opened = result.value;
      return { ok: true, value: result.value.book };
    },
    async write(plan) {
      // The pipeline writes only after a successful read; the fallback opens the bytes again.
      const result = opened ? opened.apply(plan) : applyPlanToFile(bytes, plan, options);
      return result.ok ? { ok: true, value: result.value } : { ok: false, problem: result.error };
    },
  };
}

export { nameWorkbookFile, proposeNamesForFile, type FileProposal } from './name-workbook';
