/**
 * The report's contract inputs are additive: 报告信息 absent changes nothing
 * (the same summary, warnings and --json), an unknown label only warns like
 * 评分规则's, 年中监控值 is read under its aliases and never scored, and
 * 评价类型 项目支出 gives the project outline.
 */
import * as fs from 'fs';
import { toJson } from '../../src/cli/json-view';
import { readWorkbookFile } from '../../src/hosts/xlsx';
import { renderSelfReport } from '../../src/messages/self-report';
import type { WorkbookInput } from '../../src/workbook/cells';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { buildSelfReport } from '../../src/workbook/self-report';
import { EXAMPLE } from '../support/paths';
import { fileErrorText } from '../../src/messages/file-errors';
import { issueText } from '../../src/messages/issues';

function example(): WorkbookInput {
  const read = readWorkbookFile(new Uint8Array(fs.readFileSync(EXAMPLE)));
  if (!read.ok) throw new Error(fileErrorText(read.error));
  return read.value;
}

/** The 报告信息 row whose label is `label`. */
function infoRow(input: WorkbookInput, label: string) {
  const info = input['报告信息']!;
  if (info.kind !== 'range') throw new Error('no 报告信息');
  const row = info.cells.find((r) => r[0].value === label);
  if (!row) throw new Error('no row ' + label);
  return row;
}

test('without 报告信息 the outcome, its warnings and its --json are those with it', () => {
  const withInfo = scoreWorkbook(example());
  const input = example();
  delete input['报告信息'];
  const without = scoreWorkbook(input);
  expect(without.summary).toEqual(withInfo.summary);
  expect(without.plan).toEqual(withInfo.plan);
  expect(without.warnings).toEqual([]);
  expect(toJson(without)).toEqual(toJson(withInfo));
});

test('an unknown 报告信息 label warns, naming its cell, and scoring is unchanged', () => {
  const input = example();
  infoRow(input, '建议')[0] = { value: '领导批示', numberFormat: 'General', formula: false };
  const outcome = scoreWorkbook(input);
  expect(outcome.summary).toEqual(scoreWorkbook(example()).summary);
  expect(outcome.warnings.map((w) => [w.code, issueText(w, 'cli')])).toEqual([
    ['reportLabelUnknown', expect.stringMatching(/^'报告信息'!A19 的报告信息“领导批示”不认识/)],
  ]);
  // The block it would have filled becomes a placeholder.
  expect(renderSelfReport(buildSelfReport(outcome)!).lines.map((l) => l.text)).toContain('【请填写：建议】');
});

test('年中监控值 is read under its alias 1-7月完成值 and never scored', () => {
  const input = example();
  const indicators = input['绩效指标'];
  if (indicators.kind !== 'range') throw new Error('no 绩效指标');
  const header = indicators.cells[0];
  const col = header.findIndex((c) => c.value === '年中监控值');
  header[col] = { ...header[col], value: '1-7月完成值' };
  indicators.cells[1][col] = { value: 'abc', numberFormat: 'General', formula: false };
  const outcome = scoreWorkbook(input);
  expect(outcome.errors).toEqual([]);
  expect(outcome.summary).toEqual(scoreWorkbook(example()).summary);
  expect(outcome.stated!.indicators.map((i) => i.monitor)).toEqual([
    { kind: 'text', text: 'abc' },
    ...scoreWorkbook(example()).stated!.indicators.slice(1).map((i) => i.monitor),
  ]);
});

test('评价类型 项目支出 gives the project outline with its 项目名称', () => {
  const input = example();
  infoRow(input, '评价类型')[1] = { value: '项目支出', numberFormat: 'General', formula: false };
  const unit = infoRow(input, '单位名称');
  unit[0] = { value: '项目名称', numberFormat: 'General', formula: false };
  unit[1] = { value: '社区工资社保及工作经费', numberFormat: 'General', formula: false };
  const doc = renderSelfReport(buildSelfReport(scoreWorkbook(input))!);
  expect(doc.title).toBe('社区工资社保及工作经费2023年度项目支出绩效自评报告');
  const headings = doc.lines.filter((l) => l.kind === 'heading' && l.level === 1).map((l) => l.text);
  expect(headings).toEqual(['一、项目基本情况', '二、项目资金管理及使用情况', '三、项目绩效分析', '四、评价结论', '五、存在的主要问题及原因分析', '六、改进措施和建议']);
  expect(doc.lines.map((l) => l.text)).toContain('2023年度社区工资社保及工作经费项目支出绩效自评综合得分81.53分，评价结果为“良”。');
});
