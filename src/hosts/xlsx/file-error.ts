import { fileErrorMessage, type FileErrorCode, type FileErrorParams } from '../../messages/file-errors';

export type { FileErrorCode } from '../../messages/file-errors';

/** A problem with the file itself, as data: a code, the Chinese message, and the package part when there is one. */
export interface FileError {
  code: FileErrorCode;
  message: string;
  part?: string;
}

export type XlsxResult<T> = { ok: true; value: T } | { ok: false; error: FileError };

export function fileError(code: FileErrorCode, params: FileErrorParams = {}): FileError {
  const error: FileError = { code, message: fileErrorMessage(code, params) };
  if (params.part !== undefined) error.part = params.part;
  return error;
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
