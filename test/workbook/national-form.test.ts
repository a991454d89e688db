/**
 * The national 项目支出绩效自评表 as it stands (forms issue §2), at the
 * contract level: names over its blocks and no change to the form. Each
 * project sheet is built from its description in test/support/national-book.ts,
 * where the expected figures are worked out by hand.
 */
import type { WorkbookInput } from '../../src/workbook/cells';
import { IssueList } from '../../src/workbook/issue-list';
import { readHeaderTable } from '../../src/workbook/header-table';
import { issueText } from '../../src/messages/issues';
import { scoreBook } from '../../src/workbook/score-book';
import { EXPECTED, PROJECTS, projectInput, type ProjectSpec } from '../support/national-book';
import { errorsOf, fx, getCell, num, range, render, score, seedWorkbook, setCell, txt, warningsOf, writesOf, type CellSpec } from '../support/grid';

const [SOCIAL, SUPERVISION, LIBRARIES, EPIDEMIC, RETIREES] = PROJECTS;
const expectedFor = (spec: ProjectSpec) => EXPECTED.find((e) => e.scope === spec.sheet)!;
const at = (spec: ProjectSpec, a1: string) => `'${spec.sheet}'!${a1}`;

/** The plan of a project sheet as A1 → value (numbers as numbers, text as text). */
function writtenValues(spec: ProjectSpec, input: WorkbookInput): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [ref, w] of Object.entries(writesOf(score(input)))) {
    out[ref.replace(`'${spec.sheet}'!`, '')] = w.kind === 'number' ? Number(w.text) : (w.text ?? '');
  }
  return out;
}

describe('a project sheet in the national layout scores with names over its blocks alone', () => {
  test.each(PROJECTS.map((p) => [p.sheet, p]))('%s: the figures worked out by hand, written to the form’s own cells', (_sheet, spec) => {
    const expected = expectedFor(spec);
    const outcome = score(projectInput(spec));
    expect(errorsOf(outcome)).toEqual([]);
    const summary = outcome.summary!;
    expect([summary.total, summary.grade, summary.execution.rate, summary.execution.score]).toEqual([
      expected.total, expected.grade, expected.executionRate, expected.executionScore,
    ]);
    expect(summary.indicators.map((i) => i.score)).toEqual(expected.indicatorScores);
    expect(outcome.warnings.map((w) => w.code)).toEqual(expected.warnings);
    expect(writtenValues(spec, projectInput(spec))).toEqual(expected.cells);
  });

  test('no 评价结果 is needed when the 总分 row is the place of the total; the grade is still reported', () => {
    const input = projectInput(SOCIAL);
    expect(input['评价结果'].kind).toBe('missing');
    const outcome = score(input);
    expect(outcome.errors).toEqual([]);
    expect(outcome.summary!.grade).toBe('优');
  });

  test('with a 评价结果 as well, both places receive the total', () => {
    const input = projectInput(SOCIAL);
    input['评价结果'] = range(SOCIAL.sheet, 'K13', [['总分', null], ['评价等级', null]]);
    const w = writesOf(score(input));
    expect([w[at(SOCIAL, 'H21')], w[at(SOCIAL, 'L13')], w[at(SOCIAL, 'L14')]]).toEqual([num('93.17', '0.00'), num('93.17', '0.00'), txt('优')]);
  });
});

