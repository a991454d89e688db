import { a1 } from '../../workbook/address';

/**
 * The sheets and names 插入模板 adds, as data: the same layout as the bundled
 * workbooks (assets/模板.xlsx, assets/示例-二工片区2023.xlsx; made by
 * scripts/make-assets.js): 预算执行 '预算执行'!$A$4:$H$9, 项目支出
 * '预算执行'!$A$12:$D$n, 绩效指标 '绩效指标'!$A$3:$P$n, 评分规则
 * '评价结果'!$A$4:$B$11, 评价结果 '评价结果'!$A$14:$B$23.
 * The example variant holds the 2023 二工片区 figures (scores 81.53, 良).
 */
export type TemplateKind = 'blank' | 'example';

export interface TemplateCell {
  value?: string | number;
  formula?: string;
  numberFormat?: string;
}

export type TemplateStyle = 'title' | 'section' | 'header' | 'output';

export interface TemplateSheet {
  name: string;
  /** Sparse cells keyed by 0-based "row,col". */
  cells: { [key: string]: TemplateCell };
  styles: { range: string; style: TemplateStyle }[];
}

export interface TemplateName {
  name: string;
  sheet: string;
  /** `A4:H9` on `sheet`. */
  range: string;
}

export interface TemplateLayout {
  sheets: TemplateSheet[];
  names: TemplateName[];
}

const AMOUNT = '#,##0.00';
const PERCENT = '0.00%';
const SCORE = '0.00';
const UNIT_NAME = '高新区(新市区)二工片区管理委员会';

const BUDGET_ROWS: [string, number | null, number | null, number | null, number | null][] = [
  ['年度资金总额', 4135.45, 4978.49, 4637.81, 10],
  ['基本支出', 2964.96, 3697.35, 3632.36, null],
  ['人员经费', null, 3556.47, null, null],
  ['公用经费', null, 140.88, null, null],
  ['项目支出', 1170.49, 1281.14, 1005.45, null],
];

const PROJECTS: [string, number, number][] = [
  ['社区工资社保及工作经费', 469.81, 215.96],
  ['基层监督建设补助', 13.5, 13.31],
  ['公共美术馆、图书馆、文化馆免费开放补助', 24.4, 2.75],
  ['疫情防控补助', 40.72, 40.72],
  ['国有企业退休人员社会化管理补助', 732.71, 732.71],
];

interface Indicator {
  level1: string;
  level2: string;
  name: string;
  op: string;
  target: number;
  /** The target as an expression (`≥5%`), as the seed report states it; else the number is written. */
  targetText?: string;
  unit: string;
  adjusted: number | null;
  midYear: number;
  actual: number;
  weight: number;
  reason: string | null;
  measure: string | null;
}

const INDICATORS: Indicator[] = [
  { level1: '产出指标', level2: '成本指标', name: '公务用车经费下降率', op: '≥', target: 5, unit: '%', adjusted: null, midYear: 0, actual: 0, weight: 8, targetText: '≥5%',
    reason: '由于油价上涨及车辆老旧，公务用车经费预算4.31万元，全部使用，未能下降。', measure: '严格执行公务用车制度，合理使用车辆，减少非必要用车。' },
  { level1: '产出指标', level2: '成本指标', name: '预算经费', op: '≤', target: 4135.45, unit: '万元', adjusted: 4978.49, midYear: 2582.26, actual: 4637.81, weight: 12, targetText: '≤4135.45万元',
    reason: '预算经费执行中因厉行节约，减少非必要支出，导致预算经费执行率未完成。', measure: '提高预算编制水平，精准制定预算，严格执行预算指标。' },
  { level1: '产出指标', level2: '时效指标', name: '项目支出预算执行率', op: '≥', target: 100, unit: '%', adjusted: null, midYear: 0.4387, actual: 0.7848, weight: 12,
    reason: '部分项目在审批中，未能完全支付完成。', measure: '及时走支付审批流程，及时完成项目支出。' },
  { level1: '产出指标', level2: '时效指标', name: '政府采购执行率', op: '≥', target: 100, unit: '%', adjusted: null, midYear: 0.2032, actual: 1, weight: 8,
    reason: null, measure: null },
  { level1: '产出指标', level2: '质量指标', name: '12345热线事件办结率', op: '≥', target: 100, unit: '%', adjusted: null, midYear: 0.9962, actual: 0.9993, weight: 10,
    reason: '偏差较小。', measure: '继续加强服务意识，及时办结处理热线案件。' },
  { level1: '产出指标', level2: '质量指标', name: '信访案件受理率', op: '≥', target: 100, unit: '%', adjusted: null, midYear: 1, actual: 1, weight: 15,
    reason: null, measure: null },
  { level1: '效益指标', level2: '社会效益指标', name: '解决就业人数', op: '≥', target: 100, unit: '人', adjusted: null, midYear: 15, actual: 52, weight: 15,
    reason: '本年度未能完成就业困难人员就业任务。', measure: '合理制定目标，继续加强就业服务宣传，提高就业解决人数。' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '受益人员满意度', op: '≥', target: 95, unit: '%', adjusted: null, midYear: 0.95, actual: 0.99, weight: 10, targetText: '≥95%',
    reason: null, measure: null },
];

