import * as path from 'path';
import { openWorkbookFile } from '../hosts/xlsx';
import { CLI_TEXT, systemReason, usageMessage, type UsageProblem } from '../messages/cli';
import type { ScoreOutcome } from '../workbook/report';
import { scoreWorkbook } from '../workbook/score-workbook';
import { COMMANDS, type CommandName } from './commands';
import { EXIT } from './exit-codes';
import type { FileSystem } from './file-system';
import { commandHelp, generalHelp } from './help';
import { fileProblemJson, toJson } from './json-view';
import { defaultOutput, targetProblem } from './output-target';
import { argumentProblem, parseArgs, type ParsedArgs } from './parse-args';
import { replaceAtomically } from './replace-atomically';
import { renderText } from './text-view';

export interface CliIo {
  fs: FileSystem;
  stdout(text: string): void;
  stderr(text: string): void;
  version: string;
  /** Unique part of temporary file names (pid, random); injectable for tests. */
  tempTag(): string;
}

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

/** What the scoring steps give: a file problem, a workbook with errors, or the scored workbook's bytes. */
type Scored =
  | { ok: false; code: string; message: string }
  | { ok: true; outcome: ScoreOutcome; output: null }
  | { ok: true; outcome: ScoreOutcome; output: Uint8Array };

/**
 * The scoring steps, kept together (a shared pipeline will replace this
 * function): open the workbook once, score it, and apply the write plan in
 * memory. Touches no file; --check runs it too, so a check fails exactly
 * where a real run would.
 */
function scoreBytes(bytes: Uint8Array): Scored {
  const opened = openWorkbookFile(bytes);
  if (!opened.ok) return { ok: false, code: opened.error.code, message: opened.error.message };
  const outcome = scoreWorkbook(opened.value.input);
  if (outcome.errors.length > 0) return { ok: true, outcome, output: null };
  const written = opened.value.apply(outcome.plan);
  if (!written.ok) return { ok: false, code: written.error.code, message: written.error.message };
  return { ok: true, outcome, output: written.value };
}

/** `selfeval score <workbook>`: read, score, print; then write the copy, the input (--in-place) or nothing (--check). */
async function runScore(args: ParsedArgs, io: CliIo): Promise<number> {
  const [input] = args.positionals;
  const { output, inPlace, force, check, json } = args.options;
  let bytes: Uint8Array;
  try {
    bytes = await io.fs.readFile(input);
  } catch (e) {
    return usage({ code: 'cannotRead', file: input, reason: reasonOf(e) }, json, io);
  }
  const scored = scoreBytes(bytes);
  if (!scored.ok) return fileProblem(scored.code, CLI_TEXT.inFile(input, scored.message), json, io);

  const report = (closing: string) => {
    if (json) io.stdout(JSON.stringify(toJson(scored.outcome), null, 2) + '\n');
    else io.stdout(renderText(scored.outcome, path.basename(input)).join('\n') + '\n' + closing + '\n');
  };
  if (scored.output === null) {
    report(CLI_TEXT.notWritten);
    return EXIT.workbookErrors;
  }
  if (check) {
    report('\n' + CLI_TEXT.checkedOnly);
    return EXIT.success;
  }

  const target = inPlace ? input : output ?? defaultOutput(input);
  try {
    const refusal = await targetProblem(io.fs, input, target, { inPlace, force });
    if (refusal) return usage(refusal, json, io);
    await replaceAtomically(io.fs, target, scored.output, io.tempTag());
  } catch (e) {
    return usage({ code: 'cannotWrite', file: target, reason: reasonOf(e) }, json, io);
  }
  // stdout carries exactly the contract's JSON; where the file went is said on stderr.
  report('\n' + CLI_TEXT.written(target));
  if (json) io.stderr(CLI_TEXT.written(target) + '\n');
  return EXIT.success;
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
