import { adjustmentRateText, decimalTimes, isNegative, ratioText, type Evaluation, type Settings } from '../engine';
import { formatCell } from './address';
import type { IssueList } from './issue-list';
import type { BudgetModel, BudgetRow } from './parse-budget';
import { display, type Indicator } from './parse-indicators';
import type { ProjectRow } from './parse-projects';
import type { ScoreSummary } from './report';
import { bandText, indicatorNote } from '../messages/notes';
import { BASIC_LABEL, PROJECT_LABEL, TIER_NAMES } from './vocabulary';
import { normalizeHeader } from './normalize';

export interface SummaryInput {
  budget: BudgetModel;
  projects: ProjectRow[];
  indicators: Indicator[];
  evaluation: Evaluation;
  settings: Settings;
  executionWeight: string;
}

/** Rates of one budget row: 执行率 and 调整率, each null when it cannot be computed. */
export interface RowRates {
  row: BudgetRow;
  rate: string | null;
  adjustment: string | null;
}

export interface Summary {
  report: ScoreSummary;
  rows: RowRates[];
  projectRates: Array<string | null>;
}

/**
 * Turns the engine's evaluation into the figures written and reported, and
 * raises the issues that depend on scores: manual scores out of range (errors),
 * overachievement, manual differences, qualitative confirmations, weights.
 */
export function summarize(input: SummaryInput, issues: IssueList): Summary {
  const { budget, indicators, evaluation, settings } = input;
  const d = settings.decimals;
  const rows = budget.rows.map((row) => rowRates(row, d, issues));
  const projectRates = input.projects.map((p) => (p.budget && p.actual ? ratioText(floorZero(p.actual.value), p.budget.value, d) : null));

  if (isNegative(budget.total.actual.value)) {
    issues.atCell('negativeActual', budget.total.actual.address, { field: '全年执行数', text: budget.total.actual.value });
  }

  const results = indicators.map((indicator, i) => {
    const s = evaluation.indicators[i];
    const input = indicator.input;
    const show = (v: string) => display(v, indicator.percent, indicator.unit);
    const cellRef = indicator.address;
    if (s.overachieved && indicator.target !== null && s.effectiveActual !== null) {
      issues.atCell('overachievement', indicator.actualAddress, {
        actual: show(s.effectiveActual),
        target: show(indicator.target),
        threshold: decimalTimes(settings.overachievementThreshold, '100') + '%',
        weight: input.weight,
      });
    }
    if (s.manualDiffers && indicator.manualAddress) {
      issues.atCell('manualDiffers', indicator.manualAddress, { manual: s.score, rule: s.ruleScore });
    }
    let tierName: string | undefined;
    let band: string | undefined;
    if (s.rule.kind === 'qualitative') {
      tierName = TIER_NAMES[s.rule.tier];
      band = bandText(s.rule.bandLow, s.rule.bandHigh, s.rule.highInclusive);
      if (s.needsConfirmation) issues.atCell('qualitativeConfirm', indicator.actualAddress, { tier: tierName, score: s.score, band });
    }
    const note = indicatorNote({
      rule: s.rule,
      direction: input.direction,
      target: indicator.target === null ? '' : show(indicator.target),
      actual: s.effectiveActual === null ? '' : show(s.effectiveActual),
      targetFigure: indicator.target === null ? '' : display(indicator.target, indicator.percent, ''),
      actualFigure: s.effectiveActual === null ? '' : display(s.effectiveActual, indicator.percent, ''),
      weight: input.weight,
      ruleScore: s.ruleScore,
      score: s.score,
      rate: s.rate === null ? null : decimalTimes(s.rate, '100') + '%',
      adjusted: indicator.adjusted,
      negativeActual: s.negativeActual,
      manual: input.manualScore !== null,
      roundRatesFirst: settings.roundRatesFirst,
      tierName,
      band,
      actualText: indicator.actualText,
    });
    return {
      cell: formatCell(cellRef),
      address: cellRef,
      name: indicator.name,
      level1: indicator.level1,
      level2: indicator.level2,
      direction: input.direction,
      rate: s.rate,
      score: s.score,
      ruleScore: s.ruleScore,
      weight: input.weight,
      note,
    };
  });

  if (!evaluation.weightsSumTo100) issues.atName('weightsNot100', '绩效指标', { max: evaluation.max });

  const total = rows.find((r) => r.row.isTotal)!;
  const report: ScoreSummary = {
    total: evaluation.total,
    max: evaluation.max,
    grade: evaluation.grade,
    indicatorTotal: evaluation.indicatorTotal,
    adjustmentRate: total.adjustment,
    execution: {
      budget: budget.total.budget.value,
      actual: budget.total.actual.value,
      rate: evaluation.execution.rate,
      score: evaluation.execution.score,
      weight: input.executionWeight,
    },
    rows: rows.filter((r) => !r.row.isTotal).map((r) => ({ label: r.row.label, rate: r.rate, adjustmentRate: r.adjustment })),
    indicators: results,
  };
  return { report, rows, projectRates };
}

function floorZero(value: string): string {
  return isNegative(value) ? '0' : value;
}

function rowRates(row: BudgetRow, decimals: number, issues: IssueList): RowRates {
  let rate: string | null = null;
  let adjustment: string | null = null;
  if (row.budget && row.actual) {
    rate = ratioText(floorZero(row.actual.value), row.budget.value, decimals);
    if (rate === null && row.rateCell) issues.atCell('rateUndefined', row.budget.address, { field: '全年预算数', rate: '执行率' });
    if (!row.isTotal && isNegative(row.actual.value)) {
      issues.atCell('negativeActual', row.actual.address, { field: '全年执行数', text: row.actual.value });
    }
  }
  if (row.initial && row.budget) {
    adjustment = adjustmentRateText(row.initial.value, row.budget.value, decimals);
    if (adjustment === null && row.adjustmentCell) issues.atCell('rateUndefined', row.initial.address, { field: '年初预算数', rate: '调整率' });
  }
  return { row, rate, adjustment };
}

/** The 执行率 of the 基本支出 / 项目支出 rows, for 评价结果. */
export function breakdownRate(rows: RowRates[], label: typeof BASIC_LABEL | typeof PROJECT_LABEL): string | null {
  const key = normalizeHeader(label);
  return rows.find((r) => !r.row.isTotal && r.row.key === key)?.rate ?? null;
}
