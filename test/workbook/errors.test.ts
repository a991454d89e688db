/**
 * Writing policy 1–2: every error is listed with its cell (or name) and a
 * Chinese message; on any error nothing is written. Every ERROR_CODE is
 * produced here by at least one case (checked in afterAll); every WARNING_CODE too.
 */
import type { WorkbookInput } from '../../src/workbook/cells';
import { BOOK_CODES, ERROR_CODES, WARNING_CODES } from '../../src/workbook/issues';
import {
  AMOUNT,
  BUDGET_HEADER,
  type Where,
  appendRows,
  err,
  errorsOf,
  fmt,
  fx,
  msg,
  setFacts,
  multiArea,
  notRange,
  range,
  replaceIndicator,
  replaceRange,
  score,
  seenCodes,
  seedWorkbook,
  setCell,
  setIndicators,
  warningsOf,
  writesOf,
} from '../support/grid';

type Edit = (wb: WorkbookInput) => void;

function scoreWith(...edits: Edit[]) {
  const wb = seedWorkbook();
  for (const e of edits) e(wb);
  return score(wb);
}

/** Appends 评分规则 rows (label, value) below the seed's own. */
const rules = (...rows: Array<[string, string | number]>): Edit => (wb) => appendRows(wb, '评分规则', rows);
const cellAt = (name: Parameters<typeof setCell>[1], a1: string, value: Parameters<typeof setCell>[3]): Edit => (wb) => setCell(wb, name, a1, value);
const row10 = (fields: Parameters<typeof replaceIndicator>[2]): Edit => (wb) => replaceIndicator(wb, 10, { 三级指标: '测试指标', 分值: 15, ...fields });

const I = (a1: string) => `'绩效指标'!${a1}`;
const B = (a1: string) => `'预算执行'!${a1}`;
const E = (a1: string) => `'评价结果'!${a1}`;

