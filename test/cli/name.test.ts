/**
 * Workbooks without names in the built CLI (forms issue §3): `selfeval score`
 * lists what the headers show and the command that fixes it; `selfeval name`
 * writes the proposed names into a copy that differs from the input in
 * xl/workbook.xml alone, and that copy scores exactly as the named original —
 * the example workbook, and the national 5-project workbook. What cannot be
 * decided is listed, and nothing is written.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { nationalBook, type BookModel } from '../support/national-book';
import { nationalXlsx } from '../support/national-xlsx';
import { CLI, EXAMPLE } from '../support/paths';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same package with no <definedNames>: what a unit's own workbook looks like. */
function withoutNames(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, ''));
  return zipSync(parts);
}

/** The JSON of `score --check --json`, which names no file. */
function scoreJson(file: string): unknown {
  const r = run(['score', file, '--check', '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-name-'));
});

describe('the example workbook without its names', () => {
  let input: string;
  beforeAll(() => {
    input = path.join(dir, '示例.xlsx');
    fs.writeFileSync(input, withoutNames(fs.readFileSync(EXAMPLE)));
  });

  test('score: exit 1, the tables found with their rows and ranges, the names they would get, and the command; nothing written', () => {
    const r = run(['score', input]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('在工作表“绩效指标”第 3 行找到绩效指标表 A3:P11');
    expect(r.stdout).toContain('在工作表“预算执行”第 12 行找到项目支出表 A12:F18');
    expect(r.stdout).toContain("名称“评分规则”（范围：工作簿）＝'评价结果'!$A$4:$B$11");
    expect(r.stdout).toContain(`selfeval name ${input}\n  selfeval score ${path.join(dir, '示例.named.xlsx')}`);
    expect(r.stdout).toContain('未写入任何文件。');
    expect(fs.existsSync(path.join(dir, '示例.scored.xlsx'))).toBe(false);
    expect(fs.existsSync(path.join(dir, '示例.named.xlsx'))).toBe(false);
  });

  test('name: writes <in>.named.xlsx, only xl/workbook.xml differs, and it scores exactly as the original', () => {
    const r = run(['name', input]);
    expect(r.code).toBe(0);
    const named = path.join(dir, '示例.named.xlsx');
    expect(r.stdout).toContain(`已把名称写入：${named}`);
    const before = unzipSync(fs.readFileSync(input));
    const after = unzipSync(fs.readFileSync(named));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const entry of Object.keys(before)) {
      if (entry === 'xl/workbook.xml') expect(Buffer.from(after[entry]).equals(Buffer.from(before[entry]))).toBe(false);
      else expect(Buffer.from(after[entry]).equals(Buffer.from(before[entry]))).toBe(true);
    }
    expect(scoreJson(named)).toEqual(scoreJson(EXAMPLE));
  });

  test('name: an existing output is refused without --force (exit 2), as for score', () => {
    const out = path.join(dir, '已有.xlsx');
    fs.writeFileSync(out, 'x');
    const r = run(['name', input, '-o', out]);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(out, 'utf8')).toBe('x');
    expect(run(['name', input, '-o', out, '--force']).code).toBe(0);
    expect(scoreJson(out)).toEqual(scoreJson(EXAMPLE));
  });

  test('name on a workbook that has its names: exit 1, nothing written', () => {
    const out = path.join(dir, '再次.xlsx');
    const r = run(['name', EXAMPLE, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('工作簿中已有约定的名称');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('the national 5-project workbook without its names', () => {
  test('name, then score: the six evaluations exactly as with the names the form was built with', async () => {
    const model = nationalBook();
    const original = path.join(dir, '国家表式.xlsx');
    fs.writeFileSync(original, await nationalXlsx(model));
    const input = path.join(dir, '国家表式-无名称.xlsx');
    fs.writeFileSync(input, await nationalXlsx({ ...model, names: [] }));
    const r = run(['name', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('在工作表“社区工资社保”第 12 行找到绩效指标表 A12:I21（到“总分”行）');
    expect(r.stdout).toContain("名称“绩效指标”（范围：工作表“社区工资社保”）＝'社区工资社保'!$A$12:$I$21");
    expect(r.stdout).toContain("名称“预算执行”（范围：工作簿）＝'部门整体'!$A$4:$H$9");
    expect(scoreJson(path.join(dir, '国家表式-无名称.named.xlsx'))).toEqual(scoreJson(original));
  });

  test('a copy of a budget block on a sheet of no evaluation: listed, exit 1, nothing written', async () => {
    const model = nationalBook();
    const project = model.sheets[1];
    const spare = { name: '备用', merges: [] as string[], cells: new Map([...project.cells].filter(([ref]) => /^[A-H][5-9]$/.test(ref))) };
    const book: BookModel = { sheets: [...model.sheets, spare], names: [] };
    const input = path.join(dir, '有备用表.xlsx');
    fs.writeFileSync(input, await nationalXlsx(book));
    const r = run(['name', input]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('工作表“备用”第 5 行的预算执行表 A5:H9不属于任何评价');
    expect(r.stdout).toContain('未写入任何文件。');
    expect(fs.existsSync(path.join(dir, '有备用表.named.xlsx'))).toBe(false);
    const score = run(['score', input]);
    expect(score.code).toBe(1);
    expect(score.stdout).toContain(`改好后再运行：selfeval name ${input}`);
  });
});
