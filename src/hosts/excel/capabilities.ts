/// <reference types="office-js" />

/**
 * What the running Excel supports beyond ExcelApi 1.1, the manifest's
 * minimum. Everything else the host uses is ExcelApi 1.1.
 */
export interface Capabilities {
  /** Worksheet.protection (ExcelApi 1.2): check protection before writing and name the sheet. */
  protection: boolean;
  /** NamedItemCollection.add (ExcelApi 1.4): needed by 插入模板. */
  addNames: boolean;
  /**
   * Worksheet.getUsedRange(valuesOnly) (ExcelApi 1.2): a name over whole columns or rows is read
   * through the used range of cells with values, ignoring cells that only carry formatting.
   * Absent means no (ExcelApi 1.1: the used range includes formatted cells; the result is the same,
   * only the read may be larger).
   */
  usedRangeValuesOnly?: boolean;
  /**
   * Worksheet.names (ExcelApi 1.4): the sheets' own names are read with the workbook's, so that a
   * contract name defined only with a sheet scope is reported as such. Absent means no (ExcelApi 1.1:
   * workbook.names lists only workbook-scoped names, and such a name reads as missing).
   */
  sheetScopedNames?: boolean;
}

export const EXCEL_API_1_1_ONLY: Capabilities = { protection: false, addNames: false, usedRangeValuesOnly: false, sheetScopedNames: false };

/** Office.context.requirements, or what stands for it in tests. */
export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The running Office's requirements; undefined outside Office. */
function officeRequirements(): Requirements | undefined {
  const office = typeof Office === 'undefined' ? undefined : Office;
  return (office && office.context && office.context.requirements) || undefined;
}

/** Asks Office.context.requirements (or the given ones); outside Office (tests) everything beyond 1.1 is off. */
export function detectCapabilities(requirements: Requirements | undefined = officeRequirements()): Capabilities {
  if (!requirements) return EXCEL_API_1_1_ONLY;
  const supports = (version: string) => requirements.isSetSupported('ExcelApi', version);
  return { protection: supports('1.2'), addNames: supports('1.4'), usedRangeValuesOnly: supports('1.2'), sheetScopedNames: supports('1.4') };
}
