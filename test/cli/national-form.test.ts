/**
 * The built binary on the 5-project workbook in the national layout with a
 * 部门整体 sheet (test/support/national-book.ts, where every figure is worked
 * out by hand): one text block per evaluation and the one-line summary, the
 * `{evaluations: […]}` JSON, and the scored file read back by our reader and
 * by openpyxl.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readAllCells } from '../../src/hosts/xlsx';
import { fileErrorText } from '../../src/messages/file-errors';
import { hasOpenpyxl, readWithOpenpyxl } from '../support/openpyxl-cells';
import { DEPARTMENT_SHEET, EXPECTED } from '../support/national-book';
import { nationalXlsx } from '../support/national-xlsx';
import { CLI } from '../support/paths';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let input: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-national-'));
  input = path.join(dir, '二工片区2023-项目支出.xlsx');
  fs.writeFileSync(input, await nationalXlsx());
});

const sheetOf = (scope: string | null) => scope ?? DEPARTMENT_SHEET;

test('text: one block per evaluation, titled with its sheet (部门整体 for the workbook’s names), then one summary line', () => {
  const r = run(['score', input, '--check']);
  expect(r.code).toBe(0);
  const blocks = r.stdout.split('评分结果：').slice(1);
  expect(blocks.map((b) => b.split('\n')[0])).toEqual(EXPECTED.map((e) => `二工片区2023-项目支出.xlsx — ${e.scope ?? '部门整体'}`));
  blocks.forEach((block, i) => {
    const e = EXPECTED[i];
    expect(block).toContain(`总分 ${e.total} / 100    评价等级 ${e.grade}`);
    expect(block).toContain(`${e.executionScore}/10`);
  });
  // The breakdown row as the form writes it.
  expect(blocks[1]).toMatch(/其中：当年财政拨款\s+45\.97%/);
  // The stale formula of 免费开放补助 is said, with its cell.
  expect(blocks[3]).toContain("'免费开放补助'!H20 中是您的公式");
  const summary = EXPECTED.map((e) => `${e.scope ?? '部门整体'} ${e.total}（${e.grade}）`).join('，');
  expect(r.stdout).toContain(`共 6 个评价：${summary}。`);
});

test('--json: {evaluations: [{scope, …v1 fields}], warnings, errors}', () => {
  const r = run(['score', input, '--check', '--json']);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(Object.keys(json)).toEqual(['evaluations', 'warnings', 'errors']);
  expect(json.evaluations.map((e: { scope: string | null }) => e.scope)).toEqual(EXPECTED.map((e) => e.scope));
  json.evaluations.forEach((ev: Record<string, unknown>, i: number) => {
    const e = EXPECTED[i];
    expect(Object.keys(ev)).toEqual(['scope', 'total', 'max', 'grade', 'execution', 'rows', 'indicators', 'warnings', 'errors']);
    expect([ev.total, ev.max, ev.grade]).toEqual([e.total, '100', e.grade]);
    expect(ev.execution).toMatchObject({ rate: e.executionRate, score: e.executionScore, weight: '10' });
    expect((ev.indicators as { score: string }[]).map((x) => x.score)).toEqual(e.indicatorScores);
    expect((ev.warnings as { code: string }[]).map((w) => w.code)).toEqual(e.warnings);
  });
  expect(json.warnings).toEqual([]);
  expect(json.errors).toEqual([]);
});

test('the scored workbook holds every figure in the form’s own cells, read by our reader and by openpyxl', () => {
  const out = path.join(dir, 'scored.xlsx');
  const r = run(['score', input, '-o', out]);
  expect(r.code).toBe(0);
  const cells = readAllCells(new Uint8Array(fs.readFileSync(out)));
  if (!cells.ok) throw new Error(fileErrorText(cells.error));
  const refs: string[] = [];
  for (const e of EXPECTED) {
    for (const [a1, value] of Object.entries(e.cells)) {
      expect([e.scope, a1, cells.value.get(sheetOf(e.scope))!.get(a1)?.value]).toEqual([e.scope, a1, value]);
      refs.push(`${sheetOf(e.scope)}!${a1}`);
    }
  }
  if (hasOpenpyxl()) {
    const read = readWithOpenpyxl(out, refs);
    for (const e of EXPECTED) {
      for (const [a1, value] of Object.entries(e.cells)) expect([a1, read[`${sheetOf(e.scope)}!${a1}`]?.value]).toEqual([a1, value]);
    }
  }
});

/** LibreOffice's soffice, when installed (CI images may lack it). */
function soffice(): string | null {
  for (const file of ['/usr/bin/soffice', '/usr/bin/libreoffice']) if (fs.existsSync(file)) return file;
  return null;
}

const office = soffice();
(office ? test : test.skip)('saved again by LibreOffice (its own writer, its own sheet-scoped names): the same six evaluations', () => {
  const out = path.join(dir, 'libreoffice');
  // A profile of our own: another soffice running on this machine must not be joined.
  const profile = 'file://' + path.join(dir, 'lo-profile');
  execFileSync(office!, ['-env:UserInstallation=' + profile, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, input], { stdio: 'ignore', timeout: 120000 });
  const saved = path.join(out, path.basename(input));
  const r = run(['score', saved, '--check', '--json']);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.evaluations.map((e: { scope: string | null; total: string; grade: string; warnings: { code: string }[] }) => [e.scope, e.total, e.grade, e.warnings.map((w) => w.code)])).toEqual(
    EXPECTED.map((e) => [e.scope, e.total, e.grade, e.warnings]),
  );
});
