/**
 * Help and the README's option table are generated from the option and
 * command tables and their text in src/messages/cli.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS, optionsOf } from '../../src/cli/commands';
import { commandHelp, generalHelp, optionDescription, usageLine, wrap } from '../../src/cli/help';
import { optionTableMarkdown, withOptionTable } from '../../src/cli/option-table-markdown';
import { optionLabel, OPTIONS, type OptionSpec } from '../../src/cli/options';
import { runCli } from '../../src/cli/run';
import { displayWidth } from '../../src/cli/text-view';
import { COMMAND_TEXT, OPTION_TEXT } from '../../src/messages/cli';
import { memoryFs, memoryIo } from '../support/memory-fs';
import { ROOT } from '../support/paths';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, memoryIo(memoryFs(new Map()), out, err));
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Without any white space: a description is then found whole however help wrapped it. */
const squashed = (text: string) => text.replace(/\s+/g, '');

test('every option and every command has its text, and no text is left without an entry', () => {
  expect(Object.keys(OPTION_TEXT).sort()).toEqual(OPTIONS.map((o) => o.name).sort());
  expect(Object.keys(COMMAND_TEXT).sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  for (const c of COMMANDS) {
    const text = COMMAND_TEXT[c.name];
    expect(Object.keys(text.positionals).sort()).toEqual(c.positionals.map((p) => p.name).sort());
    for (const p of c.positionals) if (p.required) expect((text.positionals as Record<string, { missing?: string }>)[p.name].missing).toBeTruthy();
  }
});

test.each(COMMANDS.map((c) => [c.name, c] as const))('`selfeval %s --help` (and `selfeval help` with the same command) prints the command help', async (name, command) => {
  const viaFlag = await run([name, '--help']);
  const viaHelp = await run(['help', name]);
  expect(viaFlag).toEqual({ code: 0, stdout: commandHelp(command), stderr: '' });
  expect(viaHelp).toEqual(viaFlag);
});

test('the score help lists exactly the options of the command, each with its description, and its usage line', () => {
  const score = COMMANDS.find((c) => c.name === 'score')!;
  const help = commandHelp(score);
  expect(help.startsWith('用法：selfeval score <工作簿.xlsx> [选项]\n')).toBe(true);
  const listed = [...help.matchAll(/^ {2}((?:-\w, )?--[a-z-]+)/gm)].map((m) => m[1]);
  expect(listed).toEqual(optionsOf(score).map((o) => optionLabel(o).replace(/ <.*$/, '')));
  for (const o of optionsOf(score)) expect(squashed(help)).toContain(squashed(optionLabel(o) + optionDescription(o)));
  for (const text of ['退出码：', '写入：', '示例：', ...COMMAND_TEXT.score.examples]) expect(help).toContain(text);
});

test('`selfeval --help`, `selfeval help` and `selfeval -h` print the general help: every command and the global options', async () => {
  const help = generalHelp();
  for (const argv of [['--help'], ['help'], ['-h']]) expect(await run(argv)).toEqual({ code: 0, stdout: help, stderr: '' });
  for (const c of COMMANDS) expect(squashed(help)).toContain(squashed(usageLine(c).replace(/^selfeval | \[选项\]$/g, '') + COMMAND_TEXT[c.name].summary));
  for (const o of OPTIONS.filter((o: OptionSpec) => o.global)) expect(squashed(help)).toContain(squashed(optionLabel(o) + optionDescription(o)));
  expect(help).not.toContain('--output');
});

test('`selfeval help bogus` is a usage problem that lists the commands', async () => {
  const r = await run(['help', 'bogus']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('错误：不认识的命令“bogus”。可用的命令：score、name、report、batch、help。用 selfeval --help 查看帮助。\n');
});

test('help fits in 80 columns (counting a Chinese character as two)', () => {
  for (const text of [generalHelp(), ...COMMANDS.map(commandHelp)]) {
    const wide = text.split('\n').filter((l) => displayWidth(l) > 80);
    expect(wide).toEqual([]);
  }
});

test('wrapping keeps file names and options whole and never starts a line with closing punctuation', () => {
  const lines = wrap('写到输入文件旁的 <名称>.scored.xlsx（或 .scored.xlsm）。文件已存在时拒绝，除非加 --force', 20);
  expect(lines.join('')).toBe('写到输入文件旁的<名称>.scored.xlsx（或.scored.xlsm）。文件已存在时拒绝，除非加--force');
  expect(lines.some((l) => l.includes('<名称>.scored.xlsx'))).toBe(true);
  expect(lines.some((l) => l.includes('--force'))).toBe(true);
  for (const l of lines) expect(l).not.toMatch(/^[，。；）]/);
});

test('README.md has the option table generated from the tables (run `npm run docs:cli` after changing an option)', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(withOptionTable(readme)).toBe(readme);
  expect(readme).toContain(optionTableMarkdown());
  const rows = optionTableMarkdown().split('\n').slice(2);
  expect(rows).toHaveLength(OPTIONS.length);
  // A choice's `|` is escaped in the table (`<docx\|md\|txt>`).
  OPTIONS.forEach((o: OptionSpec, i) => expect(rows[i].startsWith(`| \`${optionLabel(o).replace(/\|/g, '\\|')}\` |`)).toBe(true));
});
