import type { BookInput } from './cells';
import type { WritePlan } from './plan';
import { scoreBook, type BookOutcome } from './score-book';

/** A host step's result: its value, or a problem of the file or the host (never a workbook issue). */
export type HostResult<T, P> = { ok: true; value: T } | { ok: false; problem: P };

/**
 * What a host gives the pipeline: a way to read the contract's names from its
 * workbook, and a way to write a plan back into the same workbook. The Excel
 * host reads and writes through office.js; the file host through the
 * lossless xlsx reader and writer (the CLI and the web page).
 */
export interface ScoringHost<P, W> {
  /** Every evaluation's names: the workbook's, and each sheet's own. */
  read(): Promise<HostResult<BookInput, P>>;
  /** Called only when the outcome has no errors and writing was asked for. */
  write(plan: WritePlan, outcome: BookOutcome): Promise<HostResult<W, P>>;
}

export type Scorer = (book: BookInput) => BookOutcome;

export interface PipelineOptions {
  /** False: read, validate and score only (`--check`). */
  write: boolean;
  /** Replaces scoreBook (tests). */
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
  | { kind: 'scored'; outcome: BookOutcome; written: W | null; problem: P | null };

/**
 * The one sequence every host runs: read everything, score (pure), and only
 * when the outcome has no errors write the plan (writing policy 1). Problems
 * of the file or host come back as data; nothing is thrown for them.
 */
export async function scoreThrough<P, W>(host: ScoringHost<P, W>, options: PipelineOptions): Promise<PipelineResult<P, W>> {
  const read = await host.read();
  if (!read.ok) return { kind: 'unreadable', problem: read.problem };
  if (options.stage) await options.stage('scoring');
  const outcome = (options.score ?? scoreBook)(read.value);
  if (outcome.errors.length > 0 || !options.write) return { kind: 'scored', outcome, written: null, problem: null };
  if (options.stage) await options.stage('writing');
  const written = await host.write(outcome.plan, outcome);
  return written.ok
    ? { kind: 'scored', outcome, written: written.value, problem: null }
    : { kind: 'scored', outcome, written: null, problem: written.problem };
}
