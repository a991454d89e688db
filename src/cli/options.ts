import { OPTION_TEXT, valuePlaceholder, type OptionText } from '../messages/cli';
import { choice, count, filePath, folderPath, type ValueType } from './value-types';

/**
 * One option, as data (npm-check-updates' cli-options style): the same table
 * parses argv (src/cli/parse-args.ts), prints --help (help.ts) and writes the
 * README's option table (option-table-markdown.ts). Its text is
 * OPTION_TEXT[name] in src/messages/cli.ts; which commands take it is said
 * once, in each command's entry (commands.ts), because a command is the unit
 * a feature adds.
 */
export interface OptionSpec {
  /** The long name: `output` is `--output`; the parsed value's key is its camelCase (`in-place` → `inPlace`). */
  name: string;
  /** One letter: `o` is `-o`. */
  short?: string;
  /** How the argument is read and checked; absent for a flag (false unless given). */
  value?: ValueType<unknown>;
  /** The value when the option is not given (shown in help). */
  default?: unknown;
  /** Options that cannot be given together with this one (a usage error, exit 2; checked both ways). */
  conflicts?: readonly string[];
  /** Taken by every command (and without one): --help, --version. */
  global?: boolean;
}

export const OPTIONS = [
  { name: 'output', short: 'o', value: filePath },
  { name: 'in-place', conflicts: ['output'] },
  { name: 'force', short: 'f' },
  { name: 'check', conflicts: ['output', 'in-place', 'force'] },
  { name: 'json' },
  // Every format of every command; each command narrows it to its own (commands.ts `choices`).
  { name: 'format', value: choice('docx', 'md', 'txt', 'xlsx', 'csv') },
  { name: 'out-dir', value: folderPath },
  { name: 'jobs', short: 'j', value: count(1, 256) },
  { name: 'help', short: 'h', global: true },
  { name: 'version', short: 'V', global: true },
] as const satisfies readonly OptionSpec[];

type Option = (typeof OPTIONS)[number];
export type OptionName = Option['name'];

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
type ValueOf<O> = O extends { value: ValueType<infer T> } ? (O extends { default: unknown } ? T : T | undefined) : boolean;

/** The parsed options, typed from the table: `{ output: string | undefined; inPlace: boolean; … }`. */
export type OptionValues = { [O in Option as CamelCase<O['name']>]: ValueOf<O> };

export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The option's text; indexing by OptionName makes a missing entry in OPTION_TEXT a compile error. */
export function optionText(name: OptionName): OptionText {
  return OPTION_TEXT[name];
}

/** How messages name an option: `-o/--output`, `--json`. */
export function optionRef(option: OptionSpec): string {
  return (option.short ? `-${option.short}/` : '') + `--${option.name}`;
}

/** How help and the README show an option: `-o, --output <文件>`; `choices` a command's own (`<docx|md|txt>`). */
export function optionLabel(option: OptionSpec, choices?: readonly string[]): string {
  const arg = option.value ? ' ' + valuePlaceholder(option.value.kind, choices ?? option.value.choices) : '';
  return (option.short ? `-${option.short}, ` : '') + `--${option.name}` + arg;
}
