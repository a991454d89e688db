import type { Operator } from '../workbook/target';
import type { StatedFigure, StatedTarget } from '../workbook/parse-indicators';
import type { BlockRef, Fact, HeadingKey, IndicatorSentence, Paragraph, Section, SelfReport, Sentence } from '../workbook/self-report';
import { reportLabel, type ReportKind } from '../workbook/vocabulary';
import { formatQuantity, ratioPercent } from './quantity';

/**
 * The words of the 绩效自评报告, in the seed report's own outline and
 * phrasing: every host renders this same text (the .docx, the md/txt of the
 * command line, the pane's sheet 自评报告).
 */

/** One line of the rendered report: a numbered heading, or a paragraph. */
export type ReportLine = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string };

export interface ReportDocument {
  title: string;
  /** Under the title: the unit (or a placeholder). */
  subtitle: string;
  lines: ReportLine[];
}

const HEADINGS: Record<ReportKind, Record<HeadingKey, string>> = {
  department: {
    overview: '基本概况',
    unitBasics: '部门单位基本情况',
    functions: '部门主要职能',
    organization: '部门机构设置及人员构成',
    keyWork: '部门单位年度重点工作',
    budgetScale: '部门单位整体预算规模及安排情况',
    arrangement: '年初预算安排情况',
    adjustment: '预算调整情况',
    execution: '全年预算执行情况',
    spendingScope: '资金使用主要内容及范围',
    management: '部门单位整体支出管理及使用情况',
    basicSpending: '基本支出和使用情况',
    projectManaged: '项目管理和使用情况',
    projectManagement: '项目管理情况',
    system: '管理制度健全性',
    compliance: '资金使用合规性和安全性',
    projectUsed: '项目使用情况',
    performance: '部门单位整体支出绩效分析',
    indicator: '指标',
    conclusion: '评价结论',
    problems: '存在的主要问题及原因分析',
    improvement: '改进措施和建议',
    measures: '改进措施',
    suggestions: '建议',
    projectOverview: '项目概况',
    projectFunds: '项目资金安排及执行情况',
  },
  project: {
    overview: '项目基本情况',
    unitBasics: '部门单位基本情况',
    functions: '部门主要职能',
    organization: '部门机构设置及人员构成',
    keyWork: '部门单位年度重点工作',
    budgetScale: '项目资金安排及执行情况',
    arrangement: '年初预算安排情况',
    adjustment: '预算调整情况',
    execution: '全年预算执行情况',
    spendingScope: '资金使用主要内容及范围',
    management: '项目资金管理及使用情况',
    basicSpending: '基本支出和使用情况',
    projectManaged: '项目管理和使用情况',
    projectManagement: '项目资金管理及使用情况',
    system: '管理制度健全性',
    compliance: '资金使用合规性和安全性',
    projectUsed: '项目使用情况',
    performance: '项目绩效分析',
    indicator: '指标',
    conclusion: '评价结论',
    problems: '存在的主要问题及原因分析',
    improvement: '改进措施和建议',
    measures: '改进措施',
    suggestions: '建议',
    projectOverview: '项目概况',
    projectFunds: '项目资金安排及执行情况',
  },
};

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 24 → 二十四 (headings number up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones === 0 ? '' : DIGITS[ones]);
}

function numbering(level: number, n: number): string {
  if (level === 1) return chineseNumber(n) + '、';
  if (level === 2) return '（' + chineseNumber(n) + '）';
  if (level === 3) return n + '.';
  return '（' + n + '）';
}

const PLACEHOLDER = { open: '【请填写：', close: '】' } as const;

/** The placeholder of what the author must still write: visible, never invented text. */
export function placeholder(what: string): string {
  return PLACEHOLDER.open + what + PLACEHOLDER.close;
}

/** How many placeholders the report still has (the title's included). */
export function placeholderCount(doc: ReportDocument): number {
  const count = (text: string) => text.split(PLACEHOLDER.open).length - 1;
  return doc.lines.reduce((n, l) => n + count(l.text), count(doc.title));
}

const FACT_LABEL = { unit: reportLabel('unit'), year: reportLabel('year'), project: reportLabel('project') } as const;

function factText(f: Fact): string {
  return f.kind === 'given' ? f.text : placeholder(FACT_LABEL[f.key]);
}

/**
 * A score or a rate as the seed writes it: a whole number without its zero
 * fraction (`12.00` → `12`, `52.00%` → `52%`), any other exactly as the
 * workbook's result (`7.80`). Digits are only dropped when they are zeros.
 */
