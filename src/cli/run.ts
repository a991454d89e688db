import * as path from 'path';
import { fileScoringHost, type FileError } from '../hosts/xlsx';
import { CLI_TEXT, systemReason, usageMessage, type UsageProblem } from '../messages/cli';
import { fileErrorText } from '../messages/file-errors';
import { scoreThrough, type ScoringHost } from '../workbook/pipeline';
import type { FileSystem } from './file-system';
import { helpText } from './help';
import { fileProblemJson, toJson } from './json-view';
import { EXIT } from './options';
import { parseArgs, type ParsedArgs } from './parse-args';
import { renderText } from './text-view';

export interface CliIo {
  fs: FileSystem;
  stdout(text: string): void;
  stderr(text: string): void;
  version: string;
  /** Unique part of temporary file names (pid, random); injectable for tests. */
  tempTag(): string;
}

/**
 * The whole CLI as a function: returns the exit code and never calls
 * process.exit. Output is gated here: with --json only JSON goes to stdout.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return usage(parsed.problem, false, io);
  const args = parsed.args;
  if (args.help) {
    io.stdout(helpText());
    return EXIT.scored;
  }
  if (args.version) {
    io.stdout(io.version + '\n');
    return EXIT.scored;
  }
  if (args.command === null) return usage({ code: 'noCommand' }, args.json, io);
  if (args.command !== 'score') return usage({ code: 'unknownCommand', command: args.command }, args.json, io);
  if (args.files.length === 0) return usage({ code: 'noFile' }, args.json, io);
  if (args.files.length > 1) return usage({ code: 'tooManyFiles' }, args.json, io);
  if (args.output !== undefined && args.inPlace) return usage({ code: 'outputAndInPlace' }, args.json, io);
  return score(args.files[0], args, io);
}

/** What can stop a CLI run besides the workbook's own issues: the file itself, or where it is written. */
type CliProblem = { kind: 'file'; error: FileError } | { kind: 'usage'; problem: UsageProblem };

async function score(input: string, args: ParsedArgs, io: CliIo): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await io.fs.readFile(input);
  } catch (e) {
    return usage({ code: 'cannotRead', file: input, reason: reasonOf(e) }, args.json, io);
  }
  const target = args.inPlace ? input : args.output ?? defaultOutput(input);
  const file = fileScoringHost(bytes);
  const host: ScoringHost<CliProblem, string> = {
    async read() {
      const read = await file.read();
      return read.ok ? read : { ok: false, problem: { kind: 'file', error: read.problem } };
    },
    // The output path is checked only now: a workbook with errors is reported (exit 1) whatever the path.
    async write(plan, outcome) {
      if (!args.inPlace) {
        if (await sameFile(io.fs, input, target)) return { ok: false, problem: { kind: 'usage', problem: { code: 'sameFile', file: target } } };
        if (!args.force && (await io.fs.exists(target))) return { ok: false, problem: { kind: 'usage', problem: { code: 'outputExists', file: target } } };
      }
      const written = await file.write(plan, outcome);
      if (!written.ok) return { ok: false, problem: { kind: 'file', error: written.problem } };
      try {
        await replaceAtomically(io, target, written.value);
      } catch (e) {
        return { ok: false, problem: { kind: 'usage', problem: { code: 'cannotWrite', file: target, reason: reasonOf(e) } } };
      }
      return { ok: true, value: target };
    },
  };
  const result = await scoreThrough(host, { write: true });
  if (result.kind === 'unreadable') return cliProblem(result.problem, input, args.json, io);
  const { outcome } = result;
  const name = path.basename(input);
  if (outcome.errors.length > 0) {
    if (args.json) io.stdout(JSON.stringify(toJson(outcome), null, 2) + '\n');
    else io.stdout(renderText(outcome, name).join('\n') + '\n' + CLI_TEXT.notWritten + '\n');
    return EXIT.workbookErrors;
  }
  if (result.problem) return cliProblem(result.problem, input, args.json, io);
  // stdout carries exactly the contract's JSON; where the file went is said on stderr.
  if (args.json) {
    io.stdout(JSON.stringify(toJson(outcome), null, 2) + '\n');
    io.stderr(CLI_TEXT.written(target) + '\n');
  } else io.stdout(renderText(outcome, name).join('\n') + '\n\n' + CLI_TEXT.written(target) + '\n');
  return EXIT.scored;
}

function cliProblem(problem: CliProblem, input: string, json: boolean, io: CliIo): number {
  if (problem.kind === 'usage') return usage(problem.problem, json, io);
  return fileProblem(problem.error.code, `${input}：${fileErrorText(problem.error)}`, json, io);
}

/** `自评表.xlsx` → `自评表.scored.xlsx` beside it. */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), path.basename(input, ext) + '.scored' + (ext || '.xlsx'));
}

/**
 * Writes a temporary file in the target's folder, then renames it over the
 * target: the target is either the old file or the complete new one, never
 * half-written; on any failure the temporary file is removed.
 */
async function replaceAtomically(io: CliIo, target: string, data: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${io.tempTag()}.tmp`);
  try {
    await io.fs.writeFile(temp, data);
    await io.fs.rename(temp, target);
  } catch (e) {
    await io.fs.remove(temp).catch(() => undefined);
    throw e;
  }
}

async function sameFile(fs: FileSystem, a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return (await fs.realPath(a)) === (await fs.realPath(b));
  } catch {
    return false;
  }
}

function reasonOf(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return systemReason(err?.code, err?.message ?? String(e));
}

function usage(problem: UsageProblem, json: boolean, io: CliIo): number {
  return fileProblem(problem.code, usageMessage(problem), json, io);
}

function fileProblem(code: string, message: string, json: boolean, io: CliIo): number {
  if (json) io.stdout(JSON.stringify(fileProblemJson(code, message), null, 2) + '\n');
  else io.stderr('错误：' + message + '\n');
  return EXIT.usageOrFile;
}