describe('the 总分 row', () => {
  test('is read past like 合计: its 分值 100 is no indicator, and it ends the table', () => {
    const input = projectInput(EPIDEMIC);
    // A row below 总分 that would be an indicator if the table went on.
    extendIndicators(input, [[null, null, null, '补充指标', '≥1个', '1', 5, null, null]]);
    const outcome = score(input);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.indicators.map((i) => i.name)).not.toContain('补充指标');
    expect(outcome.summary!.max).toBe('100');
  });

  test("its 得分 holding the user's formula is left alone; a cached result equal to ours says nothing", () => {
    const outcome = score(projectInput(SUPERVISION));
    expect(outcome.warnings).toEqual([]);
    expect(writesOf(outcome)[at(SUPERVISION, 'H21')]).toBeUndefined();
    expect(outcome.summary!.total).toBe('98.85');
  });

  test('a cached result that differs is a warning naming the cell, with both figures; nothing else changes', () => {
    const outcome = score(projectInput(LIBRARIES));
    const warning = outcome.warnings.find((w) => w.code === 'formFormulaDiffers')!;
    expect(render((warning as { cell: Parameters<typeof render>[0] }).cell)).toBe(at(LIBRARIES, 'H20'));
    const text = issueText(warning, 'cli');
    expect(text).toContain(at(LIBRARIES, 'H20'));
    expect(text).toContain('60.00');
    expect(text).toContain('57.81');
    expect(writesOf(outcome)[at(LIBRARIES, 'H20')]).toBeUndefined();
  });

  test('a cached result equal to ours once rounded to 小数位数 says nothing (81.5312 shows as 81.53)', () => {
    const input = projectInput(SOCIAL);
    setCell(input, '绩效指标', 'H21', fx(93.1712, '0.00'));
    expect(score(input).warnings.map((w) => w.code)).toEqual(['qualitativeConfirm']);
  });

  test('a formula without a cached result cannot be checked: left alone, no warning', () => {
    const input = projectInput(SOCIAL);
    setCell(input, '绩效指标', 'H21', fx(null, '0.00'));
    const outcome = score(input);
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings.map((w) => w.code)).toEqual(['qualitativeConfirm']);
    expect(writesOf(outcome)[at(SOCIAL, 'H21')]).toBeUndefined();
  });

  test('a number typed into its 得分 is replaced by the total', () => {
    const input = projectInput(SOCIAL);
    setCell(input, '绩效指标', 'H21', 90);
    expect(writesOf(score(input))[at(SOCIAL, 'H21')]).toEqual(num('93.17', '0.00'));
  });

  test('without a 得分 column the total has no place, and 评价结果 is required as in v1', () => {
    const wb = seedWorkbook();
    wb['评价结果'] = { kind: 'missing' };
    const res = wb['绩效指标'];
    if (res.kind !== 'range') throw new Error();
    res.cells.push(res.cells[0].map(() => ({ value: null, numberFormat: 'General', formula: false })));
    res.range.rows += 1;
    setCell(wb, '绩效指标', 'C12', '总分');
    // The seed's header has 得分 (M): with it, the total has a place.
    expect(score(wb).errors).toEqual([]);
    setCell(wb, '绩效指标', 'M3', '自评分');
    expect(errorsOf(score(wb))).toEqual([['nameMissing', '评价结果']]);
  });
});

describe('小计 rows of a 一级指标 block', () => {
  test('receive the block’s subtotal (Σ of its rounded scores) on the same terms as 总分', () => {
    const w = writesOf(score(projectInput(SUPERVISION)));
    expect([w[at(SUPERVISION, 'H16')], w[at(SUPERVISION, 'H18')], w[at(SUPERVISION, 'H20')]]).toEqual([
      num('49.21', '0.00'), num('30.00', '0.00'), num('9.78', '0.00'),
    ]);
  });

  test("a 小计 holding the user's formula is left alone, and a differing result names its block", () => {
    const input = projectInput(SUPERVISION);
    setCell(input, '绩效指标', 'H16', fx(50, '0.00'));
    const outcome = score(input);
    expect(warningsOf(outcome)).toEqual([['formFormulaDiffers', at(SUPERVISION, 'H16')]]);
    expect(issueText(outcome.warnings[0], 'cli')).toContain('一级指标“产出指标”的小计“49.21”');
    expect(writesOf(outcome)[at(SUPERVISION, 'H16')]).toBeUndefined();
  });

  test('合计 and 总计 rows are still never written (v1); a 小计 adds up back to the previous 小计, past them', () => {
    const input = projectInput(SUPERVISION);
    setCell(input, '绩效指标', 'C16', '合计');
    const w = writesOf(score(input));
    expect(w[at(SUPERVISION, 'H16')]).toBeUndefined();
    // 20 + 14.21 + 15 (产出, above the 合计) + 30 (效益) = 79.21.
    expect(w[at(SUPERVISION, 'H18')]).toEqual(num('79.21', '0.00'));
  });
});

