import { COMMAND_TEXT, type CommandText } from '../messages/cli';
import { OPTIONS, type OptionName, type OptionSpec } from './options';

/**
 * One subcommand, as data: its positional arguments and the options it takes
 * (besides the global ones), in help order. Its text (summary, placeholders,
 * what it writes, examples) is COMMAND_TEXT[name]; its implementation is the
 * handler runCli maps it to. Adding a command is one entry here, one in
 * COMMAND_TEXT and its handler; adding an option is one entry in OPTIONS
 * (and its name in the commands that take it).
 */
export interface CommandSpec<O extends string = string> {
  name: string;
  /** `variadic`: the last positional takes every remaining argument (`batch <文件夹|工作簿…>`). */
  positionals: ReadonlyArray<{ name: string; required: boolean; variadic?: boolean }>;
  options: readonly O[];
  /**
   * Conflicts that replace the options' own (options.ts) for this command:
   * `batch --check -o 汇总.xlsx` is fine (the summary is still written), `batch --check --out-dir` is not.
   */
  conflicts?: Readonly<Partial<Record<O, readonly O[]>>>;
  /** The values a `choice` option takes in this command, narrowing the option's (`report --format docx|md|txt`). */
  choices?: Readonly<Partial<Record<O, readonly string[]>>>;
}

export const COMMANDS = [
  { name: 'score', positionals: [{ name: 'workbook', required: true }], options: ['output', 'in-place', 'force', 'check', 'json'] },
  { name: 'name', positionals: [{ name: 'workbook', required: true }], options: ['output', 'force'] },
  {
    name: 'report',
    positionals: [{ name: 'workbook', required: true }],
    options: ['output', 'format', 'force'],
    choices: { format: ['docx', 'md', 'txt'] },
  },
  {
    name: 'batch',
    positionals: [{ name: 'inputs', required: true, variadic: true }],
    options: ['output', 'out-dir', 'check', 'force', 'jobs', 'json', 'format'],
    conflicts: { check: ['out-dir'], output: [], force: [] },
    choices: { format: ['xlsx', 'csv'] },
  },
  { name: 'help', positionals: [{ name: 'command', required: false }], options: [] },
] as const satisfies readonly CommandSpec<OptionName>[];

export type CommandName = (typeof COMMANDS)[number]['name'];

/** The whole command-line interface as data: what parseArgs reads (tests may hand it a larger one). */
export interface CliTable {
  options: readonly OptionSpec[];
  commands: readonly CommandSpec[];
}

export const CLI_TABLE: CliTable = { options: OPTIONS, commands: COMMANDS };

/** The command's text; indexing by CommandName makes a missing entry in COMMAND_TEXT a compile error. */
export function commandText(name: CommandName): CommandText {
  return COMMAND_TEXT[name];
}

/** The options that cannot be given together with `option` in `command` (the command's own list, else the option's). */
export function conflictsOf(option: OptionSpec, command: CommandSpec | null): readonly string[] {
  const own = command?.conflicts as Readonly<Record<string, readonly string[] | undefined>> | undefined;
  return (own && own[option.name]) ?? option.conflicts ?? [];
}

/** The options a command takes, its own first, then the global ones. */
export function optionsOf(command: CommandSpec, table: CliTable = CLI_TABLE): OptionSpec[] {
  const own = command.options.map((name) => table.options.find((o) => o.name === name)!);
  return [...own, ...table.options.filter((o) => o.global)];
}

/** The values of a choice option in `command`: the command's own list, else the option's. */
export function choicesOf(option: OptionSpec, command: CommandSpec | null): readonly string[] | undefined {
  const own = command?.choices as Readonly<Record<string, readonly string[] | undefined>> | undefined;
  return (own && own[option.name]) ?? option.value?.choices;
}
