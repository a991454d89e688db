import type { HostError, LookedUp } from '../../messages/host-error-codes';

export type { HostError, HostErrorCode } from '../../messages/host-error-codes';

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
export function toHostError(e: unknown, where: { sheets?: string[]; what?: LookedUp; range?: string } = {}): HostError {
  const err = (e || {}) as ExcelErrorLike;
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : String(e);
  if (code === EDIT_MODE) return { code: 'editMode' };
  if (code === ACCESS_DENIED) return { code: 'protectedSheet', sheets: where.sheets || [], certain: false };
  if (code === ITEM_NOT_FOUND) return { code: 'itemNotFound', what: where.what || null };
  if (/merge/i.test(message)) return { code: 'mergedCells', range: where.range || null, sheets: where.sheets || [] };
  return { code: 'unknown', excelCode: code, excelMessage: message };
}

/** True for the one error the pane offers 重试 for. */
export function isRetryable(error: HostError): boolean {
  return error.code === 'editMode';
}
