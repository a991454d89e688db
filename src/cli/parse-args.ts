import type { UsageProblem } from '../messages/cli';
import { CLI_TABLE, choicesOf, conflictsOf, optionsOf, type CliTable, type CommandSpec } from './commands';
import { usageLine } from './help';
import { camelCase, optionRef, type OptionSpec, type OptionValues } from './options';

export interface ParsedArgs {
  /** null when no command was given (only --help or --version make sense then). */
  command: CommandSpec | null;
  /** The positional arguments after the command's name. */
  positionals: string[];
  options: OptionValues;
  /** Long names of the options given on the command line. */
  given: ReadonlySet<string>;
}

export type ArgsResult = { ok: true; args: ParsedArgs } | { ok: false; problem: UsageProblem; given: ReadonlySet<string> };

/**
 * Parses argv (without node and script) against the option and command
 * tables: `--name=value`, `--name value` and `-o value` all work, options may
 * stand anywhere, `--` ends them. Every value is checked by its option's
 * value type; unknown options and options the command does not take are
 * refused with the list of the ones it does take.
 */
export function parseArgs(argv: readonly string[], table: CliTable = CLI_TABLE): ArgsResult {
  const values: Record<string, unknown> = {};
  for (const o of table.options) values[camelCase(o.name)] = o.value ? o.default : false;
  const given = new Set<string>();
  const positional: string[] = [];
  let unknown: string | undefined;
  // The first problem with a known option; reported after the command is known, unknown options first.
  let problem: UsageProblem | undefined;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    const long = token.startsWith('--');
    const [flag, inline] = long ? splitInline(token.slice(2)) : [token.slice(1), undefined];
    const spec: OptionSpec | undefined = table.options.find((o) => (long ? o.name === flag : o.short === flag));
    if (!spec) {
      unknown ??= token;
      continue;
    }
    const typed = long ? `--${flag}` : token;
    if (spec.value && given.has(spec.name)) problem ??= { code: 'repeatedOption', option: optionRef(spec) };
    given.add(spec.name);
    const key = camelCase(spec.name);
    if (!spec.value) {
      if (inline !== undefined) problem ??= { code: 'unexpectedValue', option: typed };
      values[key] = true;
      continue;
    }
    const text = inline ?? argv[++i];
    if (text === undefined || text === '') {
      problem ??= { code: 'missingValue', option: typed };
      continue;
    }
    const parsed = spec.value.parse(text);
    if (parsed.ok) values[key] = parsed.value;
    else problem ??= { code: 'badValue', option: typed, value: text, problem: parsed.problem };
  }

  const fail = (p: UsageProblem): ArgsResult => ({ ok: false, problem: p, given });
  const [name, ...rest] = positional;
  const command = name === undefined ? null : table.commands.find((c) => c.name === name);
  if (command === undefined) return fail({ code: 'unknownCommand', command: name, valid: table.commands.map((c) => c.name) });
  const valid = command ? optionsOf(command, table) : table.options.filter((o) => o.global);
  if (unknown !== undefined) return fail({ code: 'unknownOption', option: unknown, valid: valid.map(optionRef), command: command?.name });
  if (problem) return fail(problem);
  if (command) {
    const misplaced = table.options.find((o) => given.has(o.name) && !valid.includes(o));
    if (misplaced) return fail({ code: 'optionNotForCommand', option: optionRef(misplaced), command: command.name, valid: valid.map(optionRef) });
  }
  for (const o of table.options) {
    // A choice the option knows but this command does not take (`batch --format docx`).
    const allowed = choicesOf(o, command);
    const value = values[camelCase(o.name)];
    if (given.has(o.name) && o.value?.choices && allowed && typeof value === 'string' && !allowed.includes(value)) {
      return fail({ code: 'badValue', option: optionRef(o), value, problem: { code: 'notChoice', choices: allowed } });
    }
  }
  for (const o of table.options) {
    const other = conflictsOf(o, command).find((c) => given.has(c));
    if (given.has(o.name) && other !== undefined) {
      const otherSpec = table.options.find((x) => x.name === other)!;
      return fail({ code: 'conflictingOptions', name: o.name, option: optionRef(o), other: optionRef(otherSpec) });
    }
  }
  return { ok: true, args: { command, positionals: rest, options: values as OptionValues, given } };
}

/** Too few or too many positional arguments for the command (checked after --help, which needs none). */
export function argumentProblem(command: CommandSpec, positionals: readonly string[]): UsageProblem | null {
  const missing = command.positionals.slice(positionals.length).find((p) => p.required);
  if (missing) return { code: 'missingArgument', command: command.name, argument: missing.name, usage: usageLine(command) };
  const last = command.positionals[command.positionals.length - 1];
  if (positionals.length > command.positionals.length && !last?.variadic) {
    return { code: 'extraArgument', argument: positionals[command.positionals.length], usage: usageLine(command) };
  }
  return null;
}

function splitInline(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}