const ERROR_CASES: Array<[string, Edit, Where[]]> = [
  ['预算执行 missing', (wb) => { wb['预算执行'] = { kind: 'missing' }; }, [['nameMissing', '预算执行']]],
  ['绩效指标 missing', (wb) => { wb['绩效指标'] = { kind: 'missing' }; }, [['nameMissing', '绩效指标']]],
  ['评价结果 missing (required)', (wb) => { wb['评价结果'] = { kind: 'missing' }; }, [['nameMissing', '评价结果']]],
  ['绩效指标 refers to a constant', (wb) => { wb['绩效指标'] = notRange('=100'); }, [['nameNotRange', '绩效指标']]],
  ['项目支出 (optional) refers to #REF!', (wb) => { wb['项目支出'] = notRange('=#REF!'); }, [['nameNotRange', '项目支出']]],
  ['评分规则 refers to a formula', (wb) => { wb['评分规则'] = notRange('=OFFSET(A1,0,0)'); }, [['nameNotRange', '评分规则']]],
  ['绩效指标 defined only at sheet scope', (wb) => { wb['绩效指标'] = { kind: 'sheetScopedOnly', sheets: ['项目1'] }; }, [['nameSheetScoped', '绩效指标']]],
  ['预算执行 defined twice at workbook scope', (wb) => { wb['预算执行'] = { kind: 'duplicate', formulas: ["'预算执行'!$A$4:$H$9", "'预算执行'!$A$4:$H$8"] }; }, [['nameDuplicate', '预算执行']]],
  ['绩效指标 starts at a title row above its header', (wb) => {
    const res = wb['绩效指标'];
    if (res.kind !== 'range') throw new Error('range expected');
    wb['绩效指标'] = { ...res, range: { ...res.range, row: res.range.row - 1, rows: res.range.rows + 1 }, cells: [[fmt('2023年度绩效指标', 'General')], ...res.cells] };
  }, [['headerRowElsewhere', '绩效指标']]],
  ['评价结果 spans two areas', (wb) => { wb['评价结果'] = multiArea("'评价结果'!$A$14:$B$18,'评价结果'!$A$20:$B$23"); }, [['nameMultiArea', '评价结果']]],
  ['预算执行 spans two areas', (wb) => { wb['预算执行'] = multiArea("'预算执行'!$A$4:$H$5,'预算执行'!$A$7:$H$9"); }, [['nameMultiArea', '预算执行']]],
  ['评价结果 has one column', (wb) => { wb['评价结果'] = range('评价结果', 'A14', [['总分'], ['评价等级']]); }, [['rangeTooSmall', '评价结果']]],
  ['评分规则 has one column', (wb) => { wb['评分规则'] = range('评价结果', 'A4', [['小数位数']]); }, [['rangeTooSmall', '评分规则']]],
  ['绩效指标 has no row at all', (wb) => { wb['绩效指标'] = { kind: 'range', range: { sheet: '绩效指标', row: 2, col: 0, rows: 0, cols: 16 }, cells: [] }; }, [['rangeTooSmall', '绩效指标']]],
  ['绩效指标 without a 三级指标 column', cellAt('绩效指标', 'C3', '名称'), [['columnMissing', '绩效指标']]],
  ['绩效指标 without 分值 and 实际完成值 columns: one error per table', (wb) => { setCell(wb, '绩效指标', 'J3', 'x'); setCell(wb, '绩效指标', 'I3', 'y'); }, [['columnMissing', '绩效指标'], ['columnMissing', '绩效指标']]],
  ['预算执行 without a 全年执行数 column', cellAt('预算执行', 'D4', '执行'), [['columnMissing', '预算执行']]],
  ['项目支出 without a 全年预算数 column', cellAt('项目支出', 'B12', '预算'), [['columnMissing', '项目支出']]],
  ['two 三级指标 columns', cellAt('绩效指标', 'H3', '指标名称'), [['columnDuplicate', I('H3')]]],
  ['indicator 分值 blank', cellAt('绩效指标', 'J10', null), [['valueRequired', I('J10')]]],
  ['indicator 实际完成值 blank', cellAt('绩效指标', 'I10', null), [['valueRequired', I('I10')]]],
  ['indicator 指标值 blank', cellAt('绩效指标', 'E10', null), [['valueRequired', I('E10')]]],
  ['indicator 三级指标 blank', cellAt('绩效指标', 'C10', null), [['valueRequired', I('C10')]]],
  ['total 全年预算数 blank', cellAt('预算执行', 'C5', null), [['valueRequired', B('C5')]]],
  ['indicator 分值 "十五"', cellAt('绩效指标', 'J10', '十五'), [['notANumber', I('J10')]]],
  ['indicator 实际完成值 TRUE', cellAt('绩效指标', 'I10', true), [['notANumber', I('I10')]]],
  ['indicator 人工得分 "高"', cellAt('绩效指标', 'K10', '高'), [['notANumber', I('K10')]]],
  ['total 全年预算数 "约5000"', cellAt('预算执行', 'C5', '约5000'), [['notANumber', B('C5')]]],
  ['breakdown 年初预算数 "abc"', cellAt('预算执行', 'B6', 'abc'), [['notANumber', B('B6')]]],
  ['project 全年执行数 "x"', cellAt('项目支出', 'C14', 'x'), [['notANumber', B('C14')]]],
  ['total 分值 "十"', cellAt('预算执行', 'E5', '十'), [['notANumber', B('E5')]]],
  ['breakdown 全年预算数 "3697,35"', cellAt('预算执行', 'C6', '3697,35'), [['badThousands', B('C6')]]],
  ['project 全年预算数 "4,69.81"', cellAt('项目支出', 'B13', '4,69.81'), [['badThousands', B('B13')]]],
  ['actual #DIV/0!', cellAt('绩效指标', 'I10', err('#DIV/0!')), [['errorValue', I('I10')]]],
  ['target #N/A', cellAt('绩效指标', 'E10', err('#N/A')), [['errorValue', I('E10')]]],
  ['total 全年执行数 #REF!', cellAt('预算执行', 'D5', err('#REF!')), [['errorValue', B('D5')]]],
  ['actual: a formula without cached value', cellAt('绩效指标', 'I10', fx(null)), [['formulaWithoutValue', I('I10')]]],
  ['target: a formula without cached value', cellAt('绩效指标', 'E10', fx(null)), [['formulaWithoutValue', I('E10')]]],
  ['breakdown 全年执行数: a formula without cached value', cellAt('预算执行', 'D6', fx(null)), [['formulaWithoutValue', B('D6')]]],
  ['预算执行 with only a header', (wb) => replaceRange(wb, '预算执行', '预算执行', 'A4', [BUDGET_HEADER]), [['totalRowMissing', '预算执行']]],
  ['预算执行 with only blank rows', (wb) => replaceRange(wb, '预算执行', '预算执行', 'A4', [BUDGET_HEADER, [], [' ']]), [['totalRowMissing', '预算执行']]],
  ['total 全年预算数 0', cellAt('预算执行', 'C5', 0), [['budgetNotPositive', B('C5')]]],
  ['total 全年预算数 -1', cellAt('预算执行', 'C5', -1), [['budgetNotPositive', B('C5')]]],
  ['indicator 分值 0', cellAt('绩效指标', 'J10', 0), [['weightNotPositive', I('J10')]]],
  ['indicator 分值 -15', cellAt('绩效指标', 'J10', -15), [['weightNotPositive', I('J10')]]],
  ['total 分值 -10', cellAt('预算执行', 'E5', -10), [['weightNegative', B('E5')]]],
  ['target 约95%', row10({ 指标值: '约95%', 实际完成值: 90 }), [['targetUnparsable', I('E10')]]],
  ['target without digit under 指标性质 ≥', row10({ 指标性质: '≥', 指标值: '有效提升', 实际完成值: '达成' }), [['targetNeedsNumber', I('E10')]]],
  ['target -5', row10({ 指标值: -5, 实际完成值: 3 }), [['targetNegative', I('E10')]]],
  ['adjusted target -5%', row10({ 指标值: '≥5%', 调整后指标值: '-5%', 实际完成值: 3 }), [['targetNegative', I('G10')]]],
  ['≤ text under 指标性质 ≥', row10({ 指标性质: '≥', 指标值: '≤5天', 实际完成值: 3 }), [['operatorConflict', I('E10')]]],
  ['指标性质 正向', row10({ 指标性质: '正向', 指标值: 5, 实际完成值: 3 }), [['natureUnknown', I('D10')]]],
  ['qualitative actual 还行 (良好 is tier A since §4 of the forms issue)', row10({ 指标值: '达到预期', 实际完成值: '还行' }), [['tierUnknown', I('I10')]]],
  ['deadline target, actual 已完成', row10({ 指标值: '2024年12月底前', 实际完成值: '已完成' }), [['deadlineActualUnparsable', I('I10')]]],
  ['date cell as the actual of a number target', row10({ 指标值: '≥95%', 实际完成值: fmt(45616, 'yyyy/m/d') }), [['dateNotNumber', I('I10')]]],
  [
    'missed deadline under 时效逾期记分 人工, no 人工得分',
    (wb) => {
      row10({ 指标值: '≤2024-12-31', 实际完成值: '2025.1.10' })(wb);
      rules(['时效逾期记分', '人工'])(wb);
    },
    [['overdueNeedsManual', I('I10')]],
  ],
  ['人工得分 above 分值', row10({ 指标值: '≥100人', 实际完成值: 52, 人工得分: 20 }), [['manualOutOfRange', I('K10')]]],
  ['人工得分 outside tier B', row10({ 指标值: '达到预期', 实际完成值: '部分达成', 人工得分: 14 }), [['manualOutOfBand', I('K10')]]],
  ['formula in 得分 (M10)', cellAt('绩效指标', 'M10', fx(7.8)), [['outputFormula', I('M10')]]],
  ['formula in 计算说明 (N4)', cellAt('绩效指标', 'N4', fx('见附件')), [['outputFormula', I('N4')]]],
  ['formula in 执行率 of the total row (F5)', cellAt('预算执行', 'F5', fx(0.93)), [['outputFormula', B('F5')]]],
  ['formula in 得分 of the total row (G5)', cellAt('预算执行', 'G5', fx(9.32)), [['outputFormula', B('G5')]]],
  ['formula in 调整率 of 基本支出 (H6)', cellAt('预算执行', 'H6', fx(0.25)), [['outputFormula', B('H6')]]],
  ['formula in a project 执行率 (D13)', cellAt('项目支出', 'D13', fx(0.46)), [['outputFormula', B('D13')]]],
  ['formula in 评价结果 总分 (B17)', cellAt('评价结果', 'B17', fx(81.53)), [['outputFormula', E('B17')]]],
  ['formula in 评价结果 提示 (B23)', cellAt('评价结果', 'B23', fx('无')), [['outputFormula', E('B23')]]],
  ['绩效指标 with only a header', (wb) => setIndicators(wb, []), [['noIndicators', '绩效指标']]],
  ['绩效指标 with only blank and total rows', (wb) => setIndicators(wb, [[], [null, null, '合计', null, null, null, null, null, null, 90]]), [['noIndicators', '绩效指标']]],
  ['小数位数 "两位"', cellAt('评分规则', 'B8', '两位'), [['settingBadValue', E('B8')]]],
  ['优 below 良', cellAt('评分规则', 'B5', 75), [['settingBandsOrder', E('B5')]]],
  // Local rules (评分规则 rows appended below the seed's eight, at row 12 and on)
  ['规则方案 unknown', rules(['规则方案', '四川']), [['settingUnknownPreset', E('B12')]]],
  ['等级 without 优 while the v1 key 优 sets its bound', (wb) => {
    rules(['等级', '好:95;较好:85;一般:60;差'])(wb);
    setCell(wb, '评分规则', 'B6', null);
    setCell(wb, '评分规则', 'B7', null);
  }, [['settingGradeUnknown', E('B5')]]],
  ['等级 and 优 disagree', rules(['等级', '优:85;良:80;中:60;差']), [['settingGradeConflict', E('B5')]]],
  ['偏差原因必填 错误, an indicator short of its target without a reason', (wb) => { rules(['偏差原因必填', '错误'])(wb); setCell(wb, '绩效指标', 'O4', null); }, [['reasonMissing', I('O4')]]],
  ['偏差原因必填 错误, a reason over 偏差原因字数上限', (wb) => { rules(['偏差原因必填', '错误'], ['偏差原因字数上限', 100])(wb); setCell(wb, '绩效指标', 'O6', '因'.repeat(101)); }, [['reasonTooLong', I('O6')]]],
];