export function scoreText(text: string): string {
  return /\.0+$/.test(text) ? text.replace(/\.0+$/, '') : text;
}

/** A rate (a ratio string) as a percentage: `"0.9316"` → `93.16%`, `"0.5200"` → `52%`. */
export function rateText(ratio: string): string {
  return ratioPercent(ratio);
}

/** An amount in 万元 with at least two decimals, as the workbook's cells show it (`13.5` → `13.50`); never rounded. */
export function amountText(value: string): string {
  const dot = value.indexOf('.');
  if (dot < 0) return value + '.00';
  const places = value.length - dot - 1;
  return places >= 2 ? value : value + '0'.repeat(2 - places);
}

const OPERATOR_WORDS: Record<Operator, string> = { atLeast: '大于等于', atMost: '小于等于', equal: '等于' };

/** A target as stated: the operator only where the cell wrote it (`≥95%` → `大于等于95%`, `100%` → `100%`). */
function targetText(t: StatedTarget): string {
  return (t.written ? OPERATOR_WORDS[t.operator] : '') + formatQuantity(t);
}

function figureText(f: StatedFigure): string {
  return f.kind === 'quantity' ? formatQuantity(f.quantity) : f.text;
}

/** A text the author wrote, ended with 。 (unless it ends a sentence already). */
function sentenceOf(text: string): string {
  return /[。！？.!?]$/.test(text) ? text : text + '。';
}

/** A text the author wrote, to be followed by our own punctuation: its closing 。 or ； dropped. */
function clauseOf(text: string): string {
  return text.replace(/[。；;，,]+$/, '');
}

function blockText(block: BlockRef): string {
  return block.paragraphs ? block.paragraphs.join('') : placeholder(reportLabel(block.key));
}

function indicatorText(i: IndicatorSentence): string {
  const parts: string[] = [];
  if (i.target) parts.push(`该指标预期指标值为${targetText(i.target)}`);
  else if (i.targetText) parts.push(`该指标预期指标值为${i.targetText}`);
  if (i.monitor) parts.push(`年中监控实际完成值为${figureText(i.monitor)}`);
  if (i.adjustedTarget) parts.push(`调整后指标值为${targetText(i.adjustedTarget)}`);
  if (i.actual) parts.push(`本次评价${i.name}共计${formatQuantity(i.actual)}`);
  else if (i.actualText) parts.push(`本次评价${i.name}${i.actualText}`);
  if (i.rate !== null) parts.push(`该指标完成率为${rateText(i.rate)}`);
  if (i.reason) parts.push(`偏差原因：${sentenceOf(i.reason)}`);
  let text = `${i.name}：` + parts.join('，');
  if (!i.reason) text += '。';
  if (i.measures) text += `改进措施：${sentenceOf(i.measures)}`;
  return text + `该指标权重分值为${scoreText(i.weight)}分，自评得分${scoreText(i.score)}分。`;
}

const KIND_WORDS: Record<ReportKind, string> = { department: '部门整体支出', project: '项目支出' };

