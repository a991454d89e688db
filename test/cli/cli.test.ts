/** The built binary (dist/cli/selfeval.js, built by `npm test` first): exit codes, output, files. */
import { spawnSync } from 'child_process';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, EXAMPLE, SHARED } from '../support/paths';
import { exampleWith } from '../support/fixtures';

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-cli-'));
});

function copyExample(name = '自评表.xlsx'): string {
  const file = path.join(dir, name);
  fs.copyFileSync(EXAMPLE, file);
  return file;
}

const listDir = () => fs.readdirSync(dir).sort();

test('scores the example: exit 0, Chinese table, writes <name>.scored.xlsx beside it', () => {
  const input = copyExample();
  const r = run(['score', input]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('总分 81.53 / 100');
  expect(r.stdout).toContain('评价等级 良');
  expect(r.stdout).toContain('93.16%');
  expect(r.stdout).toMatch(/项目支出预算执行率\s+78\.48%\s+9\.42\/12/);
  expect(r.stderr).toBe('');
  expect(listDir()).toEqual(['自评表.scored.xlsx', '自评表.xlsx']);
  expect(fs.readFileSync(input)).toEqual(fs.readFileSync(EXAMPLE)); // the input is untouched
});

test('--json prints exactly the contract JSON and nothing else', () => {
  const input = copyExample();
  const r = run(['score', input, '--json', '-o', path.join(dir, 'out.xlsx')]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(Object.keys(json)).toEqual(['total', 'max', 'grade', 'execution', 'rows', 'indicators', 'warnings', 'errors']);
  expect([json.total, json.max, json.grade]).toEqual(['81.53', '100', '良']);
  expect(json.execution).toEqual({ budget: '4978.49', actual: '4637.81', rate: '0.9316', score: '9.32', weight: '10' });
  expect(json.rows[0]).toEqual({ label: '基本支出', rate: '0.9824', adjustmentRate: '0.2470' });
  expect(json.indicators[0]).toMatchObject({ cell: "'绩效指标'!C4", name: '公务用车经费下降率', direction: 'atLeast', rate: '0.0000', score: '0.00', ruleScore: '0.00', weight: '8' });
  expect(Object.keys(json.indicators[0])).toEqual(['cell', 'name', 'direction', 'rate', 'score', 'ruleScore', 'weight', 'note']);
  expect(json.errors).toEqual([]);
  expect(r.stderr).toBe(`已写入：${path.join(dir, 'out.xlsx')}\n`); // stdout stays pure JSON
});

test('workbook errors: exit 1, every error with its cell, nothing written', () => {
  const input = path.join(dir, '有错.xlsx');
  fs.writeFileSync(input, exampleWith({ '绩效指标!I6': '七十八', '绩效指标!J7': -1, '预算执行!C5': null }));
  const before = listDir();
  const r = run(['score', input]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("'绩效指标'!I6");
  expect(r.stdout).toContain("'绩效指标'!J7");
  expect(r.stdout).toContain("'预算执行'!C5");
  expect(r.stdout).toContain('未写入任何文件');
  expect(listDir()).toEqual(before);

  const j = run(['score', input, '--json']);
  expect(j.code).toBe(1);
  const json = JSON.parse(j.stdout);
  expect(json.total).toBeNull();
  expect(json.errors.map((e: { cell: string }) => e.cell)).toEqual(["'预算执行'!C5", "'绩效指标'!I6", "'绩效指标'!J7"]);
  expect(json.errors.every((e: { message: string }) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
  expect(listDir()).toEqual(before);
});

test.each([
  ['not a zip', 'invalid.xlsx'],
  ['encrypted', 'encryptAES.xlsx'],
  ['truncated zip', 'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx'],
])('file problems exit 2 with one Chinese error and no stack trace: %s', (_, name) => {
  const input = path.join(dir, 'bad.xlsx');
  fs.copyFileSync(path.join(SHARED, 'corpus', 'xlsx', name), input);
  const r = run(['score', input]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^错误：.*[\u4e00-\u9fff]/);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  const j = run(['score', input, '--json']);
  expect(j.code).toBe(2);
  const json = JSON.parse(j.stdout);
  expect(json.errors).toHaveLength(1);
  expect(json.errors[0].cell).toBeNull();
  expect(listDir()).toEqual(['bad.xlsx']);
});

test('a missing file is a file problem (exit 2)', () => {
  const r = run(['score', path.join(dir, '不存在.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('文件或文件夹不存在');
});

test('never overwrites an existing output without --force', () => {
  const input = copyExample();
  fs.writeFileSync(path.join(dir, '自评表.scored.xlsx'), 'keep me');
  const r = run(['score', input]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--force');
  expect(fs.readFileSync(path.join(dir, '自评表.scored.xlsx'), 'utf8')).toBe('keep me');
  expect(run(['score', input, '--force']).code).toBe(0);
  expect(fs.readFileSync(path.join(dir, '自评表.scored.xlsx')).subarray(0, 2).toString()).toBe('PK');
});

test('--in-place replaces the input with the scored workbook and leaves no temp file', () => {
  const input = copyExample();
  const r = run(['score', input, '--in-place', '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).total).toBe('81.53');
  expect(r.stderr).toContain(`已写入：${input}`);
  expect(listDir()).toEqual(['自评表.xlsx']);
  expect(fs.readFileSync(input)).not.toEqual(fs.readFileSync(EXAMPLE));
  // Scoring the scored file again gives byte-identical bytes (writing policy 4).
  const once = fs.readFileSync(input);
  expect(run(['score', input, '--in-place']).code).toBe(0);
  expect(fs.readFileSync(input)).toEqual(once);
});

test('--in-place on a workbook with errors leaves it byte-identical', () => {
  const input = path.join(dir, '有错.xlsx');
  const bad = exampleWith({ '绩效指标!J4': 0 });
  fs.writeFileSync(input, bad);
  expect(run(['score', input, '--in-place']).code).toBe(1);
  expect(fs.readFileSync(input)).toEqual(Buffer.from(bad));
  expect(listDir()).toEqual(['有错.xlsx']);
});

test.each([
  [['score'], '缺少要评分的工作簿'],
  [[], '缺少命令'],
  [['grade', 'x.xlsx'], '不认识的命令“grade”。可用的命令：score、name、report、batch、help'],
  [['score', 'a.xlsx', '--bogus'], '不认识的选项 --bogus。score 命令可用的选项：-o/--output、--in-place、-f/--force、--check、--json'],
  [['score', 'a.xlsx', 'b.xlsx'], '多余的参数“b.xlsx”'],
  [['score', 'a.xlsx', '-o'], '需要一个值'],
  [['score', 'a.xlsx', '-o', 'b.xlsx', '--in-place'], '不能同时使用'],
])('usage errors exit 2: %j', (args, text) => {
  const r = run(args as string[], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(text);
});

test('--help is Chinese and lists the commands; score --help lists every option, what it writes, the exit codes and examples', () => {
  const r = run(['--help']);
  expect(r.code).toBe(0);
  for (const text of ['用法：selfeval <命令>', 'score <工作簿.xlsx>', 'help [命令]', '--help', '--version', '退出码']) expect(r.stdout).toContain(text);
  const score = run(['score', '--help']);
  expect(score.code).toBe(0);
  for (const text of ['用法：selfeval score <工作簿.xlsx>', '-o, --output <文件>', '--in-place', '-f, --force', '--check', '--json', '写入：', '退出码', '示例']) {
    expect(score.stdout).toContain(text);
  }
  expect(run(['help', 'score']).stdout).toBe(score.stdout);
});

describe('--check writes nothing', () => {
  test('twice in a row, exit 0 both times, and the folder keeps only the input', () => {
    const input = copyExample();
    for (let i = 0; i < 2; i++) {
      const r = run(['score', input, '--check', '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).total).toBe('81.53');
      expect(r.stderr).toBe('');
      expect(listDir()).toEqual(['自评表.xlsx']);
    }
    const text = run(['score', input, '--check']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('总分 81.53 / 100');
    expect(text.stdout).toContain('未写入任何文件');
    expect(listDir()).toEqual(['自评表.xlsx']);
  });

  test('--check with -o is a usage error', () => {
    const input = copyExample();
    const r = run(['score', input, '--check', '-o', path.join(dir, 'b.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--check 与 -o/--output 不能同时使用');
    expect(listDir()).toEqual(['自评表.xlsx']);
  });
});

describe('the output is only ever a regular file', () => {
  test('-o /dev/null --force (CI runs as root): refused, and /dev/null is still the same character device', () => {
    const before = fs.statSync('/dev/null');
    const input = copyExample();
    const r = run(['score', input, '-o', '/dev/null', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('错误：输出位置 /dev/null 是设备文件，不是普通文件：程序只写普通文件，加 --force 也不会替换它。请用 -o 指定一个新的工作簿文件名；只想检查、不写文件请用 --check。\n');
    const after = fs.statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
    expect(fs.readdirSync('/dev').filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const j = run(['score', input, '-o', '/dev/null', '--force', '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).errors[0]).toMatchObject({ code: 'notRegularFile', cell: null });
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(listDir()).toEqual(['自评表.xlsx']);
  });

  test('a folder and a link to a regular file are refused, with --force; the linked file is untouched', () => {
    const input = copyExample();
    fs.mkdirSync(path.join(dir, '结果.xlsx'));
    fs.writeFileSync(path.join(dir, 'real.xlsx'), 'keep me');
    fs.symlinkSync(path.join(dir, 'real.xlsx'), path.join(dir, 'link.xlsx'));
    const folder = run(['score', input, '-o', path.join(dir, '结果.xlsx'), '--force']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`${path.join(dir, '结果.xlsx')} 是文件夹`);
    const link = run(['score', input, '-o', path.join(dir, 'link.xlsx'), '--force']);
    expect(link.code).toBe(2);
    expect(link.stderr).toContain(`${path.join(dir, 'link.xlsx')} 是符号链接`);
    expect(fs.lstatSync(path.join(dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real.xlsx'), 'utf8')).toBe('keep me');
    expect(listDir()).toEqual(['link.xlsx', 'real.xlsx', '结果.xlsx', '自评表.xlsx']);
    expect(fs.readdirSync(path.join(dir, '结果.xlsx'))).toEqual([]);
  });
});

describe('a macro workbook (.xlsm)', () => {
  const MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
  const contentTypes = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['[Content_Types].xml']);

  /** The example as Excel saves it with “启用宏的工作簿”: the workbook part's content type is the macro one. */
  function macroExample(): string {
    const entries = unzipSync(new Uint8Array(fs.readFileSync(EXAMPLE)));
    const types = strFromU8(entries['[Content_Types].xml']);
    expect(types).toContain(MAIN);
    entries['[Content_Types].xml'] = strToU8(types.replace(MAIN, MACRO_MAIN));
    const file = path.join(dir, '宏.xlsm');
    fs.writeFileSync(file, zipSync(entries));
    return file;
  }

  test('is written to <name>.scored.xlsm by default, keeping its macro content type', () => {
    const input = macroExample();
    const r = run(['score', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('总分 81.53 / 100');
    expect(listDir()).toEqual(['宏.scored.xlsm', '宏.xlsm']);
    expect(contentTypes(fs.readFileSync(path.join(dir, '宏.scored.xlsm')))).toBe(contentTypes(fs.readFileSync(input)));
  });

  test('-o with an .xlsx name is refused: the copy would be a macro package named .xlsx', () => {
    const input = macroExample();
    const r = run(['score', input, '-o', path.join(dir, '结果.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`输出文件名 ${path.join(dir, '结果.xlsx')} 必须以 .xlsm 结尾`);
    expect(listDir()).toEqual(['宏.xlsm']);
  });
});
