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
  positionals: ReadonlyArray<{ name: string; required: boolean }>;
  options: readonly O[];
}

export const COMMANDS = [
  { name: 'score', positionals: [{ name: 'workbook', required: true }], options: ['output', 'in-place', 'force', 'check', 'json'] },
  { name: 'name', positionals: [{ name: 'workbook', required: true }], options: ['output', 'force'] },
  { name: 'report', positionals: [{ name: 'workbook', required: true }], options: ['output', 'format', 'force'] },
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

/** The options a command takes, its own first, then the global ones. */
export function optionsOf(command: CommandSpec, table: CliTable = CLI_TABLE): OptionSpec[] {
  const own = command.options.map((name) => table.options.find((o) => o.name === name)!);
  return [...own, ...table.options.filter((o) => o.global)];
}
