import { a1, formatRange, nameReference, type RangeAddress } from '../workbook/address';
import type { DetectionProblem, FoundTable, ProposedName } from '../workbook/detect';
import { columnHeader, NAME, TABLE_COLUMNS, type ContractName, type TableKind } from '../workbook/vocabulary';

/** The text of a workbook without names (forms issue §3): what was found, the names proposed, what stops the proposal. */

const TABLE_OF: Partial<Record<ContractName, TableKind>> = { [NAME.budget]: 'budget', [NAME.projects]: 'projects', [NAME.indicators]: 'indicators' };

/** `A8:H20`, the range on its sheet. */
function local(range: RangeAddress): string {
  const start = a1(range.row, range.col);
  const end = a1(range.row + range.rows - 1, range.col + range.cols - 1);
  return start === end ? start : `${start}:${end}`;
}

/** What a table is called in a sentence: 绩效指标表, 评价结果区域. */
function tableWord(name: ContractName): string {
  return TABLE_OF[name] ? `${name}表` : `${name}区域`;
}

/** The headers a table needs, as a message lists them: “三级指标”“指标值”…. */
function requiredHeaders(name: ContractName): string {
  const table = TABLE_OF[name];
  if (!table) return name === NAME.results ? '一列写“预算执行率”“总分”“评价等级”等项目、右边一列留空' : '一列写“预算执行率分值”“优”“小数位数”等设置、右边一列写值';
  const specs: ReadonlyArray<{ key: string; required: boolean }> = TABLE_COLUMNS[table];
  return '表头有' + specs.filter((s) => s.required).map((s) => `“${columnHeader(table, s.key)}”`).join('');
}

/** 在工作表“项目1”第 8 行找到绩效指标表 A8:H20 */
export function foundText(table: FoundTable): string {
  const total = table.grandTotal ? '（到“总分”行）' : '';
  return `在工作表“${table.range.sheet}”第 ${table.range.row + 1} 行找到${tableWord(table.name)} ${local(table.range)}${total}`;
}

/** 名称“绩效指标”（范围：工作表“项目1”）＝'项目1'!$A$12:$I$26 */
export function proposedNameText(name: ProposedName): string {
  const scope = name.scope === null ? '工作簿' : `工作表“${name.scope}”`;
  return `名称“${name.name}”（范围：${scope}）＝${nameReference(name.range)}`;
}

const where = (scope: string | null, sheet: string) => (scope === null ? '工作簿中' : `工作表“${sheet}”中`);

export function detectionProblemText(problem: DetectionProblem): string {
  switch (problem.code) {
    case 'noIndicatorTable':
      return `没有在任何（未隐藏的）工作表中找到${tableWord(NAME.indicators)}：需要一行${requiredHeaders(NAME.indicators)}。请检查表头的写法，或用 公式 → 名称管理器 自己定义名称。`;
    case 'severalTables':
      return `${where(problem.scope, problem.ranges[0].sheet)}有 ${problem.ranges.length} 张${tableWord(problem.name)}（${problem.ranges.map(formatRange).join('、')}），一个评价只能用一张，无法确定用哪一张。请删去多余的，或用 公式 → 名称管理器 自己定义名称“${problem.name}”。`;
    case 'tableMissing':
      return problem.name === NAME.results
        ? `工作表“${problem.sheet}”的绩效指标表没有“总分”行，也没有找到${tableWord(NAME.results)}（${requiredHeaders(NAME.results)}）：总分和评价等级没有写入的位置。请在绩效指标表末尾加一行“总分”，或加上评价结果区域。`
        : `工作表“${problem.sheet}”有绩效指标表，但${problem.scope === null ? '工作簿中' : '该工作表中'}没有找到${tableWord(problem.name)}（需要一行${requiredHeaders(problem.name).replace(/^表头有/, '表头：')}）。${problem.scope === null ? '' : '一个项目工作表的评价只用它自己工作表上的预算执行表。'}`;
    case 'tableUnused':
      return `工作表“${problem.table.range.sheet}”第 ${problem.table.range.row + 1} 行的${tableWord(problem.table.name)} ${local(problem.table.range)}不属于任何评价（该工作表没有绩效指标表，而工作簿中有多个评价）。请把它移到所属评价的工作表上，或删除它。`;
  }
}

/** The lines `selfeval score` and `selfeval name` print for a workbook without names. */
export const DETECT_TEXT = {
  noNames: '工作簿中没有约定的名称（预算执行、绩效指标等），按表头和项目名称查找表格：',
  nothingFound: '没有找到任何约定的表格。',
  proposal: '可以设定以下名称：',
  problems: '无法确定名称，原因如下（程序不会猜测）：',
  fixCommand: (input: string, named: string) => `运行下面的命令把这些名称写入一个新文件（原文件不变），再为新文件评分：\n  selfeval name ${shellQuote(input)}\n  selfeval score ${shellQuote(named)}`,
  fixThenName: (input: string) => `改好后再运行：selfeval name ${shellQuote(input)}`,
  alreadyNamed: (names: readonly string[]) => `工作簿中已有约定的名称 ${names.map((n) => `“${n}”`).join('、')}，不再自动设定名称。请直接运行 selfeval score 评分，或在 公式 → 名称管理器 中修改这些名称。`,
  namedWritten: (file: string) => `已把名称写入：${file}（只改动了工作簿的名称定义，单元格内容不变）`,
  nextScore: (file: string) => `现在可以评分：selfeval score ${shellQuote(file)}`,
} as const;

/** A path as a user can paste it into a shell: quoted when it has spaces or shell characters. */
function shellQuote(file: string): string {
  return /^[\w./\\:@%+=,\u4e00-\u9fff-]+$/.test(file) ? file : `"${file.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** Every line of the detection report: found tables, then the proposal or the problems. */
export function detectionLines(found: readonly FoundTable[], names: readonly ProposedName[], problems: readonly DetectionProblem[]): string[] {
  const lines: string[] = [DETECT_TEXT.noNames];
  if (found.length === 0) lines.push('  ' + DETECT_TEXT.nothingFound);
  for (const t of found) lines.push('  ' + foundText(t));
  if (problems.length > 0) {
    lines.push(DETECT_TEXT.problems);
    problems.forEach((p, i) => lines.push(`  ${i + 1}. ${detectionProblemText(p)}`));
  } else {
    lines.push(DETECT_TEXT.proposal);
    for (const n of names) lines.push('  ' + proposedNameText(n));
  }
  return lines;
}
