import { decimalCompare, decimalEquals, decimalSum } from '../engine';
import type { CellAddress } from './address';
import type { NameResolution } from './cells';
import { optionalNumber, requiredNumber, type NumberCell } from './fields';
import { readHeaderTable, type TableCell, type TableRow } from './header-table';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader } from './normalize';
import { isBlank } from './numbers';
import { describeRangeProblem } from './range-problems';
import { BREAKDOWNS, BUDGET_COLUMNS, BUDGET_TOTAL_LABELS, type BudgetColumn } from './vocabulary';

export interface BudgetRow {
  label: string;
  /** Normalized label, for finding 基本支出, 项目支出 … */
  key: string;
  isTotal: boolean;
  initial?: NumberCell;
  budget?: NumberCell;
  actual?: NumberCell;
  rateCell?: TableCell;
  scoreCell?: TableCell;
  adjustmentCell?: TableCell;
}

export interface BudgetModel {
  total: BudgetRow & { budget: NumberCell; actual: NumberCell };
  rows: BudgetRow[];
  /** The 分值 cell of the total row, when filled. */
  weight?: NumberCell;
}

const HEADERS = new Map<BudgetColumn, string>(BUDGET_COLUMNS.map((c) => [c.key, c.header]));
const field = (key: BudgetColumn): string => HEADERS.get(key)!;
const TOTAL_KEYS = new Set(BUDGET_TOTAL_LABELS.map(normalizeHeader));
const INPUTS: BudgetColumn[] = ['label', 'initial', 'budget', 'actual', 'weight'];

/** `预算执行` (required): the total row and its breakdown rows. */
export function parseBudget(resolution: NameResolution, issues: IssueList): BudgetModel | null {
  if (resolution.kind !== 'range') {
    describeRangeProblem('预算执行', resolution, issues);
    return null;
  }
  const table = readHeaderTable('预算执行', resolution.range, resolution.cells, BUDGET_COLUMNS, issues);
  if (!table) return null;

  const dataRows = table.rows.filter((row) => !INPUTS.every((k) => isBlankCell(row.get(k))));
  if (dataRows.length === 0) {
    issues.atName('totalRowMissing', '预算执行');
    return null;
  }
  const labelled = dataRows.findIndex((row) => TOTAL_KEYS.has(normalizeHeader(cellText(row.get('label')?.cell.value ?? null))));
  const totalIndex = labelled >= 0 ? labelled : 0;

  let ok = true;
  const rows: BudgetRow[] = dataRows.map((row, i) => {
    const parsed = readRow(row, i === totalIndex, issues);
    if (!parsed) ok = false;
    return parsed ?? { label: '', key: '', isTotal: i === totalIndex };
  });
  const total = rows[totalIndex];
  const totalRow = dataRows[totalIndex];
  const budget = total.budget ?? requiredNumber(undefined, field('budget'), issues, totalRow.get('budget')!.address);
  const actual = total.actual ?? requiredNumber(undefined, field('actual'), issues, totalRow.get('actual')!.address);
  if (!ok || !budget || !actual) return null;
  if (decimalCompare(budget.value, '0') <= 0) {
    issues.atCell('budgetNotPositive', budget.address, { text: budget.value });
    return null;
  }
  const weight = optionalNumber(totalRow.get('weight'), field('weight'), issues);
  if (weight === null) return null;
  if (weight && decimalCompare(weight.value, '0') < 0) {
    issues.atCell('weightNegative', weight.address, { text: weight.value });
    return null;
  }
  const model: BudgetModel = { total: { ...total, budget, actual }, rows, weight };
  crossCheck(model, issues);
  return model;
}

function isBlankCell(tc: TableCell | undefined): boolean {
  return !tc || isBlank(tc.cell);
}

function readRow(row: TableRow<BudgetColumn>, isTotal: boolean, issues: IssueList): BudgetRow | null {
  const label = cellText(row.get('label')?.cell.value ?? null);
  const initial = optionalNumber(row.get('initial'), field('initial'), issues);
  const budget = optionalNumber(row.get('budget'), field('budget'), issues);
  const actual = optionalNumber(row.get('actual'), field('actual'), issues);
  if (initial === null || budget === null || actual === null) return null;
  return {
    label,
    key: normalizeHeader(label),
    isTotal,
    initial,
    budget,
    actual,
    rateCell: row.get('rate'),
    scoreCell: row.get('score'),
    adjustmentCell: row.get('adjustment'),
  };
}

type Measure = 'initial' | 'budget' | 'actual';
const MEASURES: Measure[] = ['initial', 'budget', 'actual'];

/** Warnings only: breakdowns that do not add up, execution above budget. */
function crossCheck(model: BudgetModel, issues: IssueList): void {
  const byKey = new Map<string, BudgetRow>();
  for (const row of model.rows) if (!row.isTotal && !byKey.has(row.key)) byKey.set(row.key, row);
  for (const check of BREAKDOWNS) {
    const whole = check.whole === null ? model.total : byKey.get(normalizeHeader(check.whole));
    const parts = check.parts.map((p) => byKey.get(normalizeHeader(p)));
    if (!whole || parts.some((p) => !p)) continue;
    for (const m of MEASURES) {
      const total = whole[m];
      const values = parts.map((p) => p![m]);
      if (!total || values.some((v) => !v)) continue;
      const sum = decimalSum(values.map((v) => v!.value));
      if (!decimalEquals(sum, total.value)) {
        issues.atCell('breakdownMismatch', total.address, {
          measure: field(m),
          parts: check.parts.join(' + '),
          sum,
          whole: whole.label || (check.whole ?? '年度资金总额'),
          total: total.value,
        });
      }
    }
  }
  for (const row of model.rows) {
    if (row.budget && row.actual && decimalCompare(row.actual.value, row.budget.value) > 0) {
      issues.atCell('executionAboveBudget', row.actual.address, { actual: row.actual.value, budget: row.budget.value });
    }
  }
}

export function rowAddress(row: BudgetRow): CellAddress | undefined {
  return row.budget?.address ?? row.actual?.address;
}
