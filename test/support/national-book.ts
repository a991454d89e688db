/**
 * A department's self-evaluation workbook as accountants hand it in (forms
 * issue §1–2): one 部门整体 sheet with the workbook-scoped names (the seed's
 * 二工片区 2023, as in assets/示例-二工片区2023.xlsx) and one sheet per
 * project in the layout of the national 项目支出绩效自评表 (财预〔2020〕10号
 * 附件), each with its own sheet-scoped 预算执行 and 绩效指标 and no 评价结果:
 * the form's 总分 row is the place of the total. The five projects, budgets and
 * executions are the seed report's (../shared/seeds/000_d5d6c9d142e200a0.txt);
 * the indicators are made up for such projects.
 *
 * The shapes are those LibreOffice and WPS leave: merged cells (the block
 * labels 项目资金（万元） and 绩效指标 down column A, 一级/二级指标 down their
 * blocks, 总分 across A:F), numbers typed as text ("13.50", "118人"), the
 * breakdown row written 其中：当年财政拨款, dashes in the 分值/得分 cells of the
 * breakdown rows, a 小计 row per 一级指标 block in one project, the user's
 * own formula in a 总分 cell (one right, one stale) and a 自评等级 row.
 *
 * Every figure the hosts must produce is worked out by hand below, from the
 * rules in docs/workbook-contract.md, next to the data it comes from. The
 * .xlsx is written by national-xlsx.ts (ExcelJS, which jsdom tests cannot load).
 */
import type { CellInput, ContractName, NameResolution, WorkbookInput } from '../../src/workbook/cells';
import { FakeWorkbook } from '../fakes/office';
import { parseRef, range, seedWorkbook } from './grid';

export type Value = string | number | { formula: string; result: number | string } | null;

export interface ModelCell {
  value: Value;
  numFmt?: string;
}

export interface ModelSheet {
  name: string;
  /** A1 → cell. */
  cells: Map<string, ModelCell>;
  /** `A5:A9` */
  merges: string[];
}

/** A defined name: `scope` null for the workbook's, else the sheet whose own name it is. */
export interface ScopedName {
  name: ContractName;
  scope: string | null;
  /** `'社区工资社保'!$A$5:$H$9` */
  ref: string;
}

export interface BookModel {
  sheets: ModelSheet[];
  names: ScopedName[];
}

// ---------------------------------------------------------------------------
// The national form

interface IndicatorSpec {
  level2: string;
  name: string;
  target: Value;
  actual: Value;
  weight: number;
  /** 偏差原因分析及改进措施 */
  reason?: string;
}

interface BlockSpec {
  level1: string;
  rows: IndicatorSpec[];
}

type Funds = [initial: Value, budget: Value, actual: Value];

export interface ProjectSpec {
  sheet: string;
  title: string;
  /** 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金 */
  funds: [Funds, Funds, Funds, Funds];
  goals: [expected: string, achieved: string];
  blocks: BlockSpec[];
  /** A 小计 row closes each 一级指标 block (a local variant of the form). */
  subtotals?: boolean;
  /** The 总分 row's 得分 cell holds the user's formula with this cached result. */
  totalFormula?: { formula: string; result: number };
  /** A 自评等级 row below the 总分 row. */
  gradeRow?: boolean;
}

const PCT = '0.00%';
const DASH = '—';
const DEPARTMENT_NAME = '高新区(新市区)二工片区管理委员会';

const p = (value: number): ModelCell => ({ value, numFmt: PCT });

/**
 * The five projects of the seed report (项目支出 1281.14 budget, 1005.45
 * executed) and what each must score. 预算执行率 = 全年执行数 ÷ 全年预算数,
 * written to 4 places; its score 10 × the unrounded rate, to 2 places; each
 * indicator's score to 2 places; 总分 = execution score + Σ indicator scores;
 * grade 优 ≥ 90 > 良 ≥ 80 > 中 ≥ 60 > 差 (the department's 评分规则, which
 * every project uses: they have none of their own).
 */
