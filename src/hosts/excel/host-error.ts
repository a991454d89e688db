/**
 * Problems that come from Excel itself (not from the workbook's data), as
 * data. The pane and the ribbon command render them with
 * `hostErrorMessage` from src/messages/excel-ui.ts.
 */
export type HostError =
  /** The user is typing in a cell: Excel refuses every API call until they finish. */
  | { code: 'editMode' }
  /** Writing to a protected sheet. `sheets` are the protected (or possibly protected) sheets. */
  | { code: 'protectedSheet'; sheets: string[]; certain: boolean }
  /** A sheet or name the action needs is gone. */
  | { code: 'itemNotFound'; what: string }
  /** Names or target cells changed between reading and writing; nothing was kept. */
  | { code: 'changed'; name?: string; cell?: string; detail: 'nameMoved' | 'nameDeleted' | 'formula' }
  /** A write touched part of a merged area. */
  | { code: 'mergedCells'; range: string }
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

/** The shape of the errors office.js rejects `context.sync()` with (OfficeExtension.Error). */
interface ExcelErrorLike {
  code?: unknown;
  message?: unknown;
}

/** Excel.ErrorCodes values this host tells apart. */
const EDIT_MODE = 'InvalidOperationInCellEditMode';
const ACCESS_DENIED = 'AccessDenied';
const ITEM_NOT_FOUND = 'ItemNotFound';

/**
 * Turns an exception from `context.sync()` into a HostError. `sheets` are the
 * sheets the failing batch wrote to (named in the protection message) and
 * `what` describes what was being looked up (for ItemNotFound).
 */
export function toHostError(e: unknown, where: { sheets?: string[]; what?: string; range?: string } = {}): HostError {
  const err = (e || {}) as ExcelErrorLike;
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : String(e);
  if (code === EDIT_MODE) return { code: 'editMode' };
  if (code === ACCESS_DENIED) return { code: 'protectedSheet', sheets: where.sheets || [], certain: false };
  if (code === ITEM_NOT_FOUND) return { code: 'itemNotFound', what: where.what || '' };
  if (/merge/i.test(message)) return { code: 'mergedCells', range: where.range || (where.sheets || []).join('、') };
  return { code: 'unknown', excelCode: code, excelMessage: message };
}

/** True for the one error the pane offers 重试 for. */
export function isRetryable(error: HostError): boolean {
  return error.code === 'editMode';
}
