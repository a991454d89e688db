/**
 * Problems that come from Excel itself (not from the workbook's data), as
 * data. The pane and the ribbon command render them with
 * `hostErrorMessage` from excel-ui.ts beside this file. It lives in
 * messages (like issue-codes.ts) so that the message table can be keyed by it
 * without messages importing from a host.
 */
export type HostError =
  /** The user is typing in a cell: Excel refuses every API call until they finish. */
  | { code: 'editMode' }
  /**
   * Writing to a protected sheet. With `certain`, `sheets` are exactly the protected sheets (known
   * before writing through Worksheet.protection, or, with `restored`, found when the write was
   * refused: the other sheets' writes were then put back); otherwise they are the sheets the refused
   * batch wrote to, some of which are protected.
   */
  | { code: 'protectedSheet'; sheets: string[]; certain: boolean; restored?: boolean }
  /** A sheet or name the action needs is gone. */
  | { code: 'itemNotFound'; what: LookedUp | null }
  /** Names or target cells changed between reading and writing (nameAdded: a contract name defined since 识别表格); nothing was kept. */
  | { code: 'changed'; name?: string; cell?: string; detail: 'nameMoved' | 'nameDeleted' | 'formula' | 'nameAdded' }
  /** A write touched part of a merged area. */
  | { code: 'mergedCells'; range: string | null; sheets: string[] }
  /** 撤销: the cells written by 计算得分 were edited since. */
  | { code: 'undoStale'; cell: string }
  /** 撤销 with nothing to undo. */
  | { code: 'nothingToUndo' }
  /** 插入模板 when some of the five names exist already. */
  | { code: 'templateNamesExist'; names: string[] }
  /** The Excel version lacks an API the action needs (e.g. names.add, ExcelApi 1.4). */
  | { code: 'apiMissing'; feature: string; requirement: string }
  /** Anything else Excel reported: its code and its (often English) message. */
  | { code: 'unknown'; excelCode: string; excelMessage: string };

export type HostErrorCode = HostError['code'];

/** What was being looked up when Excel answered ItemNotFound. */
export type LookedUp = { names: true } | { name: string } | { sheets: string[] };