export const PROJECTS: ProjectSpec[] = [
  {
    sheet: '社区工资社保',
    title: '社区工资社保及工作经费项目',
    funds: [
      [null, 469.81, 215.96],
      [null, 469.81, 215.96],
      [null, null, null],
      [null, null, null],
    ],
    goals: ['保障社区工作人员工资社保按时足额发放，保障社区正常运转，更好地服务居民。', '工资社保按月发放，部分经费在审批中，未能全部支付。'],
    blocks: [
      {
        level1: '产出指标',
        rows: [
          { level2: '数量指标', name: '保障社区工作人员人数', target: '≥120人', actual: '118人', weight: 15, reason: '年中2人离职，岗位正在招聘。' },
          { level2: '数量指标', name: '覆盖社区个数', target: '=8个', actual: 8, weight: 10 },
          { level2: '质量指标', name: '工资社保足额发放率', target: '100%', actual: '100%', weight: 10 },
          { level2: '时效指标', name: '工资按月发放及时率', target: '≥95%', actual: p(0.9167).value, weight: 10, reason: '12月工资因审批延后发放；下年提前办理审批。' },
          { level2: '成本指标', name: '人均工资社保经费', target: '≤3.9万元', actual: 3.85, weight: 5 },
        ],
      },
      {
        level1: '效益指标',
        rows: [
          { level2: '社会效益指标', name: '社区服务事项办结率', target: '≥90%', actual: '85%', weight: 15, reason: '部分事项需跨部门办理；建立限时办结台账。' },
          { level2: '可持续影响指标', name: '社区工作队伍稳定性', target: '保持稳定', actual: '达成年度指标', weight: 15 },
        ],
      },
      { level1: '满意度指标', rows: [{ level2: '服务对象满意度指标', name: '社区居民满意度', target: '≥90%', actual: '92%', weight: 10 }] },
    ],
  },
  {
    sheet: '基层监督建设',
    title: '基层监督建设补助项目',
    // Typed as text, as a form filled in WPS often has them.
    funds: [
      [null, '13.50', '13.31'],
      [null, '13.50', '13.31'],
      [null, null, null],
      [null, null, null],
    ],
    goals: ['开展基层监督检查，推动问题整改，提高基层监督工作保障水平。', '全年开展监督检查26次，问题整改完成率90%。'],
    subtotals: true,
    blocks: [
      {
        level1: '产出指标',
        rows: [
          { level2: '数量指标', name: '开展监督检查次数', target: '≥24次', actual: '26次', weight: 20 },
          { level2: '质量指标', name: '问题整改完成率', target: '≥95%', actual: '90%', weight: 15, reason: '2个问题整改周期长，跨年完成。' },
          { level2: '时效指标', name: '监督事项按期办结率', target: '100%', actual: '100%', weight: 15 },
        ],
      },
      { level1: '效益指标', rows: [{ level2: '社会效益指标', name: '群众反映问题解决率', target: '≥90%', actual: '95%', weight: 30 }] },
      { level1: '满意度指标', rows: [{ level2: '服务对象满意度指标', name: '群众满意度', target: '≥90%', actual: '88%', weight: 10, reason: '加强回访。' }] },
    ],
    // The user adds the execution score and the three 小计 cells (rows 6, 16, 18, 20 of this layout): 98.85, as ours.
    totalFormula: { formula: 'H6+H16+H18+H20', result: 98.85 },
  },
  {
    sheet: '免费开放补助',
    title: '公共美术馆、图书馆、文化馆免费开放补助资金项目',
    funds: [
      [null, '24.40', '2.75'],
      [null, '24.40', '2.75'],
      [null, null, null],
      [null, null, null],
    ],
    goals: ['保障辖区公共文化场馆免费开放，提高辖区居民文化活动水平。', '3个场馆免费开放；受场地改造影响，公益活动未按计划举办。'],
    blocks: [
      {
        level1: '产出指标',
        rows: [
          { level2: '数量指标', name: '免费开放场馆个数', target: '3个', actual: 3, weight: 15 },
          { level2: '数量指标', name: '举办公益文化活动场次', target: '≥12场', actual: '4场', weight: 15, reason: '场地改造，活动暂停；改造完成后补办。' },
          { level2: '质量指标', name: '场馆免费开放率', target: '100%', actual: '100%', weight: 10 },
          { level2: '时效指标', name: '资金支付及时率', target: '≥90%', actual: '11.27%', weight: 10, reason: '改造项目未结算，资金未支付。' },
        ],
      },
      {
        level1: '效益指标',
        rows: [
          { level2: '社会效益指标', name: '居民文化活动参与人次', target: '≥3000人次', actual: '1200人次', weight: 20, reason: '活动场次减少。' },
          { level2: '可持续影响指标', name: '公共文化服务水平', target: '有所提升', actual: '部分达成年度指标并具有一定效果', weight: 10 },
        ],
      },
      { level1: '满意度指标', rows: [{ level2: '服务对象满意度指标', name: '群众满意度', target: '≥90%', actual: '85%', weight: 10, reason: '改造期间开放时间缩短。' }] },
    ],
    // A stale formula result from an earlier draft: left alone, and said to differ.
    totalFormula: { formula: 'SUM(H6,H13:H19)', result: 60 },
    gradeRow: true,
  },
  {
    sheet: '疫情防控补助',
    title: '疫情防控补助项目',
    funds: [
      [null, 40.72, 40.72],
      [null, 40.72, 40.72],
      [null, null, null],
      [null, null, null],
    ],
    goals: ['落实辖区疫情防控各项措施。', '全部落实。'],
    blocks: [
      {
        level1: '产出指标',
        rows: [
          { level2: '数量指标', name: '采样点运行数', target: '≥5个', actual: 5, weight: 20 },
          { level2: '质量指标', name: '防疫物资合格率', target: '100%', actual: '100%', weight: 15 },
          { level2: '成本指标', name: '防控经费支出', target: '≤38万元', actual: 40.72, weight: 15, reason: '下半年增加采样点，支出超出。' },
        ],
      },
      { level1: '效益指标', rows: [{ level2: '社会效益指标', name: '防控措施落实率', target: '100%', actual: '100%', weight: 30 }] },
      { level1: '满意度指标', rows: [{ level2: '服务对象满意度指标', name: '群众满意度', target: '≥90%', actual: '96%', weight: 10 }] },
    ],
  },
  {
    sheet: '国企退休人员管理',
    title: '国有企业退休人员社会化管理补助资金',
    funds: [
      [732.71, 732.71, 732.71],
      [700, 700, 700],
      [32.71, 32.71, 32.71],
      [null, null, null],
    ],
    goals: ['保障企退管理工作人员工资待遇，提高企业退管工作水平。', '全部完成。'],
    blocks: [
      {
        level1: '产出指标',
        rows: [
          { level2: '数量指标', name: '纳入社会化管理退休人员数', target: '≥1500人', actual: 1526, weight: 20 },
          { level2: '质量指标', name: '管理服务档案完整率', target: '≥98%', actual: '99%', weight: 15 },
          { level2: '时效指标', name: '补助资金按时拨付率', target: '100%', actual: '100%', weight: 15 },
        ],
      },
      {
        level1: '效益指标',
        rows: [
          { level2: '社会效益指标', name: '退休人员生活保障水平', target: '稳步提高', actual: '达成年度指标', weight: 15 },
          { level2: '可持续影响指标', name: '社会化管理服务长效机制', target: '建立健全', actual: '全部达成', weight: 15 },
        ],
      },
      { level1: '满意度指标', rows: [{ level2: '服务对象满意度指标', name: '退休人员满意度', target: '≥95%', actual: '97%', weight: 10 }] },
    ],
  },
];

