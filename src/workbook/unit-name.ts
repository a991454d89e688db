import type { BookInput } from './cells';
import { IssueList } from './issue-list';
import { parseReportInfo } from './parse-report-info';
import { REPORT_INFO_NAME } from './vocabulary';

/**
 * The 单位名称 a workbook states for itself — the 单位名称 row of its
 * workbook-scoped 报告信息 — or null when it states none (the batch summary
 * then names the unit by its file). Issues of 报告信息 are the scoring run's
 * business, reported there; here they are not collected twice.
 */
export function statedUnitName(book: BookInput): string | null {
  return parseReportInfo(book.workbook[REPORT_INFO_NAME], new IssueList()).unit;
}
