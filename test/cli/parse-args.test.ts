/**
 * The parser is driven by the tables alone: every option's value is read
 * and checked by its value type, a command takes only the options its entry
 * lists, and every refusal names the valid choices from the tables.
 */
import { CLI_TABLE, COMMANDS, type CliTable } from '../../src/cli/commands';
import { OPTIONS, type OptionSpec } from '../../src/cli/options';
import { argumentProblem, parseArgs, type ArgsResult } from '../../src/cli/parse-args';
import { choice, count, folderPath } from '../../src/cli/value-types';
import { usageMessage } from '../../src/messages/cli';

function ok(result: ArgsResult) {
  if (!result.ok) throw new Error(usageMessage(result.problem));
  return result.args;
}

function refusal(result: ArgsResult): string {
  if (result.ok) throw new Error('expected a usage problem');
  return usageMessage(result.problem);
}

const SCORE_OPTIONS = '-o/--output、--in-place、-f/--force、--check、--json、-h/--help、-V/--version';

describe('the real table', () => {
  test('defaults: flags false, value options undefined', () => {
    const args = ok(parseArgs(['score', 'a.xlsx']));
    expect(args.command?.name).toBe('score');
    expect(args.positionals).toEqual(['a.xlsx']);
    expect(args.options).toEqual({
      output: undefined, inPlace: false, force: false, check: false, json: false, outDir: undefined, jobs: undefined, format: undefined, help: false, version: false,
    });
    expect([...args.given]).toEqual([]);
  });

  test.each([
    [['score', 'a.xlsx', '-o', 'b.xlsx']],
    [['score', 'a.xlsx', '--output', 'b.xlsx']],
    [['score', 'a.xlsx', '--output=b.xlsx']],
    [['-o', 'b.xlsx', 'score', 'a.xlsx']],
  ])('%j: the value of -o, wherever it stands', (argv) => {
    const args = ok(parseArgs(argv));
    expect(args.options.output).toBe('b.xlsx');
    expect(args.positionals).toEqual(['a.xlsx']);
    expect([...args.given]).toEqual(['output']);
  });

  test('-- ends the options: a workbook named like an option', () => {
    const args = ok(parseArgs(['score', '--json', '--', '--force.xlsx']));
    expect(args.positionals).toEqual(['--force.xlsx']);
    expect(args.options).toMatchObject({ json: true, force: false });
  });

  test.each([
    [['score', 'a.xlsx', '--bogus'], `不认识的选项 --bogus。score 命令可用的选项：${SCORE_OPTIONS}。`],
    [['--bogus'], '不认识的选项 --bogus。可用的选项：-h/--help、-V/--version。'],
    [['score', 'a.xlsx', '-o'], '选项 -o 需要一个值。'],
    [['score', 'a.xlsx', '--output='], '选项 --output 需要一个值。'],
    [['score', 'a.xlsx', '--json=yes'], '选项 --json 不带值，请去掉“=”及其后的内容。'],
    [['score', 'a.xlsx', '-o', 'b.xlsx', '-o', 'c.xlsx'], '选项 -o/--output 只能给一次。'],
    [['grade', 'a.xlsx', '--bogus'], '不认识的命令“grade”。可用的命令：score、name、report、batch、help。用 selfeval --help 查看帮助。'],
    [['help', '--json'], '选项 --json 不能用于 help 命令。help 命令可用的选项：-h/--help、-V/--version。'],
    [['score', 'a.xlsx', '-o', 'b.xlsx', '--in-place'], '--in-place 与 -o/--output 不能同时使用。--in-place 写回输入文件，-o 写到另一个文件，请只选一个。'],
    [['score', 'a.xlsx', '--check', '--force'], '--check 与 -f/--force 不能同时使用。--check 不写入任何文件；要写出评分后的工作簿，请去掉 --check。'],
  ])('%j is refused: %s', (argv, message) => {
    expect(refusal(parseArgs(argv))).toBe(message);
  });

  test('every conflict is refused whichever order the options come in', () => {
    for (const o of OPTIONS as readonly OptionSpec[]) {
      for (const other of o.conflicts ?? []) {
        const value = (name: string) => ((OPTIONS as readonly OptionSpec[]).find((x) => x.name === name)!.value ? [`--${name}=x.xlsx`] : [`--${name}`]);
        for (const argv of [['score', 'a.xlsx', ...value(o.name), ...value(other)], ['score', 'a.xlsx', ...value(other), ...value(o.name)]]) {
          const r = parseArgs(argv);
          expect(r.ok ? null : r.problem.code).toBe('conflictingOptions');
        }
      }
    }
  });

  test('arguments: a missing workbook and one too many', () => {
    const score = COMMANDS.find((c) => c.name === 'score')!;
    expect(usageMessage(argumentProblem(score, [])!)).toBe('缺少要评分的工作簿。用法：selfeval score <工作簿.xlsx> [选项]');
    expect(usageMessage(argumentProblem(score, ['a.xlsx', 'b.xlsx'])!)).toBe('多余的参数“b.xlsx”。用法：selfeval score <工作簿.xlsx> [选项]');
    expect(argumentProblem(score, ['a.xlsx'])).toBeNull();
    const help = COMMANDS.find((c) => c.name === 'help')!;
    expect(argumentProblem(help, [])).toBeNull();
  });

  test('every name a table refers to exists: conflicts and the options of each command', () => {
    const names = CLI_TABLE.options.map((o) => o.name);
    for (const o of CLI_TABLE.options) for (const c of o.conflicts ?? []) expect(names).toContain(c);
    for (const c of CLI_TABLE.commands) for (const o of c.options) expect(names).toContain(o);
    const shorts = CLI_TABLE.options.flatMap((o) => (o.short ? [o.short] : []));
    expect(new Set(shorts).size).toBe(shorts.length);
    expect(new Set(names).size).toBe(names.length);
  });
});