/** What one evaluation must score, and the cells of its sheet that receive each figure. */
export interface Expected {
  scope: string | null;
  total: string;
  grade: string;
  executionRate: string;
  executionScore: string;
  indicatorScores: string[];
  /** Cell (A1 on the evaluation's sheet) → value written; cells not listed here are not written, except those in `others`. */
  cells: Record<string, string | number>;
  /** Warning codes, in order. */
  warnings: string[];
}

/*
 * Hand computation, project by project (layout: 预算执行 A5:H9, total row 6,
 * breakdown rows 7–9; indicators from row 13, 得分 in column H).
 *
 * 社区工资社保 — 215.96 ÷ 469.81 = 0.459675…  (469.81 × 0.4596 = 215.924676; the rest 0.035324 ÷ 469.81 = 0.0000752)
 *   → 执行率 45.97%, score 10 × 0.459675… = 4.59675… → 4.60; 其中：当年财政拨款 the same rate (G7).
 *   保障社区工作人员人数 118 < 120: 15 × 118 ÷ 120 = 14.75; 覆盖社区个数 8 = 8: 10; 足额发放率 100% ≥ 100%: 10;
 *   按月发放及时率 91.67% < 95%: 10 × 0.9167 ÷ 0.95 = 9.6494… → 9.65; 人均经费 3.85 ≤ 3.9: 5;
 *   办结率 85% < 90%: 15 × 0.85 ÷ 0.9 = 14.1666… → 14.17; 队伍稳定性 达成年度指标 = tier A, top of band: 15 (to confirm);
 *   居民满意度 92% ≥ 90%: 10.
 *   Σ = 14.75 + 10 + 10 + 9.65 + 5 + 14.17 + 15 + 10 = 88.57; 总分 4.60 + 88.57 = 93.17 → 优.
 *
 * 基层监督建设 — "13.31" ÷ "13.50" = 0.985925…  (13.50 × 0.985 = 13.2975; the rest 0.0125 ÷ 13.50 = 0.000925…)
 *   → 98.59%, 9.85925… → 9.86.
 *   检查次数 26 ≥ 24: 20; 整改完成率 90% < 95%: 15 × 0.9 ÷ 0.95 = 14.2105… → 14.21; 按期办结率: 15
 *   → 小计 (row 16) 20 + 14.21 + 15 = 49.21; 问题解决率 95% ≥ 90%: 30 → 小计 (row 18) 30.00;
 *   群众满意度 88% < 90%: 10 × 0.88 ÷ 0.9 = 9.7777… → 9.78 → 小计 (row 20) 9.78.
 *   总分 9.86 + 49.21 + 30 + 9.78 = 98.85 → 优; the user's formula in H21 gives 98.85 too: left alone, no warning.
 *
 * 免费开放补助 — "2.75" ÷ "24.40" = 0.112704… → 11.27%, 1.12704… → 1.13.
 *   场馆个数 3 ≥ 3: 15; 活动场次 4 < 12: 15 × 4 ÷ 12 = 5; 开放率: 10; 支付及时率 11.27% < 90%:
 *   10 × 0.1127 ÷ 0.9 = 1.2522… → 1.25; 参与人次 1200 < 3000: 20 × 0.4 = 8; 服务水平 部分达成… = tier B,
 *   band [6, 8): top 8 − 0.01 = 7.99 (to confirm); 满意度 85% < 90%: 10 × 0.85 ÷ 0.9 = 9.444… → 9.44.
 *   Σ = 15 + 5 + 10 + 1.25 + 8 + 7.99 + 9.44 = 56.68; 总分 1.13 + 56.68 = 57.81 → 差 (below 60).
 *   H20 holds the user's stale formula (60): left alone, with a warning; the 自评等级 row below gets 差 in H21.
 *
 * 疫情防控补助 — 40.72 ÷ 40.72 = 1 → 100.00%, 10.00.
 *   采样点 5 ≥ 5: 20; 合格率: 15; 经费 40.72 > 38 (reverse, 偏差扣分): 15 × (1 − 2.72 ÷ 38) = 15 × 35.28 ÷ 38
 *   = 13.9263… → 13.93, 完成率 40.72 ÷ 38 = 107.16%; 落实率: 30; 满意度 96% ≥ 90%: 10.
 *   总分 10 + 20 + 15 + 13.93 + 30 + 10 = 98.93 → 优.
 *
 * 国企退休人员管理 — 732.71 ÷ 732.71 = 1 → 100.00%, 10.00; 年初 = 全年, so no 调整率 column to write anyway;
 *   其中：当年财政拨款 700 + 上年结转资金 32.71 = 732.71 (其他资金 blank: the sum is not checked without it);
 *   both parts 100.00% (G7, G8).
 *   人员数 1526 ≥ 1500: 20; 档案完整率 99% ≥ 98%: 15; 拨付率: 15; 生活保障 tier A: 15; 长效机制 全部达成 = tier A: 15
 *   (both to confirm); 满意度 97% ≥ 95%: 10. 总分 10 + 90 = 100.00 → 优.
 *
 * 部门整体 — the seed: 81.53, 良 (docs/workbook-contract.md §7), its 项目支出 rows the five projects above.
 */