const INDICATOR_HEADERS = [
  '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '调整后指标值', '年中监控值',
  '实际完成值', '分值', '人工得分', '完成率', '得分', '计算说明', '偏差原因', '改进措施',
];

const RULES: [string, string | number, string | null, string][] = [
  ['预算执行率分值', 10, null, '预算执行率指标的分值；“预算执行”表分值列留空时使用'],
  ['优', 90, null, '总分不低于此值为“优”'],
  ['良', 80, null, '总分不低于此值为“良”'],
  ['中', 60, null, '总分不低于此值为“中”，否则为“差”'],
  ['小数位数', 2, null, '得分保留的小数位数（四舍五入）'],
  ['反向指标超标记分', '偏差扣分', null, '偏差扣分、比值或零分'],
  ['偏离度预警阈值', 0.3, '0%', '完成值超出指标值该比例以上时提示说明原因'],
  ['完成率先舍入', '否', null, '“是”：先将完成率、执行率舍入再计算得分'],
];

const RESULTS: [string, string | null][] = [
  ['预算执行率', PERCENT], ['预算执行率得分', SCORE], ['指标得分合计', SCORE], ['总分', SCORE], ['满分', SCORE],
  ['评价等级', null], ['预算调整率', PERCENT], ['基本支出执行率', PERCENT], ['项目支出执行率', PERCENT], ['提示', null],
];

const BLANK_PROJECT_ROWS = 10;
const BLANK_INDICATOR_ROWS = 20;

class SheetBuilder {
  readonly sheet: TemplateSheet;
  constructor(name: string) {
    this.sheet = { name, cells: {}, styles: [] };
  }
  set(row: number, col: number, cell: TemplateCell): void {
    const key = row + ',' + col;
    const old = this.sheet.cells[key] || {};
    this.sheet.cells[key] = { ...old, ...cell };
  }
  value(row: number, col: number, value: string | number | null | undefined): void {
    if (value !== null && value !== undefined) this.set(row, col, { value });
  }
  format(row: number, col: number, numberFormat: string): void {
    this.set(row, col, { numberFormat });
  }
  formatRows(first: number, last: number, col: number, numberFormat: string): void {
    for (let r = first; r <= last; r++) this.format(r, col, numberFormat);
  }
  style(row: number, col: number, rows: number, cols: number, style: TemplateStyle): void {
    const range = a1(row, col) + (rows * cols > 1 ? ':' + a1(row + rows - 1, col + cols - 1) : '');
    this.sheet.styles.push({ range, style });
  }
  row(row: number, values: (string | number)[], style?: TemplateStyle): void {
    values.forEach((v, c) => this.value(row, c, v));
    if (style) this.style(row, 0, 1, values.length, style);
  }
}

function budgetSheet(example: boolean): { sheet: TemplateSheet; names: TemplateName[] } {
  const b = new SheetBuilder('预算执行');
  b.row(0, [`${example ? '2023' : '____'}年度部门整体支出绩效自评表——预算执行情况`], 'title');
  b.row(1, [`单位：${example ? UNIT_NAME : '________________________'}　　金额单位：万元`]);
  b.row(3, ['资金项目', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '调整率'], 'header');
  BUDGET_ROWS.forEach(([label, initial, budget, actual, weight], i) => {
    const r = 4 + i;
    b.value(r, 0, label);
    if (example) {
      b.value(r, 1, initial);
      b.value(r, 2, budget);
      b.value(r, 3, actual);
    }
    b.value(r, 4, weight);
  });
  for (const col of [1, 2, 3]) b.formatRows(4, 8, col, AMOUNT);
  b.formatRows(4, 8, 5, PERCENT);
  b.formatRows(4, 8, 7, PERCENT);
  b.format(4, 6, SCORE);
  b.style(4, 5, 5, 1, 'output');
  b.style(4, 6, 1, 1, 'output');
  b.style(4, 7, 5, 1, 'output');

  b.row(10, ['项目支出明细'], 'section');
  b.row(11, ['项目名称', '全年预算数', '全年执行数', '执行率'], 'header');
  const count = example ? PROJECTS.length : BLANK_PROJECT_ROWS;
  const first = 12;
  const last = first + count - 1;
  const total = last + 1;
  if (example) PROJECTS.forEach((p, i) => b.row(first + i, p));
  b.formatRows(first, total, 1, AMOUNT);
  b.formatRows(first, total, 2, AMOUNT);
  b.formatRows(first, total, 3, PERCENT);
  b.style(first, 3, count, 1, 'output');
  const r1 = first + 1;
  const r2 = last + 1;
  const t = total + 1;
  b.value(total, 0, '合计');
  b.set(total, 1, { formula: `=SUM(B${r1}:B${r2})` });
  b.set(total, 2, { formula: `=SUM(C${r1}:C${r2})` });
  b.set(total, 3, { formula: `=IF(B${t}=0,"",C${t}/B${t})` });
  return {
    sheet: b.sheet,
    names: [
      { name: '预算执行', sheet: '预算执行', range: 'A4:H9' },
      { name: '项目支出', sheet: '预算执行', range: `A12:D${t}` },
    ],
  };
}

