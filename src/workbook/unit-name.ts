import type { BookInput } from './cells';

/**
 * The 单位名称 a workbook states for itself, or null when it states none (the
 * batch summary then names the unit by its file). The hook for the 报告信息
 * name (its 单位名称 row), which another change adds to the contract: read it
 * here, and every host that names a unit follows.
 */
export function statedUnitName(_book: BookInput): string | null {
  return null;
}