export const EXPECTED: Expected[] = [
  {
    scope: null,
    total: '81.53',
    grade: '良',
    executionRate: '0.9316',
    executionScore: '9.32',
    indicatorScores: ['0.00', '12.00', '9.42', '8.00', '9.99', '15.00', '7.80', '10.00'],
    // 预算执行 A4:H9 (total row 5), 评价结果 A42:B51 (预算执行率 B42 … 总分 B45, 评价等级 B47).
    cells: { G5: 9.32, B42: 0.9316, B45: 81.53, B47: '良' },
    warnings: [],
  },
  {
    scope: '社区工资社保',
    total: '93.17',
    grade: '优',
    executionRate: '0.4597',
    executionScore: '4.60',
    indicatorScores: ['14.75', '10.00', '10.00', '9.65', '5.00', '14.17', '15.00', '10.00'],
    cells: { G6: 0.4597, H6: 4.6, G7: 0.4597, H13: 14.75, H14: 10, H15: 10, H16: 9.65, H17: 5, H18: 14.17, H19: 15, H20: 10, H21: 93.17 },
    warnings: ['qualitativeConfirm'],
  },
  {
    scope: '基层监督建设',
    total: '98.85',
    grade: '优',
    executionRate: '0.9859',
    executionScore: '9.86',
    indicatorScores: ['20.00', '14.21', '15.00', '30.00', '9.78'],
    cells: { G6: 0.9859, H6: 9.86, G7: 0.9859, H13: 20, H14: 14.21, H15: 15, H16: 49.21, H17: 30, H18: 30, H19: 9.78, H20: 9.78 },
    warnings: [],
  },
  {
    scope: '免费开放补助',
    total: '57.81',
    grade: '差',
    executionRate: '0.1127',
    executionScore: '1.13',
    indicatorScores: ['15.00', '5.00', '10.00', '1.25', '8.00', '7.99', '9.44'],
    cells: { G6: 0.1127, H6: 1.13, G7: 0.1127, H13: 15, H14: 5, H15: 10, H16: 1.25, H17: 8, H18: 7.99, H19: 9.44, H21: '差' },
    warnings: ['qualitativeConfirm', 'formFormulaDiffers'],
  },
  {
    scope: '疫情防控补助',
    total: '98.93',
    grade: '优',
    executionRate: '1.0000',
    executionScore: '10.00',
    indicatorScores: ['20.00', '15.00', '13.93', '30.00', '10.00'],
    cells: { G6: 1, H6: 10, G7: 1, H13: 20, H14: 15, H15: 13.93, H16: 30, H17: 10, H18: 98.93 },
    warnings: [],
  },
  {
    scope: '国企退休人员管理',
    total: '100.00',
    grade: '优',
    executionRate: '1.0000',
    executionScore: '10.00',
    indicatorScores: ['20.00', '15.00', '15.00', '15.00', '15.00', '10.00'],
    cells: { G6: 1, H6: 10, G7: 1, G8: 1, H13: 20, H14: 15, H15: 15, H16: 15, H17: 15, H18: 10, H19: 100 },
    warnings: ['qualitativeConfirm', 'qualitativeConfirm'],
  },
];

