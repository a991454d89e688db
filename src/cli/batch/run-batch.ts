import { promises as fsp } from 'fs';
import * as path from 'path';
import { BATCH_TEXT, SHEET_NAMES, SKIP_REASONS, STATUS_TEXT } from '../../messages/batch';
import { CLI_TEXT, systemReason, usageMessage, type UsageProblem } from '../../messages/cli';
import { EXIT } from '../exit-codes';
import { fileProblemJson } from '../file-problem-json';
import type { ParsedArgs } from '../parse-args';
import { replaceAtomically } from '../replace-atomically';
import type { CliIo } from '../run';
import { discover } from './discover';
import { inThreadRunner, workerRunner } from './pool';
import { NO_PROGRESS, progressBar, type Progress } from './progress';
import { summaryCsv } from './summary-csv';
import { summaryTables } from './summary-tables';
import { summaryXlsx } from './summary-xlsx';
import type { FileReport, Job } from './types';

/** Where the summary goes: one .xlsx, or three .csv files (汇总.csv, 汇总-问题清单.csv, 汇总-复核.csv). */
function summaryTargets(output: string | undefined, format: 'xlsx' | 'csv'): { targets: string[]; problem: UsageProblem | null } {
  const ext = '.' + format;
  const main = path.resolve(output ?? BATCH_TEXT.defaultSummary + ext);
  if (path.extname(main).toLowerCase() !== ext) return { targets: [main], problem: { code: 'summaryName', file: output ?? main, expected: ext } };
  if (format === 'xlsx') return { targets: [main], problem: null };
  const base = main.slice(0, main.length - ext.length);
  return { targets: [main, BATCH_TEXT.csvPart(base, SHEET_NAMES.problems) + ext, BATCH_TEXT.csvPart(base, SHEET_NAMES.review) + ext], problem: null };
}

/**
 * `selfeval batch <文件夹|工作簿…>`: finds the workbooks, scores them on
 * worker threads (each file read once, by its worker), and writes the
 * summary — only when the batch ran to its end, through a temporary file —
 * plus, with --out-dir, each error-free workbook's scored copy. One file's
 * problem is its row; the exit code says whether every file scored.
 */
