import * as path from 'path';
import type { FileError } from '../hosts/xlsx';
import { CLI_TEXT, systemReason, usageMessage, type UsageProblem } from '../messages/cli';
import { problemText } from '../messages/problems';
import type { BookInput } from '../workbook/cells';
import type { ScoringHost } from '../workbook/pipeline';
import { COMMANDS, type CommandName } from './commands';
import { EXIT } from './exit-codes';
import type { FileSystem } from './file-system';
import { commandHelp, generalHelp } from './help';
import { fileProblemJson } from './file-problem-json';
import { defaultOutput, defaultReportOutput, targetProblem } from './output-target';
import { argumentProblem, parseArgs, type ParsedArgs } from './parse-args';
import { replaceAtomically } from './replace-atomically';

export interface CliIo {
  fs: FileSystem;
  stdout(text: string): void;
  stderr(text: string): void;
  version: string;
  /** Unique part of temporary file names (pid, random); injectable for tests. */
  tempTag(): string;
  /** What `batch` needs from the process; without it a batch runs in this thread, without progress bar or Ctrl-C handling. */
  batch?: BatchEnvironment;
}

export interface BatchEnvironment {
  /** The CLI's entry file, started again as a worker thread (src/cli/selfeval.ts); null: no workers. */
  workerScript: string | null;
  /** --jobs when not given: the number of cores. */
  parallelism: number;
  /** Where the progress bar goes (stderr on a terminal), or null for none. */
  progress: NodeJS.WritableStream | null;
  /** Calls `handler` on Ctrl-C until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

/**
 * The score command's machinery (xlsx host, pipeline, views), evaluated only when a workbook is
 * scored: --help, --version and usage errors never load it (in dist/selfeval.cjs too, where
 * webpack keeps this import() as a lazily evaluated module of the same file).
 */
const loadScoring = () => import('./scoring');
/** The batch command, as lazily (it also brings ExcelJS for the summary and worker_threads). */
const loadBatch = () => import('./batch/run-batch');

type Handler = (args: ParsedArgs, io: CliIo) => Promise<number>;

/** Each command's implementation; keyed by CommandName, so a command without one fails to compile. */
const HANDLERS: Record<CommandName, Handler> = { score: runScore, name: runName, report: runReport, batch: async (args, io) => (await loadBatch()).runBatch(args, io), help: runHelp };

/** The .docx writer (the docx package), loaded only for a .docx report. */
const loadDocx = () => import('../hosts/report/docx');

type ReportFormat = 'docx' | 'md' | 'txt';
const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'md', 'txt'];

/** --format, else the extension of -o when it is one of the formats, else docx. */
function reportFormat(format: ReportFormat | undefined, output: string | undefined): ReportFormat {
  if (format) return format;
  const ext = output ? path.extname(output).toLowerCase().slice(1) : '';
  return REPORT_FORMATS.filter((f) => f === ext)[0] ?? 'docx';
}

/**
 * `selfeval report <workbook>`: read, check and score exactly as `score
 * --check` does (the workbook is never written), then write the 自评报告 of
 * the scored outcome. On workbook errors it fails like score (exit 1, the
 * cells named) and writes nothing; the target is looked at only then, with
 * score's safety (a new path or a regular file with --force, atomically).
 */