/** Where the rows of a project sheet are (1-based Excel rows). */
export interface ProjectLayout {
  indicatorRows: number[];
  subtotalRows: number[];
  totalRow: number;
  gradeRow: number | null;
}

class Sheet {
  readonly model: ModelSheet;
  constructor(name: string) {
    this.model = { name, cells: new Map(), merges: [] };
  }
  set(ref: string, value: Value | ModelCell): void {
    const cell = value !== null && typeof value === 'object' && !('formula' in value) ? value : { value: value as Value };
    if (cell.value === null && cell.numFmt === undefined) return;
    this.model.cells.set(ref, cell);
  }
  merge(ref: string): void {
    this.model.merges.push(ref);
  }
}

const quote = (sheet: string) => "'" + sheet.replace(/'/g, "''") + "'";

/** One project sheet in the national layout, with its two sheet-scoped names. */
export function projectSheet(spec: ProjectSpec): { sheet: ModelSheet; names: ScopedName[]; layout: ProjectLayout } {
  const s = new Sheet(spec.sheet);
  s.set('A1', '项目支出绩效自评表');
  s.merge('A1:I1');
  s.set('A2', '（2023年度）');
  s.merge('A2:I2');
  s.set('A3', '项目名称');
  s.set('B3', spec.title);
  s.merge('B3:I3');
  s.set('A4', '主管部门');
  s.set('B4', DEPARTMENT_NAME);
  s.merge('B4:E4');
  s.set('F4', '实施单位');
  s.set('G4', DEPARTMENT_NAME);
  s.merge('G4:I4');

  // 项目资金（万元）: the block label merged down column A; the row labels in B under a blank header.
  s.set('A5', '项目资金（万元）');
  s.merge('A5:A9');
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => s.set(String.fromCharCode(67 + i) + '5', h));
  const labels = ['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金'];
  labels.forEach((label, i) => {
    const row = 6 + i;
    s.set('B' + row, label);
    const [initial, budget, actual] = spec.funds[i];
    s.set('C' + row, initial);
    s.set('D' + row, budget);
    s.set('E' + row, actual);
    s.set('F' + row, i === 0 ? 10 : DASH);
    s.set('G' + row, { value: null, numFmt: PCT });
    s.set('H' + row, i === 0 ? { value: null, numFmt: '0.00' } : DASH);
  });
  for (let row = 5; row <= 9; row++) s.merge(`H${row}:I${row}`);

  s.set('A10', '年度总体目标');
  s.merge('A10:A11');
  s.set('B10', '预期目标');
  s.merge('B10:E10');
  s.set('F10', '实际完成情况');
  s.merge('F10:I10');
  s.set('B11', spec.goals[0]);
  s.merge('B11:E11');
  s.set('F11', spec.goals[1]);
  s.merge('F11:I11');

  s.set('A12', '绩效指标');
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) =>
    s.set(String.fromCharCode(66 + i) + '12', h),
  );
  let row = 13;
  const indicatorRows: number[] = [];
  const subtotalRows: number[] = [];
  for (const block of spec.blocks) {
    const first = row;
    let runStart = row;
    block.rows.forEach((ind, i) => {
      if (i === 0) s.set('B' + row, block.level1);
      const prev = block.rows[i - 1];
      if (!prev || prev.level2 !== ind.level2) {
        if (row - 1 > runStart) s.merge(`C${runStart}:C${row - 1}`);
        runStart = row;
        s.set('C' + row, ind.level2);
      }
      if (i === block.rows.length - 1 && row > runStart) s.merge(`C${runStart}:C${row}`);
      s.set('D' + row, ind.name);
      s.set('E' + row, ind.target);
      s.set('F' + row, typeof ind.actual === 'number' && /%/.test(String(ind.target)) ? p(ind.actual) : ind.actual);
      s.set('G' + row, ind.weight);
      s.set('H' + row, { value: null, numFmt: '0.00' });
      if (ind.reason) s.set('I' + row, ind.reason);
      indicatorRows.push(row);
      row++;
    });
    if (spec.subtotals) {
      s.set('C' + row, '小计');
      s.merge(`C${row}:F${row}`);
      s.set('G' + row, block.rows.reduce((sum, r) => sum + r.weight, 0));
      s.set('H' + row, { value: null, numFmt: '0.00' });
      subtotalRows.push(row);
      row++;
    }
    if (row - 1 > first) s.merge(`B${first}:B${row - 1}`);
  }
  s.merge(`A12:A${row - 1}`);
  const totalRow = row;
  s.set('A' + row, '总分');
  s.merge(`A${row}:F${row}`);
  s.set('G' + row, 100);
  s.set('H' + row, spec.totalFormula ? { value: { formula: spec.totalFormula.formula, result: spec.totalFormula.result }, numFmt: '0.00' } : { value: null, numFmt: '0.00' });
  let gradeRow: number | null = null;
  if (spec.gradeRow) {
    row++;
    gradeRow = row;
    s.set('A' + row, '自评等级');
    s.merge(`A${row}:G${row}`);
    s.merge(`H${row}:I${row}`);
  }
  const q = quote(spec.sheet);
  return {
    sheet: s.model,
    names: [
      { name: '预算执行', scope: spec.sheet, ref: `${q}!$A$5:$H$9` },
      { name: '绩效指标', scope: spec.sheet, ref: `${q}!$A$12:$I$${row}` },
    ],
    layout: { indicatorRows, subtotalRows, totalRow, gradeRow },
  };
}

