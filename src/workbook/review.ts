import { decimalCompare, decimalRound, decimalSum, decimalTimes } from '../engine';
import { formatCell, type CellAddress } from './address';
import type { WorkbookInput } from './cells';
import { FormRows } from './form-rows';
import type { TableCell } from './header-table';
import { IssueList } from './issue-list';
import { cellText } from './normalize';
import { readNumber } from './numbers';
import { parseBudget } from './parse-budget';
import { parseIndicators } from './parse-indicators';
import { parseProjects } from './parse-projects';
import { parseResults } from './parse-results';
import { parseSettings } from './parse-settings';
import type { PlannedValue } from './plan';
import type { ScoreOutcome } from './report';
import { NAME, type ResultKey, type ReviewRules } from './vocabulary';

/**
 * What a figure the unit states is: a result of 评价结果 (by its key), or a
 * table's output cell — an indicator's 完成率 / 得分, a budget row's 执行率 /
 * 调整率 / 得分, a project's 执行率, a form's 总分 / 小计 / 自评等级 cell.
 */
export type FigureKind =
  | { kind: 'result'; key: ResultKey; label: string }
  | { kind: 'indicatorRate' | 'indicatorScore' | 'rowRate' | 'rowAdjustment' | 'rowScore' | 'projectRate' | 'subtotal'; subject: string }
  | { kind: 'formTotal' | 'formGrade' };

/** A value standing in an output cell before scoring: what the unit stated there. */
export interface StatedFigure {
  figure: FigureKind;
  cell: TableCell;
}

/** One line of the 复核 sheet: a stated figure the rules do not give, or a consistency check that fails. */
export type ReviewFinding =
  | { code: 'statedDiffers'; cell: CellAddress; figure: FigureKind; stated: string; computed: string; percent: boolean }
  | { code: 'rateGap'; cell: CellAddress; scoreRate: string; executionRate: string; threshold: string }
  | { code: 'budgetZero'; cell: CellAddress; subject: string }
  | { code: 'unspent'; cell: CellAddress; subject: string; share: string; threshold: string }
  | { code: 'overachieved'; cell: CellAddress; subject: string; rate: string | null; threshold: string }
  | { code: 'reasonBlank'; cell: CellAddress; subject: string; score: string; weight: string }
  | { code: 'weightTotal'; cell: CellAddress | null; total: string; expected: string };

export type ReviewCode = ReviewFinding['code'];

/** The parts of an evaluation the review reads again (the parse is pure and cheap; scoring is not repeated). */
interface Reread {
  review: ReviewRules;
  stated: StatedFigure[];
  budget: ReturnType<typeof parseBudget>;
  projects: ReturnType<typeof parseProjects>;
  reasons: Map<string, TableCell | undefined>;
}

/** Result keys whose value cell a unit may have filled with its own figure (提示 and 总分说明 are not figures). */
const FIGURE_RESULTS: ReadonlySet<ResultKey> = new Set<ResultKey>([
  'executionRate', 'executionScore', 'indicatorTotal', 'total', 'max', 'grade', 'adjustmentRate', 'basicRate', 'projectRate',
]);

/**
 * Reads an evaluation's names again, as parsed before scoring, for what
 * the review needs: the 复核 settings, and every output cell the plan may
 * write with the value standing in it (what the unit stated). Issues of this
 * second parse are dropped: the scoring run reported them.
 */
