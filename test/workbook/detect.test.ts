/**
 * Workbooks without names (forms issue §3), at the contract level: the
 * detection finds the tables by their header rows and labels in workbooks
 * built from a description (the national 5-project workbook of
 * national-book.ts, whose own names are the answer; small hand-built sheets
 * for each rule), and lists what it cannot decide instead of guessing.
 */
import type { CellInput } from '../../src/workbook/cells';
import { bookFromProposal, nameReference, proposeNames, type DetectSheet } from '../../src/workbook/detect';
import { scoreBook } from '../../src/workbook/score-book';
import { cellInput, nationalBook, resolution, type BookModel } from '../support/national-book';
import { parseRef } from '../support/grid';

/** The model's sheets as the detection reads them; `merges: false` as a host that cannot read merges. */
function detectSheets(model: BookModel, withMerges = true): DetectSheet[] {
  return model.sheets.map((sheet) => {
    const cells: CellInput[][] = [];
    sheet.cells.forEach((cell, ref) => {
      const at = parseRef(ref);
      (cells[at.row] ??= [])[at.col] = cellInput(cell);
    });
    for (let r = 0; r < cells.length; r++) {
      const line = (cells[r] ??= []);
      for (let c = 0; c < line.length; c++) line[c] ??= cellInput(undefined);
    }
    const merges = sheet.merges.map((m) => {
      const [from, to] = m.split(':').map(parseRef);
      return { sheet: sheet.name, row: from.row, col: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 };
    });
    return { sheet: sheet.name, hidden: false, cells, merges: withMerges ? merges : null };
  });
}

/** A sheet from rows of texts (null: an empty cell). */
function sheetOf(name: string, rows: Array<Array<string | number | null>>, merges: DetectSheet['merges'] = []): DetectSheet {
  return { sheet: name, hidden: false, cells: rows.map((line) => line.map((v) => cellInput(v === null ? undefined : { value: v }))), merges };
}

const byRef = (a: { ref: string; name: string }, b: { ref: string; name: string }) => (a.ref + a.name < b.ref + b.name ? -1 : 1);
/** The proposed names as the model writes them, top to bottom. */
const described = (names: ReturnType<typeof proposeNames>['names']) =>
  [...names].sort((a, b) => (a.range.sheet === b.range.sheet ? a.range.row - b.range.row : a.range.sheet < b.range.sheet ? -1 : 1)).map((n) => ({ name: n.name, scope: n.scope, ref: nameReference(n.range) }));

describe('the national 5-project workbook without its names', () => {
  const model = nationalBook();
  test.each([
    ['with merges', true],
    ['without merges (ExcelApi below 1.13)', false],
  ])('%s: exactly the names the form was built with — the department’s at workbook scope, each project’s at its sheet’s', (_label, withMerges) => {
    const proposal = proposeNames(detectSheets(model, withMerges as boolean));
    expect(proposal.problems).toEqual([]);
    expect(described(proposal.names).sort(byRef)).toEqual([...model.names].sort(byRef));
  });

  test('the merged 绩效指标 label in column A is a block label: 三级指标 is the indicator name column, the table runs to its 总分 row', () => {
    const proposal = proposeNames(detectSheets(model));
    const indicators = proposal.found.filter((t) => t.name === '绩效指标' && t.range.sheet === '社区工资社保');
    expect(indicators.map((t) => [nameReference(t.range), t.grandTotal])).toEqual([["'社区工资社保'!$A$12:$I$21", true]]);
  });

  test('scoring the proposal gives what the named workbook gives', () => {
    const sheets = detectSheets(model);
    const proposal = proposeNames(sheets);
    const fromProposal = scoreBook(bookFromProposal(proposal.names, sheets));
    const named = scoreBook(bookFromProposal(
      model.names.map((n) => {
        const r = resolution(model, n);
        if (r.kind !== 'range') throw new Error(n.ref);
        return { name: n.name, scope: n.scope, range: r.range };
      }),
      sheets,
    ));
    expect(fromProposal.errors).toEqual([]);
    expect(fromProposal.evaluations.map((e) => [e.scope, e.summary])).toEqual(named.evaluations.map((e) => [e.scope, e.summary]));
    expect(fromProposal.plan).toEqual(named.plan);
  });
});