describe('each error, with its cell or name; nothing written', () => {
  test.each(ERROR_CASES)('%s', (_why, edit, expected) => {
    const outcome = scoreWith(edit);
    expect(errorsOf(outcome)).toEqual(expected);
    expect(outcome.summary).toBeNull();
    expect(outcome.plan.writes).toEqual([]);
    for (const e of outcome.errors) {
      expect(msg(e)).toMatch(/[\u4e00-\u9fff]/);
      // The message names the cell, or the name when there is no single cell.
      expect(msg(e)).toContain('cell' in e ? expected.find((w) => w[0] === e.code)![1]! : 'name' in e ? e.name : '');
    }
  });
});

const WARNING_CASES: Array<[string, Edit, Where[]]> = [
  ['unknown 评分规则 label', (wb) => appendRows(wb, '评分规则', [['备注', 'x']]), [['settingUnknown', E('A12')]]],
  ['unknown 报告信息 label (the optional name of the 自评报告)', (wb) => {
    wb['报告信息'] = range('报告信息', 'A3', [['单位名称', '二工片区'], ['领导批示', 'x']]);
  }, [['reportLabelUnknown', "'报告信息'!A4"]]],
  ['unknown 评价类型 in 报告信息', (wb) => {
    wb['报告信息'] = range('报告信息', 'A3', [['评价类型', '年度总结']]);
  }, [['reportKindUnknown', "'报告信息'!B3"]]],
  ['unknown 评价结果 label', (wb) => appendRows(wb, '评价结果', [['评价人', '张三']]), [['resultUnknownLabel', E('A24')]]],
  ['an output cell (得分 M10) inside a merge of M10:M11, not its top-left', (wb) => setFacts(wb, { 绩效指标: { merges: [{ sheet: '绩效指标', row: 8, col: 12, rows: 2, cols: 1 }], protected: false } }), [['outputUnderMerge', I('M10')]]],
  ['the 评价结果 sheet is protected: one warning, at its first output cell', (wb) => setFacts(wb, { 评价结果: { merges: [], protected: true } }), [['outputSheetProtected', E('B14')]]],
  ['评价结果 without a single recognised label', (wb) => replaceRange(wb, '评价结果', '评价结果', 'A14', [['评价人', null]]), [['resultUnknownLabel', E('A14')], ['resultsNoLabel', '评价结果']]],
  ['分值 cell differs from 预算执行率分值', cellAt('评分规则', 'B4', 12), [['executionWeightConflict', B('E5')]]],
  ['基本 + 项目 ≠ total', cellAt('预算执行', 'B9', fmt(1170, AMOUNT)), [['breakdownMismatch', B('B5')]]],
  ['execution above budget', cellAt('预算执行', 'D8', fmt(150, AMOUNT)), [['executionAboveBudget', B('D8')]]],
  ['projects ≠ 项目支出 row', cellAt('项目支出', 'C13', fmt(216, AMOUNT)), [['projectSumMismatch', B('D9')]]],
  ['plain 0.99 under a % target', cellAt('绩效指标', 'I11', 0.99), [['percentLooksLikeRatio', I('I11')]]],
  ['actual 130% of target', cellAt('绩效指标', 'I10', 130), [['overachievement', I('I10')]]],
  ['人工得分 differs', cellAt('绩效指标', 'K10', 8), [['manualDiffers', I('K10')]]],
  ['qualitative default score', row10({ 指标值: '达到预期', 实际完成值: '达成' }), [['qualitativeConfirm', I('I10')]]],
  ['weights sum to 101', cellAt('绩效指标', 'J10', 16), [['weightsNot100', '绩效指标']]],
  ['negative actual', cellAt('绩效指标', 'I10', -1), [['negativeActual', I('I10')]]],
  ['a breakdown with 年初预算数 0', (wb) => appendRows(wb, '预算执行', [['其他', 0, 5]]), [['rateUndefined', B('B10')]]],
  ['执行率总分上限 lowers the total (93.16% below 95%, cap 80)', rules(['执行率总分上限', '95%:80']), [['totalCapped', B('D5')]]],
  ['一级指标分值: 产出指标 sums to 65, not 50', rules(['一级指标分值', '产出指标:50']), [['blockWeightMismatch', I('J4')]]],
  ['一级指标分值 names a block no indicator has', rules(['一级指标分值', '决策指标:10']), [['blockMissing', '绩效指标']]],
  ['偏差原因必填 提示, a missing reason', (wb) => { rules(['偏差原因必填', '提示'])(wb); setCell(wb, '绩效指标', 'O10', null); }, [['reasonMissingWarning', I('O10')]]],
  ['a 总分 row whose 得分 holds the user\'s formula, its cached 80 ≠ 81.53: left alone', (wb) => appendRows(wb, '绩效指标', [[null, null, '总分', null, null, null, null, null, null, 100, null, null, fx(80, '0.00')]]), [['formFormulaDiffers', I('M12')]]],
  ['偏差原因字数上限 alone: a long reason is a warning', (wb) => { rules(['偏差原因字数上限', 100])(wb); setCell(wb, '绩效指标', 'O8', '因'.repeat(101)); }, [['reasonTooLongWarning', I('O8')]]],
];