describe('the grade in the form', () => {
  test('a 自评等级 row below 总分: the label left of 得分 gives the grade to that row’s 得分 cell', () => {
    expect(writesOf(score(projectInput(LIBRARIES)))[at(LIBRARIES, 'H21')]).toEqual(txt('差'));
  });

  test('a 评价等级 label beside the total, right of 得分: the cell right of it', () => {
    const input = projectInput(EPIDEMIC);
    setCell(input, '绩效指标', 'I18', '评价等级：');
    extendColumns(input, 1);
    const w = writesOf(score(input));
    expect([w[at(EPIDEMIC, 'H18')], w[at(EPIDEMIC, 'J18')]]).toEqual([num('98.93', '0.00'), txt('优')]);
  });

  test("the user's formula there is left alone and its text compared", () => {
    const input = projectInput(LIBRARIES);
    setCell(input, '绩效指标', 'H21', fx('中'));
    const outcome = score(input);
    expect(warningsOf(outcome).map(([c]) => c)).toEqual(['qualitativeConfirm', 'formFormulaDiffers', 'formFormulaDiffers']);
    expect(issueText(outcome.warnings[2], 'cli')).toContain('评价等级“差”');
  });

  test('a form without such a label gets no grade cell (the grade is reported)', () => {
    const outcome = score(projectInput(EPIDEMIC));
    expect(Object.values(writesOf(outcome)).filter((w) => w.kind === 'text')).toEqual([]);
    expect(outcome.summary!.grade).toBe('优');
  });
});

describe('偏差原因分析及改进措施 is one column for both', () => {
  test('it is the 偏差原因 and the 改进措施 column of the table', () => {
    const input = projectInput(SOCIAL);
    const res = input['绩效指标'];
    if (res.kind !== 'range') throw new Error();
    const table = readHeaderTable('绩效指标', 'indicators', res.range, res.cells, new IssueList());
    expect(table!.columns.reason).toBe(8);
    expect(table!.columns.measures).toBe(8);
  });

  test('偏差原因必填 reads it: a missed target without text there is reported at that cell', () => {
    const input = projectInput(SOCIAL);
    // The execution rate 45.97% is not asked about here (the form's budget block has no 偏差原因 column).
    input['评分规则'] = range(SOCIAL.sheet, 'K1', [['偏差原因必填', '错误'], ['执行率说明阈值', '40%']]);
    expect(errorsOf(score(input))).toEqual([]);
    setCell(input, '绩效指标', 'I18', null);
    expect(errorsOf(score(input))).toEqual([['reasonMissing', at(SOCIAL, 'I18')]]);
  });

  test('beside its own 偏差原因 column it is a duplicate, named', () => {
    const input = projectInput(SOCIAL);
    extendColumns(input, 1);
    setCell(input, '绩效指标', 'J12', '偏差原因');
    expect(errorsOf(score(input))).toEqual([['columnDuplicate', at(SOCIAL, 'J12')]]);
  });
});