export async function runBatch(args: ParsedArgs, io: CliIo): Promise<number> {
  const { output, outDir, force, jobs, json } = args.options;
  // --format is xlsx unless given (parse-args has checked it is one of batch's).
  const format = args.options.format === 'csv' ? 'csv' : 'xlsx';
  const started = Date.now();
  const say = (line: string) => (json ? io.stderr(line + '\n') : io.stdout(line + '\n'));
  const usage = (problem: UsageProblem) => {
    const message = usageMessage(problem);
    if (json) io.stdout(JSON.stringify(fileProblemJson(problem.code, message)) + '\n');
    else io.stderr(CLI_TEXT.errorPrefix + message + '\n');
    return EXIT.usageOrFile;
  };

  const { targets, problem } = summaryTargets(output, format);
  if (problem) return usage(problem);
  for (const target of targets) {
    const refusal = await summaryRefusal(io, target, force);
    if (refusal) return usage(refusal);
  }
  const inside = await insideInputs(args.positionals, targets, outDir);
  if (inside) return usage(inside);
  const found = await discover(args.positionals, { files: targets, folder: outDir ?? null });
  if (!found.ok) return usage({ code: 'cannotRead', file: found.input, reason: reasonOf(found.error) });
  if (found.found.length === 0) return usage({ code: 'noWorkbooks', inputs: args.positionals });

  const list: Job[] = found.found.map((f, index) => ({
    index,
    path: f.path,
    file: f.file,
    copyTo: outDir ? path.join(outDir, ...f.file.split('/')) : null,
    force,
    json,
  }));
  const env = io.batch;
  const threads = jobs ?? env?.parallelism ?? 1;
  const runner = threads > 1 && env?.workerScript ? workerRunner(env.workerScript, threads) : inThreadRunner(io.fs, io.tempTag);
  let interrupted = false;
  const unsubscribe = env ? env.onInterrupt(() => {
    interrupted = true;
    runner.stop();
  }) : () => undefined;
  const progress: Progress = env?.progress ? await progressBar(list.length, env.progress) : NO_PROGRESS;
  const reports: FileReport[] = [];
  // JSON Lines in file order, whichever worker finished first: each report waits for the ones before it.
  const waiting = new Map<number, FileReport>();
  let printed = 0;
  try {
    await runner.run(list, (report) => {
      reports.push(report);
      progress.tick(report.file);
      if (!json) return;
      waiting.set(report.index, report);
      for (let next = waiting.get(printed); next; next = waiting.get(printed)) {
        waiting.delete(printed++);
        for (const line of next.json) io.stdout(JSON.stringify(line) + '\n');
      }
    });
  } finally {
    progress.stop();
    unsubscribe();
  }
  if (interrupted) {
    io.stderr(BATCH_TEXT.interrupted + '\n');
    return EXIT.interrupted;
  }

  reports.sort((a, b) => a.index - b.index);
  if (found.skipped.length > 0) {
    say(BATCH_TEXT.skippedHeading(found.skipped.length));
    for (const s of found.skipped) say(BATCH_TEXT.skipped(s.file, SKIP_REASONS[s.reason]));
  }
  for (const r of reports) {
    if (r.status === 'scored') continue;
    const first = r.problems.find((p) => p.level === 'error');
    say(BATCH_TEXT.fileLine(r.file, STATUS_TEXT[r.status], first ? first.text : ''));
  }

  const tables = summaryTables(reports, found.skipped);
  const parts = format === 'xlsx' ? [await summaryXlsx(tables)] : tables.map(summaryCsv);
  for (let i = 0; i < targets.length; i++) {
    try {
      await replaceAtomically(io.fs, targets[i], parts[i], io.tempTag());
    } catch (e) {
      return usage({ code: 'cannotWrite', file: targets[i], reason: reasonOf(e) });
    }
  }

  const count = (status: FileReport['status']) => reports.filter((r) => r.status === status).length;
  const copies = reports.filter((r) => r.copy !== null).length;
  say(BATCH_TEXT.closing({
    files: reports.length,
    scored: count('scored') + count('writeFailed'),
    errors: count('workbookErrors'),
    fileErrors: count('fileError'),
    skipped: found.skipped.length,
    seconds: ((Date.now() - started) / 1000).toFixed(1),
  }));
  say(BATCH_TEXT.summaryWritten(targets.map((t) => path.relative('.', t) || t).join(CLI_TEXT.listSeparator)));
  if (outDir) say(BATCH_TEXT.copiesWritten(copies, outDir));
  return reports.every((r) => r.status === 'scored') ? EXIT.success : EXIT.workbookErrors;
}

/**
 * Nothing the batch writes may land on an input: the summary not inside an
 * input folder (nor be an input file), the copies' folder not an input folder
 * itself (it may lie inside one: discovery leaves it out).
 */
async function insideInputs(inputs: readonly string[], targets: readonly string[], outDir: string | undefined): Promise<UsageProblem | null> {
  const real = async (p: string) => {
    const full = path.resolve(p);
    const dir = await fsp.realpath(path.dirname(full)).catch(() => path.dirname(full));
    return path.join(dir, path.basename(full));
  };
  const roots = await Promise.all(inputs.map(real));
  for (const target of targets) {
    const t = await real(target);
    if (roots.some((r) => t === r || t.startsWith(r + path.sep))) return { code: 'summaryIsInput', file: target };
  }
  if (outDir !== undefined) {
    const o = await real(outDir);
    if (roots.includes(o)) return { code: 'outDirIsInput', folder: outDir };
  }
  return null;
}

/** The summary may replace only a regular file, with --force (and never an input: discover leaves it out, and this says why). */
async function summaryRefusal(io: CliIo, target: string, force: boolean): Promise<UsageProblem | null> {
  const at = await io.fs.inspect(target).catch(() => ({ link: false, kind: 'missing' as const }));
  if (at.link) return { code: 'outputLink', file: target };
  if (at.kind !== 'file' && at.kind !== 'missing') return { code: 'notRegularFile', file: target, kind: at.kind };
  if (at.kind === 'file' && !force) return { code: 'outputExists', file: target };
  return null;
}

function reasonOf(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return systemReason(err?.code, err?.message ?? String(e));
}
