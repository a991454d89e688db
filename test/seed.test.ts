/**
 * The seed golden test: the example workbook, through the xlsx host and the
 * engine, reproduces every figure of the 2023 report (scoring-rules.md), and
 * the figures are really in the written file, read back by our reader and by
 * openpyxl.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyPlanToFile, readAllCells, readWorkbookFile } from '../src/hosts/xlsx';
import { formatCell, a1 } from '../src/workbook/address';
import type { ScoreOutcome } from '../src/workbook/report';
import { scoreWorkbook } from '../src/workbook/score-workbook';
import { hasOpenpyxl, readWithOpenpyxl } from './support/openpyxl-cells';
import { EXAMPLE } from './support/paths';
import { fileErrorText } from '../src/messages/file-errors';

// The report's figures (../shared/spec/scoring-rules.md, seed table).
const SEED = {
  execution: { budget: '4978.49', actual: '4637.81', rate: '0.9316', score: '9.32', weight: '10' },
  adjustmentRate: '0.2039',
  rows: { 基本支出: '0.9824', 项目支出: '0.7848' },
  indicators: [
    ['公务用车经费下降率', '0.0000', '0.00', '8'],
    ['预算经费', '0.9316', '12.00', '12'],
    ['项目支出预算执行率', '0.7848', '9.42', '12'],
    ['政府采购执行率', '1.0000', '8.00', '8'],
    ['12345热线事件办结率', '0.9993', '9.99', '10'],
    ['信访案件受理率', '1.0000', '15.00', '15'],
    ['解决就业人数', '0.5200', '7.80', '15'],
    ['受益人员满意度', '1.0421', '10.00', '10'],
  ],
  total: '81.53',
  grade: '良',
};

let bytes: Uint8Array;
let outcome: ScoreOutcome;

beforeAll(() => {
  bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
  const read = readWorkbookFile(bytes);
  if (!read.ok) throw new Error(fileErrorText(read.error));
  outcome = scoreWorkbook(read.value);
});

test('no errors, no warnings', () => {
  expect(outcome.errors).toEqual([]);
  expect(outcome.warnings).toEqual([]);
});

test('budget execution: 93.16% → 9.32 / 10; 调整率 20.39%', () => {
  expect(outcome.summary!.execution).toEqual(SEED.execution);
  expect(outcome.summary!.adjustmentRate).toBe(SEED.adjustmentRate);
});

test('基本支出 98.24%, 项目支出 78.48%', () => {
  const rows = Object.fromEntries(outcome.summary!.rows.map((r) => [r.label, r.rate]));
  expect(rows).toMatchObject(SEED.rows);
});

test('every indicator: name, completion rate, score, weight', () => {
  expect(outcome.summary!.indicators.map((i) => [i.name, i.rate, i.score, i.weight])).toEqual(SEED.indicators);
});

test('total 81.53, grade 良, 满分 100', () => {
  expect([outcome.summary!.total, outcome.summary!.grade, outcome.summary!.max]).toEqual([SEED.total, SEED.grade, '100']);
});

describe('the written file', () => {
  let written: Uint8Array;
  let file: string;
  beforeAll(() => {
    const result = applyPlanToFile(bytes, outcome.plan);
    if (!result.ok) throw new Error(fileErrorText(result.error));
    written = result.value;
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seed-')), 'scored.xlsx');
    fs.writeFileSync(file, written);
  });

  // Where the example keeps its outputs (assets layout): the values the report states.
  const EXPECTED: Array<[string, number | string, string]> = [
    ['预算执行!F5', 0.9316, '0.00%'],
    ['预算执行!G5', 9.32, '0.00'],
    ['预算执行!H5', 0.2039, '0.00%'],
    ['预算执行!F6', 0.9824, '0.00%'],
    ['预算执行!F9', 0.7848, '0.00%'],
    ...SEED.indicators.map(([, rate, score], i): Array<[string, number, string]> => [
      [`绩效指标!L${4 + i}`, Number(rate), '0.00%'],
      [`绩效指标!M${4 + i}`, Number(score), '0.00'],
    ]).flat(),
    ['评价结果!B14', 0.9316, '0.00%'],
    ['评价结果!B15', 9.32, '0.00'],
    ['评价结果!B16', 72.21, '0.00'],
    ['评价结果!B17', 81.53, '0.00'],
    ['评价结果!B18', 100, '0.00'],
    ['评价结果!B19', '良', 'General'],
    ['评价结果!B20', 0.2039, '0.00%'],
    ['评价结果!B21', 0.9824, '0.00%'],
    ['评价结果!B22', 0.7848, '0.00%'],
    ['评价结果!B23', '无', 'General'],
  ];

  test('our reader finds the report figures in the output cells', () => {
    const cells = readAllCells(written);
    if (!cells.ok) throw new Error(fileErrorText(cells.error));
    for (const [ref, value, format] of EXPECTED) {
      const [sheet, addr] = ref.split('!');
      const cell = cells.value.get(sheet)!.get(addr)!;
      expect({ ref, value: cell.value, format: cell.numberFormat }).toEqual({ ref, value, format });
    }
  });

  test('every planned write is in the file, and the plan addresses only output cells', () => {
    const cells = readAllCells(written);
    if (!cells.ok) throw new Error(fileErrorText(cells.error));
    const outputs = new Set(['预算执行!F', '预算执行!G', '预算执行!H', '预算执行!D', '绩效指标!L', '绩效指标!M', '绩效指标!N', '评价结果!B']);
    for (const w of outcome.plan.writes) {
      const addr = a1(w.address.row, w.address.col);
      expect(outputs.has(`${w.address.sheet}!${addr.replace(/\d+$/, '')}`)).toBe(true);
      const cell = cells.value.get(w.address.sheet)!.get(addr)!;
      if (w.value.kind === 'number') expect(cell.value).toBe(Number(w.value.text));
      else if (w.value.kind === 'text') expect(cell.value).toBe(w.value.text);
      else expect(cell.value).toBeNull();
      if (w.numberFormat) expect(cell.numberFormat).toBe(w.numberFormat);
    }
    expect(formatCell(outcome.plan.writes[0].address)).toMatch(/^'/);
  });

  // CI always runs it (.ci/run installs python3-openpyxl); elsewhere it is skipped only when openpyxl is missing.
  const maybe = hasOpenpyxl() || process.env.CI ? test : test.skip;
  maybe('openpyxl (an independent reader) finds the same figures', () => {
    const got = readWithOpenpyxl(file, EXPECTED.map(([ref]) => ref));
    for (const [ref, value, format] of EXPECTED) {
      expect({ ref, value: got[ref].value, format: got[ref].format }).toEqual({ ref, value, format });
    }
  });
});