describe('the budget block as the form has it', () => {
  test('项目资金（万元） down column A labels the block; the row labels stand under a blank header', () => {
    const outcome = score(projectInput(RETIREES));
    expect(outcome.errors).toEqual([]);
    expect(outcome.summary!.rows.map((r) => r.label)).toEqual(['其中：当年财政拨款', '上年结转资金', '其他资金']);
  });

  test('the dashes in the 分值 and 得分 cells of the breakdown rows are no errors, and never written', () => {
    const input = projectInput(RETIREES);
    expect([getCell(input, '预算执行', 'F7').value, getCell(input, '预算执行', 'H9').value]).toEqual(['—', '—']);
    const w = writesOf(score(input));
    expect(['H7', 'H8', 'H9', 'F7'].map((a) => w[at(RETIREES, a)])).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('其中：当年财政拨款 takes part in the breakdown check once 其他资金 is filled', () => {
    const input = projectInput(RETIREES);
    for (const col of ['C', 'D', 'E']) setCell(input, '预算执行', col + '9', 0);
    const ok = score(input);
    expect(ok.warnings.map((w) => w.code)).not.toContain('breakdownMismatch');
    setCell(input, '预算执行', 'D7', 690);
    expect(warningsOf(score(input))).toContainEqual(['breakdownMismatch', at(RETIREES, 'D6')]);
  });
});

describe('the form as units fill it in (池州市贵池区棠溪镇 2022, see docs)', () => {
  test('年度资金总额： with a colon is the total row, and 其中：本年财政拨款 is 当年财政拨款 in the breakdown check', () => {
    const input = projectInput(RETIREES);
    setCell(input, '预算执行', 'B6', '年度资金总额：');
    setCell(input, '预算执行', 'B7', '其中：本年财政拨款');
    for (const col of ['C', 'D', 'E']) setCell(input, '预算执行', col + '9', 0);
    setCell(input, '预算执行', 'D7', 690);
    const outcome = score(input);
    expect(warningsOf(outcome)).toContainEqual(['breakdownMismatch', at(RETIREES, 'D6')]);
    expect(outcome.summary!.rows.map((r) => r.label)).toEqual(['其中：本年财政拨款', '上年结转资金', '其他资金']);
  });
});

describe('a block label is not a header (same rule in every host: the named cells alone)', () => {
  test('绩效指标 merged down column A beside 三级指标 is no duplicate', () => {
    expect(errorsOf(score(projectInput(SOCIAL)))).toEqual([]);
  });

  test('column A holding something below (a 序号 per row) makes 绩效指标 a header again: the duplicate is reported as in v1', () => {
    const input = projectInput(SOCIAL);
    setCell(input, '绩效指标', 'A13', 1);
    expect(errorsOf(score(input))[0]).toEqual(['columnDuplicate', at(SOCIAL, 'D12')]);
  });

  test('项目资金 over a column of its own row labels is the label column (no block)', () => {
    const input = projectInput(RETIREES);
    const res = input['预算执行'];
    if (res.kind !== 'range') throw new Error();
    // Drop column A: the range starts at B, whose header is then 项目资金.
    input['预算执行'] = range(RETIREES.sheet, 'B5', res.cells.map((line) => line.slice(1) as CellSpec[]));
    setCell(input, '预算执行', 'B5', '项目资金（万元）');
    const outcome = score(input);
    expect(outcome.errors).toEqual([]);
    expect(outcome.summary!.execution.rate).toBe('1.0000');
  });

  test('a first column of the user’s own (序号) is read past; its 总分 still ends the table', () => {
    const input = projectInput(SOCIAL);
    setCell(input, '绩效指标', 'A12', '序号');
    setCell(input, '绩效指标', 'A13', 1);
    const outcome = score(input);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.total).toBe('93.17');
  });
});

describe('the 5-project workbook in one click (sheet-scoped names per project)', () => {
  test('six evaluations, in sheet order, each with its own figures, one plan for all', () => {
    const book = {
      workbook: seedWorkbook(),
      sheets: PROJECTS.map((spec) => ({ sheet: spec.sheet, hidden: false, names: projectInput(spec) })),
    };
    for (const s of book.sheets) {
      delete (s.names as Partial<WorkbookInput>)['评分规则'];
      delete (s.names as Partial<WorkbookInput>)['评价结果'];
      delete (s.names as Partial<WorkbookInput>)['项目支出'];
    }
    const outcome = scoreBook(book);
    expect(outcome.errors).toEqual([]);
    expect(outcome.evaluations.map((e) => [e.scope, e.summary!.total, e.summary!.grade])).toEqual(EXPECTED.map((e) => [e.scope, e.total, e.grade]));
    const sheets = new Set(outcome.plan.writes.map((w) => w.address.sheet));
    for (const spec of PROJECTS) expect(sheets.has(spec.sheet)).toBe(true);
  });
});

/** Appends rows at the bottom of the indicator range. */
function extendIndicators(input: WorkbookInput, rows: CellSpec[][]): void {
  const res = input['绩效指标'];
  if (res.kind !== 'range') throw new Error();
  for (const line of rows) res.cells.push(Array.from({ length: res.range.cols }, (_, c) => ({ value: (line[c] ?? null) as never, numberFormat: 'General', formula: false })));
  res.range.rows += rows.length;
}

/** Widens the indicator range by blank columns on the right. */
function extendColumns(input: WorkbookInput, count: number): void {
  const res = input['绩效指标'];
  if (res.kind !== 'range') throw new Error();
  for (const line of res.cells) for (let i = 0; i < count; i++) line.push({ value: null, numberFormat: 'General', formula: false });
  res.range.cols += count;
}
