/**
 * The built binary on one workbook per 规则方案 (test/support/rule-books.ts):
 * the figures worked out by hand, the preset named in the text view and in
 * --json, the adjustments in --json only when there are some, and the cells
 * really written. A v1 workbook prints v1's JSON exactly.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readAllCells } from '../../src/hosts/xlsx';
import { CLI, EXAMPLE } from '../support/paths';
import { RULE_BOOKS, ruleBookBytes } from '../support/rule-books';

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-rules-'));
  for (const book of RULE_BOOKS) fs.writeFileSync(path.join(dir, book.file), ruleBookBytes(book));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const V1_KEYS = ['total', 'max', 'grade', 'execution', 'rows', 'indicators', 'warnings', 'errors'];
const V1_INDICATOR_KEYS = ['cell', 'name', 'direction', 'rate', 'score', 'ruleScore', 'weight', 'note'];

describe.each(RULE_BOOKS.map((b) => [b.preset, b]))('规则方案 %s', (preset, book) => {
  const file = () => path.join(dir, book.file);
  const e = book.expected;

  test('--json: the hand-worked figures, the preset, adjustments only where a score changed', () => {
    const r = run(['score', file(), '--check', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    const keys = e.totalAdjustments.length > 0 ? ['total', 'max', 'grade', 'preset', 'adjustments', ...V1_KEYS.slice(3)] : ['total', 'max', 'grade', 'preset', ...V1_KEYS.slice(3)];
    expect(Object.keys(json)).toEqual(keys);
    expect([json.total, json.max, json.grade, json.preset]).toEqual([e.total, '100', e.grade, preset]);
    expect([json.execution.rate, json.execution.score]).toEqual([e.executionRate, e.executionScore]);
    expect(json.indicators.map((i: { score: string }) => i.score)).toEqual(e.scores);
    expect((json.adjustments ?? []).map((a: { rule: string; before: string; after: string }) => [a.rule, a.before, a.after])).toEqual(e.totalAdjustments);
    json.indicators.forEach((ind: Record<string, unknown>, n: number) => {
      const expected = e.indicatorAdjustments[n] ?? [];
      expect(Object.keys(ind)).toEqual(expected.length > 0 ? [...V1_INDICATOR_KEYS, 'adjustments'] : V1_INDICATOR_KEYS);
      const got = ((ind.adjustments ?? []) as Array<{ rule: string; before: string; after: string; note: string }>);
      expect(got.map((a) => [a.rule, a.before, a.after])).toEqual(expected);
      for (const a of got) expect(ind.note).toContain(a.note);
    });
    expect(json.warnings.map((w: { code: string; cell: string | null }) => [w.code, w.cell ?? '绩效指标'])).toEqual(e.warnings);
    expect(json.errors).toEqual([]);
  });

  test('text view: the total, the grade and the preset', () => {
    const r = run(['score', file(), '--check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`总分 ${e.total} / 100    评价等级 ${e.grade}`);
    expect(r.stdout).toContain(`\n规则方案：${preset}\n`);
  });
});

test('执行率封顶: the written workbook holds the capped total, its grade, 总分说明 and the penalised score', () => {
  const book = RULE_BOOKS.find((b) => b.preset === '执行率封顶')!;
  const out = path.join(dir, 'out.xlsx');
  const r = run(['score', path.join(dir, book.file), '-o', out]);
  expect(r.code).toBe(0);
  // The cap's step under the total line, in the words.
  expect(r.stdout).toContain('总分 79.00 / 100    评价等级 一般\n  预算执行率 68.20% 低于 70%，总分上限 79 分：由 84.23 调为 79.00\n规则方案：执行率封顶');
  const cells = readAllCells(new Uint8Array(fs.readFileSync(out)));
  if (!cells.ok) throw new Error('unreadable output');
  const results = cells.value.get('评价结果')!;
  expect(results.get('B17')!.value).toBe(79);
  expect(results.get('B16')!.value).toBe(77.41);
  expect(results.get('B19')!.value).toBe('一般');
  expect(results.get('B20')!.value).toBe('预算执行率得分 6.82 + 指标得分合计 77.41 = 84.23；预算执行率 68.20% 低于 70%，总分上限 79 分：由 84.23 调为 79.00。');
  expect(results.get('B23')!.value).toBe(5);
  const indicators = cells.value.get('绩效指标')!;
  expect(indicators.get('M10')!.value).toBe(13);
  expect(indicators.get('N10')!.value).toBe('实际完成值 130人 达到指标值 100人，得满分 15 分；偏离扣分：实际完成值 130人 不低于指标值 × (1 + 30%) = 130人，扣 2 分：由 15.00 调为 13.00。');
});

test('without a 规则方案 the JSON is v1’s: no preset, no adjustments anywhere', () => {
  const json = JSON.parse(run(['score', EXAMPLE, '--check', '--json']).stdout);
  expect(Object.keys(json)).toEqual(V1_KEYS);
  for (const ind of json.indicators) expect(Object.keys(ind)).toEqual(V1_INDICATOR_KEYS);
});

test('an unknown 规则方案 is an error naming the cell and the known presets (exit 1, nothing written)', () => {
  const input = path.join(dir, '未知方案.xlsx');
  fs.writeFileSync(input, ruleBookBytes({ ...RULE_BOOKS[0], cells: { '评价结果!A11': '规则方案', '评价结果!B11': '四川' } }));
  const r = run(['score', input, '--json']);
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout);
  expect(json.errors).toEqual([
    {
      code: 'settingUnknownPreset',
      cell: "'评价结果'!B11",
      message: "'评价结果'!B11 的规则方案“四川”不认识，您要的是否是“四川自评表”？可用的规则方案：“财政部通用”、“财政部项目支出”、“四川自评表”、“执行率封顶”。请改为其中之一，或删去该行按默认规则计分。",
    },
  ]);
  expect(fs.existsSync(path.join(dir, '未知方案.scored.xlsx'))).toBe(false);
});
