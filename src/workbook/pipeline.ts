import type { WorkbookInput } from './cells';
import type { WritePlan } from './plan';
import type { ScoreOutcome } from './report';
import { scoreWorkbook } from './score-workbook';

/** A host step's result: its value, or a problem of the file or the host (never a workbook issue). */
export type HostResult<T, P> = { ok: true; value: T } | { ok: false; problem: P };

/**
 * What a host gives the pipeline: a way to read the contract's names from its
 * workbook, and a way to write a plan back into the same workbook. The Excel
 * host reads and writes through office.js; the file host through the
 * lossless xlsx reader and writer (the CLI and the web page).
 */
export interface ScoringHost<P, W> {
  read(): Promise<HostResult<WorkbookInput, P>>;
  /** Called only when the outcome has no errors and writing was asked for. */
  write(plan: WritePlan, outcome: ScoreOutcome): Promise<HostResult<W, P>>;
}

export type Scorer = (input: WorkbookInput) => ScoreOutcome;

export interface PipelineOptions {
  /** False: read, validate and score only (`--check`). */
  write: boolean;
  /** Replaces scoreWorkbook (tests). */
  score?: Scorer;
  /** Called before each later stage, so a UI can show progress (and paint) first. */
  stage?: (stage: 'scoring' | 'writing') => Promise<void> | void;
}

export type PipelineResult<P, W> =
  /** The workbook could not be read: nothing was scored or written. */
  | { kind: 'unreadable'; problem: P }
  /**
   * Scored. `written` is the host's write result when the plan was written;
   * `problem` is set when writing failed (the host guarantees nothing was kept).
   */
  | { kind: 'scored'; outcome: ScoreOutcome; written: W | null; problem: P | null };

/**
 * The one sequence every host runs: read everything, score (pure), and only
 * when the outcome has no errors write the plan (writing policy 1). Problems
 * of the file or host come back as data; nothing is thrown for them.
 */
export async function scoreThrough<P, W>(host: ScoringHost<P, W>, options: PipelineOptions): Promise<PipelineResult<P, W>> {
  const read = await host.read();
  if (!read.ok) return { kind: 'unreadable', problem: read.problem };
  if (options.stage) await options.stage('scoring');
  const outcome = (options.score ?? scoreWorkbook)(read.value);
  if (outcome.errors.length > 0 || !options.write) return { kind: 'scored', outcome, written: null, problem: null };
  if (options.stage) await options.stage('writing');
  const written = await host.write(outcome.plan, outcome);
  return written.ok
    ? { kind: 'scored', outcome, written: written.value, problem: null }
    : { kind: 'scored', outcome, written: null, problem: written.problem };
}
