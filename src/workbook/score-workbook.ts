import { decimalEquals, evaluate } from '../engine';
import type { WorkbookInput } from './cells';
import { checkLocalRules } from './check-local-rules';
import { FormRows } from './form-rows';
import { IssueList } from './issue-list';
import { parseBudget } from './parse-budget';
import { parseIndicators } from './parse-indicators';
import { checkProjectSums, parseProjects } from './parse-projects';
import { parseResults } from './parse-results';
import { parseReportInfo } from './parse-report-info';
import { parseSettings } from './parse-settings';
import { planWrites } from './plan-writes';
import type { ScoreOutcome } from './report';
import { summarize } from './summarize';
import type { SheetFactsBySheet } from './sheet-facts';
import { NAME, REPORT_INFO_NAME } from './vocabulary';
import type { BudgetModel } from './parse-budget';
import type { Indicator } from './parse-indicators';
import type { ProjectRow } from './parse-projects';
import type { ReportInfo } from './parse-report-info';
import type { StatedEvaluation } from './report';

/**
 * The whole contract in one pure function: read every name, collect every
 * issue, score, and plan the writes. On any error the plan is empty and the
 * summary null — nothing may be written (writing policy 1).
 */
export function scoreWorkbook(input: WorkbookInput, facts?: SheetFactsBySheet): ScoreOutcome {
  const issues = new IssueList();
  const { settings, local, preset, explicit } = parseSettings(input[NAME.settings], issues);
  const budget = parseBudget(input[NAME.budget], issues);
  const projects = parseProjects(input[NAME.projects], issues);
  const form = new FormRows();
  const indicators = parseIndicators(input[NAME.indicators], settings.decimals, issues, form, local);
  const results = parseResults(input[NAME.results], issues, form.totalHasPlace);
  if (budget && projects) checkProjectSums(projects, budget, issues);
  // 报告信息 last, so that a v1 workbook's warnings keep their order (it adds none when absent).
  const info = parseReportInfo(input[REPORT_INFO_NAME], issues);

  if (issues.hasErrors || !budget || !projects || !indicators || !results) {
    return failed(issues);
  }
  // 分值 on the total row wins over 评分规则's 预算执行率分值 (contract §1).
  const executionWeight = budget.weight?.value ?? settings.executionWeight;
  if (budget.weight && explicit.executionWeight && !decimalEquals(executionWeight, settings.executionWeight)) {
    issues.add({ code: 'executionWeightConflict', cell: budget.weight.address, value: budget.weight.value, setting: settings.executionWeight });
  }
  const evaluation = evaluate(
    { budget: budget.total.budget.value, actual: budget.total.actual.value, weight: executionWeight },
    indicators,
    settings,
  );
  const summary = summarize({ budget, projects, evaluation, settings, executionWeight, preset }, issues);
  checkLocalRules({ budget, evaluation, local }, issues);
  if (issues.hasErrors) return failed(issues);
  const plan = planWrites({ results, summary, settings, issues, facts, form });
  if (issues.hasErrors) return failed(issues);
  return { summary: summary.report, stated: stated(info, budget, projects, indicators, settings.decimals), plan, warnings: issues.warnings, errors: [] };
}

function stated(info: ReportInfo, budget: BudgetModel, projects: ProjectRow[], indicators: Indicator[], decimals: number): StatedEvaluation {
  return {
    info,
    rows: budget.rows.map((r) => ({
      label: r.label,
      key: r.key,
      isTotal: r.isTotal,
      initial: r.initial?.value ?? null,
      budget: r.budget?.value ?? null,
      actual: r.actual?.value ?? null,
    })),
    projects: projects.map((p) => ({ source: p.source, benefit: p.benefit })),
    indicators: indicators.map((i) => i.stated),
    decimals,
  };
}

function failed(issues: IssueList): ScoreOutcome {
  return { summary: null, plan: { writes: [] }, warnings: issues.warnings, errors: issues.errors };
}