// ---------------------------------------------------------------------------
// The department's sheet: the seed, all five tables on one sheet

/** Where the seed's ranges go on sheet 部门整体 (top-left cells). */
const DEPARTMENT_AT: Record<ContractName, string> = { 预算执行: 'A4', 项目支出: 'A12', 绩效指标: 'A21', 评分规则: 'A32', 评价结果: 'A42' };
export const DEPARTMENT_SHEET = '部门整体';

function departmentSheet(): { sheet: ModelSheet; names: ScopedName[] } {
  const s = new Sheet(DEPARTMENT_SHEET);
  s.set('A1', '2023年度部门整体支出绩效自评表');
  s.merge('A1:H1');
  const seed = seedWorkbook();
  const names: ScopedName[] = [];
  for (const [name, topLeft] of Object.entries(DEPARTMENT_AT) as Array<[ContractName, string]>) {
    const res = seed[name];
    if (res.kind !== 'range') throw new Error('seed ' + name);
    const at = parseRef(topLeft);
    res.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const ref = letter(at.col + c) + (at.row + r + 1);
        const numFmt = cell.numberFormat === 'General' ? undefined : cell.numberFormat;
        if (cell.formula) {
          // The seed's own total row of 项目支出: sums of the five projects and their rate.
          const first = at.row + 2;
          const last = at.row + r;
          const col = letter(at.col + c);
          const formula = c < 3 ? `SUM(${col}${first}:${col}${last})` : `C${at.row + r + 1}/B${at.row + r + 1}`;
          s.set(ref, { value: { formula, result: cell.value as number }, numFmt });
        } else s.set(ref, { value: cell.value as Value, numFmt });
      }),
    );
    const end = letter(at.col + res.range.cols - 1) + (at.row + res.range.rows);
    names.push({ name, scope: null, ref: `${quote(DEPARTMENT_SHEET)}!$${letter(at.col)}$${at.row + 1}:$${end.replace(/(\d+)$/, '$$$1')}` });
  }
  return { sheet: s.model, names };
}

