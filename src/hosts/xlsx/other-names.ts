import { CONTRACT_NAMES, type BookInput } from '../../workbook/cells';
import type { LoadedWorkbook } from './load-workbook';

/** Excel's own names (_xlnm.Print_Area …) are never a contract name misspelt. */
const BUILT_IN = /^_xlnm\./i;

/** The book with the workbook's other defined names, for the did-you-mean of a missing name. */
export function withOtherNames(book: BookInput, wb: LoadedWorkbook): BookInput {
  const contract: readonly string[] = CONTRACT_NAMES;
  const otherNames: string[] = [];
  for (const d of wb.structure.definedNames) {
    if (contract.indexOf(d.name) < 0 && !BUILT_IN.test(d.name) && otherNames.indexOf(d.name) < 0) otherNames.push(d.name);
  }
  return otherNames.length > 0 ? { ...book, otherNames } : book;
}