function indicatorSheet(example: boolean): { sheet: TemplateSheet; names: TemplateName[] } {
  const b = new SheetBuilder('绩效指标');
  b.row(0, [`${example ? '2023' : '____'}年度部门整体支出绩效自评表——绩效指标完成情况`], 'title');
  b.row(1, [`单位：${example ? UNIT_NAME : '________________________'}　　金额单位：万元`]);
  b.row(2, INDICATOR_HEADERS, 'header');
  const count = example ? INDICATORS.length : BLANK_INDICATOR_ROWS;
  const first = 3;
  const last = first + count - 1;
  b.formatRows(first, last, 10, SCORE);
  b.formatRows(first, last, 11, PERCENT);
  b.formatRows(first, last, 12, SCORE);
  b.style(first, 11, count, 3, 'output');
  if (example) {
    INDICATORS.forEach((ind, i) => {
      const r = first + i;
      const prev = INDICATORS[i - 1];
      // 一级/二级指标 only in the top cell of each group (merged cells in the bundled workbook)
      if (!prev || prev.level1 !== ind.level1) b.value(r, 0, ind.level1);
      if (!prev || prev.level1 !== ind.level1 || prev.level2 !== ind.level2) b.value(r, 1, ind.level2);
      b.value(r, 2, ind.name);
      b.value(r, 3, ind.op);
      b.value(r, 4, ind.targetText ?? ind.target);
      if (ind.unit === '万元' && !ind.targetText) b.format(r, 4, AMOUNT);
      b.value(r, 5, ind.unit);
      if (ind.adjusted !== null) {
        b.value(r, 6, ind.adjusted);
        b.format(r, 6, AMOUNT);
      }
      b.value(r, 7, ind.midYear);
      b.value(r, 8, ind.actual);
      const valueFormat = ind.unit === '%' ? PERCENT : ind.unit === '万元' ? AMOUNT : null;
      if (valueFormat) {
        b.format(r, 7, valueFormat);
        b.format(r, 8, valueFormat);
      }
      b.value(r, 9, ind.weight);
      b.value(r, 14, ind.reason);
      b.value(r, 15, ind.measure);
    });
  }
  return { sheet: b.sheet, names: [{ name: '绩效指标', sheet: '绩效指标', range: `A3:P${last + 1}` }] };
}

function resultSheet(example: boolean): { sheet: TemplateSheet; names: TemplateName[] } {
  const b = new SheetBuilder('评价结果');
  b.row(0, ['评分规则与评价结果'], 'title');
  b.row(1, [`单位：${example ? UNIT_NAME : '________________________'}`]);
  b.row(2, ['评分规则'], 'section');
  RULES.forEach(([label, value, format, note], i) => {
    b.row(3 + i, [label, value, note]);
    if (format) b.format(3 + i, 1, format);
  });
  b.row(12, ['评价结果'], 'section');
  RESULTS.forEach(([label, format], i) => {
    b.value(13 + i, 0, label);
    if (format) b.format(13 + i, 1, format);
  });
  b.style(13, 1, RESULTS.length, 1, 'output');
  return {
    sheet: b.sheet,
    names: [
      { name: '评分规则', sheet: '评价结果', range: 'A4:B11' },
      { name: '评价结果', sheet: '评价结果', range: 'A14:B23' },
    ],
  };
}

