import { decimalEquals, decimalSum } from '../engine';
import type { NameResolution } from './cells';
import { fieldOf, optionalNumber, type NumberCell } from './fields';
import { readHeaderTable, type TableCell } from './header-table';
import type { IssueList } from './issue-list';
import { cellText, displayText, normalizeHeader, rowLabelKey } from './normalize';
import { isBlank } from './numbers';
import type { BudgetModel } from './parse-budget';
import { describeRangeProblem } from './range-problems';
import { PROJECT_LABEL, TABLE_TOTAL_LABELS, type ProjectColumn, NAME } from './vocabulary';

export interface ProjectRow {
  name: string;
  budget?: NumberCell;
  actual?: NumberCell;
  rateCell?: TableCell;
  /** 资金性质 and 项目效益 (input only, for the 自评报告; '' when blank or absent). */
  source: string;
  benefit: string;
}

const field = (column: ProjectColumn) => fieldOf('projects', column);
const TOTAL_KEYS = new Set(TABLE_TOTAL_LABELS.map(normalizeHeader));

/** `项目支出` (optional): one 执行率 per project with both figures; total rows are skipped. */
export function parseProjects(resolution: NameResolution, issues: IssueList): ProjectRow[] | null {
  if (resolution.kind === 'missing') return [];
  if (resolution.kind !== 'range') {
    describeRangeProblem(NAME.projects, resolution, issues);
    return null;
  }
  const table = readHeaderTable(NAME.projects, 'projects', resolution.range, resolution.cells, issues);
  if (!table) return null;
  const projects: ProjectRow[] = [];
  let ok = true;
  for (const row of table.rows) {
    const inputs = [row.get('name'), row.get('budget'), row.get('actual')];
    if (inputs.every((tc) => isBlank(tc.cell))) continue;
    const name = cellText(row.get('name').cell.value);
    if (TOTAL_KEYS.has(normalizeHeader(name))) continue;
    const budget = optionalNumber(row.get('budget'), field('budget'), issues);
    const actual = optionalNumber(row.get('actual'), field('actual'), issues);
    const rate = row.get('rate');
    if (budget && actual && rate?.cell.formula) issues.add({ code: 'outputFormula', cell: rate.address, field: field('rate') });
    if (budget === null || actual === null) {
      ok = false;
      continue;
    }
    // A project with a figure missing has no rate (nothing is written for it) and keeps the sums from being checked.
    const text = (tc: TableCell | undefined) => (tc ? displayText(tc.cell.value) : '');
    projects.push({ name, budget, actual, rateCell: rate, source: text(row.get('source')), benefit: text(row.get('benefit')) });
  }
  return ok ? projects : null;
}

/** Warning when the projects do not add up to the 项目支出 row of 预算执行. */
export function checkProjectSums(projects: ProjectRow[], budget: BudgetModel, issues: IssueList): void {
  const row = budget.rows.find((r) => !r.isTotal && r.key === rowLabelKey(PROJECT_LABEL));
  if (!row || projects.length === 0) return;
  for (const m of ['budget', 'actual'] as const) {
    const total = row[m];
    const values = projects.map((p) => p[m]?.value);
    if (!total || values.some((v) => v === undefined)) continue;
    const sum = decimalSum(values as string[]);
    if (!decimalEquals(sum, total.value)) {
      issues.add({ code: 'projectSumMismatch', cell: total.address, measure: field(m), sum, total: total.value });
    }
  }
}
