import * as path from 'path';
import type { FileError } from '../hosts/xlsx';
import { CLI_TEXT, systemReason, usageMessage, type UsageProblem } from '../messages/cli';
import { problemText } from '../messages/problems';
import type { ScoringHost } from '../workbook/pipeline';
import { COMMANDS, type CommandName } from './commands';
import { EXIT } from './exit-codes';
import type { FileSystem } from './file-system';
import { commandHelp, generalHelp } from './help';
import { fileProblemJson } from './file-problem-json';
import { defaultOutput, targetProblem } from './output-target';
import { argumentProblem, parseArgs, type ParsedArgs } from './parse-args';
import { replaceAtomically } from './replace-atomically';

export interface CliIo {
  fs: FileSystem;
  stdout(text: string): void;
  stderr(text: string): void;
  version: string;
  /** Unique part of temporary file names (pid, random); injectable for tests. */
  tempTag(): string;
}

/**
 * The score command's machinery (xlsx host, pipeline, views), evaluated only when a workbook is
 * scored: --help, --version and usage errors never load it (in dist/selfeval.cjs too, where
 * webpack keeps this import() as a lazily evaluated module of the same file).
 */
const loadScoring = () => import('./scoring');

type Handler = (args: ParsedArgs, io: CliIo) => Promise<number>;

/** Each command's implementation; keyed by CommandName, so a command without one fails to compile. */
const HANDLERS: Record<CommandName, Handler> = { score: runScore, help: runHelp };

/**
 * The whole CLI as a function: returns the exit code and never calls
 * process.exit. Output is gated here: with --json only JSON goes to stdout.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return usage(parsed.problem, parsed.given.has('json'), io);
  const { command, options } = parsed.args;
  if (options.version) {
    io.stdout(io.version + '\n');
    return EXIT.success;
  }
  if (options.help) {
    io.stdout(command ? commandHelp(command) : generalHelp());
    return EXIT.success;
  }
  if (command === null) return usage({ code: 'noCommand', valid: COMMANDS.map((c) => c.name) }, options.json, io);
  const problem = argumentProblem(command, parsed.args.positionals);
  if (problem) return usage(problem, options.json, io);
  return HANDLERS[command.name as CommandName](parsed.args, io);
}

/** `selfeval help [command]`. */
async function runHelp(args: ParsedArgs, io: CliIo): Promise<number> {
  const [name] = args.positionals;
  if (name === undefined) io.stdout(generalHelp());
  else {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) return usage({ code: 'unknownCommand', command: name, valid: COMMANDS.map((c) => c.name) }, false, io);
    io.stdout(commandHelp(command));
  }
  return EXIT.success;
}

/** What can stop a score run besides the workbook's own issues: the file itself, or where it goes. */
type CliProblem = { kind: 'file'; error: FileError } | { kind: 'usage'; problem: UsageProblem };

/**
 * `selfeval score <workbook>`: the pipeline over the file host, whose write
 * step builds the scored workbook in memory and then writes the copy, the
 * input (--in-place) or nothing (--check: a check fails exactly where a real
 * run would, and touches no file).
 */
async function runScore(args: ParsedArgs, io: CliIo): Promise<number> {
  const [input] = args.positionals;
  const { output, inPlace, force, check, json } = args.options;
  let bytes: Uint8Array;
  try {
    bytes = await io.fs.readFile(input);
  } catch (e) {
    return usage({ code: 'cannotRead', file: input, reason: reasonOf(e) }, json, io);
  }
  const { fileScoringHost, scoreThrough, renderBookText, bookJson, nodeDeflate } = await loadScoring();
  const target = inPlace ? input : output ?? defaultOutput(input);
  const file = fileScoringHost(bytes, { deflate: nodeDeflate });
  const host: ScoringHost<CliProblem, string | null> = {
    async read() {
      const read = await file.read();
      return read.ok ? read : { ok: false, problem: { kind: 'file', error: read.problem } };
    },
    // The output path is looked at only now: a workbook with errors is reported (exit 1) wherever it would go.
    async write(plan, outcome) {
      const built = await file.write(plan, outcome);
      if (!built.ok) return { ok: false, problem: { kind: 'file', error: built.problem } };
      if (check) return { ok: true, value: null };
      try {
        const refusal = await targetProblem(io.fs, input, target, { inPlace, force });
        if (refusal) return { ok: false, problem: { kind: 'usage', problem: refusal } };
        await replaceAtomically(io.fs, target, built.value, io.tempTag());
      } catch (e) {
        return { ok: false, problem: { kind: 'usage', problem: { code: 'cannotWrite', file: target, reason: reasonOf(e) } } };
      }
      return { ok: true, value: target };
    },
  };
  const result = await scoreThrough(host, { write: true });
  if (result.kind === 'unreadable') return cliProblem(result.problem, input, json, io);
  const { outcome } = result;
  const report = (closing: string) => {
    if (json) io.stdout(JSON.stringify(bookJson(outcome), null, 2) + '\n');
    else io.stdout(renderBookText(outcome, path.basename(input)).join('\n') + '\n' + closing + '\n');
  };
  if (outcome.errors.length > 0) {
    report(CLI_TEXT.notWritten);
    return EXIT.workbookErrors;
  }
  if (result.problem) return cliProblem(result.problem, input, json, io);
  if (result.written === null) {
    report('\n' + CLI_TEXT.checkedOnly);
    return EXIT.success;
  }
  // stdout carries exactly the contract's JSON; where the file went is said on stderr.
  report('\n' + CLI_TEXT.written(result.written));
  if (json) io.stderr(CLI_TEXT.written(result.written) + '\n');
  return EXIT.success;
}

function cliProblem(problem: CliProblem, input: string, json: boolean, io: CliIo): number {
  if (problem.kind === 'usage') return usage(problem.problem, json, io);
  return fileProblem(problem.error.code, CLI_TEXT.inFile(input, problemText(problem.error)), json, io);
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
  else io.stderr(CLI_TEXT.errorPrefix + message + '\n');
  return EXIT.usageOrFile;
}
