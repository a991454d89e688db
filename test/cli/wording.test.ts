/**
 * The built binary on the example in everyday wording (test/support/wording-book.ts):
 * a 时效指标 with a date target and a date cell, a qualitative 效果一般 — the
 * hand-worked figures in --json, and the cells really written.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyPlanToFile, readAllCells } from '../../src/hosts/xlsx';
import { CLI } from '../support/paths';
import { WORDING_EXPECTED, wordingBookBytes } from '../support/wording-book';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-wording-'));
  fs.writeFileSync(path.join(dir, '日常用语.xlsx'), wordingBookBytes());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('--json gives the hand-worked total, grade and scores, with the deadline explained', () => {
  const r = run(['score', path.join(dir, '日常用语.xlsx'), '--check', '--json']);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect([json.total, json.grade]).toEqual([WORDING_EXPECTED.total, WORDING_EXPECTED.grade]);
  expect(json.indicators.map((i: { score: string }) => i.score)).toEqual(WORDING_EXPECTED.scores);
  expect(json.indicators[6].direction).toBe('deadline');
  expect(json.indicators[6].rate).toBeNull();
  for (const [i, text] of Object.entries(WORDING_EXPECTED.notes)) expect(json.indicators[Number(i)].note).toContain(text);
});

test('the scored file holds the scores, the blank 完成率 and the note of the deadline row', () => {
  const out = path.join(dir, '日常用语.scored.xlsx');
  const r = run(['score', path.join(dir, '日常用语.xlsx'), '-o', out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(WORDING_EXPECTED.total);
  const cells = readAllCells(new Uint8Array(fs.readFileSync(out)));
  if (!cells.ok) throw new Error('unreadable');
  const sheet = cells.value.get('绩效指标')!;
  expect(sheet.get('M10')!.value).toBe(15);
  expect(sheet.get('L10')?.value ?? null).toBeNull();
  expect(String(sheet.get('N10')!.value)).toContain(WORDING_EXPECTED.notes[6]);
  expect(sheet.get('M8')!.value).toBe(7.99);
  // The date cell itself is untouched: still the serial day with its date format.
  expect(sheet.get('I10')!.value).toBe(45616);
  expect(cells.value.get('评价结果')!.get('B17')!.value).toBe(Number(WORDING_EXPECTED.total));
});

test('the same workbook with an actual that is no date fails, naming the cell, and writes nothing', () => {
  const bad = path.join(dir, '已完成.xlsx');
  const res = applyPlanToFile(wordingBookBytes(), { writes: [{ address: { sheet: '绩效指标', row: 9, col: 8 }, value: { kind: 'text', text: '已完成' } }] });
  if (!res.ok) throw new Error('unwritable');
  fs.writeFileSync(bad, res.value);
  const out = path.join(dir, '已完成.scored.xlsx');
  const r = run(['score', bad, '-o', out]);
  expect(r.code).toBe(1);
  expect(r.stdout + r.stderr).toContain("'绩效指标'!I10");
  expect(r.stdout + r.stderr).toContain('按时完成');
  expect(fs.existsSync(out)).toBe(false);
});
