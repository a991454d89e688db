import type { FileError, FileErrorCode, FileErrorParams } from '../../messages/file-errors';

export type { FileError, FileErrorCode } from '../../messages/file-errors';

export type XlsxResult<T> = { ok: true; value: T } | { ok: false; error: FileError };

export function fileError(code: FileErrorCode, params: FileErrorParams = {}): FileError {
  return { ...params, code };
}

export function ok<T>(value: T): XlsxResult<T> {
  return { ok: true, value };
}

export function fail<T>(error: FileError): XlsxResult<T> {
  return { ok: false, error };
}

/**
 * Thrown inside the host to unwind from deep inside a parser callback; caught
 * at every public entry point and turned into an `{ ok: false }` result.
 */
export class FileErrorAbort extends Error {
  constructor(readonly fileError: FileError) {
    super(fileError.code);
    this.name = 'FileErrorAbort';
  }
}

/** Throws a FileErrorAbort; for use where a result cannot be returned. */
export function abort(code: FileErrorCode, params: FileErrorParams = {}): never {
  throw new FileErrorAbort(fileError(code, params));
}
