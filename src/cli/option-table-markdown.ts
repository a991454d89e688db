import { CLI_TEXT } from '../messages/cli';
import { COMMANDS } from './commands';
import { optionDescription } from './help';
import { optionLabel, OPTIONS, type OptionSpec } from './options';

/** The README's option table stands between these two lines; `npm run docs:cli` rewrites it. */
export const TABLE_START = '<!-- cli-options: generated from src/cli/options.ts by `npm run docs:cli`; do not edit -->';
export const TABLE_END = '<!-- /cli-options -->';

/** The option table in Markdown, from the same data as --help: option, the commands that take it, description. */
export function optionTableMarkdown(): string {
  const t = CLI_TEXT.readmeTable;
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const commandsOf = (o: OptionSpec) =>
    o.global ? t.everyCommand : COMMANDS.filter((c) => (c.options as readonly string[]).includes(o.name)).map((c) => `\`${c.name}\``).join(CLI_TEXT.listSeparator);
  // What an option means in a command that gives it its own words (`batch -o` names the summary), after the general text.
  const own = (o: OptionSpec) =>
    COMMANDS.filter((c) => (c.options as readonly string[]).includes(o.name) && optionDescription(o, c) !== optionDescription(o))
      .map((c) => CLI_TEXT.readmeTable.inCommand(c.name, optionDescription(o, c)))
      .join('');
  const rows = OPTIONS.map((o: OptionSpec) => `| \`${cell(optionLabel(o))}\` | ${commandsOf(o)} | ${cell(optionDescription(o) + own(o))} |`);
  return [`| ${t.option} | ${t.commands} | ${t.description} |`, '|---|---|---|', ...rows].join('\n');
}

/** The README with its option table replaced by the generated one (the same text when it is up to date). */
export function withOptionTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md: markers ${TABLE_START} ... ${TABLE_END} not found`);
  return readme.slice(0, start + TABLE_START.length) + '\n' + optionTableMarkdown() + '\n' + readme.slice(end);
}
