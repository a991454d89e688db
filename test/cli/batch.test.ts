/**
 * `selfeval batch` as a bureau runs it (the built CLI, dist/cli/selfeval.js):
 * a folder of mixed workbooks built here — good, with errors, with the unit's
 * own figures in the output cells, broken, a lock file, an already scored
 * copy, subfolders, the national workbook with six evaluations — gives the
 * right 汇总, 问题清单 and 复核, read back with openpyxl (an independent
 * reader); the same with --jobs 1 and --jobs 2; inputs untouched.
 */
import { createHash } from 'crypto';
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openWorkbookFile, readAllCells } from '../../src/hosts/xlsx';
import { formatCell } from '../../src/workbook/address';
import { scoreBook } from '../../src/workbook/score-book';
import { exampleWith } from '../support/fixtures';
import { EXPECTED } from '../support/national-book';
import { nationalXlsx } from '../support/national-xlsx';
import { hasOpenpyxl } from '../support/openpyxl-cells';
import { CLI, EXAMPLE } from '../support/paths';

const DUMP = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb:
    out[ws.title] = {'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref,
                     'rows': [[c.value for c in row] for row in ws.iter_rows()],
                     'formats': [[c.number_format for c in row] for row in ws.iter_rows()]}
print(json.dumps(out, ensure_ascii=False))
`;
type Sheet = { freeze: string | null; filter: string | null; rows: unknown[][]; formats: string[][] };
const dump = (file: string): Record<string, Sheet> => JSON.parse(execFileSync('/usr/bin/python3', ['-c', DUMP, file], { encoding: 'utf8' }));

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});
function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-batch-'));
  folders.push(dir);
  return dir;
}

function cli(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under a folder with its sha256. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const example = new Uint8Array(fs.readFileSync(EXAMPLE));
/** The example's plan: which cells scoring writes, and what. */
const examplePlan = (() => {
  const opened = openWorkbookFile(example);
  if (!opened.ok) throw new Error('example unreadable');
  return scoreBook(opened.value.book).plan.writes;
})();
const indicatorScore = examplePlan.find((w) => w.address.sheet === '绩效指标' && w.numberFormat === '0.00' && w.value.kind === 'number')!;
const totalWrite = examplePlan.find((w) => w.address.sheet !== '绩效指标' && w.value.kind === 'number' && w.value.text === '81.53')!;
const ref = (w: typeof indicatorScore) => `${w.address.sheet}!${String.fromCharCode(65 + w.address.col)}${w.address.row + 1}`;
const planned = (w: typeof indicatorScore) => (w.value.kind === 'number' ? w.value.text : '');

let input: string;
let national: Uint8Array;
const statedScore = String(Number(planned(indicatorScore)) + 1);

beforeAll(async () => {
  national = await nationalXlsx();
  input = tempFolder();
  const put = (rel: string, data: Uint8Array | string) => {
    fs.mkdirSync(path.dirname(path.join(input, rel)), { recursive: true });
    fs.writeFileSync(path.join(input, rel), data);
  };
  put('a-良好.xlsx', example);
  put('b-有错误.xlsx', exampleWith({ '绩效指标!I6': '七十八' }));
  put('c-自填.xlsx', exampleWith({ [ref(indicatorScore)]: Number(statedScore), [ref(totalWrite)]: 90 }));
  put('d-损坏.xlsx', 'not a zip at all');
  put('~$a-良好.xlsx', 'owner lock');
  put('a-良好.scored.xlsx', example);
  put('说明.txt', '请于月底前报送');
  put('区县/甲区/e-全国表.xlsx', national);
  put('区县/f-良好.xlsm', example);
});

const evaluationsOfNational = EXPECTED.length;

describe('selfeval batch over a mixed folder', () => {
  let before: Record<string, string>;
  let one: Record<string, Sheet>;
  let out: string;
  let run1: ReturnType<typeof cli>;

  beforeAll(() => {
    before = hashes(input);
    out = tempFolder();
    run1 = cli(['batch', input, '-o', path.join(out, 'jobs1.xlsx'), '--jobs', '1'], out);
    one = dump(path.join(out, 'jobs1.xlsx'));
  }, 120000);

  (hasOpenpyxl() ? it : it.skip)('汇总: one row per evaluation, in file order, with the rules\' figures, the unit\'s own total and the state', () => {
    expect(run1.code).toBe(1);
    const sheet = one['汇总'];
    expect(sheet.freeze).toBe('A2');
    const header = sheet.rows[0];
    expect(header).toEqual(['文件', '单位名称', '项目/范围', '预算执行率', '执行率得分', '指标得分', '总分', '等级', '单位自填总分', '差异', '提示数', '错误数', '状态']);
    const col = (name: string) => header.indexOf(name);
    const data = sheet.rows.slice(1, 1 + 4 + evaluationsOfNational + 1);
    expect(sheet.filter).toBe(`A1:M${data.length + 1}`);
    const files = data.map((r) => r[0]);
    expect(files).toEqual([
      'a-良好.xlsx', 'b-有错误.xlsx', 'c-自填.xlsx', 'd-损坏.xlsx', '区县/f-良好.xlsm',
      ...EXPECTED.map(() => '区县/甲区/e-全国表.xlsx'),
    ]);
    const good = data[0];
    // The example states its unit in 报告信息 (单位名称); the national workbook states none and is named by its file.
    const statedUnit = readAllCells(example);
    if (!statedUnit.ok) throw new Error('example unreadable');
    const unitName = statedUnit.value.get('报告信息')!.get('B3')!.value;
    expect([good[col('单位名称')], good[col('预算执行率')], good[col('执行率得分')], good[col('总分')], good[col('等级')], good[col('状态')]]).toEqual([unitName, 0.9316, 9.32, 81.53, '良', '已评分']);
    expect(data[data.length - 1][col('单位名称')]).toBe('e-全国表');
    expect(sheet.formats[1][col('预算执行率')]).toBe('0.00%');
    expect(sheet.formats[1][col('总分')]).toBe('0.00');
    expect([data[1][col('总分')], data[1][col('状态')]]).toEqual([null, '有错误，未评分']);
    expect(data[1][col('错误数')]).toBeGreaterThan(0);
    // The unit typed 90 as its total: the summary shows it beside the rules' 81.53, and the difference.
    expect([data[2][col('总分')], data[2][col('单位自填总分')], data[2][col('差异')]]).toEqual([81.53, 90, -8.47]);
    expect([data[3][col('状态')], data[3][col('错误数')]]).toEqual(['文件无法读取', 1]);
    // The national workbook: each of its evaluations, with the hand-computed totals of national-book.ts.
    const nationalRows = data.slice(5, 5 + evaluationsOfNational);
    expect(nationalRows.map((r) => [r[col('项目/范围')], r[col('总分')], r[col('等级')]])).toEqual(
      EXPECTED.map((e) => [e.scope === null ? '部门整体' : e.scope, Number(e.total), e.grade]),
    );
    // Under the table: the totals and the grade distribution.
    const below = sheet.rows.slice(data.length + 1).map((r) => r.filter((v) => v !== null));
    const scored = data.filter((r) => r[col('总分')] !== null);
    expect(below).toContainEqual(['合计', `6 个文件，${data.length} 个评价`, data.reduce((n, r) => n + (r[col('提示数')] as number), 0), data.reduce((n, r) => n + (r[col('错误数')] as number), 0)]);
    const grades = new Map<string, number>();
    for (const r of scored) grades.set(r[col('等级')] as string, (grades.get(r[col('等级')] as string) ?? 0) + 1);
    for (const [g, n] of grades) expect(below).toContainEqual([g, n]);
    expect(below).toContainEqual(['未评分', data.length - scored.length]);
  });

  (hasOpenpyxl() ? it : it.skip)('复核 lists the figures the unit stated that the rules do not give, with both values; 问题清单 every issue and skipped file', () => {
    const review = one['复核'].rows;
    expect(review[0]).toEqual(['文件', '单位名称', '项目/范围', '单元格', '项目', '单位填报', '规则结果', '说明']);
    const stated = review.filter((r) => r[0] === 'c-自填.xlsx' && r[6] !== null && /单位填报/.test(String(r[7])));
    expect(stated.map((r) => [r[3], r[5], r[6]]).sort()).toEqual(
      [
        [formatCell(indicatorScore.address), statedScore, planned(indicatorScore)],
        [formatCell(totalWrite.address), '90', '81.53'],
      ].sort(),
    );
    // The good copy of the example states nothing: no “stated” line for it, only consistency checks.
    expect(review.filter((r) => r[0] === 'a-良好.xlsx' && /单位填报/.test(String(r[7])))).toEqual([]);
    expect(review.some((r) => r[0] === 'a-良好.xlsx' && r[4] === '指标得分率与预算执行率')).toBe(true);
    // A consistency check compares two figures of the rules: the columns of the unit's and the rules' figure stay empty.
    const checks = review.slice(1).filter((r) => !/单位填报/.test(String(r[7])));
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.filter((r) => r[5] !== null || r[6] !== null)).toEqual([]);

    const problems = one['问题清单'].rows;
    expect(problems[0]).toEqual(['文件', '单元格', '级别', '内容']);
    expect(problems).toContainEqual(['b-有错误.xlsx', "'绩效指标'!I6", '错误', expect.stringContaining('七十八')]);
    expect(problems.filter((r) => r[0] === 'd-损坏.xlsx').map((r) => r[2])).toEqual(['错误']);
    for (const skipped of ['~$a-良好.xlsx', 'a-良好.scored.xlsx', '说明.txt']) {
      expect(problems.filter((r) => r[0] === skipped).map((r) => [r[2], String(r[3]).startsWith('未评分：')])).toEqual([['提示', true]]);
    }
    expect(problems.filter((r) => r[2] === '复核').length).toBe(review.length - 1);
  });

  (hasOpenpyxl() ? it : it.skip)('--jobs 2 gives the same summary, cell for cell', () => {
    const run2 = cli(['batch', input, '-o', path.join(out, 'jobs2.xlsx'), '--jobs', '2'], out);
    expect(run2.code).toBe(1);
    expect(dump(path.join(out, 'jobs2.xlsx'))).toEqual(one);
    // The console says the same, but for the time taken.
    const untimed = (t: string) => t.replace(/用时 [0-9.]+ 秒/, '').replace(/jobs[12]\.xlsx/, '');
    expect(untimed(run2.stdout)).toBe(untimed(run1.stdout));
  }, 120000);

  it('never writes into the input folder; says what it skipped and why', () => {
    expect(hashes(input)).toEqual(before);
    expect(run1.stdout).toContain('跳过 3 个文件：');
    expect(run1.stdout).toContain('~$a-良好.xlsx：Excel 打开工作簿时留下的临时锁文件');
    expect(run1.stdout).toContain('a-良好.scored.xlsx：是 selfeval score 写出的评分结果');
    expect(run1.stdout).toMatch(/共 6 个工作簿：4 个已评分，1 个有错误，1 个无法读取；跳过 3 个文件/);
  });

  it('--json: one JSON line per evaluation with file and scope, nothing else on stdout; the closing line on stderr', () => {
    const run = cli(['batch', input, '-o', path.join(out, 'json.xlsx'), '--json', '--jobs', '2'], out);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4 + evaluationsOfNational + 1);
    expect(lines.map((l) => l.file)).toEqual([
      'a-良好.xlsx', 'b-有错误.xlsx', 'c-自填.xlsx', 'd-损坏.xlsx', '区县/f-良好.xlsm', ...EXPECTED.map(() => '区县/甲区/e-全国表.xlsx'),
    ]);
    expect(lines.slice(5, 5 + evaluationsOfNational).map((l) => [l.scope, l.total])).toEqual(EXPECTED.map((e) => [e.scope, e.total]));
    // The v1 fields, exactly as `score --json` prints them for a one-evaluation workbook.
    const single = JSON.parse(cli(['score', path.join(input, 'a-良好.xlsx'), '--check', '--json'], out).stdout);
    expect(lines[0]).toEqual({ file: 'a-良好.xlsx', scope: null, ...single });
    expect(lines[3].errors[0].code).toBe('notZip');
    expect(run.stderr).toMatch(/共 6 个工作簿/);
  }, 120000);
});

describe('selfeval batch: copies, CSV, usage', () => {
  it('--out-dir: the error-free workbooks scored, at the same relative paths, the same bytes as `score -o`', () => {
    const out = tempFolder();
    const copies = path.join(out, '评分后');
    const run = cli(['batch', input, '--out-dir', copies, '-o', path.join(out, 's.xlsx'), '--jobs', '2'], out);
    expect(run.code).toBe(1);
    expect(Object.keys(hashes(copies)).sort()).toEqual(['a-良好.xlsx', 'c-自填.xlsx', path.join('区县', '甲区', 'e-全国表.xlsx'), path.join('区县', 'f-良好.xlsm')].sort());
    const single = path.join(out, 'single.xlsx');
    expect(cli(['score', path.join(input, 'a-良好.xlsx'), '-o', single], out).code).toBe(0);
    expect(Buffer.compare(fs.readFileSync(path.join(copies, 'a-良好.xlsx')), fs.readFileSync(single))).toBe(0);
    // A second run refuses to replace the copies without --force, and says so per file.
    const again = cli(['batch', input, '--out-dir', copies, '-o', path.join(out, 's2.xlsx'), '--jobs', '1'], out);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('已评分，副本写入失败');
  }, 120000);

  it('--format csv writes the three tables, UTF-8 with a BOM', () => {
    const out = tempFolder();
    const run = cli(['batch', input, '--format', 'csv', '--jobs', '1'], out);
    expect(run.code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(['汇总-问题清单.csv', '汇总-复核.csv', '汇总.csv'].sort());
    const summary = fs.readFileSync(path.join(out, '汇总.csv'), 'utf8');
    expect(summary.startsWith('\ufeff文件,单位名称,项目/范围,预算执行率')).toBe(true);
    // 单位名称 from the example's 报告信息; a workbook stating none is named by its file.
    expect(summary).toContain('a-良好.xlsx,高新区(新市区)二工片区管理委员会,,93.16%,9.32,72.21,81.53,良,,,0,0,已评分\r\n');
    expect(summary).toContain('区县/甲区/e-全国表.xlsx,e-全国表,部门整体,');
    expect(fs.readFileSync(path.join(out, '汇总-复核.csv'), 'utf8')).toContain('c-自填.xlsx');
  }, 120000);

  it('exit 0 when every file scored; 2 for a missing folder, no workbook, --check with --out-dir, an existing summary', () => {
    const out = tempFolder();
    const ok = tempFolder();
    fs.writeFileSync(path.join(ok, '单位1.xlsx'), example);
    expect(cli(['batch', ok, '--check'], out).code).toBe(0);
    expect(fs.existsSync(path.join(out, '汇总.xlsx'))).toBe(true);
    const exists = cli(['batch', ok], out);
    expect([exists.code, exists.stderr]).toEqual([2, expect.stringContaining('已存在')]);
    expect(cli(['batch', ok, '--force'], out).code).toBe(0);
    expect(cli(['batch', path.join(out, '不存在')], out).code).toBe(2);
    const empty = tempFolder();
    const none = cli(['batch', empty, '--force'], out);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('没有找到')]);
    expect(cli(['batch', ok, '--check', '--out-dir', path.join(out, 'x')], out).code).toBe(2);
    const onInput = cli(['batch', ok, '-o', path.join(ok, '单位1.xlsx'), '--force'], out);
    expect([onInput.code, onInput.stderr]).toEqual([2, expect.stringContaining('从不写入输入')]);
    expect(cli(['batch', ok, '--out-dir', ok], out).code).toBe(2);
    expect(cli(['batch'], out).code).toBe(2);
    expect(hashes(ok)).toEqual({ '单位1.xlsx': createHash('sha256').update(example).digest('hex') });
  }, 120000);
});

describe('selfeval batch interrupted', () => {
  it('Ctrl-C (SIGINT) stops handing out files, writes no summary and leaves no partial file; exit 130', async () => {
    const many = tempFolder();
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(many, `单位${String(i).padStart(3, '0')}.xlsx`), example);
    const out = tempFolder();
    const copies = path.join(out, '副本');
    const child = spawn(process.execPath, [CLI, 'batch', many, '--out-dir', copies, '--jobs', '2'], { cwd: out, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Interrupt once the first copy is there: the batch is then surely under way.
    while (!(fs.existsSync(copies) && fs.readdirSync(copies).some((f) => f.endsWith('.xlsx')))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('已中断');
    expect(fs.readdirSync(out).sort()).toEqual(['副本']);
    const written = fs.readdirSync(copies);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(400);
    // Every copy is whole (a temporary file is never left): each opens and scores like the original.
    expect(written.filter((f) => !f.endsWith('.xlsx'))).toEqual([]);
    for (const f of written) {
      const opened = openWorkbookFile(new Uint8Array(fs.readFileSync(path.join(copies, f))));
      expect([f, opened.ok && scoreBook(opened.value.book).evaluations[0].summary?.total]).toEqual([f, '81.53']);
    }
  }, 120000);
});