export function templateLayout(kind: TemplateKind): TemplateLayout {
  const example = kind === 'example';
  const parts = [budgetSheet(example), indicatorSheet(example), resultSheet(example)];
  const names: TemplateName[] = [];
  for (const part of parts) for (const n of part.names) names.push(n);
  return { sheets: parts.map((p) => p.sheet), names };
}

// ---------------------------------------------------------------------------
// 项目支出: one sheet per project in the national layout (财预〔2020〕10号 附件 项目支出绩效自评表)

/** Which form 插入模板 adds: the department's five workbook-scoped names, or one project sheet with its own. */
export type TemplateForm = 'department' | 'project';

/** A project sheet and its two sheet-scoped names (`range` on that sheet). */
export interface ProjectTemplate {
  sheet: TemplateSheet;
  names: { name: string; range: string }[];
  /** The merged areas of the bundled file (assets/模板-项目支出.xlsx); 插入模板 leaves the cells unmerged. */
  merges: string[];
}

interface ProjectIndicator {
  level1: string;
  level2: string;
  name?: string;
  target?: string | number;
  actual?: string | number;
  actualFormat?: string;
  weight?: number;
  reason?: string;
}

/** The blank form's rows: the 二级指标 of each 一级指标, as the national form lists them. */
const BLANK_FORM_ROWS: ProjectIndicator[] = [
  { level1: '产出指标', level2: '数量指标' },
  { level1: '产出指标', level2: '数量指标' },
  { level1: '产出指标', level2: '质量指标' },
  { level1: '产出指标', level2: '质量指标' },
  { level1: '产出指标', level2: '时效指标' },
  { level1: '产出指标', level2: '成本指标' },
  { level1: '效益指标', level2: '经济效益指标' },
  { level1: '效益指标', level2: '社会效益指标' },
  { level1: '效益指标', level2: '社会效益指标' },
  { level1: '效益指标', level2: '生态效益指标' },
  { level1: '效益指标', level2: '可持续影响指标' },
  { level1: '满意度指标', level2: '服务对象满意度指标' },
  { level1: '满意度指标', level2: '服务对象满意度指标' },
];

/**
 * The example: 社区工资社保及工作经费项目 of the seed report (469.81 万元
 * budget, 215.96 executed); its indicators are made up for such a project.
 * Scores 93.17, 优 (docs/workbook-contract.md).
 */
const EXAMPLE_PROJECT = {
  title: '社区工资社保及工作经费项目',
  unit: UNIT_NAME,
  funds: [
    [null, 469.81, 215.96],
    [null, 469.81, 215.96],
    [null, null, null],
    [null, null, null],
  ] as (number | null)[][],
  goals: ['保障社区工作人员工资社保按时足额发放，保障社区正常运转，更好地服务居民。', '工资社保按月发放，部分经费在审批中，未能全部支付。'],
  rows: [
    { level1: '产出指标', level2: '数量指标', name: '保障社区工作人员人数', target: '≥120人', actual: '118人', weight: 15, reason: '年中2人离职，岗位正在招聘。' },
    { level1: '产出指标', level2: '数量指标', name: '覆盖社区个数', target: '=8个', actual: 8, weight: 10 },
    { level1: '产出指标', level2: '质量指标', name: '工资社保足额发放率', target: '100%', actual: '100%', weight: 10 },
    { level1: '产出指标', level2: '时效指标', name: '工资按月发放及时率', target: '≥95%', actual: 0.9167, actualFormat: PERCENT, weight: 10, reason: '12月工资因审批延后发放；下年提前办理审批。' },
    { level1: '产出指标', level2: '成本指标', name: '人均工资社保经费', target: '≤3.9万元', actual: 3.85, weight: 5 },
    { level1: '效益指标', level2: '社会效益指标', name: '社区服务事项办结率', target: '≥90%', actual: '85%', weight: 15, reason: '部分事项需跨部门办理；建立限时办结台账。' },
    { level1: '效益指标', level2: '可持续影响指标', name: '社区工作队伍稳定性', target: '保持稳定', actual: '达成年度指标', weight: 15 },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '社区居民满意度', target: '≥90%', actual: '92%', weight: 10 },
  ] as ProjectIndicator[],
};

const FUND_LABELS = ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'];
const FUND_HEADERS = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
const PROJECT_INDICATOR_HEADERS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
const DASH = '—';

/**
 * One project sheet of the national form, blank or with the example:
 * title block, 项目资金（万元） A5:H9 (row labels in B under a blank header,
 * 分值 10 on the first row, dashes in the 分值/得分 cells of the breakdown
 * rows), 年度总体目标, 绩效指标 A12:I… ending with the 总分 row (its 得分
 * receives the total). Names: 预算执行 A5:H9 and 绩效指标 A12:I(总分), both
 * scoped to the sheet; no 评价结果 (the 总分 row is the place of the total).
 */
