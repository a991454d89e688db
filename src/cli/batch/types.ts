import type { BatchStatus, ProblemLevel } from '../../messages/batch';

/** One file to score, as the main thread hands it to a worker (structured-clone data only). */
export interface Job {
  index: number;
  /** Where to read it. */
  path: string;
  /** How the summary names it: its path relative to the folder given (`区县/单位1.xlsx`). */
  file: string;
  /** Where its scored copy goes (--out-dir), or null for none. */
  copyTo: string | null;
  force: boolean;
  /** --json: make the JSON objects (else they would only cost a copy between threads). */
  json: boolean;
}

/** A line of 问题清单. */
export interface ProblemRow {
  file: string;
  cell: string;
  level: ProblemLevel;
  text: string;
}

/** A line of 复核. */
export interface ReviewRow {
  file: string;
  unit: string;
  scope: string;
  cell: string;
  item: string;
  stated: string;
  computed: string;
  text: string;
}

/** A line of 汇总: one evaluation, or a file that gave none. Figures are decimal strings as the rules wrote them. */
export interface EvaluationRow {
  file: string;
  unit: string;
  scope: string;
  executionRate: string | null;
  executionScore: string | null;
  indicatorTotal: string | null;
  total: string | null;
  grade: string | null;
  statedTotal: string | null;
  difference: string | null;
  warnings: number;
  errors: number;
  status: BatchStatus;
}

/** Everything the batch learns from one file, made in the worker that read it. */
export interface FileReport {
  index: number;
  file: string;
  status: BatchStatus;
  evaluations: EvaluationRow[];
  problems: ProblemRow[];
  review: ReviewRow[];
  /** With --json, one object per evaluation: the contract's v1 fields with `file` and `scope` first; else empty. */
  json: object[];
  /** The scored copy written, or null. */
  copy: string | null;
}
