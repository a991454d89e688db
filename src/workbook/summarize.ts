import { adjustmentRateText, decimalSum, decimalSumFixed, isNegative, ratioText, type Evaluation, type Settings } from '../engine';
import { adjustmentText, indicatorNote, totalNote } from '../messages/notes';
import { fieldOf } from './fields';
import type { IssueList } from './issue-list';
import type { BudgetModel, BudgetRow } from './parse-budget';
import type { Indicator } from './parse-indicators';
import type { ProjectRow } from './parse-projects';
import type { BlockResult, IndicatorResult, ProjectResult, ScoreSummary } from './report';
import { rowLabelKey } from './normalize';
import { BASIC_LABEL, PROJECT_LABEL, NAME } from './vocabulary';

export interface SummaryInput {
  budget: BudgetModel;
  projects: ProjectRow[];
  evaluation: Evaluation<Indicator>;
  settings: Settings;
  executionWeight: string;
  /** The 规则方案 that scored, or null. */
  preset: string | null;
}

/** Rates of one budget row: 执行率 and 调整率, each null when it cannot be computed. */
export interface RowRates {
  row: BudgetRow;
  rate: string | null;
  adjustment: string | null;
}

/** A project with its rate, for the plan and the result. */
export interface ProjectRates {
  row: ProjectRow;
  result: ProjectResult;
}

/** An indicator with its result, for the plan. */
export interface IndicatorOutcome {
  indicator: Indicator;
  result: IndicatorResult;
}

export interface Summary {
  report: ScoreSummary;
  /** 总分说明: how the total was reached (a 评价结果 label). */
  totalNote: string;
  rows: RowRates[];
  projects: ProjectRates[];
  indicators: IndicatorOutcome[];
}

/**
 * Turns the engine's evaluation into the figures written and reported, and
 * raises the issues that depend on scores: overachievement, manual
 * differences, qualitative confirmations, weights.
 */
export function summarize(input: SummaryInput, issues: IssueList): Summary {
  const { budget, evaluation, settings } = input;
  const d = settings.decimals;
  const rows = budget.rows.map((row) => rowRates(row, d, issues));
  const projects = input.projects.map((row) => ({ row, result: projectResult(row, d) }));

  if (isNegative(budget.total.actual.value)) {
    issues.add({ code: 'negativeActual', cell: budget.total.actual.address, field: fieldOf('budget', 'actual'), value: { value: budget.total.actual.value, percent: false, unit: '' } });
  }

  const indicators = evaluation.indicators.map(({ item: indicator, score: s }) => {
    const input = indicator.input;
    const target = indicator.target;
    const actual = target && s.effectiveActual !== null ? { value: s.effectiveActual, percent: target.percent, unit: target.unit } : null;
    if (s.overachieved && target && actual) {
      const penalty = s.adjustments.find((a) => a.rule === 'deviationPenalty');
      const issue = { code: 'overachievement' as const, cell: indicator.actualAddress, actual, target, threshold: settings.overachievementThreshold, weight: input.weight };
      issues.add(penalty && penalty.rule === 'deviationPenalty' ? { ...issue, penalty: penalty.points } : issue);
    }
    if (s.manualDiffers && indicator.manualAddress) {
      issues.add({ code: 'manualDiffers', cell: indicator.manualAddress, manual: s.score, rule: s.ruleScore });
    }
    if (s.rule.kind === 'qualitative' && s.needsConfirmation) {
      const band = { low: s.rule.bandLow, high: s.rule.bandHigh, highInclusive: s.rule.highInclusive };
      issues.add({ code: 'qualitativeConfirm', cell: indicator.actualAddress, tier: s.rule.tier, score: s.score, band });
    }
    const note = indicatorNote({
      rule: s.rule,
      direction: input.direction,
      target,
      actual,
      weight: input.weight,
      ruleScore: s.ruleScore,
      score: s.score,
      rate: s.rate,
      adjusted: indicator.adjusted,
      negativeActual: s.negativeActual,
      manual: input.manualScore !== null,
      roundRatesFirst: settings.roundRatesFirst,
      actualText: indicator.actualText,
      adjustments: s.adjustments,
      deadline: indicator.deadline,
    });
    const result: IndicatorResult = {
      address: indicator.address,
      name: indicator.name,
      level1: indicator.level1,
      level2: indicator.level2,
      direction: input.direction,
      rate: s.rate,
      score: s.score,
      ruleScore: s.ruleScore,
      weight: input.weight,
      note,
      adjustments: s.adjustments.map((a) => ({ rule: a.rule, before: a.before, after: a.after, note: adjustmentText(a, { actual, target }) })),
      manual: input.manualScore !== null,
    };
    return { indicator, result };
  });

  if (!evaluation.weightsSumTo100) issues.add({ code: 'weightsNot100', name: NAME.indicators, max: evaluation.max });

  for (const a of evaluation.adjustments) {
    if (a.rule === 'executionCap') {
      issues.add({ code: 'totalCapped', cell: budget.total.actual.address, rate: a.rate, below: a.below, cap: a.cap, before: a.before, after: a.after });
    }
  }

  const total = rows.find((r) => r.row.isTotal);
  const report: ScoreSummary = {
    total: evaluation.total,
    adjustments: evaluation.adjustments.map((a) => ({ rule: a.rule, before: a.before, after: a.after, note: adjustmentText(a) })),
    preset: input.preset,
    max: evaluation.max,
    grade: evaluation.grade,
    gradeLevel: evaluation.gradeLevel,
    gradeScale: [...settings.grades.map((g) => g.name), settings.lowestGrade],
    indicatorTotal: evaluation.indicatorTotal,
    adjustmentRate: total ? total.adjustment : null,
    execution: {
      budget: budget.total.budget.value,
      actual: budget.total.actual.value,
      rate: evaluation.execution.rate,
      score: evaluation.execution.score,
      weight: input.executionWeight,
    },
    rows: rows.filter((r) => !r.row.isTotal).map((r) => ({ label: r.row.label, rate: r.rate, adjustmentRate: r.adjustment })),
    projects: projects.map((p) => p.result),
    indicators: indicators.map((i) => i.result),
    blocks: blockSubtotals(indicators.map((i) => i.result), d),
  };
  const note = totalNote(evaluation.execution.score, evaluation.indicatorTotal, evaluation.sum, evaluation.adjustments);
  return { report, totalNote: note, rows, projects, indicators };
}