function letter(col: number): string {
  return String.fromCharCode(65 + col);
}

/** The whole workbook: 部门整体 first, then the five projects in the seed's order. */
export function nationalBook(projects: ProjectSpec[] = PROJECTS): BookModel & { layouts: ProjectLayout[] } {
  const department = departmentSheet();
  const sheets = [department.sheet];
  const names = [...department.names];
  const layouts: ProjectLayout[] = [];
  for (const spec of projects) {
    const built = projectSheet(spec);
    sheets.push(built.sheet);
    names.push(...built.names);
    layouts.push(built.layout);
  }
  return { sheets, names, layouts };
}

// ---------------------------------------------------------------------------
// Into the hosts

/** The model's cells as the contract reads them. */
export function cellInput(cell: ModelCell | undefined): CellInput {
  if (!cell || cell.value === null) return { value: null, numberFormat: cell?.numFmt ?? 'General', formula: false };
  if (typeof cell.value === 'object') return { value: cell.value.result, numberFormat: cell.numFmt ?? 'General', formula: true };
  return { value: cell.value, numberFormat: cell.numFmt ?? 'General', formula: false };
}

/** A name of the model as the contract reads it (a range of CellInput). */
export function resolution(model: BookModel, n: ScopedName): NameResolution {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(n.ref);
  if (!m) throw new Error('ref ' + n.ref);
  const sheet = model.sheets.find((s) => s.name === m[1].replace(/''/g, "'"))!;
  const top = parseRef(m[2] + m[3]);
  const bottom = parseRef(m[4] + m[5]);
  const rows = [];
  for (let r = top.row; r <= bottom.row; r++) {
    const line = [];
    for (let c = top.col; c <= bottom.col; c++) line.push(cellInput(sheet.cells.get(letter(c) + (r + 1))));
    rows.push(line);
  }
  return range(sheet.name, m[2] + m[3], rows);
}

