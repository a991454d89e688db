import { CONTRACT_NAMES, type ContractName } from '../../workbook/cells';
import { proposeNames, type DetectSheet, type NameProposal } from '../../workbook/detect';
import { FileErrorAbort, type FileError, type XlsxResult } from './file-error';
import { loadWorkbook } from './load-workbook';
import { readSheetGrids } from './read-sheet-grids';
import { writeDefinedNames } from './write-defined-names';

function run<T>(work: () => T): XlsxResult<T> {
  try {
    return { ok: true, value: work() };
  } catch (e) {
    if (e instanceof FileErrorAbort) return { ok: false, error: e.fileError as FileError };
    throw e;
  }
}

/** What the detection found in a workbook file, with the sheets it read (forms issue §3). */
export interface FileProposal {
  sheets: DetectSheet[];
  proposal: NameProposal;
}

/** Finds the contract's tables in a workbook file by their headers and labels. */
export function proposeNamesForFile(bytes: Uint8Array): XlsxResult<FileProposal> {
  return run(() => {
    const sheets = readSheetGrids(loadWorkbook(bytes));
    return { sheets, proposal: proposeNames(sheets) };
  });
}

/**
 * `selfeval name`: the proposal, and the workbook with its names defined —
 * null when the proposal has a problem or the workbook has contract names
 * already (nothing is written then). Only
 * workbook.xml changes.
 */
export function nameWorkbookFile(bytes: Uint8Array): XlsxResult<FileProposal & { named: Uint8Array | null; alreadyNamed: ContractName[] }> {
  return run(() => {
    const wb = loadWorkbook(bytes);
    // A workbook that has contract names already is not named again (two definitions of one name would be a new error).
    const alreadyNamed = CONTRACT_NAMES.filter((n) => wb.structure.definedNames.some((d) => d.name === n));
    const sheets = readSheetGrids(wb);
    const proposal = proposeNames(sheets);
    const ready = alreadyNamed.length === 0 && proposal.problems.length === 0 && proposal.names.length > 0;
    return { sheets, proposal, named: ready ? writeDefinedNames(wb, proposal.names) : null, alreadyNamed };
  });
}
