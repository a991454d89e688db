import type { BookInput, ContractName, NameResolution, WorkbookInput } from './cells';
import type { Issue } from './issues';
import { CONTRACT_NAMES, NAME, REPORT_INFO_NAME } from './vocabulary';

/** One self-evaluation of a workbook: the department's (scope null, the workbook's names) or a sheet's. */
export interface EvaluationInput {
  /** The sheet whose own names make this evaluation; null for the workbook-scoped names. */
  scope: string | null;
  input: WorkbookInput;
}

const MISSING: NameResolution = { kind: 'missing' };

/**
 * Which evaluations a workbook holds (forms issue §1): every visible sheet
 * that defines its own 绩效指标 is one, with that sheet's own 预算执行,
 * 项目支出 and 评价结果 — never the workbook's, so a project never scores the
 * department's budget or writes into its block — and 评分规则 falling back
 * to the workbook's (Excel's sheet-first rule, applied to the settings
 * alone); a workbook-scoped 绩效指标 is one more. A workbook with neither is
 * one evaluation of the workbook's names, which then reports what is missing.
 */
export function evaluationsOf(book: BookInput): { evaluations: EvaluationInput[]; issues: Issue[] } {
  const evaluations: EvaluationInput[] = [];
  const issues: Issue[] = [];
  for (const sheet of book.sheets) {
    if (!sheet.names[NAME.indicators]) continue;
    if (sheet.hidden) {
      issues.push({ code: 'hiddenSheetSkipped', sheet: sheet.sheet });
      continue;
    }
    const own = (name: ContractName): NameResolution => sheet.names[name] ?? MISSING;
    evaluations.push({
      scope: sheet.sheet,
      input: {
        [NAME.budget]: own(NAME.budget),
        [NAME.projects]: own(NAME.projects),
        [NAME.indicators]: own(NAME.indicators),
        [NAME.settings]: sheet.names[NAME.settings] ?? book.workbook[NAME.settings],
        [NAME.results]: own(NAME.results),
        // 报告信息 (optional): the sheet's own, else the workbook's, like 评分规则.
        [REPORT_INFO_NAME]: sheet.names[REPORT_INFO_NAME] ?? book.workbook[REPORT_INFO_NAME],
      },
    });
  }
  const departmentKind = book.workbook[NAME.indicators].kind;
  const department = departmentKind !== 'missing' && departmentKind !== 'sheetScopedOnly';
  if (department || evaluations.length === 0) evaluations.unshift({ scope: null, input: book.workbook });

  // A sheet's own name that no evaluation uses (its sheet has no 绩效指标 of its own), unless the
  // department's evaluation already reports it as defined only on that sheet.
  for (const sheet of book.sheets) {
    if (sheet.names[NAME.indicators]) continue;
    for (const name of CONTRACT_NAMES) {
      if (!sheet.names[name]) continue;
      const reported = department && book.workbook[name].kind === 'sheetScopedOnly';
      if (!reported) issues.push({ code: 'nameUnused', name, scope: sheet.sheet });
    }
  }
  return { evaluations, issues };
}
