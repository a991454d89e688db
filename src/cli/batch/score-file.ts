import { promises as fsp } from 'fs';
import * as path from 'path';
import { openWorkbookFile, type XlsxResult } from '../../hosts/xlsx';
import { CLI_TEXT, systemReason, usageMessage } from '../../messages/cli';
import { issueText } from '../../messages/issues';
import { problemText } from '../../messages/problems';
import { reviewText } from '../../messages/review';
import { decimalSum, decimalTimes } from '../../engine';
import { formatCell } from '../../workbook/address';
import { evaluationsOf } from '../../workbook/evaluations';
import { issueCell, type Issue } from '../../workbook/issues';
import { reviewEvaluation, statedTotal } from '../../workbook/review';
import { scoreBook, type EvaluationOutcome } from '../../workbook/score-book';
import { statedUnitName } from '../../workbook/unit-name';
import { nodeZip } from '../node-zip';
import type { FileSystem } from '../file-system';
import { fileProblemJson } from '../file-problem-json';
import { toJson } from '../json-view';
import { targetProblem } from '../output-target';
import { replaceAtomically } from '../replace-atomically';
import { scopeLabel } from '../text-view';
import type { EvaluationRow, FileReport, Job, ProblemRow } from './types';

/** The unit a file is from: the name the workbook states (报告信息, when it lands), else the file's name without extension. */
function unitOf(file: string, stated: string | null): string {
  return stated ?? path.basename(file, path.extname(file));
}

function problemRow(file: string, issue: Issue, level: 'error' | 'warning'): ProblemRow {
  const cell = issueCell(issue);
  return { file, cell: cell ? formatCell(cell) : '', level, text: issueText(issue, 'cli') };
}

/** A file that gave no evaluation: one row saying why, and the same as JSON. */
function unreadable(job: Job, code: string, message: string): FileReport {
  const unit = unitOf(job.file, null);
  const row: EvaluationRow = {
    file: job.file, unit, scope: '', executionRate: null, executionScore: null, indicatorTotal: null, total: null, grade: null,
    statedTotal: null, difference: null, warnings: 0, errors: 1, status: 'fileError',
  };
  return {
    index: job.index, file: job.file, status: 'fileError', evaluations: [row],
    problems: [{ file: job.file, cell: '', level: 'error', text: message }], review: [],
    json: job.json ? [{ file: job.file, scope: null, ...fileProblemJson(code, message) }] : [], copy: null,
  };
}

/**
 * Scores one file of a batch: read once, every evaluation scored, reviewed
 * against what the unit stated, and — when asked and the workbook has no
 * error — its scored copy written (temporary file, then renamed). Never
 * throws for the file's sake: whatever goes wrong is the file's row.
 */
export async function scoreFile(job: Job, fs: FileSystem, tempTag: () => string): Promise<FileReport> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(job.path);
  } catch (e) {
    return unreadable(job, 'cannotRead', usageMessage({ code: 'cannotRead', file: job.file, reason: reasonOf(e) }));
  }
  try {
    return await scoreBytes(job, bytes, fs, tempTag);
  } catch (e) {
    // A bug, not the file's fault: the batch goes on and the row says so.
    return unreadable(job, 'internalError', CLI_TEXT.internalError(e instanceof Error ? e.message : String(e)));
  }
}

async function scoreBytes(job: Job, bytes: Uint8Array, fs: FileSystem, tempTag: () => string): Promise<FileReport> {
  const opened = openWorkbookFile(bytes, nodeZip);
  if (!opened.ok) return unreadable(job, opened.error.code, problemText(opened.error));
  const { book } = opened.value;
  const outcome = scoreBook(book);
  const inputs = evaluationsOf(book).evaluations;
  const unit = unitOf(job.file, statedUnitName(book));
  const problems: ProblemRow[] = [];
  for (const e of outcome.book.errors) problems.push(problemRow(job.file, e, 'error'));
  for (const w of outcome.book.warnings) problems.push(problemRow(job.file, w, 'warning'));

  let copy: string | null = null;
  let copyProblem: string | null = null;
  if (job.copyTo !== null && outcome.errors.length === 0) {
    copyProblem = await writeCopy(job, opened.value.apply(outcome.plan), fs, tempTag);
    if (copyProblem === null) copy = job.copyTo;
    else problems.push({ file: job.file, cell: '', level: 'error', text: copyProblem });
  }

  const report: FileReport = { index: job.index, file: job.file, status: 'scored', evaluations: [], problems, review: [], json: [], copy };
  outcome.evaluations.forEach((evaluation, i) => {
    const input = inputs[i] && inputs[i].scope === evaluation.scope ? inputs[i].input : null;
    const merged: EvaluationOutcome = {
      ...evaluation,
      errors: [...outcome.book.errors, ...evaluation.errors],
      warnings: [...outcome.book.warnings, ...evaluation.warnings],
    };
    const scope = outcome.evaluations.length === 1 && evaluation.scope === null ? '' : scopeLabel(evaluation.scope);
    for (const e of evaluation.errors) problems.push(problemRow(job.file, e, 'error'));
    for (const w of evaluation.warnings) problems.push(problemRow(job.file, w, 'warning'));
    const review = input ? reviewEvaluation(input, evaluation) : { stated: [], findings: [] };
    for (const f of review.findings) {
      const t = reviewText(f);
      const cell = f.cell ? formatCell(f.cell) : '';
      report.review.push({ file: job.file, unit, scope, cell, ...t });
      problems.push({ file: job.file, cell, level: 'review', text: t.text });
    }
    const s = evaluation.summary;
    const stated = statedTotal(review.stated);
    const status = merged.errors.length > 0 ? 'workbookErrors' : copyProblem !== null ? 'writeFailed' : 'scored';
    report.evaluations.push({
      file: job.file, unit, scope,
      executionRate: s ? s.execution.rate : null,
      executionScore: s ? s.execution.score : null,
      indicatorTotal: s ? s.indicatorTotal : null,
      total: s && merged.errors.length === 0 ? s.total : null,
      grade: s && merged.errors.length === 0 ? s.grade : null,
      statedTotal: stated,
      difference: s && stated !== null && merged.errors.length === 0 ? decimalSum([s.total, decimalTimes(stated, '-1')]) : null,
      warnings: merged.warnings.length,
      errors: merged.errors.length,
      status,
    });
    if (job.json) report.json.push({ file: job.file, scope: evaluation.scope, ...toJson(merged) });
  });
  report.status = outcome.errors.length > 0 ? 'workbookErrors' : copyProblem !== null ? 'writeFailed' : 'scored';
  return report;
}

/** The scored copy under --out-dir: refused where `score -o` would refuse it (the input itself, a link, a device…). */
async function writeCopy(job: Job, built: XlsxResult<Uint8Array>, fs: FileSystem, tempTag: () => string): Promise<string | null> {
  const target = job.copyTo!;
  if (!built.ok) return CLI_TEXT.inFile(job.file, problemText(built.error));
  try {
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const refusal = await targetProblem(fs, job.path, target, { inPlace: false, force: job.force });
    if (refusal) return usageMessage(refusal);
    await replaceAtomically(fs, target, built.value, tempTag());
    return null;
  } catch (e) {
    return usageMessage({ code: 'cannotWrite', file: target, reason: reasonOf(e) });
  }
}

function reasonOf(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return systemReason(err?.code, err?.message ?? String(e));
}
