import type { AdjustmentRule, Direction, Grade } from '../engine';
import type { CellAddress } from './address';
import type { Issue } from './issues';
import type { StatedIndicator } from './parse-indicators';
import type { ReportInfo } from './parse-report-info';
import type { WritePlan } from './plan';

export type { Issue } from './issues';

export interface ExecutionResult {
  budget: string;
  actual: string;
  rate: string;
  score: string;
  weight: string;
}

/** A breakdown row of 预算执行 (not the total row). */
export interface RowResult {
  label: string;
  rate: string | null;
  adjustmentRate: string | null;
}

/** A row of 项目支出 with its 执行率 (null when a figure is missing or the budget is 0). */
export interface ProjectResult {
  name: string;
  budget: string | null;
  actual: string | null;
  rate: string | null;
}

/**
 * A local rule's change to a score (偏离扣分 on an indicator, 执行率总分上限 on
 * the total): the figures before and after, rounded to 小数位数, and the step
 * in words (`预算执行率 68.20% 低于 70%，总分上限 79 分：由 84.50 调为 79.00`).
 */
export interface AdjustmentResult {
  rule: AdjustmentRule;
  before: string;
  after: string;
  note: string;
}

export interface IndicatorResult {
  /** The indicator's name cell. */
  address: CellAddress;
  name: string;
  /** 一级 / 二级指标 after the fill-down of merged cells ('' when the table has none). */
  level1: string;
  level2: string;
  direction: Direction;
  /** Completion rate as written (`"0.9316"`), or null when left blank (t = 0, qualitative). */
  rate: string | null;
  score: string;
  ruleScore: string;
  weight: string;
  /** 计算说明 */
  note: string;
  /** Local rules that changed the rule score; empty under v1 rules. */
  adjustments: AdjustmentResult[];
  /** A 人工得分 was given: `score` is the manual score, not the rule's. */
  manual: boolean;
}

/**
 * A 一级指标 with the subtotal of its indicators (得分/分值), in the order the
 * table first names it: what an accountant adds up by hand for the report.
 */
export interface BlockResult {
  /** '' when the table has no 一级指标 column: one block of every indicator. */
  level1: string;
  /** Σ the indicators' rounded scores, with the workbook's 小数位数. */
  score: string;
  /** Σ their 分值. */
  weight: string;
}

/** The figures of a successful run, decimals as strings exactly as written to cells. */
export interface ScoreSummary {
  /** After the local rules in `adjustments` (执行率总分上限); the grade is this total's. */
  total: string;
  /** Local rules that changed the total; empty under v1 rules. */
  adjustments: AdjustmentResult[];
  /** The 规则方案 that scored the workbook, or null when 评分规则 names none. */
  preset: string | null;
  max: string;
  grade: Grade;
  /** The grade's place in gradeScale: 0 for the best. */
  gradeLevel: number;
  /** Every grade of the rules, from the best to the lowest (`优 良 中 差` by default). */
  gradeScale: string[];
  indicatorTotal: string;
  adjustmentRate: string | null;
  execution: ExecutionResult;
  rows: RowResult[];
  projects: ProjectResult[];
  indicators: IndicatorResult[];
  /** The 一级指标 subtotals; not in the CLI's --json (its v1 shape). */
  blocks: BlockResult[];
}

/** A row of 预算执行 with its figures as read (null: blank). */
export interface StatedBudgetRow {
  label: string;
  /** The label as matched (see rowLabelKey). */
  key: string;
  isTotal: boolean;
  initial: string | null;
  budget: string | null;
  actual: string | null;
}

/**
 * What the 自评报告 states beyond the scores: the figures as read, the
 * indicators' targets and texts, and 报告信息. Never part of --json; lists are
 * in the order of the summary's (one entry per project and indicator).
 */
export interface StatedEvaluation {
  info: ReportInfo;
  rows: StatedBudgetRow[];
  projects: Array<{ source: string; benefit: string }>;
  indicators: StatedIndicator[];
  /** 小数位数 of the evaluation. */
  decimals: number;
}

/** The outcome of scoring a workbook: either a summary and a plan, or errors and an empty plan. */
export interface ScoreOutcome {
  summary: ScoreSummary | null;
  /** Set with the summary (absent on errors): what the 自评报告 needs besides it. */
  stated?: StatedEvaluation;
  plan: WritePlan;
  warnings: Issue[];
  errors: Issue[];
}
