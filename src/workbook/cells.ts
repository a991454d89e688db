import type { RangeAddress } from './address';

/**
 * One cell as every host hands it to the contract parser: the value Excel
 * shows the formula's cached result for formula cells), its number format and
 * whether it holds a formula. Hosts never interpret the value further.
 */
export interface CellInput {
  /** Number cells as JS numbers (they are IEEE doubles in every host), text as string, booleans, or null when empty. */
  value: string | number | boolean | null;
  /** The cell's number format code, e.g. `General`, `0.00%`, `#,##0.00`. */
  numberFormat: string;
  /** True when the cell holds a formula (its value is then the cached result). */
  formula: boolean;
  /** True when the cell shows an Excel error value such as #DIV/0! (value then holds its text). */
  error?: boolean;
}

export { CONTRACT_NAMES, READ_NAMES, type ContractName, type ReadName } from './vocabulary';
import type { SheetFactsBySheet } from './sheet-facts';
import type { ContractName, OptionalName, ReadName } from './vocabulary';

/** A defined name as a host found it. */
export type NameResolution =
  | { kind: 'range'; range: RangeAddress; cells: CellInput[][] }
  | { kind: 'missing' }
  /** The name refers to a constant, a formula or a #REF!; `formula` is its text. */
  | { kind: 'notRange'; formula: string }
  | { kind: 'multiArea'; formula: string }
  /** No workbook-scoped definition, but sheet-scoped ones on these sheets (their scope is the problem, not their reference). */
  | { kind: 'sheetScopedOnly'; sheets: string[] }
  /** Defined more than once at workbook scope (possible in a file, never in Excel): none is taken. */
  | { kind: 'duplicate'; formulas: string[] };

/**
 * The contract names of one evaluation: for each, what it resolves to. `cells`
 * is a full rows × cols grid (empty cells as `{ value: null, numberFormat: 'General', formula: false }`).
 */
export type WorkbookInput = Record<ContractName, NameResolution> & Partial<Record<OptionalName, NameResolution>>;

/** The contract names one sheet defines with its own (sheet) scope. */
export interface SheetNames {
  sheet: string;
  /** Hidden or very hidden in the workbook: such a sheet is no evaluation. */
  hidden: boolean;
  names: Partial<Record<ReadName, NameResolution>>;
}

/**
 * What a host read from a whole workbook: the workbook-scoped names (a name
 * the workbook lacks is `missing`, or `sheetScopedOnly` when sheets define it),
 * and, in the workbook's sheet order, every sheet that defines contract names
 * of its own. A host that cannot see sheet-scoped names (ExcelApi 1.1) gives
 * no sheets.
 */
export interface BookInput {
  workbook: WorkbookInput;
  sheets: SheetNames[];
  /** Merges and protection of the sheets holding contract ranges, where the host can tell (the file host). */
  facts?: SheetFactsBySheet;
  /** The workbook's other defined names (none of the contract's), where the host can tell: a missing name may be one of them misspelt. */
  otherNames?: readonly string[];
}

/** A workbook with the workbook-scoped names only (v1): one evaluation. */
export function singleBook(workbook: WorkbookInput): BookInput {
  return { workbook, sheets: [] };
}

export const EMPTY_CELL: CellInput = Object.freeze({ value: null, numberFormat: 'General', formula: false }) as CellInput;
