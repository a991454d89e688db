import type { RangeAddress } from './address';

/**
 * What a host knows about a sheet that holds a contract range, beyond its
 * cells: facts that can make a write go wrong without an error (a write into
 * part of a merged area, a protected sheet), so that the workbook layer can
 * warn about them.
 */
export interface SheetFacts {
  /** The sheet's merged areas (`<mergeCell ref="A1:B2"/>`), in file order. */
  merges: RangeAddress[];
  /** True when the sheet is protected (`<sheetProtection sheet="1"/>`). */
  protected: boolean;
}

/** Sheet facts keyed by sheet name, as in CellAddress.sheet (a record without prototype). */
export type SheetFactsBySheet = Record<string, SheetFacts>;