describe('each warning, with its cell; scoring goes on', () => {
  test.each(WARNING_CASES)('%s', (_why, edit, expected) => {
    const outcome = scoreWith(edit);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual(expected);
    expect(outcome.summary).not.toBeNull();
    expect(outcome.plan.writes.length).toBeGreaterThan(0);
  });
});

describe('several errors at once are all reported', () => {
  test('one error in each name', () => {
    const outcome = scoreWith(
      cellAt('预算执行', 'C5', 'abc'),
      cellAt('项目支出', 'B14', '1,3.5'),
      cellAt('绩效指标', 'E6', '约100%'),
      cellAt('评分规则', 'B9', '扣分'),
      (wb) => { wb['评价结果'] = { kind: 'missing' }; },
    );
    expect(errorsOf(outcome)).toEqual([
      ['settingBadValue', E('B9')],
      ['notANumber', B('C5')],
      ['badThousands', B('B14')],
      ['targetUnparsable', I('E6')],
      ['nameMissing', '评价结果'],
    ]);
  });

  test('errors on several indicator rows', () => {
    const outcome = scoreWith(
      cellAt('绩效指标', 'J4', 0),
      cellAt('绩效指标', 'I6', 'n/a'),
      cellAt('绩效指标', 'E8', null),
      cellAt('绩效指标', 'D11', '正'),
    );
    expect(errorsOf(outcome)).toEqual([
      ['weightNotPositive', I('J4')],
      ['notANumber', I('I6')],
      ['valueRequired', I('E8')],
      ['natureUnknown', I('D11')],
    ]);
  });

  test('two bad cells in ONE indicator row: both reported', () => {
    const outcome = scoreWith(row10({ 指标值: '约95%', 实际完成值: 'abc' }));
    expect(errorsOf(outcome)).toEqual([
      ['targetUnparsable', I('E10')],
      ['notANumber', I('I10')],
    ]);
  });

  test('a bad 分值 and a bad actual in one row: both reported', () => {
    const outcome = scoreWith(row10({ 指标值: '≥100人', 实际完成值: '五十', 分值: 'x' }));
    expect(errorsOf(outcome)).toEqual([
      ['notANumber', I('J10')],
      ['notANumber', I('I10')],
    ]);
  });

  test('a bad breakdown figure and a bad total 分值 in 预算执行: both reported', () => {
    const outcome = scoreWith(cellAt('预算执行', 'B6', 'abc'), cellAt('预算执行', 'E5', '十'));
    expect(errorsOf(outcome)).toEqual([
      ['notANumber', B('B6')],
      ['notANumber', B('E5')],
    ]);
  });

  test('a bad total 全年预算数 is reported once, not also as blank', () => {
    const outcome = scoreWith(cellAt('预算执行', 'C5', 'abc'));
    expect(errorsOf(outcome)).toEqual([['notANumber', B('C5')]]);
  });

  test('人工得分 out of range and a bad cell in another row: both reported', () => {
    const outcome = scoreWith(cellAt('绩效指标', 'K10', 20), cellAt('绩效指标', 'I4', 'abc'));
    expect(errorsOf(outcome)).toEqual([
      ['notANumber', I('I4')],
      ['manualOutOfRange', I('K10')],
    ]);
  });

  test('an output formula and a bad input cell: both reported', () => {
    const outcome = scoreWith(cellAt('绩效指标', 'M10', fx(7.8)), cellAt('绩效指标', 'I4', 'abc'));
    expect(errorsOf(outcome)).toEqual([
      ['notANumber', I('I4')],
      ['outputFormula', I('M10')],
    ]);
  });

  test('two 人工得分 out of range and an output formula: all reported', () => {
    const outcome = scoreWith(cellAt('绩效指标', 'K4', 9), cellAt('绩效指标', 'K10', 16), cellAt('评价结果', 'B19', fx('良')));
    expect(errorsOf(outcome)).toEqual([
      ['manualOutOfRange', I('K4')],
      ['manualOutOfRange', I('K10')],
      ['outputFormula', E('B19')],
    ]);
  });

  test('output formulas in several tables: all reported, nothing written', () => {
    const outcome = scoreWith(
      cellAt('预算执行', 'F6', fx(0.98)),
      cellAt('项目支出', 'D17', fx(1)),
      cellAt('绩效指标', 'L4', fx(0)),
      cellAt('评价结果', 'B14', fx(0.93)),
    );
    expect(errorsOf(outcome)).toEqual([
      ['outputFormula', B('F6')],
      ['outputFormula', B('D17')],
      ['outputFormula', I('L4')],
      ['outputFormula', E('B14')],
    ]);
    expect(outcome.plan.writes).toEqual([]);
  });
});

