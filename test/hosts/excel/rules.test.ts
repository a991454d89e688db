/**
 * The Excel host (strict office.js fake) on one workbook per 规则方案
 * (test/support/rule-books.ts): the figures worked out by hand, the preset in
 * the result, and the same cells and values as the xlsx host writes.
 */
import { EXCEL_API_1_1_ONLY, scoreInExcel } from '../../../src/hosts/excel';
import { applyPlanToFile, readWorkbookFile } from '../../../src/hosts/xlsx';
import { formatCell } from '../../../src/workbook/address';
import { issueCell } from '../../../src/workbook/issues';
import { scoreBook } from '../../../src/workbook/score-book';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { contextFor, workbookFromCells } from '../../fakes/office';
import { fakeCells, fileCells } from '../../support/cell-maps';
import { RULE_BOOKS, ruleBookBytes } from '../../support/rule-books';
import { cellsOf, EXAMPLE_NAMES } from './example-workbook';

describe.each(RULE_BOOKS.map((b) => [b.preset, b]))('规则方案 %s in Excel', (preset, book) => {
  const bytes = ruleBookBytes(book);
  const e = book.expected;

  it('scores the hand-worked figures and names the preset', async () => {
    const store = workbookFromCells(cellsOf(bytes), EXAMPLE_NAMES);
    const result = await scoreInExcel(contextFor(store), EXCEL_API_1_1_ONLY, scoreBook);
    expect(result.hostError).toBeNull();
    expect(result.outcome!.evaluations.length).toBe(1);
    const o = result.outcome!.evaluations[0];
    expect(o.errors).toEqual([]);
    const s = o.summary!;
    expect([s.total, s.grade, s.preset, s.execution.rate, s.execution.score, s.indicatorTotal]).toEqual([
      e.total, e.grade, preset, e.executionRate, e.executionScore, e.indicatorTotal,
    ]);
    expect(s.indicators.map((i) => i.score)).toEqual(e.scores);
    expect(s.adjustments.map((a) => [a.rule, a.before, a.after])).toEqual(e.totalAdjustments);
    s.indicators.forEach((ind, n) => expect(ind.adjustments.map((a) => [a.rule, a.before, a.after])).toEqual(e.indicatorAdjustments[n] ?? []));
    expect(o.warnings.map((w) => [w.code, issueCell(w) ? formatCell(issueCell(w)!) : '绩效指标'])).toEqual(e.warnings);
    // What the sheet now shows.
    const cells = fakeCells(store);
    expect(cells.get('评价结果')!.get('B17')).toEqual([Number(e.total), '0.00']);
    expect(cells.get('评价结果')!.get('B19')![0]).toBe(e.grade);
  });

  it('reads and writes exactly what the xlsx host does', async () => {
    const store = workbookFromCells(cellsOf(bytes), EXAMPLE_NAMES);
    const result = await scoreInExcel(contextFor(store), EXCEL_API_1_1_ONLY, scoreBook);
    const read = readWorkbookFile(bytes);
    if (!read.ok) throw new Error('unreadable');
    const fileOutcome = scoreWorkbook(read.value);
    const { scope, ...only } = result.outcome!.evaluations[0];
    expect(scope).toBeNull();
    expect(only).toEqual(fileOutcome);
    const written = applyPlanToFile(bytes, fileOutcome.plan);
    if (!written.ok) throw new Error('file host failed');
    expect(fakeCells(store)).toEqual(fileCells(written.value));
  });
});
