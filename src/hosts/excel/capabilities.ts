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
}

export const EXCEL_API_1_1_ONLY: Capabilities = { protection: false, addNames: false, usedRangeValuesOnly: false };

/** Asks Office.context.requirements; outside Office (tests) everything beyond 1.1 is off. */
export function detectCapabilities(): Capabilities {
  const office = typeof Office === 'undefined' ? undefined : Office;
  const requirements = office && office.context && office.context.requirements;
  if (!requirements) return EXCEL_API_1_1_ONLY;
  const supports = (version: string) => requirements.isSetSupported('ExcelApi', version);
  return { protection: supports('1.2'), addNames: supports('1.4'), usedRangeValuesOnly: supports('1.2') };
}
