/**
 * Defects of the contract layer found by testing real and unusual workbooks
 * (issue “Trust”): each case is built from its description and failed on the
 * code before the fix.
 */
import { issueText } from '../../src/messages/issues';
import {
  errorsOf,
  fx,
  msg,
  pct,
  score,
  seedWorkbook,
  setCell,
  warningsOf,
  writesOf,
} from '../support/grid';

describe("Excel's binary float noise in cached values is read as Excel shows it (15 significant digits)", () => {
  test('sums cached as 3697.3500000000004 and 1281.1399999999999 raise no cross-check warning, and 提示 is 无', () => {
    const wb = seedWorkbook();
    // 基本支出 = 人员经费 + 公用经费 and 项目支出 = Σ projects, as Excel caches the formula results.
    setCell(wb, '预算执行', 'C6', fx(3697.3500000000004, '#,##0.00'));
    setCell(wb, '预算执行', 'C9', fx(1281.1399999999999, '#,##0.00'));
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([]);
    expect(writesOf(outcome)["'评价结果'!B23"]).toEqual({ kind: 'text', text: '无' });
    expect(outcome.summary!.total).toBe('81.53');
  });

  test('an actual cached as 1.0000000000000002 (100%) is shown as 100% in 计算说明, not 100.00000000000002%', () => {
    const wb = seedWorkbook();
    setCell(wb, '绩效指标', 'I7', fx(1.0000000000000002, '0.00%'));
    const outcome = score(wb);
    const note = outcome.summary!.indicators.find((i) => i.name === '政府采购执行率')!.note;
    expect(note).toContain('实际完成值 100% 达到指标值 100%');
    expect(note).not.toMatch(/0000/);
  });

  test('a number with more than 15 significant digits keeps its 15 (the digits Excel shows)', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'D5', 4637.8099999999995);
    expect(score(wb).summary!.execution.actual).toBe('4637.81');
  });
});

describe('true messages about names', () => {
  test('a name defined only at sheet scope says its scope is the problem, not that it is no range', () => {
    const wb = seedWorkbook();
    wb['评价结果'] = { kind: 'sheetScopedOnly', sheets: ['评价结果'] };
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([['nameSheetScoped', '评价结果']]);
    const text = msg(outcome.errors[0]);
    expect(text).toContain('工作表级');
    expect(text).toContain('工作簿');
    expect(text).not.toContain('不是单元格区域');
  });

  test('a name defined twice at workbook scope is said to be, with both references', () => {
    const wb = seedWorkbook();
    wb['绩效指标'] = { kind: 'duplicate', formulas: ["'绩效指标'!$A$3:$P$11", "'绩效指标'!$A$3:$P$9"] };
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([['nameDuplicate', '绩效指标']]);
    expect(msg(outcome.errors[0])).toContain("'绩效指标'!$A$3:$P$9");
  });
});

describe('advice that fits the host', () => {
  test('a missing name: the pane offers 插入模板; the CLI and the page, which have no pane, never do', () => {
    const wb = seedWorkbook();
    wb['预算执行'] = { kind: 'missing' };
    const [issue] = score(wb).errors;
    expect(issueText(issue, 'excel')).toContain('插入模板');
    expect(issueText(issue, 'cli')).not.toContain('任务窗格');
    expect(issueText(issue, 'cli')).toContain('模板.xlsx');
    expect(issueText(issue, 'web')).not.toContain('任务窗格');
    expect(issueText(issue, 'web')).toContain('模板.xlsx');
  });
});

describe('the header row', () => {
  test('a name whose first row is a title names the row taken as the header and the row that holds the headers', () => {
    const wb = seedWorkbook();
    const res = wb['绩效指标'];
    if (res.kind !== 'range') throw new Error('range expected');
    const title = [{ value: '2023年度部门整体支出绩效指标', numberFormat: 'General', formula: false }];
    wb['绩效指标'] = { ...res, range: { ...res.range, row: 0, rows: res.range.rows + 2 }, cells: [title, [], ...res.cells] };
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([['headerRowElsewhere', '绩效指标']]);
    expect(msg(outcome.errors[0])).toBe(
      '名称“绩效指标”的第一行（第 1 行）是“2023年度部门整体支出绩效指标”，不是表头，表头在第 3 行。请在名称管理器中把名称“绩效指标”的区域改为从第 3 行开始。',
    );
  });

  test('a missing column names the row that was taken as the header row', () => {
    const wb = seedWorkbook();
    setCell(wb, '绩效指标', 'I3', '完成情况');
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([['columnMissing', '绩效指标']]);
    expect(msg(outcome.errors[0])).toContain('表头行（第 3 行）中没有“实际完成值”列');
  });
});

describe('one cell, one error', () => {
  test.each([
    ['预算执行', 'C5'],
    ['绩效指标', 'I10'],
    ['绩效指标', 'J10'],
    ['绩效指标', 'E10'],
  ])('an input formula without a cached value at %s!%s is reported once, as such', (name, a1) => {
    const wb = seedWorkbook();
    setCell(wb, name as '预算执行', a1, fx(null));
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([['formulaWithoutValue', `'${name}'!${a1}`]]);
  });
});

describe('national-form labels', () => {
  test('其中：当年财政拨款 (any spacing or colon) takes part in the cross-check; the label keeps its colon', () => {
    const wb = seedWorkbook();
    // Replace the breakdown rows by the national form's funding sources, one of them written with 其中：.
    setCell(wb, '预算执行', 'A6', '其中：当年财政拨款');
    setCell(wb, '预算执行', 'A7', '上年结转资金');
    setCell(wb, '预算执行', 'A8', '其他资金');
    setCell(wb, '预算执行', 'A9', '备注');
    for (const [row, values] of [[6, [4000, 4800, 4500]], [7, [100, 100, 100]], [8, [35.45, 78.49, 37.81]]] as const) {
      ['B', 'C', 'D'].forEach((col, i) => setCell(wb, '预算执行', `${col}${row}`, values[i]));
    }
    for (const col of ['B', 'C', 'D']) setCell(wb, '预算执行', `${col}9`, null);
    expect(warningsOf(score(wb))).toEqual([]);

    setCell(wb, '预算执行', 'C6', 4700);
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([['breakdownMismatch', "'预算执行'!C5"]]);
    expect(msg(outcome.warnings[0])).toContain('其中：当年财政拨款 + 上年结转资金 + 其他资金 之和 4878.49');
    for (const spelling of ['其中:当年财政拨款', '其中 当年财政拨款', '其中：  当年财政拨款']) {
      setCell(wb, '预算执行', 'A6', spelling);
      expect(warningsOf(score(wb))).toEqual([['breakdownMismatch', "'预算执行'!C5"]]);
    }
    expect(outcome.summary!.total).toBe('81.53'); // warnings only: the workbook still scores
  });
});

describe('silent writes are said', () => {
  test('评价结果 without any recognised label warns that nothing will be written there', () => {
    const wb = seedWorkbook();
    wb['评价结果'] = { kind: 'range', range: { sheet: '评价结果', row: 13, col: 0, rows: 2, cols: 2 }, cells: [[pct(0), pct(0)], [pct(0), pct(0)]].map((r) => r.map(() => ({ value: null, numberFormat: 'General', formula: false }))) };
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([['resultsNoLabel', '评价结果']]);
    expect(Object.keys(writesOf(outcome)).some((k) => k.startsWith("'评价结果'"))).toBe(false);
  });
});

