import { CLI_TEXT } from '../messages/cli';
import { choicesOf, commandText, COMMANDS, optionsOf, type CommandName, type CommandSpec } from './commands';
import { optionLabel, optionText, OPTIONS, type OptionName, type OptionSpec } from './options';
import { displayWidth } from './display-width';

/** Help is laid out for an 80-column terminal. */
const WIDTH = 80;

/** `score <工作簿.xlsx>`, `help [命令]`: required arguments in <>, optional ones in []. */
export function commandSignature(command: CommandSpec): string {
  const text = commandText(command.name as CommandName);
  const args = command.positionals.map((p) => {
    const placeholder = text.positionals[p.name].placeholder + ('variadic' in p && p.variadic ? CLI_TEXT.moreArguments : '');
    return p.required ? `<${placeholder}>` : `[${placeholder}]`;
  });
  return [command.name, ...args].join(' ');
}

/** `selfeval score <工作簿.xlsx> [选项]`. */
export function usageLine(command: CommandSpec): string {
  return [CLI_TEXT.program, commandSignature(command), CLI_TEXT.optionsPlaceholder].join(' ');
}

/** An option's description with its default, as help and the README show it. */
export function optionDescription(option: OptionSpec, command?: CommandSpec): string {
  const own = command ? (commandText(command.name as CommandName).optionDescriptions as Partial<Record<string, string>> | undefined) : undefined;
  const text = (own && own[option.name]) ?? optionText(option.name as OptionName).description;
  return option.default === undefined ? text : text + CLI_TEXT.defaultValue(String(option.default));
}

/** `selfeval --help` and `selfeval help`: the commands and the global options, from the tables. */
export function generalHelp(): string {
  const commands = COMMANDS.map((c): [string, string] => [commandSignature(c), commandText(c.name).summary]);
  const program = CLI_TEXT.program;
  return [
    CLI_TEXT.usage(`${program} ${CLI_TEXT.commandPlaceholder} ${CLI_TEXT.optionsPlaceholder}`),
    '',
    CLI_TEXT.summary,
    '',
    CLI_TEXT.commandsHeading,
    ...columns(commands),
    '',
    CLI_TEXT.globalOptionsHeading,
    ...columns(OPTIONS.filter((o: OptionSpec) => o.global).map((o) => optionRow(o))),
    '',
    CLI_TEXT.exitHeading,
    ...CLI_TEXT.exitCodes.map((l) => '  ' + l),
    '',
    CLI_TEXT.commandHelpHint(`${program} help ${CLI_TEXT.commandPlaceholder}`, `${program} ${CLI_TEXT.commandPlaceholder} --help`),
    '',
  ].join('\n');
}

/** `selfeval help score` and `selfeval score --help`: usage, options, what it writes, exit codes, examples. */
export function commandHelp(command: CommandSpec): string {
  const text = commandText(command.name as CommandName);
  const lines = [CLI_TEXT.usage(usageLine(command)), '', ...wrap(CLI_TEXT.sentence(text.summary), WIDTH), '', CLI_TEXT.optionsHeading, ...columns(optionsOf(command).map((o) => optionRow(o, command)))];
  if (text.writes) lines.push('', CLI_TEXT.writesHeading, ...text.writes.flatMap((l) => wrap(l, WIDTH - 4).map((w, i) => (i === 0 ? '  - ' : '    ') + w)));
  lines.push('', CLI_TEXT.exitHeading, ...CLI_TEXT.exitCodes.map((l) => '  ' + l));
  lines.push('', CLI_TEXT.examplesHeading, ...text.examples.map((l) => '  ' + l), '');
  return lines.join('\n');
}

function optionRow(option: OptionSpec, command?: CommandSpec): [string, string] {
  return [optionLabel(option, choicesOf(option, command ?? null)), optionDescription(option, command)];
}

/** Label and text in two columns; the text wraps within the terminal width. */
function columns(rows: [string, string][]): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label)));
  const textWidth = Math.max(24, WIDTH - labelWidth - 6);
  return rows.flatMap(([label, text]) =>
    wrap(text, textWidth).map((line, i) => '  ' + (i === 0 ? label + ' '.repeat(labelWidth - displayWidth(label)) : ' '.repeat(labelWidth)) + '  ' + line),
  );
}

// Chinese breaks between any two characters, but not before closing or after opening punctuation.
const { noLineStart: NO_LINE_START, noLineEnd: NO_LINE_END } = CLI_TEXT.lineBreaking;

/** Greedy line breaking by display width; ASCII runs and placeholders (`--force`, `<名称>.scored.xlsx`) are never split. */
export function wrap(text: string, width: number): string[] {
  const pieces: string[] = [];
  for (const piece of text.match(/(?:<[^<>\s]*>|[\x21-\x7e])+|\s+|./gu) ?? []) {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && (NO_LINE_START.includes(piece[0]) || NO_LINE_END.includes(last[last.length - 1]))) pieces[pieces.length - 1] += piece;
    else pieces.push(piece);
  }
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line !== '' && displayWidth(line + piece.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    if (line === '' && /^\s+$/.test(piece)) continue;
    line += piece;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