function reread(input: WorkbookInput): Reread {
  const scratch = new IssueList();
  const { settings, review } = parseSettings(input[NAME.settings], scratch);
  const budget = parseBudget(input[NAME.budget], scratch);
  const projects = parseProjects(input[NAME.projects], scratch);
  const form = new FormRows();
  const indicators = parseIndicators(input[NAME.indicators], settings.decimals, scratch, form);
  const results = parseResults(input[NAME.results], scratch, form.totalHasPlace);
  const stated: StatedFigure[] = [];
  const add = (figure: FigureKind, cell: TableCell | undefined) => {
    if (cell) stated.push({ figure, cell });
  };
  for (const row of budget ? budget.rows : []) {
    add({ kind: 'rowRate', subject: row.label }, row.rateCell);
    add({ kind: 'rowAdjustment', subject: row.label }, row.adjustmentCell);
    if (row.isTotal) add({ kind: 'rowScore', subject: row.label }, row.scoreCell);
  }
  for (const p of projects || []) add({ kind: 'projectRate', subject: p.name }, p.rateCell);
  const reasons = new Map<string, TableCell | undefined>();
  for (const i of indicators || []) {
    add({ kind: 'indicatorRate', subject: i.name }, i.rateCell);
    add({ kind: 'indicatorScore', subject: i.name }, i.scoreCell);
    reasons.set(formatCell(i.address), i.reasonCell);
  }
  for (const row of form.rows) {
    const levels = row.members.map((i) => (indicators ? indicators[i].level1 : ''));
    const block = levels.length > 0 && levels.every((l) => l === levels[0]) ? levels[0] : '';
    add(row.kind === 'grand' ? { kind: 'formTotal' } : { kind: 'subtotal', subject: block }, row.scoreCell);
  }
  add({ kind: 'formGrade' }, form.gradeCell ?? undefined);
  for (const slot of results || []) if (FIGURE_RESULTS.has(slot.key)) add({ kind: 'result', key: slot.key, label: slot.label }, slot.value);
  return { review, stated, budget, projects, reasons };
}

/** The unit's own figures in the output cells, read before scoring (nothing when a cell is blank). */
export function statedFigures(input: WorkbookInput): StatedFigure[] {
  return reread(input).stated;
}

/** An evaluation's 复核: the figures the unit stated, and what the review found. */
export interface EvaluationReview {
  stated: StatedFigure[];
  findings: ReviewFinding[];
}

/** The total the unit stated: its 总分 in 评价结果, else in the form's 总分 row; null when it left both blank. */
export function statedTotal(stated: readonly StatedFigure[]): string | null {
  const places = [
    ...stated.filter((s) => s.figure.kind === 'result' && s.figure.key === 'total'),
    ...stated.filter((s) => s.figure.kind === 'formTotal'),
  ];
  for (const s of places) {
    const read = readNumber(s.cell.cell);
    if (read.kind === 'number') return read.number.value;
  }
  return null;
}