/** The 一级指标 subtotals, each block where the table first names it (merged cells already filled down). */
export function blockSubtotals(indicators: readonly IndicatorResult[], decimals: number): BlockResult[] {
  const order: string[] = [];
  const members = new Map<string, IndicatorResult[]>();
  for (const ind of indicators) {
    const list = members.get(ind.level1);
    if (list) list.push(ind);
    else {
      order.push(ind.level1);
      members.set(ind.level1, [ind]);
    }
  }
  return order.map((level1) => {
    const list = members.get(level1) as IndicatorResult[];
    return { level1, score: decimalSumFixed(list.map((i) => i.score), decimals), weight: decimalSum(list.map((i) => i.weight)) };
  });
}

function floorZero(value: string): string {
  return isNegative(value) ? '0' : value;
}

function projectResult(row: ProjectRow, decimals: number): ProjectResult {
  const rate = row.budget && row.actual ? ratioText(floorZero(row.actual.value), row.budget.value, decimals) : null;
  return { name: row.name, budget: row.budget?.value ?? null, actual: row.actual?.value ?? null, rate };
}

function rowRates(row: BudgetRow, decimals: number, issues: IssueList): RowRates {
  let rate: string | null = null;
  let adjustment: string | null = null;
  if (row.budget && row.actual) {
    rate = ratioText(floorZero(row.actual.value), row.budget.value, decimals);
    if (rate === null && row.rateCell) {
      issues.add({ code: 'rateUndefined', cell: row.budget.address, field: fieldOf('budget', 'budget'), rate: fieldOf('budget', 'rate') });
    }
    if (!row.isTotal && isNegative(row.actual.value)) {
      issues.add({ code: 'negativeActual', cell: row.actual.address, field: fieldOf('budget', 'actual'), value: { value: row.actual.value, percent: false, unit: '' } });
    }
  }
  if (row.initial && row.budget) {
    adjustment = adjustmentRateText(row.initial.value, row.budget.value, decimals);
    if (adjustment === null && row.adjustmentCell) {
      issues.add({ code: 'rateUndefined', cell: row.initial.address, field: fieldOf('budget', 'initial'), rate: fieldOf('budget', 'adjustment') });
    }
  }
  return { row, rate, adjustment };
}

/** The 执行率 of the 基本支出 / 项目支出 rows, for 评价结果. */
export function breakdownRate(rows: RowRates[], label: typeof BASIC_LABEL | typeof PROJECT_LABEL): string | null {
  const key = rowLabelKey(label);
  return rows.find((r) => !r.row.isTotal && r.row.key === key)?.rate ?? null;
}