/** One project sheet alone as a WorkbookInput (its own names read as if workbook-scoped; no 评分规则, no 评价结果). */
export function projectInput(spec: ProjectSpec): WorkbookInput {
  const { sheet, names } = projectSheet(spec);
  const model: BookModel = { sheets: [sheet], names };
  const missing: NameResolution = { kind: 'missing' };
  const input: WorkbookInput = { 预算执行: missing, 项目支出: missing, 绩效指标: missing, 评分规则: missing, 评价结果: missing };
  for (const n of names) input[n.name] = resolution(model, n);
  return input;
}

/**
 * The same workbook in the strict office.js fake: the cells as our reader
 * reads the .xlsx, the workbook's names, each sheet's own names and the merges.
 */
export function nationalFake(model: BookModel, cells: Map<string, Map<string, CellInput>>): FakeWorkbook {
  const store = new FakeWorkbook();
  for (const sheet of model.sheets) {
    const fake = store.addSheet(sheet.name);
    (cells.get(sheet.name) ?? new Map<string, CellInput>()).forEach((input, ref) => {
      const at = parseRef(ref);
      const cell = fake.cell(at.row, at.col);
      cell.value = input.value === null ? '' : input.value;
      cell.numberFormat = input.numberFormat;
      cell.formula = input.formula ? '=CACHED()' : null;
    });
    for (const merge of sheet.merges) {
      const [from, to] = merge.split(':').map(parseRef);
      fake.merges.push({ sheet: sheet.name, row: from.row, col: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 });
    }
  }
  for (const n of model.names) {
    if (n.scope === null) store.setName(n.name, '=' + n.ref);
    else store.setSheetName(n.scope, n.name, '=' + n.ref);
  }
  return store;
}

/** Every cell of the model as the contract reads it, by sheet (what our reader gives for the .xlsx, without it). */
export function modelCells(model: BookModel): Map<string, Map<string, CellInput>> {
  const out = new Map<string, Map<string, CellInput>>();
  for (const sheet of model.sheets) {
    const cells = new Map<string, CellInput>();
    sheet.cells.forEach((cell, ref) => cells.set(ref, cellInput(cell)));
    out.set(sheet.name, cells);
  }
  return out;
}
