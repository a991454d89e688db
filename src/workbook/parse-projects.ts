import { decimalEquals, decimalSum } from '../engine';
import type { NameResolution } from './cells';
import { optionalNumber, type NumberCell } from './fields';
import { readHeaderTable, type TableCell } from './header-table';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader } from './normalize';
import { isBlank } from './numbers';
import type { BudgetModel } from './parse-budget';
import { describeRangeProblem } from './range-problems';
import { PROJECT_COLUMNS, PROJECT_LABEL, TABLE_TOTAL_LABELS, type ProjectColumn } from './vocabulary';

export interface ProjectRow {
  name: string;
  budget?: NumberCell;
  actual?: NumberCell;
  rateCell?: TableCell;
}

const HEADERS = new Map<ProjectColumn, string>(PROJECT_COLUMNS.map((c) => [c.key, c.header]));
const field = (key: ProjectColumn): string => HEADERS.get(key)!;
const TOTAL_KEYS = new Set(TABLE_TOTAL_LABELS.map(normalizeHeader));

/** `项目支出` (optional): one 执行率 per project; total rows are skipped. */
export function parseProjects(resolution: NameResolution, issues: IssueList): ProjectRow[] | null {
  if (resolution.kind === 'missing') return [];
  if (resolution.kind !== 'range') {
    describeRangeProblem('项目支出', resolution, issues);
    return null;
  }
  const table = readHeaderTable('项目支出', resolution.range, resolution.cells, PROJECT_COLUMNS, issues);
  if (!table) return null;
  const projects: ProjectRow[] = [];
  let ok = true;
  for (const row of table.rows) {
    const inputs = (['name', 'budget', 'actual'] as const).map((k) => row.get(k));
    if (inputs.every((tc) => !tc || isBlank(tc.cell))) continue;
    const name = cellText(row.get('name')?.cell.value ?? null);
    if (TOTAL_KEYS.has(normalizeHeader(name))) continue;
    const budget = optionalNumber(row.get('budget'), field('budget'), issues);
    const actual = optionalNumber(row.get('actual'), field('actual'), issues);
    const rate = row.get('rate');
    const written = [row.get('budget'), row.get('actual')].every((tc) => tc && !isBlank(tc.cell));
    if (written && rate?.cell.formula) issues.atCell('outputFormula', rate.address, { field: field('rate') });
    if (budget === null || actual === null) {
      ok = false;
      continue;
    }
    projects.push({ name, budget, actual, rateCell: row.get('rate') });
  }
  return ok ? projects : null;
}

/** Warning when the projects do not add up to the 项目支出 row of 预算执行. */
export function checkProjectSums(projects: ProjectRow[], budget: BudgetModel, issues: IssueList): void {
  const row = budget.rows.find((r) => !r.isTotal && r.key === normalizeHeader(PROJECT_LABEL));
  if (!row || projects.length === 0) return;
  for (const m of ['budget', 'actual'] as const) {
    const total = row[m];
    if (!total || projects.some((p) => !p[m])) continue;
    const sum = decimalSum(projects.map((p) => p[m]!.value));
    if (!decimalEquals(sum, total.value)) {
      issues.atCell('projectSumMismatch', total.address, { measure: field(m), sum, total: total.value });
    }
  }
}