async function runReport(args: ParsedArgs, io: CliIo): Promise<number> {
  const [input] = args.positionals;
  const { output, force } = args.options;
  const format = reportFormat(args.options.format as ReportFormat | undefined, output);
  let bytes: Uint8Array;
  try {
    bytes = await io.fs.readFile(input);
  } catch (e) {
    return usage({ code: 'cannotRead', file: input, reason: reasonOf(e) }, false, io);
  }
  const { fileScoringHost, scoreThrough, renderBookText, selfReportOf, reportMarkdown, reportText, placeholderCount } = await loadScoring();
  const file = fileScoringHost(bytes);
  const host: ScoringHost<CliProblem, null> = {
    async read() {
      const read = await file.read();
      return read.ok ? read : { ok: false, problem: { kind: 'file', error: read.problem } };
    },
    async write() {
      return { ok: true, value: null };
    },
  };
  const result = await scoreThrough(host, { write: false });
  if (result.kind === 'unreadable') return cliProblem(result.problem, input, false, io);
  const { outcome } = result;
  const summary = renderBookText(outcome, path.basename(input)).join('\n') + '\n';
  const doc = selfReportOf(outcome);
  if (outcome.errors.length > 0 || !doc) {
    io.stdout(summary + CLI_TEXT.reportNotWritten + '\n');
    return EXIT.workbookErrors;
  }
  const extension = '.' + format;
  const target = output ?? defaultReportOutput(input, extension, CLI_TEXT.reportSuffix);
  let content: Uint8Array;
  if (format === 'docx') content = await (await loadDocx()).reportDocx(doc);
  else content = new TextEncoder().encode(format === 'md' ? reportMarkdown(doc) : reportText(doc));
  try {
    const refusal = await targetProblem(io.fs, input, target, { inPlace: false, force, report: extension });
    if (refusal) return usage(refusal, false, io);
    await replaceAtomically(io.fs, target, content, io.tempTag());
  } catch (e) {
    return usage({ code: 'cannotWrite', file: target, reason: reasonOf(e) }, false, io);
  }
  const placeholders = placeholderCount(doc);
  io.stdout(summary + '\n' + CLI_TEXT.reportWritten(target) + '\n' + (placeholders > 0 ? CLI_TEXT.reportPlaceholders(placeholders) + '\n' : ''));
  return EXIT.success;
}

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
  const { fileScoringHost, scoreThrough, renderBookText, bookJson, nodeZip } = await loadScoring();
  const target = inPlace ? input : output ?? defaultOutput(input);
  const file = fileScoringHost(bytes, nodeZip);
  let book: BookInput | null = null;
  const host: ScoringHost<CliProblem, string | null> = {
    async read() {
      const read = await file.read();
      if (read.ok) book = read.value;
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
    // A workbook without any contract name: what its headers show, and the command that names it (forms issue §3).
    if (!json && book && hasNoNames(book)) return reportNameless(bytes, input, io);
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

/** True when the workbook defines none of the contract's names, at any scope. */
function hasNoNames(book: BookInput): boolean {
  return (
    book.sheets.length === 0 &&
    Object.keys(book.workbook).every((name) => {
      const resolution = book.workbook[name as keyof BookInput['workbook']];
      return !resolution || resolution.kind === 'missing';
    })
  );
}

/** `selfeval score` on a workbook without names: the tables found, the names they would get, how to set them; exit 1. */
async function reportNameless(bytes: Uint8Array, input: string, io: CliIo): Promise<number> {
  const { proposeNamesForFile, detectionLines, DETECT_TEXT } = await loadScoring();
  const detected = proposeNamesForFile(bytes);
  if (!detected.ok) return fileProblem(detected.error.code, CLI_TEXT.inFile(input, problemText(detected.error)), false, io);
  const { found, names, problems } = detected.value.proposal;
  const lines = detectionLines(found, names, problems);
  lines.push(problems.length > 0 ? DETECT_TEXT.fixThenName(input) : DETECT_TEXT.fixCommand(input, defaultOutput(input, 'named')));
  io.stdout(lines.join('\n') + '\n' + CLI_TEXT.notWritten + '\n');
  return EXIT.workbookErrors;
}

/**
 * `selfeval name <workbook>`: finds the tables of a workbook without names
 * and writes the proposed names into a copy (only workbook.xml changes),
 * under the same rules for the output path as `score`. A proposal with a
 * problem, or a workbook that has names already, writes nothing (exit 1).
 */
async function runName(args: ParsedArgs, io: CliIo): Promise<number> {
  const [input] = args.positionals;
  const { output, force } = args.options;
  let bytes: Uint8Array;
  try {
    bytes = await io.fs.readFile(input);
  } catch (e) {
    return usage({ code: 'cannotRead', file: input, reason: reasonOf(e) }, false, io);
  }
  const { nameWorkbookFile, detectionLines, DETECT_TEXT } = await loadScoring();
  const result = nameWorkbookFile(bytes);
  if (!result.ok) return fileProblem(result.error.code, CLI_TEXT.inFile(input, problemText(result.error)), false, io);
  const { proposal, named, alreadyNamed } = result.value;
  if (alreadyNamed.length > 0) {
    io.stdout(DETECT_TEXT.alreadyNamed(alreadyNamed) + '\n' + CLI_TEXT.notWritten + '\n');
    return EXIT.workbookErrors;
  }
  const lines = detectionLines(proposal.found, proposal.names, proposal.problems);
  if (!named) {
    io.stdout(lines.join('\n') + '\n' + CLI_TEXT.notWritten + '\n');
    return EXIT.workbookErrors;
  }
  const target = output ?? defaultOutput(input, 'named');
  try {
    const refusal = await targetProblem(io.fs, input, target, { inPlace: false, force });
    if (refusal) return usage(refusal, false, io);
    await replaceAtomically(io.fs, target, named, io.tempTag());
  } catch (e) {
    return usage({ code: 'cannotWrite', file: target, reason: reasonOf(e) }, false, io);
  }
  io.stdout([...lines, DETECT_TEXT.namedWritten(target), DETECT_TEXT.nextScore(target)].join('\n') + '\n');
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
