import type { JsonResult } from './json-view';

/** A file-level failure (exit 2): one error, no cell. */
export function fileProblemJson(code: string, message: string): JsonResult {
  return { total: null, max: null, grade: null, execution: null, rows: [], indicators: [], warnings: [], errors: [{ code, cell: null, message }] };
}
