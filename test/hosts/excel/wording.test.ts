/**
 * The Excel host (strict office.js fake) on the example in everyday wording
 * (test/support/wording-book.ts): the hand-worked figures, and exactly the
 * cells and values the xlsx host writes — the date cell read as a date from
 * its number format in Excel too.
 */
import { EXCEL_API_1_1_ONLY, scoreInExcel } from '../../../src/hosts/excel';
import { applyPlanToFile, readWorkbookFile } from '../../../src/hosts/xlsx';
import { scoreBook } from '../../../src/workbook/score-book';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { contextFor, workbookFromCells } from '../../fakes/office';
import { fakeCells, fileCells } from '../../support/cell-maps';
import { WORDING_EXPECTED, wordingBookBytes } from '../../support/wording-book';
import { cellsOf, EXAMPLE_NAMES } from './example-workbook';

test('scores the hand-worked figures and writes what the xlsx host writes', async () => {
  const bytes = wordingBookBytes();
  const store = workbookFromCells(cellsOf(bytes), EXAMPLE_NAMES);
  const result = await scoreInExcel(contextFor(store), EXCEL_API_1_1_ONLY, scoreBook);
  expect(result.hostError).toBeNull();
  const o = result.outcome!.evaluations[0];
  expect(o.errors).toEqual([]);
  expect([o.summary!.total, o.summary!.grade]).toEqual([WORDING_EXPECTED.total, WORDING_EXPECTED.grade]);
  expect(o.summary!.indicators.map((i) => i.score)).toEqual(WORDING_EXPECTED.scores);
  for (const [i, text] of Object.entries(WORDING_EXPECTED.notes)) expect(o.summary!.indicators[Number(i)].note).toContain(text);

  const read = readWorkbookFile(bytes);
  if (!read.ok) throw new Error('unreadable');
  const fileOutcome = scoreWorkbook(read.value);
  const { scope, ...only } = o;
  expect(scope).toBeNull();
  expect(only).toEqual(fileOutcome);
  const written = applyPlanToFile(bytes, fileOutcome.plan);
  if (!written.ok) throw new Error('file host failed');
  expect(fakeCells(store)).toEqual(fileCells(written.value));
});