/**
 * The next features as the entries they will add (a `batch` command with
 * --jobs and --out-dir, a `report` command with --format): the parser needs
 * nothing else to read and check them.
 */
describe('a command and options added as entries', () => {
  const jobs: OptionSpec = { name: 'jobs', short: 'j', value: count(1, 64), default: 1 };
  const outDir: OptionSpec = { name: 'out-dir', value: folderPath };
  const format: OptionSpec = { name: 'format', value: choice('docx', 'md', 'txt'), default: 'docx' };
  // The real report and batch commands and their options stand aside for these stand-ins of the same shape.
  const replaced = ['jobs', 'out-dir', 'format'];
  const table: CliTable = {
    options: [...CLI_TABLE.options.filter((o) => !replaced.includes(o.name)), jobs, outDir, format],
    commands: [
      ...CLI_TABLE.commands.filter((c) => c.name !== 'batch' && c.name !== 'report'),
      { name: 'batch', positionals: [{ name: 'folder', required: true }], options: ['jobs', 'out-dir', 'json'] },
      { name: 'report', positionals: [{ name: 'workbook', required: true }], options: ['format', 'output', 'force'] },
    ],
  };

  test('values are parsed by their types, defaults apply, names become camelCase keys', () => {
    const args = ok(parseArgs(['batch', '目录', '-j', '4', '--out-dir', '结果'], table));
    expect(args.options).toMatchObject({ jobs: 4, outDir: '结果', format: 'docx', json: false });
    expect(ok(parseArgs(['batch', '目录'], table)).options).toMatchObject({ jobs: 1 });
    expect(ok(parseArgs(['report', 'a.xlsx', '--format=md'], table)).options).toMatchObject({ format: 'md' });
  });

  test.each([
    [['batch', 'd', '--jobs', '0'], '选项 --jobs 需要 1 到 64 之间的整数，而不是“0”。'],
    [['batch', 'd', '-j', '65'], '选项 -j 需要 1 到 64 之间的整数，而不是“65”。'],
    [['batch', 'd', '--jobs=2.5'], '选项 --jobs 需要 1 到 64 之间的整数，而不是“2.5”。'],
    [['batch', 'd', '--jobs', '-3'], '选项 --jobs 需要 1 到 64 之间的整数，而不是“-3”。'],
    [['batch', 'd', '--jobs', '１'], '选项 --jobs 需要 1 到 64 之间的整数，而不是“１”。'],
    [['report', 'a.xlsx', '--format', 'pdf'], '选项 --format 只能是 docx、md、txt 之一，而不是“pdf”。'],
    [['report', 'a.xlsx', '--format', 'DOCX'], '选项 --format 只能是 docx、md、txt 之一，而不是“DOCX”。'],
    [['score', 'a.xlsx', '--jobs', '2'], `选项 -j/--jobs 不能用于 score 命令。score 命令可用的选项：${SCORE_OPTIONS}。`],
    [['report', 'a.xlsx', '--json'], '选项 --json 不能用于 report 命令。report 命令可用的选项：--format、-o/--output、-f/--force、-h/--help、-V/--version。'],
    [['lint', 'a.xlsx'], '不认识的命令“lint”。可用的命令：score、name、help、batch、report。用 selfeval --help 查看帮助。'],
  ])('%j is refused from the table: %s', (argv, message) => {
    expect(refusal(parseArgs(argv, table))).toBe(message);
  });
});
