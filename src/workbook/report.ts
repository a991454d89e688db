import type { CellAddress } from './address';
import type { WritePlan } from './plan';
import type { IssueCode } from '../messages/issue-codes';

export type Severity = 'error' | 'warning';

/**
 * A problem found in the workbook, as data (zod style): a code, where it is,
 * and the Chinese message rendered from the code and its parameters.
 */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** The cell the issue is about, when there is one. */
  cell?: CellAddress;
  /** The defined name the issue is about, when there is no single cell. */
  name?: string;
  message: string;
}

export type Direction = 'atLeast' | 'atMost' | 'equal' | 'qualitative';

export interface ExecutionResult {
  budget: string;
  actual: string;
  rate: string;
  score: string;
  weight: string;
}

export interface RowResult {
  label: string;
  rate: string | null;
  adjustmentRate: string | null;
}

export interface IndicatorResult {
  /** `'绩效指标'!C4`: the indicator's name cell. */
  cell: string;
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
}

/** The figures of a successful run, decimals as strings exactly as written to cells. */
export interface ScoreSummary {
  total: string;
  max: string;
  grade: string;
  indicatorTotal: string;
  adjustmentRate: string | null;
  execution: ExecutionResult;
  rows: RowResult[];
  indicators: IndicatorResult[];
}

/** The outcome of scoring a workbook: either a summary and a plan, or errors and an empty plan. */
export interface ScoreOutcome {
  summary: ScoreSummary | null;
  plan: WritePlan;
  warnings: Issue[];
  errors: Issue[];
}