export function projectTemplate(kind: TemplateKind, sheetName: string): ProjectTemplate {
  const example = kind === 'example';
  const b = new SheetBuilder(sheetName);
  const merges: string[] = ['A1:I1', 'A2:I2', 'B3:I3', 'B4:E4', 'G4:I4', 'A5:A9', 'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11'];
  b.row(0, [example ? '项目支出绩效自评表（示例）' : '项目支出绩效自评表'], 'title');
  b.row(1, [example ? '（2023年度）资金数据取自二工片区2023年度自评报告，绩效指标为示意' : '（____年度）']);
  b.value(2, 0, '项目名称');
  b.value(3, 0, '主管部门');
  b.value(3, 5, '实施单位');
  if (example) {
    b.value(2, 1, EXAMPLE_PROJECT.title);
    b.value(3, 1, EXAMPLE_PROJECT.unit);
    b.value(3, 6, EXAMPLE_PROJECT.unit);
  }
  b.value(4, 0, '项目资金（万元）');
  FUND_HEADERS.forEach((h, i) => b.value(4, 2 + i, h));
  b.style(4, 0, 1, 8, 'header');
  FUND_LABELS.forEach((label, i) => {
    const r = 5 + i;
    b.value(r, 1, label);
    const funds = example ? EXAMPLE_PROJECT.funds[i] : [null, null, null];
    funds.forEach((v, j) => b.value(r, 2 + j, v));
    b.value(r, 5, i === 0 ? 10 : DASH);
    if (i > 0) b.value(r, 7, DASH);
    merges.push(`H${r + 1}:I${r + 1}`);
  });
  merges.push('H5:I5');
  for (const col of [2, 3, 4]) b.formatRows(5, 8, col, AMOUNT);
  b.formatRows(5, 8, 6, PERCENT);
  b.format(5, 7, SCORE);
  b.style(5, 6, 4, 1, 'output');
  b.style(5, 7, 1, 1, 'output');

  b.value(9, 0, '年度总体目标');
  b.value(9, 1, '预期目标');
  b.value(9, 5, '实际完成情况');
  b.style(9, 0, 1, 9, 'header');
  if (example) {
    b.value(10, 1, EXAMPLE_PROJECT.goals[0]);
    b.value(10, 5, EXAMPLE_PROJECT.goals[1]);
  }

  b.value(11, 0, '绩效指标');
  PROJECT_INDICATOR_HEADERS.forEach((h, i) => b.value(11, 1 + i, h));
  b.style(11, 0, 1, 9, 'header');
  const rows = example ? EXAMPLE_PROJECT.rows : BLANK_FORM_ROWS;
  const first = 12;
  rows.forEach((ind, i) => {
    const r = first + i;
    const prev = rows[i - 1];
    if (!prev || prev.level1 !== ind.level1) b.value(r, 1, ind.level1);
    if (!prev || prev.level1 !== ind.level1 || prev.level2 !== ind.level2) b.value(r, 2, ind.level2);
    b.value(r, 3, ind.name);
    b.value(r, 4, ind.target);
    b.value(r, 5, ind.actual);
    if (ind.actualFormat) b.format(r, 5, ind.actualFormat);
    b.value(r, 6, ind.weight);
    b.value(r, 8, ind.reason);
  });
  const total = first + rows.length;
  for (const [col, letter] of [[1, 'B'], [2, 'C']] as [number, string][]) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const key = (ind: ProjectIndicator) => (col === 1 ? ind.level1 : ind.level1 + '\u0000' + ind.level2);
      if (i === rows.length || key(rows[i]) !== key(rows[start])) {
        if (i - 1 > start) merges.push(`${letter}${first + start + 1}:${letter}${first + i}`);
        start = i;
      }
    }
  }
  merges.push(`A12:A${total}`);
  b.formatRows(first, total, 7, SCORE);
  b.style(first, 7, rows.length + 1, 1, 'output');
  b.value(total, 0, '总分');
  b.value(total, 6, 100);
  merges.push(`A${total + 1}:F${total + 1}`);
  return {
    sheet: b.sheet,
    names: [
      { name: '预算执行', range: 'A5:H9' },
      { name: '绩效指标', range: `A12:I${total + 1}` },
    ],
    merges,
  };
}

/** A new project sheet is called 项目1, 项目2, …: the first number no sheet has. */
export const PROJECT_SHEET_PREFIX = '项目';