const SENTENCES: { [K in Sentence['kind']]: (s: Extract<Sentence, { kind: K }>) => string } = {
  block: (s) => blockText(s.block),
  projectsDone: (s) => `全年共完成${s.count}个项目，项目预算金额为${amountText(s.budget)}万元，执行金额为${amountText(s.actual)}万元。`,
  initialBudget: (s) => {
    const parts: string[] = [];
    if (s.basic !== null) parts.push(`基本支出年初预算数为${amountText(s.basic)}万元`);
    if (s.project !== null) parts.push(`项目支出年初预算数为${amountText(s.project)}万元`);
    return `我单位年初预算数为${amountText(s.total)}万元` + (parts.length > 0 ? '，其中：' + parts.join('、') : '') + '。';
  },
  adjustment: (s) =>
    `我单位年初批复预算数${amountText(s.initial)}万元，年中调整数${amountText(s.change)}万元，调整后全年预算数${amountText(s.budget)}万元` +
    (s.rate !== null ? `，预算调整率${rateText(s.rate)}` : '') +
    '。',
  execution: (s) => `全年预算数为${amountText(s.budget)}万元，全年实际支出资金${amountText(s.actual)}万元，预算执行率为${rateText(s.rate)}。`,
  spending: (s) => {
    const parts: string[] = [];
    if (s.basic !== null) parts.push(`基本支出为${amountText(s.basic)}万元，主要用于${clauseOf(blockText(s.basicUse))}`);
    if (s.project !== null) parts.push(`项目支出${amountText(s.project)}万元，主要用于${clauseOf(blockText(s.projectUse))}`);
    return `我单位${factText(s.year)}年全年预算支出金额共计${amountText(s.actual)}万元` + (parts.length > 0 ? '，其中：' + parts.join('；') : '') + '。';
  },
  basicSpending: (s) => {
    const parts: string[] = [];
    if (s.staff !== null) parts.push(`人员经费${amountText(s.staff)}万元`);
    if (s.office !== null) parts.push(`公用经费${amountText(s.office)}万元`);
    let text = `${factText(s.year)}年本单位基本支出全年预算总额${amountText(s.budget)}万元` + (parts.length > 0 ? '，其中：' + parts.join('，') : '') + '。';
    if (s.actual !== null) text += `实际支出${amountText(s.actual)}万元` + (s.rate !== null ? `，基本支出预算执行率${rateText(s.rate)}` : '') + '。';
    return text;
  },
  projectTotals: (s) =>
    `${factText(s.year)}年本单位共有${s.count}个项目，项目总金额为${amountText(s.budget)}万元，执行金额为${amountText(s.actual)}万元。其中：`,
  projectGroup: (s) => {
    const lines = s.projects.map((p) => {
      const parts = [`${p.name}项目`];
      if (p.budget !== null) parts.push(`预算金额为${amountText(p.budget)}万元`);
      if (p.actual !== null) parts.push(`执行金额为${amountText(p.actual)}万元`);
      if (p.benefit) parts.push(`达到${clauseOf(p.benefit)}效益`);
      return parts.join('，');
    });
    const head = `${numbering(4, s.number)}` + (s.source ? `${s.source}：` : '');
    return `${head}共计${s.count}个项目，预算金额为${amountText(s.budget)}万元，实际支付为${amountText(s.actual)}万元，分别为：${lines.join('；')}。`;
  },
  performance: (s) =>
    `我单位${factText(s.year)}年全年预算金额为${amountText(s.budget)}万元，执行金额为${amountText(s.actual)}万元，执行率为${rateText(s.rate)}，得${scoreText(s.score)}分。`,
  indicator: (s) => indicatorText(s.indicator),
  conclusion: (s) =>
    `${factText(s.year)}年度${s.reportKind === 'project' ? factText(s.project) : ''}${KIND_WORDS[s.reportKind]}绩效自评综合得分${scoreText(s.total)}分，评价结果为“${s.grade}”。`,
};

function sentenceText(s: Sentence): string {
  return (SENTENCES[s.kind] as (s: Sentence) => string)(s);
}

function paragraphText(p: Paragraph): string {
  return p.map(sentenceText).join('');
}

function headingText(kind: ReportKind, s: Section, level: number, n: number): string {
  const text = s.heading === 'indicator' ? `指标${chineseNumber(s.number ?? n)}：` : HEADINGS[kind][s.heading];
  return numbering(level, n) + text;
}

function addSection(kind: ReportKind, s: Section, level: number, n: number, lines: ReportLine[]): void {
  lines.push({ kind: 'heading', level, text: headingText(kind, s, level, n) });
  for (const p of s.paragraphs) lines.push({ kind: 'paragraph', text: paragraphText(p) });
  s.sections.forEach((child, i) => addSection(kind, child, level + 1, i + 1, lines));
}

/** The report's text, line by line: the one rendering every host shows. */
export function renderSelfReport(report: SelfReport): ReportDocument {
  const lines: ReportLine[] = [];
  report.sections.forEach((s, i) => addSection(report.kind, s, 1, i + 1, lines));
  const subject = report.kind === 'project' ? factText(report.project) : factText(report.unit);
  return {
    title: `${subject}${factText(report.year)}年度${KIND_WORDS[report.kind]}绩效自评报告`,
    subtitle: factText(report.unit),
    lines,
  };
}

/** The fonts of the .docx, as official documents set them (GB/T 9704): 宋体 title, 黑体 headings, 仿宋 body. */
export const REPORT_FONTS = { title: '宋体', heading: '黑体', body: '仿宋' } as const;

/** The footer's page number: `第 N 页`, N the field. */
export const PAGE_NUMBER_TEXT = { before: '第 ', after: ' 页' } as const;

/** The sheet the Excel pane writes the report into (a free name: 自评报告 (2) … when taken). */
export const REPORT_SHEET_NAME = '自评报告';
