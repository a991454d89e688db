import type { RangeAddress } from './address';
import type { CellInput } from './cells';
import type { ContractName } from './vocabulary';

/**
 * One worksheet as a host hands it to the detection (forms issue §3): its
 * cells from A1 (row by row; missing cells are empty) and, where the host can
 * tell, its merged areas (null when it cannot: ExcelApi below 1.13).
 */
export interface DetectSheet {
  sheet: string;
  hidden: boolean;
  cells: CellInput[][];
  merges: RangeAddress[] | null;
}

/** A table found by its header row or its labels. */
export interface FoundTable {
  name: ContractName;
  range: RangeAddress;
  /** The indicator table ends with a 总分 row (its total has a place, so 评价结果 is optional). */
  grandTotal: boolean;
}

/** A name the proposal would define: `scope` null for the workbook's, else the sheet whose own name it is. */
export interface ProposedName {
  name: ContractName;
  scope: string | null;
  range: RangeAddress;
}

/**
 * What stops the proposal: each is listed, never guessed around.
 * - noIndicatorTable: no sheet holds a 绩效指标 table;
 * - severalTables: more than one table of a kind where one is needed
 *   (`scope`: on that sheet; null: in the whole workbook);
 * - tableMissing: an evaluation lacks a table it needs (预算执行; 评价结果 when the indicator table has no 总分 row);
 * - tableUnused: a table on a sheet no evaluation reads.
 */
export type DetectionProblem =
  | { code: 'noIndicatorTable' }
  | { code: 'severalTables'; name: ContractName; scope: string | null; ranges: RangeAddress[] }
  | { code: 'tableMissing'; name: ContractName; scope: string | null; sheet: string }
  | { code: 'tableUnused'; table: FoundTable };

/** The detection's answer: everything found, the names to define, and what stops it (names are only proposed when there is no problem). */
export interface NameProposal {
  found: FoundTable[];
  names: ProposedName[];
  problems: DetectionProblem[];
}