describe('hand-built sheets', () => {
  const indicatorHeader = ['三级指标', '指标值', '实际完成值', '分值', '得分'];
  const budget: Array<Array<string | number | null>> = [
    ['资金项目', '全年预算数', '全年执行数', '执行率', '得分'],
    ['年度资金总额', 100, 90, null, null],
  ];

  test('one sheet: the budget table ends at the first blank row, the indicator table at its 合计 row, 评价结果 by its labels under a title', () => {
    const sheet = sheetOf('自评', [
      ...budget,
      [null],
      [...indicatorHeader],
      ['人数', '≥10人', 12, 50, null],
      ['满意度', '≥90%', '95%', 40, null],
      ['合计', null, null, 90, null],
      ['说明：本表后为结果'],
      [null],
      ['评价结果'],
      ['总分', null],
      ['评价等级', null],
    ]);
    const proposal = proposeNames([sheet]);
    expect(proposal.problems).toEqual([]);
    expect(described(proposal.names)).toEqual([
      { name: '预算执行', scope: null, ref: "'自评'!$A$1:$E$2" },
      { name: '绩效指标', scope: null, ref: "'自评'!$A$4:$E$7" },
      { name: '评价结果', scope: null, ref: "'自评'!$A$11:$B$12" },
    ]);
  });

  test('a header row with 项目 | 预算数 | 执行数 is the budget table when its first row is 年度资金总额, else the project table', () => {
    const sheet = sheetOf('表', [
      ['项目', '预算数', '执行数'],
      ['年度资金总额', 100, 90],
      [null],
      ['项目', '预算数', '执行数'],
      ['道路维修', 50, 40],
      [null],
      [...indicatorHeader],
      ['人数', '≥10人', 12, 90, null],
      ['总分', null, null, 100, null],
    ]);
    const proposal = proposeNames([sheet]);
    expect(proposal.problems).toEqual([]);
    expect(described(proposal.names).map((n) => [n.name, n.ref])).toEqual([
      ['预算执行', "'表'!$A$1:$C$2"],
      ['项目支出', "'表'!$A$4:$C$5"],
      ['绩效指标', "'表'!$A$7:$E$9"],
    ]);
  });

  test('the 评分规则 block by its labels, without a title; the text around it is not part of it', () => {
    const sheet = sheetOf('表', [
      ...budget,
      [null],
      [...indicatorHeader],
      ['人数', '≥10人', 12, 90, null],
      [null],
      ['计分设置'],
      ['预算执行率分值', 10],
      ['小数位数', 2],
      [null],
      ['总分', null],
      ['评价等级', null],
    ]);
    const proposal = proposeNames([sheet]);
    expect(described(proposal.names).filter((n) => n.name === '评分规则' || n.name === '评价结果')).toEqual([
      { name: '评分规则', scope: null, ref: "'表'!$A$8:$B$9" },
      { name: '评价结果', scope: null, ref: "'表'!$A$11:$B$12" },
    ]);
  });

  test('two indicator tables on one sheet: listed, no name proposed', () => {
    const sheet = sheetOf('表', [...budget, [null], [...indicatorHeader], ['人数', '≥10人', 12, 90, null], [null], [...indicatorHeader], ['次数', '≥2次', 3, 90, null]]);
    const proposal = proposeNames([sheet]);
    expect(proposal.names).toEqual([]);
    expect(proposal.problems).toEqual([
      { code: 'severalTables', name: '绩效指标', scope: null, ranges: [expect.objectContaining({ row: 3 }), expect.objectContaining({ row: 6 })] },
    ]);
  });

  test('an indicator table without a budget table, and without a 总分 row or 评价结果: both listed', () => {
    const proposal = proposeNames([sheetOf('表', [[...indicatorHeader], ['人数', '≥10人', 12, 90, null]])]);
    expect(proposal.names).toEqual([]);
    expect(proposal.problems).toEqual([
      { code: 'tableMissing', name: '预算执行', scope: null, sheet: '表' },
      { code: 'tableMissing', name: '评价结果', scope: null, sheet: '表' },
    ]);
  });

  test('no indicator table anywhere; a hidden sheet is not looked at', () => {
    const hidden = { ...sheetOf('隐藏', [[...indicatorHeader], ['人数', '≥10人', 12, 90, null]]), hidden: true };
    const proposal = proposeNames([sheetOf('表', budget), hidden]);
    expect(proposal.problems).toEqual([{ code: 'noIndicatorTable' }]);
    expect(proposal.found.map((t) => t.name)).toEqual(['预算执行']);
  });

  test('several project sheets: a sheet of none of them with a budget table is listed as unused', () => {
    const project = (name: string) => sheetOf(name, [...budget, [null], [...indicatorHeader], ['人数', '≥10人', 12, 90, null], ['总分', null, null, 100, null]]);
    const proposal = proposeNames([project('项目1'), project('项目2'), sheetOf('备用', budget)]);
    expect(proposal.names).toEqual([]);
    expect(proposal.problems).toEqual([{ code: 'tableUnused', table: expect.objectContaining({ name: '预算执行', range: expect.objectContaining({ sheet: '备用' }) }) }]);
  });
});

test('a v1 indicator table whose first 一级指标 cell is blank is no block: the table still runs to its first blank row', () => {
  const sheet = sheetOf('表', [
    ['资金项目', '全年预算数', '全年执行数'],
    ['年度资金总额', 100, 90],
    [null],
    ['一级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'],
    [null, '人数', '≥10人', 12, 40, null],
    ['效益指标', '满意度', '≥90%', '95%', 50, null],
    ['合计', null, null, null, 90, null],
  ]);
  const proposal = proposeNames([sheet]);
  expect(proposal.found.filter((t) => t.name === '绩效指标').map((t) => nameReference(t.range))).toEqual(["'表'!$A$4:$F$7"]);
});
