import { decimalCompare, decimalEquals, decimalSum } from '../engine';
import type { NameResolution } from './cells';
import { fieldOf, optionalNumber, type NumberCell } from './fields';
import { readHeaderTable, type RowOf, type TableCell } from './header-table';
import type { IssueList } from './issue-list';
import { cellText, displayText, rowLabelKey } from './normalize';
import { isBlank } from './numbers';
import { describeRangeProblem } from './range-problems';
import { BREAKDOWNS, BUDGET_TOTAL_LABEL, BUDGET_TOTAL_LABELS, type BudgetColumn, NAME } from './vocabulary';

export interface BudgetRow {
  /** The label as written (`其中：当年财政拨款`), for display. */
  label: string;
  /** The label as matched (`当年财政拨款`): see rowLabelKey. */
  key: string;
  isTotal: boolean;
  initial?: NumberCell;
  budget?: NumberCell;
  actual?: NumberCell;
  rateCell?: TableCell;
  scoreCell?: TableCell;
  adjustmentCell?: TableCell;
  /** 偏差原因 (input only): checked when 偏差原因必填 asks for it. */
  reasonCell?: TableCell;
}

export interface BudgetModel {
  total: BudgetRow & { budget: NumberCell; actual: NumberCell };
  rows: BudgetRow[];
  /** The 分值 cell of the total row, when filled. */
  weight?: NumberCell;
}

type BudgetRowCells = RowOf<'budget'>;

const field = (column: BudgetColumn) => fieldOf('budget', column);
const TOTAL_KEYS = new Set(BUDGET_TOTAL_LABELS.map(rowLabelKey));
const INPUTS: BudgetColumn[] = ['label', 'initial', 'budget', 'actual', 'weight'];

/** `预算执行` (required): the total row and its breakdown rows. */
export function parseBudget(resolution: NameResolution, issues: IssueList): BudgetModel | null {
  if (resolution.kind !== 'range') {
    describeRangeProblem(NAME.budget, resolution, issues);
    return null;
  }
  const table = readHeaderTable(NAME.budget, 'budget', resolution.range, resolution.cells, issues);
  if (!table) return null;

  const dataRows = table.rows.filter((row) => !INPUTS.every((k) => isBlankCell(row.get(k))));
  if (dataRows.length === 0) {
    issues.add({ code: 'totalRowMissing', name: NAME.budget });
    return null;
  }
  const labelled = dataRows.findIndex((row) => TOTAL_KEYS.has(rowLabelKey(cellText(row.get('label').cell.value))));
  const totalIndex = labelled >= 0 ? labelled : 0;

  // Every row and every cell is read before anything is decided, so that all problems are reported.
  const before = issues.errorCount;
  const rows: BudgetRow[] = dataRows.map((row, i) => readRow(row, i === totalIndex, issues));
  const total = rows[totalIndex];
  const totalRow = dataRows[totalIndex];
  const budget = requiredOn(total.budget, totalRow.get('budget'), 'budget', issues);
  const actual = requiredOn(total.actual, totalRow.get('actual'), 'actual', issues);
  if (budget && decimalCompare(budget.value, '0') <= 0) issues.add({ code: 'budgetNotPositive', cell: budget.address, value: budget.value });
  const weight = optionalNumber(totalRow.get('weight'), field('weight'), issues);
  if (weight && decimalCompare(weight.value, '0') < 0) issues.add({ code: 'weightNegative', cell: weight.address, value: weight.value });
  if (issues.errorCount > before || !budget || !actual || weight === null) return null;
  const model: BudgetModel = { total: { ...total, budget, actual }, rows, weight };
  crossCheck(model, issues);
  return model;
}

function isFilled(row: BudgetRowCells, key: BudgetColumn): boolean {
  return !isBlankCell(row.get(key));
}

function isBlankCell(tc: TableCell | undefined): boolean {
  return !tc || isBlank(tc.cell);
}

/** A figure the total row must have: null after an issue; a bad cell was reported already, a blank one is reported here. */
function requiredOn(value: NumberCell | undefined, tc: TableCell, key: BudgetColumn, issues: IssueList): NumberCell | null {
  if (value === undefined && isBlank(tc.cell) && !tc.cell.formula) issues.add({ code: 'valueRequired', cell: tc.address, field: field(key) });
  return value ?? null;
}

/** Reads a row; a bad figure is reported and kept as null (undefined means blank). */
function readRow(row: BudgetRowCells, isTotal: boolean, issues: IssueList): BudgetRow {
  const label = displayText(row.get('label').cell.value);
  const initial = optionalNumber(row.get('initial'), field('initial'), issues);
  const budget = optionalNumber(row.get('budget'), field('budget'), issues);
  const actual = optionalNumber(row.get('actual'), field('actual'), issues);
  const outputs: Array<[BudgetColumn, boolean]> = [
    ['rate', isFilled(row, 'budget') && isFilled(row, 'actual')],
    ['adjustment', isFilled(row, 'initial') && isFilled(row, 'budget')],
    ['score', isTotal],
  ];
  for (const [key, written] of outputs) {
    const tc = row.get(key);
    if (written && tc?.cell.formula) issues.add({ code: 'outputFormula', cell: tc.address, field: field(key) });
  }
  return {
    label,
    key: rowLabelKey(label),
    isTotal,
    initial: initial ?? undefined,
    budget: budget ?? undefined,
    actual: actual ?? undefined,
    rateCell: row.get('rate'),
    scoreCell: row.get('score'),
    adjustmentCell: row.get('adjustment'),
    reasonCell: row.get('reason'),
  };
}

type Measure = 'initial' | 'budget' | 'actual';
const MEASURES: Measure[] = ['initial', 'budget', 'actual'];

/** Warnings only: breakdowns that do not add up, execution above budget. */
function crossCheck(model: BudgetModel, issues: IssueList): void {
  const byKey = new Map<string, BudgetRow>();
  for (const row of model.rows) if (!row.isTotal && !byKey.has(row.key)) byKey.set(row.key, row);
  for (const check of BREAKDOWNS) {
    const whole = check.whole === null ? model.total : byKey.get(rowLabelKey(check.whole));
    const parts = check.parts.map((p) => byKey.get(rowLabelKey(p)));
    if (!whole || parts.some((p) => !p)) continue;
    for (const m of MEASURES) {
      const total = whole[m];
      const values = parts.map((p) => p?.[m]);
      if (!total || values.some((v) => !v)) continue;
      const sum = decimalSum(values.map((v) => v?.value ?? '0'));
      if (!decimalEquals(sum, total.value)) {
        issues.add({
          code: 'breakdownMismatch',
          cell: total.address,
          measure: field(m),
          parts: parts.map((p, i) => p?.label || check.parts[i]),
          sum,
          whole: whole.label || (check.whole ?? BUDGET_TOTAL_LABEL),
          total: total.value,
        });
      }
    }
  }
  for (const row of model.rows) {
    if (row.budget && row.actual && decimalCompare(row.actual.value, row.budget.value) > 0) {
      issues.add({ code: 'executionAboveBudget', cell: row.actual.address, actual: row.actual.value, budget: row.budget.value });
    }
  }
}