/** How many decimals a planned number has (`0.9316` → 4): the stated figure is compared at that precision. */
function places(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A stated figure against the value the plan writes into its cell; null when they agree or the unit stated nothing. */
function compare(s: StatedFigure, planned: PlannedValue): ReviewFinding | null {
  const { cell, address } = s.cell;
  // A formula in an output cell is an error of the run, and a form's formula is checked there (formFormulaDiffers).
  if (cell.formula || cell.value === null || cellText(cell.value) === '') return null;
  const percent = s.figure.kind === 'indicatorRate' || s.figure.kind === 'rowRate' || s.figure.kind === 'rowAdjustment' || s.figure.kind === 'projectRate' ||
    (s.figure.kind === 'result' && /Rate$/.test(s.figure.key));
  if (planned.kind === 'text') {
    const stated = cellText(cell.value);
    return stated === planned.text ? null : { code: 'statedDiffers', cell: address, figure: s.figure, stated, computed: planned.text, percent: false };
  }
  const read = readNumber(cell);
  const stated = read.kind === 'number' ? read.number.value : cellText(cell.value);
  if (planned.kind === 'empty') return { code: 'statedDiffers', cell: address, figure: s.figure, stated, computed: '', percent };
  if (read.kind === 'number' && decimalCompare(decimalRound(stated, places(planned.text)), planned.text) === 0) return null;
  return { code: 'statedDiffers', cell: address, figure: s.figure, stated, computed: planned.text, percent };
}

const minus = (a: string, b: string) => decimalSum([a, decimalTimes(b, '-1')]);
const abs = (a: string) => (decimalCompare(a, '0') < 0 ? decimalTimes(a, '-1') : a);

/**
 * The 复核 of one scored evaluation (selfeval batch): every stated figure
 * that differs from what the rules give, then the consistency checks its
 * 评分规则 turns on (defaults: DEFAULT_REVIEW_RULES). Nothing for an
 * evaluation with errors: the rules gave no figures to compare with.
 */
export function reviewEvaluation(input: WorkbookInput, outcome: ScoreOutcome): EvaluationReview {
  const { review, stated, budget, projects, reasons } = reread(input);
  const summary = outcome.summary;
  if (!summary || outcome.errors.length > 0) return { stated, findings: [] };
  const findings: ReviewFinding[] = [];
  const planned = new Map<string, PlannedValue>();
  for (const w of outcome.plan.writes) planned.set(formatCell(w.address), w.value);
  for (const s of stated) {
    const value = planned.get(formatCell(s.cell.address));
    const finding = value ? compare(s, value) : null;
    if (finding) findings.push(finding);
  }

  const indicators = summary.indicators;
  const firstIndicator = indicators.length > 0 ? indicators[0].address : null;
  if (review.rateGap !== null && firstIndicator) {
    const weights = decimalSum(indicators.map((i) => i.weight));
    if (decimalCompare(weights, '0') > 0) {
      const scoreRate = decimalTimes(decimalSum(indicators.map((i) => i.score)), '1', weights);
      if (decimalCompare(abs(minus(scoreRate, summary.execution.rate)), review.rateGap) > 0) {
        findings.push({ code: 'rateGap', cell: firstIndicator, scoreRate: decimalRound(scoreRate, 4), executionRate: summary.execution.rate, threshold: review.rateGap });
      }
    }
  }

  const amounts: Array<{ subject: string; budget?: { value: string; address: CellAddress }; actual?: { value: string } }> = [
    ...(budget ? budget.rows.map((r) => ({ subject: r.label, budget: r.budget, actual: r.actual })) : []),
    ...(projects || []).map((p) => ({ subject: p.name, budget: p.budget ?? undefined, actual: p.actual ?? undefined })),
  ];
  for (const a of amounts) {
    if (!a.budget) continue;
    if (decimalCompare(a.budget.value, '0') === 0) {
      findings.push({ code: 'budgetZero', cell: a.budget.address, subject: a.subject });
      continue;
    }
    if (review.unspentShare === null || !a.actual || decimalCompare(a.budget.value, '0') < 0) continue;
    const share = decimalTimes(minus(a.budget.value, a.actual.value), '1', a.budget.value);
    if (decimalCompare(share, review.unspentShare) > 0) {
      findings.push({ code: 'unspent', cell: a.budget.address, subject: a.subject, share: decimalRound(share, 4), threshold: review.unspentShare });
    }
  }

  for (const w of outcome.warnings) {
    if (w.code !== 'overachievement') continue;
    const indicator = indicators.find((i) => i.address.sheet === w.cell.sheet && i.address.row === w.cell.row);
    findings.push({ code: 'overachieved', cell: w.cell, subject: indicator ? indicator.name : '', rate: indicator ? indicator.rate : null, threshold: w.threshold });
  }

  if (review.reasonForShortfall) {
    for (const i of indicators) {
      if (decimalCompare(i.ruleScore, i.weight) >= 0) continue;
      const reason = reasons.get(formatCell(i.address));
      if (reason && cellText(reason.cell.value) !== '') continue;
      findings.push({ code: 'reasonBlank', cell: reason ? reason.address : i.address, subject: i.name, score: i.ruleScore, weight: i.weight });
    }
  }

  if (review.weightTotal !== null && decimalCompare(summary.max, review.weightTotal) !== 0) {
    findings.push({ code: 'weightTotal', cell: firstIndicator, total: summary.max, expected: review.weightTotal });
  }
  return { stated, findings };
}

