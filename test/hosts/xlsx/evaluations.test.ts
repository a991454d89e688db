/**
 * The file host reads every scope: a sheet's own names make that sheet's
 * evaluation (forms issue §1), a hidden sheet is none. Built from the
 * example by adding sheet-scoped definitions to its workbook.xml.
 */
import * as fs from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openWorkbookFile } from '../../../src/hosts/xlsx';
import { fileErrorText } from '../../../src/messages/file-errors';
import { scoreBook } from '../../../src/workbook/score-book';
import { EXAMPLE } from '../../support/paths';

/** The example with extra <definedName> elements (and a sheet state) written into xl/workbook.xml. */
function exampleWithNames(extra: string, hideSheet?: string): Uint8Array {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(EXAMPLE)));
  let xml = strFromU8(parts['xl/workbook.xml']);
  xml = xml.replace('</definedNames>', extra + '</definedNames>');
  if (hideSheet) xml = xml.replace(`name="${hideSheet}" state="visible"`, `name="${hideSheet}" state="hidden"`);
  parts['xl/workbook.xml'] = strToU8(xml);
  return zipSync(parts);
}

const scoped = (sheetIndex: number, name: string, ref: string) => `<definedName name="${name}" localSheetId="${sheetIndex}">${ref}</definedName>`;

function bookOf(bytes: Uint8Array) {
  const opened = openWorkbookFile(bytes);
  if (!opened.ok) throw new Error(fileErrorText(opened.error));
  return opened.value.book;
}

test('the example alone: the workbook scope only, as in v1', () => {
  const book = bookOf(new Uint8Array(fs.readFileSync(EXAMPLE)));
  expect(book.sheets).toEqual([]);
  expect(scoreBook(book).evaluations.map((e) => [e.scope, e.summary?.total])).toEqual([[null, '81.53']]);
});

test("a sheet's own 绩效指标 is one more evaluation, with that sheet's own other names", () => {
  // Sheet 3 (评价结果) gets its own 绩效指标, 预算执行 and 评价结果 — the last over its 评分规则 rows, so outputs never overlap.
  const extra =
    scoped(2, '绩效指标', "'绩效指标'!$A$3:$P$11") + scoped(2, '预算执行', "'预算执行'!$A$4:$H$9") + scoped(2, '评价结果', "'评价结果'!$A$30:$B$31");
  const book = bookOf(exampleWithNames(extra));
  expect(book.sheets.map((s) => [s.sheet, s.hidden, Object.keys(s.names).sort()])).toEqual([['评价结果', false, ['绩效指标', '评价结果', '预算执行']]]);
  const outcome = scoreBook(book);
  expect(outcome.evaluations.map((e) => e.scope)).toEqual([null, '评价结果']);
  // Both evaluations score the same tables, so they would write the same 得分 cells: that is refused.
  expect(outcome.book.errors.map((e) => e.code)).toContain('outputShared');
  expect(outcome.plan.writes).toEqual([]);
});

test('a hidden sheet with its own 绩效指标 is no evaluation', () => {
  const book = bookOf(exampleWithNames(scoped(2, '绩效指标', "'绩效指标'!$A$3:$P$11"), '评价结果'));
  expect(book.sheets.map((s) => [s.sheet, s.hidden])).toEqual([['评价结果', true]]);
  const outcome = scoreBook(book);
  expect(outcome.evaluations.map((e) => e.scope)).toEqual([null]);
  expect(outcome.book.warnings.map((w) => w.code)).toEqual(['hiddenSheetSkipped']);
});
