/**
 * §1–2 cross-checks: warnings naming the cells; scoring goes on.
 */
import { AMOUNT, appendRows, errorsOf, fmt, score, seedWorkbook, setCell, warningsOf, writesOf } from '../support/grid';
import { issueText } from '../../src/messages/issues';

const a = (v: number) => fmt(v, AMOUNT);
const seed = score(seedWorkbook());

describe('预算执行 breakdowns', () => {
  test('基本支出 + 项目支出 ≠ total (年初预算数): a warning on the total cell', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'B6', a(2964));
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([['breakdownMismatch', "'预算执行'!B5"]]);
    const message = issueText(outcome.warnings[0], 'cli');
    expect(message).toContain('基本支出');
    expect(message).toContain('项目支出');
    expect(message).toContain('4134.49');
    expect(message).toContain('4135.45');
    expect(outcome.summary!.total).toBe('81.53');
  });

  test('a changed 基本支出 全年预算数 breaks both its checks: total = 基本 + 项目, 基本 = 人员 + 公用', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'C6', a(3697));
    expect(warningsOf(score(wb))).toEqual([
      ['breakdownMismatch', "'预算执行'!C5"],
      ['breakdownMismatch', "'预算执行'!C6"],
    ]);
  });

  test('人员经费 + 公用经费 ≠ 基本支出: a warning on the 基本支出 cell', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'C8', a(140));
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([['breakdownMismatch', "'预算执行'!C6"]]);
    expect(issueText(outcome.warnings[0], 'cli')).toContain('人员经费');
  });

  test('a check runs only where all parts are present', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'C8', null); // 公用经费 全年 blank: 人员 + 公用 not checked
    setCell(wb, '预算执行', 'C7', a(1));
    expect(warningsOf(score(wb))).toEqual([]);
  });

  test('当年财政拨款 + 上年结转资金 + 其他资金 = total: silent when equal, a warning when not', () => {
    const wb = seedWorkbook();
    appendRows(wb, '预算执行', [
      ['当年财政拨款', null, a(4000)],
      ['上年结转资金', null, a(900)],
      ['其他资金', null, a(78.49)],
    ]);
    expect(warningsOf(score(wb))).toEqual([]);
    setCell(wb, '预算执行', 'C12', a(78));
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([['breakdownMismatch', "'预算执行'!C5"]]);
    expect(issueText(outcome.warnings[0], 'cli')).toContain('当年财政拨款');
  });

  test('breakdown labels are matched after normalisation (spaces, full-width)', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'A6', ' 基本 支出 ');
    setCell(wb, '预算执行', 'B6', a(2964));
    expect(warningsOf(score(wb))).toEqual([['breakdownMismatch', "'预算执行'!B5"]]);
  });

  test('execution above budget on a breakdown row: a warning on the execution cell', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'D7', a(3600));
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([['executionAboveBudget', "'预算执行'!D7"]]);
    expect(issueText(outcome.warnings[0], 'cli')).toContain('3600');
    expect(issueText(outcome.warnings[0], 'cli')).toContain('3556.47');
  });

  test('execution above budget on the total row: a warning, and the execution score is capped at its weight', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'D5', a(5000));
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([
      ['breakdownMismatch', "'预算执行'!D5"],
      ['executionAboveBudget', "'预算执行'!D5"],
    ]);
    expect(outcome.summary!.execution).toMatchObject({ rate: '1.0043', score: '10.00' });
  });

  test('a negative execution counts as 0, with a warning', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'D9', a(-5));
    setCell(wb, '预算执行', 'D6', a(4642.81)); // keeps 基本 + 项目 = total for 执行
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    // (人员经费 / 公用经费 have no 执行数: 基本支出's execution is not checked against them.)
    expect(warningsOf(outcome)).toEqual([
      ['executionAboveBudget', "'预算执行'!D6"],
      ['projectSumMismatch', "'预算执行'!D9"],
      ['negativeActual', "'预算执行'!D9"],
    ]);
    expect(writesOf(outcome)["'预算执行'!F9"]).toEqual({ kind: 'number', text: '0.0000', format: '0.00%' });
  });

  test('a breakdown row with 全年预算数 0: its 执行率 is left blank, with a warning', () => {
    const wb = seedWorkbook();
    appendRows(wb, '预算执行', [['其他', a(0), a(0), a(0)]]);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([
      ['rateUndefined', "'预算执行'!C10"],
      ['rateUndefined', "'预算执行'!B10"],
    ]);
    const writes = writesOf(outcome);
    expect(writes["'预算执行'!F10"]).toEqual({ kind: 'empty', format: '0.00%' });
    expect(writes["'预算执行'!H10"]).toEqual({ kind: 'empty', format: '0.00%' });
  });
});

describe('项目支出 sums', () => {
  test('project budgets not adding up to the 项目支出 row: a warning on that row budget cell', () => {
    const wb = seedWorkbook();
    setCell(wb, '项目支出', 'B13', a(470));
    const outcome = score(wb);
    expect(warningsOf(outcome)).toEqual([['projectSumMismatch', "'预算执行'!C9"]]);
    expect(issueText(outcome.warnings[0], 'cli')).toContain('1281.33');
    expect(issueText(outcome.warnings[0], 'cli')).toContain('1281.14');
    expect(outcome.summary!.total).toBe(seed.summary!.total);
  });

  test('project executions not adding up: a warning on the 项目支出 row execution cell', () => {
    const wb = seedWorkbook();
    setCell(wb, '项目支出', 'C17', a(700));
    expect(warningsOf(score(wb))).toEqual([['projectSumMismatch', "'预算执行'!D9"]]);
  });

  test('no 项目支出 row in 预算执行: nothing to compare', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'A9', '专项支出');
    setCell(wb, '项目支出', 'B13', a(470));
    // 基本支出 + 项目支出 is no longer checkable either.
    expect(warningsOf(score(wb))).toEqual([]);
  });

  test('项目支出 missing: fine (optional)', () => {
    const wb = seedWorkbook();
    wb['项目支出'] = { kind: 'missing' };
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    // Every figure is the same; only the project list (the result view's per-project rates) is empty.
    expect(outcome.summary).toEqual({ ...seed.summary, projects: [] });
  });
});
