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
}

export const EXCEL_API_1_1_ONLY: Capabilities = { protection: false, addNames: false };

/** Asks Office.context.requirements; outside Office (tests) everything beyond 1.1 is off. */
export function detectCapabilities(): Capabilities {
  const office = typeof Office === 'undefined' ? undefined : Office;
  const requirements = office && office.context && office.context.requirements;
  if (!requirements) return EXCEL_API_1_1_ONLY;
  const supports = (version: string) => requirements.isSetSupported('ExcelApi', version);
  return { protection: supports('1.2'), addNames: supports('1.4') };
}