describe('formulas the run would not overwrite are fine', () => {
  test.each([
    ['得分 of a breakdown row (G6): not an output cell', cellAt('预算执行', 'G6', fx(5))],
    ['执行率 of 人员经费 (F7), a row without 全年执行数: not written', cellAt('预算执行', 'F7', fx(0.9))],
    ['the value beside an unknown 评价结果 label', (wb: WorkbookInput) => appendRows(wb, '评价结果', [['评价人', fx('张三')]])],
    ['a user column of 绩效指标 (年中监控值, H10)', cellAt('绩效指标', 'H10', fx(15))],
    ['the header row', cellAt('绩效指标', 'M3', fx('得分'))],
  ] as const)('%s', (_why, edit) => {
    const outcome = scoreWith(edit as Edit);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.total).toBe('81.53');
  });

  test('the formula header case needs a header text: a formula header 得分 still names the column', () => {
    const outcome = scoreWith(cellAt('绩效指标', 'M3', fx('得分')));
    expect(writesOf(outcome)[I('M10')]).toEqual({ kind: 'number', text: '7.80', format: '0.00' });
  });
});

describe('every issue code is produced', () => {
  afterAll(() => {
    // Runs after the tables above: every code must have been seen by score().
    // The codes of a workbook as a whole (several evaluations) are covered by test/workbook/evaluations.test.ts.
    const book = (c: string) => (BOOK_CODES as readonly string[]).includes(c);
    const missingErrors = ERROR_CODES.filter((c) => !seenCodes.has(c) && !book(c));
    const missingWarnings = WARNING_CODES.filter((c) => !seenCodes.has(c) && !book(c));
    expect({ missingErrors, missingWarnings }).toEqual({ missingErrors: [], missingWarnings: [] });
  });

  test.each(ERROR_CODES.filter((c) => !(BOOK_CODES as readonly string[]).includes(c)).map((c) => [c]))('error %s has a case in ERROR_CASES', (code) => {
    expect(ERROR_CASES.some(([, , expected]) => expected.some(([c]) => c === code))).toBe(true);
  });

  test.each(WARNING_CODES.filter((c) => !(BOOK_CODES as readonly string[]).includes(c)).map((c) => [c]))('warning %s has a case in WARNING_CASES', (code) => {
    expect(WARNING_CASES.some(([, , expected]) => expected.some(([c]) => c === code))).toBe(true);
  });
});
