/**
 * Did-you-mean for misspelt names and headers (forms issue §3): a missing
 * name or column says which name or header cell of the workbook is probably
 * it — never used in its place, the workbook still has the error.
 */
import * as fs from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openWorkbookFile } from '../../src/hosts/xlsx';
import { issueText } from '../../src/messages/issues';
import { isProbably } from '../../src/workbook/did-you-mean';
import { scoreBook } from '../../src/workbook/score-book';
import { singleBook } from '../../src/workbook/cells';
import { EXAMPLE } from '../support/paths';
import { INDICATOR_HEADER, msg, score, seedWorkbook, setIndicators } from '../support/grid';

test.each([
  ['预算执行情况', '预算执行', true],
  ['绩效指标表', '绩效指标', true],
  ['评价结杲', '评价结果', true],
  ['实际完成', '实际完成值', true],
  ['实际完成情况', '实际完成值', true],
  ['预算执行', '预算执行', false],
  ['打印区域', '预算执行', false],
  ['年中监控值', '实际完成值', false],
  ['值', '实际完成值', false],
])('%s is probably %s: %s', (text, wanted, expected) => {
  expect(isProbably(text, wanted)).toBe(expected);
});

test('a workbook-scoped name spelt 预算执行情况: the missing 预算执行 asks whether it is meant (and nothing is scored)', () => {
  const workbook = seedWorkbook();
  workbook['预算执行'] = { kind: 'missing' };
  const outcome = scoreBook({ ...singleBook(workbook), otherNames: ['打印标题', '预算执行情况'] });
  expect(outcome.errors.map((e) => e.code)).toEqual(['nameMissing']);
  expect(issueText(outcome.errors[0], 'cli')).toBe(
    '工作簿中没有名称“预算执行”。名称“预算执行情况”不是约定的名称，是否应为“预算执行”？请在 Excel 或 WPS 中用 公式 → 名称管理器 选中它，点“编辑”把名称改为约定的写法。',
  );
  expect(outcome.plan.writes).toEqual([]);
});

test('the file host hands the workbook’s other names over: the example with 预算执行 renamed 预算执行情况', () => {
  const parts = unzipSync(fs.readFileSync(EXAMPLE));
  parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace('<definedName name="预算执行"', '<definedName name="预算执行情况"'));
  const opened = openWorkbookFile(zipSync(parts));
  if (!opened.ok) throw new Error(opened.error.code);
  const outcome = scoreBook(opened.value.book);
  expect(outcome.errors.map(msg)).toEqual([expect.stringContaining('名称“预算执行情况”不是约定的名称，是否应为“预算执行”？')]);
});

test('a header 实际完成 where 实际完成值 is missing: the cell and the question', () => {
  const workbook = seedWorkbook();
  const header = INDICATOR_HEADER.map((h) => (h === '实际完成值' ? '实际完成' : h));
  setIndicators(workbook, [], header);
  const outcome = score(workbook);
  const missing = outcome.errors.find((e) => e.code === 'columnMissing')!;
  expect(msg(missing)).toMatch(/^名称“绩效指标”的表头行（第 3 行）中没有“实际完成值”列。'绩效指标'!I3 的表头“实际完成”不是约定的列名，是否应为“实际完成值”？/);
});
