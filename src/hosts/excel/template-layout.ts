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
  unit: string;
  adjusted: number | null;
  midYear: number;
  actual: number;
  weight: number;
  reason: string | null;
  measure: string | null;
}

const INDICATORS: Indicator[] = [
  { level1: '产出指标', level2: '成本指标', name: '公务用车经费下降率', op: '≥', target: 5, unit: '%', adjusted: null, midYear: 0, actual: 0, weight: 8,
    reason: '由于油价上涨及车辆老旧，公务用车经费预算4.31万元，全部使用，未能下降。', measure: '严格执行公务用车制度，合理使用车辆，减少非必要用车。' },
  { level1: '产出指标', level2: '成本指标', name: '预算经费', op: '≤', target: 4135.45, unit: '万元', adjusted: 4978.49, midYear: 2582.26, actual: 4637.81, weight: 12,
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
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '受益人员满意度', op: '≥', target: 95, unit: '%', adjusted: null, midYear: 0.95, actual: 0.99, weight: 10,
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
      b.value(r, 4, ind.target);
      if (ind.unit === '万元') b.format(r, 4, AMOUNT);
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
