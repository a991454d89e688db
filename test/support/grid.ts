/**
 * Builders for contract tests: a WorkbookInput from readable 2-D arrays with
 * A1 addresses, the seed example (示例-二工片区2023) as a mutable workbook, and
 * a few checks every scoring run must pass whatever it is about.
 *
 * Nothing here imports the code under test except its types and the lists of
 * issue codes: addresses, header matching for the output-cell oracle and
 * rendering are re-implemented so that the tests do not share a bug with src.
 */
import type { CellInput, ContractName, NameResolution, WorkbookInput } from '../../src/workbook/cells';
import type { Issue, ScoreOutcome } from '../../src/workbook/report';
import { issueText } from '../../src/messages/issues';
import type { SheetFactsBySheet } from '../../src/workbook/sheet-facts';
import type { CellWrite } from '../../src/workbook/plan';
import { ERROR_CODES, WARNING_CODES } from '../../src/workbook/issues';
import { scoreWorkbook } from '../../src/workbook/score-workbook';

// ---------------------------------------------------------------------------
// Cells

/** What a test writes into a grid: a CellInput, or a plain value (General format, no formula). */
export type CellSpec = CellInput | string | number | boolean | null | undefined;

export function cell(value: CellInput['value'], numberFormat = 'General'): CellInput {
  return { value, numberFormat, formula: false };
}

/** A number cell formatted as a percentage: `pct(0.99)` shows 99%. */
export function pct(value: number, numberFormat = '0.00%'): CellInput {
  return { value, numberFormat, formula: false };
}

/** A number (or any value) with a number format: `fmt(4978.49, '#,##0.00')`. */
export function fmt(value: CellInput['value'], numberFormat: string): CellInput {
  return { value, numberFormat, formula: false };
}

/** A formula cell with its cached value (null: no cached value). */
export function fx(value: CellInput['value'], numberFormat = 'General'): CellInput {
  return { value, numberFormat, formula: true };
}

/** A cell showing an Excel error value. */
export function err(text: string): CellInput {
  return { value: text, numberFormat: 'General', formula: false, error: true };
}

export const BLANK: CellInput = Object.freeze(cell(null)) as CellInput;

function isCellInput(spec: CellSpec): spec is CellInput {
  return typeof spec === 'object' && spec !== null && 'formula' in spec;
}

export function toCell(spec: CellSpec): CellInput {
  if (isCellInput(spec)) return { ...spec };
  return cell(spec === undefined ? null : spec);
}

// ---------------------------------------------------------------------------
// Addresses (independent of src/workbook/address.ts)

export function parseRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]{1,3})([0-9]+)$/.exec(ref);
  if (!m) throw new Error(`bad A1 reference ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function letters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `'绩效指标'!E5` */
export function ref(sheet: string, a1: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'!" + a1;
}

export function render(address: { sheet: string; row: number; col: number }): string {
  return ref(address.sheet, letters(address.col) + String(address.row + 1));
}

// ---------------------------------------------------------------------------
// Ranges

/**
 * A defined name resolving to a range whose top-left cell is `topLeft`; rows
 * are padded with blank cells to the widest row.
 */
export function range(sheet: string, topLeft: string, rows: CellSpec[][]): NameResolution {
  const { row, col } = parseRef(topLeft);
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: cols }, (_, c) => toCell(r[c])));
  return { kind: 'range', range: { sheet, row, col, rows: rows.length, cols }, cells };
}

export const missing = (): NameResolution => ({ kind: 'missing' });
export const notRange = (formula: string): NameResolution => ({ kind: 'notRange', formula });
export const multiArea = (formula: string): NameResolution => ({ kind: 'multiArea', formula });

function rangeOf(wb: WorkbookInput, name: ContractName) {
  const res = wb[name];
  if (res.kind !== 'range') throw new Error(`${name} is not a range in this workbook`);
  return res;
}

/** Sets one cell, addressed on its sheet (`'I5'`), inside the range of `name`. */
export function setCell(wb: WorkbookInput, name: ContractName, a1: string, spec: CellSpec): void {
  const res = rangeOf(wb, name);
  const { row, col } = parseRef(a1);
  const r = row - res.range.row;
  const c = col - res.range.col;
  if (r < 0 || c < 0 || r >= res.range.rows || c >= res.range.cols) throw new Error(`${a1} is outside ${name}`);
  res.cells[r][c] = toCell(spec);
}

export function getCell(wb: WorkbookInput, name: ContractName, a1: string): CellInput {
  const res = rangeOf(wb, name);
  const { row, col } = parseRef(a1);
  return res.cells[row - res.range.row][col - res.range.col];
}

/** Sets several cells of one sheet row: `setRow(wb, '绩效指标', 4, { E: '≥95%', I: pct(0.99) })`. */
export function setRow(wb: WorkbookInput, name: ContractName, row: number, values: Record<string, CellSpec>): void {
  for (const [col, spec] of Object.entries(values)) setCell(wb, name, col + String(row), spec);
}

/** Replaces a name's range with a new grid (same sheet unless given). */
export function replaceRange(wb: WorkbookInput, name: ContractName, sheet: string, topLeft: string, rows: CellSpec[][]): void {
  wb[name] = range(sheet, topLeft, rows);
}

/** Appends a column to the right of a range: header and one cell per data row. */
export function appendColumn(wb: WorkbookInput, name: ContractName, cells: CellSpec[]): void {
  const res = rangeOf(wb, name);
  res.cells.forEach((line, i) => line.push(toCell(cells[i])));
  res.range.cols += 1;
}

/** Appends rows at the bottom of a range (padded to its width). */
export function appendRows(wb: WorkbookInput, name: ContractName, rows: CellSpec[][]): void {
  const res = rangeOf(wb, name);
  for (const r of rows) res.cells.push(Array.from({ length: res.range.cols }, (_, c) => toCell(r[c])));
  res.range.rows += rows.length;
}

/** Deletes one sheet row from a range (the rows below move up, as in Excel). */
export function deleteRow(wb: WorkbookInput, name: ContractName, row: number): void {
  const res = rangeOf(wb, name);
  res.cells.splice(row - 1 - res.range.row, 1);
  res.range.rows -= 1;
}

// ---------------------------------------------------------------------------
// The seed example: the layout of assets/示例-二工片区2023.xlsx (scripts/make-assets.js)

export const AMOUNT = '#,##0.00';

/** Sheet 预算执行, header row 4 (A4:H9). */
export const BUDGET_HEADER = ['资金项目', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '调整率'];
/** Sheet 预算执行, header row 12 (A12:D18, row 18 is the 合计 row of formulas). */
export const PROJECT_HEADER = ['项目名称', '全年预算数', '全年执行数', '执行率'];
/** Sheet 绩效指标, header row 3 (A3:P11). */
export const INDICATOR_HEADER = [
  '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '调整后指标值', '年中监控值',
  '实际完成值', '分值', '人工得分', '完成率', '得分', '计算说明', '偏差原因', '改进措施',
];
export const RESULT_LABELS_SEED = [
  '预算执行率', '预算执行率得分', '指标得分合计', '总分', '满分', '评价等级', '预算调整率', '基本支出执行率', '项目支出执行率', '提示',
];

function budgetRows(): CellSpec[][] {
  const a = (v: number | null) => (v === null ? null : fmt(v, AMOUNT));
  const out = (f: string) => fmt(null, f);
  return [
    BUDGET_HEADER,
    ['年度资金总额', a(4135.45), a(4978.49), a(4637.81), 10, out('0.00%'), out('0.00'), out('0.00%')],
    ['基本支出', a(2964.96), a(3697.35), a(3632.36), null, out('0.00%'), null, out('0.00%')],
    ['人员经费', null, a(3556.47), null, null, out('0.00%'), null, out('0.00%')],
    ['公用经费', null, a(140.88), null, null, out('0.00%'), null, out('0.00%')],
    ['项目支出', a(1170.49), a(1281.14), a(1005.45), null, out('0.00%'), null, out('0.00%')],
  ];
}

function projectRows(): CellSpec[][] {
  const a = (v: number) => fmt(v, AMOUNT);
  const rate = fmt(null, '0.00%');
  return [
    PROJECT_HEADER,
    ['社区工资社保及工作经费', a(469.81), a(215.96), rate],
    ['基层监督建设补助', a(13.5), a(13.31), rate],
    ['公共美术馆、图书馆、文化馆免费开放补助', a(24.4), a(2.75), rate],
    ['疫情防控补助', a(40.72), a(40.72), rate],
    ['国有企业退休人员社会化管理补助', a(732.71), a(732.71), rate],
    // The user's own total row: formulas with cached results, never written.
    ['合计', fx(1281.14, AMOUNT), fx(1005.45, AMOUNT), fx(1005.45 / 1281.14, '0.00%')],
  ];
}

function indicatorRows(): CellSpec[][] {
  const p = (v: number) => pct(v);
  const a = (v: number) => fmt(v, AMOUNT);
  const outputs = [fmt(null, '0.00%'), fmt(null, '0.00'), null];
  // 一级 二级 三级 性质 指标值 单位 调整后 年中监控值 实际完成值 分值 人工得分 | 完成率 得分 计算说明 | 偏差原因 改进措施
  return [
    INDICATOR_HEADER,
    ['产出指标', '成本指标', '公务用车经费下降率', '≥', 5, '%', null, p(0), p(0), 8, fmt(null, '0.00'), ...outputs, '由于油价上涨及车辆老旧，公务用车经费预算4.31万元，全部使用，未能下降。', '严格执行公务用车制度，合理使用车辆，减少非必要用车。'],
    [null, null, '预算经费', '≤', a(4135.45), '万元', a(4978.49), a(2582.26), a(4637.81), 12, fmt(null, '0.00'), ...outputs, '预算经费执行中因厉行节约，减少非必要支出，导致预算经费执行率未完成。', '提高预算编制水平，精准制定预算，严格执行预算指标。'],
    [null, '时效指标', '项目支出预算执行率', '≥', 100, '%', null, p(0.4387), p(0.7848), 12, fmt(null, '0.00'), ...outputs, '部分项目在审批中，未能完全支付完成。', '及时走支付审批流程，及时完成项目支出。'],
    [null, null, '政府采购执行率', '≥', 100, '%', null, p(0.2032), p(1), 8, fmt(null, '0.00'), ...outputs, null, null],
    [null, '质量指标', '12345热线事件办结率', '≥', 100, '%', null, p(0.9962), p(0.9993), 10, fmt(null, '0.00'), ...outputs, '偏差较小。', '继续加强服务意识，及时办结处理热线案件。'],
    [null, null, '信访案件受理率', '≥', 100, '%', null, p(1), p(1), 15, fmt(null, '0.00'), ...outputs, null, null],
    ['效益指标', '社会效益指标', '解决就业人数', '≥', 100, '人', null, 15, 52, 15, fmt(null, '0.00'), ...outputs, '本年度未能完成就业困难人员就业任务。', '合理制定目标，继续加强就业服务宣传，提高就业解决人数。'],
    ['满意度指标', '服务对象满意度指标', '受益人员满意度', '≥', 95, '%', null, p(0.95), p(0.99), 10, fmt(null, '0.00'), ...outputs, null, null],
  ];
}

function settingRows(): CellSpec[][] {
  return [
    ['预算执行率分值', 10],
    ['优', 90],
    ['良', 80],
    ['中', 60],
    ['小数位数', 2],
    ['反向指标超标记分', '偏差扣分'],
    ['偏离度预警阈值', pct(0.3, '0%')],
    ['完成率先舍入', '否'],
  ];
}

function resultRows(): CellSpec[][] {
  const formats: Record<string, string> = {
    预算执行率: '0.00%', 预算执行率得分: '0.00', 指标得分合计: '0.00', 总分: '0.00', 满分: '0.00',
    预算调整率: '0.00%', 基本支出执行率: '0.00%', 项目支出执行率: '0.00%',
  };
  return RESULT_LABELS_SEED.map((label) => [label, fmt(null, formats[label] ?? 'General')]);
}

/** The seed example as a fresh, mutable WorkbookInput: tests change one thing and score it. */
export function seedWorkbook(): WorkbookInput {
  return {
    预算执行: range('预算执行', 'A4', budgetRows()),
    项目支出: range('预算执行', 'A12', projectRows()),
    绩效指标: range('绩效指标', 'A3', indicatorRows()),
    评分规则: range('评价结果', 'A4', settingRows()),
    评价结果: range('评价结果', 'A14', resultRows()),
  };
}

/** Seed row of each indicator on sheet 绩效指标. */
export const SEED_ROW = {
  公务用车经费下降率: 4,
  预算经费: 5,
  项目支出预算执行率: 6,
  政府采购执行率: 7,
  '12345热线事件办结率': 8,
  信访案件受理率: 9,
  解决就业人数: 10,
  受益人员满意度: 11,
} as const;

/** Seed row of each 评价结果 label on sheet 评价结果. */
export const RESULT_ROW: Record<string, number> = Object.fromEntries(RESULT_LABELS_SEED.map((l, i) => [l, 14 + i]));

/**
 * An indicator row in the seed's 16 columns from named fields:
 * `indicator({ 三级指标: 'x', 指标值: '≥95%', 实际完成值: pct(0.99), 分值: 8 })`.
 */
export function indicator(fields: Partial<Record<(typeof INDICATOR_HEADER)[number], CellSpec>>): CellSpec[] {
  return INDICATOR_HEADER.map((h) => fields[h] ?? null);
}

/**
 * Replaces indicator row `row` of the seed (4–11) by the given fields; the
 * other columns of that row are cleared (1级/2级 too: they fill down).
 */
export function replaceIndicator(wb: WorkbookInput, row: number, fields: Partial<Record<(typeof INDICATOR_HEADER)[number], CellSpec>>): void {
  const res = rangeOf(wb, '绩效指标');
  res.cells[row - 1 - res.range.row] = indicator(fields).map(toCell);
}

/** Replaces the whole indicator table (header row 3 of sheet 绩效指标) by these rows. */
export function setIndicators(wb: WorkbookInput, rows: CellSpec[][], header: CellSpec[] = INDICATOR_HEADER): void {
  wb['绩效指标'] = range('绩效指标', 'A3', [header, ...rows]);
}

// ---------------------------------------------------------------------------
// Looking at an outcome

/** An issue as the tests compare it: code and where (rendered cell, or the name). */
export type Where = [code: string, where: string | null];

export function where(issue: Issue): Where {
  return [issue.code, 'cell' in issue ? render(issue.cell) : 'name' in issue ? issue.name : null];
}

/** The message a user reads on the command line. */
export const msg = (issue: Issue): string => issueText(issue, 'cli');

export const errorsOf = (o: ScoreOutcome): Where[] => o.errors.map(where);
export const warningsOf = (o: ScoreOutcome): Where[] => o.warnings.map(where);

/** The plan as `address → value text / format`. */
export interface WriteView {
  kind: 'number' | 'text' | 'empty';
  text?: string;
  format?: string;
}

export function writesOf(o: ScoreOutcome): Record<string, WriteView> {
  const out: Record<string, WriteView> = {};
  for (const w of o.plan.writes) out[render(w.address)] = view(w);
  return out;
}

function view(w: CellWrite): WriteView {
  const v: WriteView = { kind: w.value.kind };
  if (w.value.kind !== 'empty') v.text = w.value.text;
  if (w.numberFormat !== undefined) v.format = w.numberFormat;
  return v;
}

export const num = (text: string, format?: string): WriteView => (format === undefined ? { kind: 'number', text } : { kind: 'number', text, format });
export const txt = (text: string): WriteView => ({ kind: 'text', text });
export const empty = (format?: string): WriteView => (format === undefined ? { kind: 'empty' } : { kind: 'empty', format });

// ---------------------------------------------------------------------------
// The output-cell oracle: which cells a run may write, from the layout alone

/** Contract header matching (General rules), re-implemented for the oracle. */
export function norm(text: string): string {
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  return compact.replace(/\([^()]*\)$/, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const OUTPUT_HEADERS: Record<'预算执行' | '项目支出' | '绩效指标', string[][]> = {
  预算执行: [['执行率', '预算执行率'], ['调整率', '预算调整率']],
  项目支出: [['执行率']],
  绩效指标: [['完成率', '指标完成率'], ['得分', '自评得分'], ['计算说明', '说明']],
};
const BUDGET_LABEL_HEADERS = ['资金项目', '项目', '资金', '类别', '资金来源'];
/** The budget table's input columns (label, 年初, 全年, 执行, 分值) with their aliases. */
const BUDGET_INPUT_HEADERS = [
  ...BUDGET_LABEL_HEADERS, '年初预算数', '年初预算', '年初数', '全年预算数', '全年预算', '调整后预算数', '预算数',
  '全年执行数', '执行数', '实际支出', '全年实际支出', '支出数', '分值', '权重', '权重分值',
];
/** The label cells that make a row a total row (contract: "a row whose label cell says 合计…"). */
const TOTAL_LABEL_HEADERS: Record<'项目支出' | '绩效指标', string[]> = {
  项目支出: ['项目名称', '项目'],
  绩效指标: ['一级指标', '二级指标', '三级指标', '指标名称', '指标', '绩效指标'],
};
const BUDGET_TOTAL = ['年度资金总额', '合计', '总计', '资金总额', '部门整体支出', '预算总额'];
const TABLE_TOTAL = ['合计', '总计', '小计'];
const RESULT_LABELS = [
  '预算执行率', '预算执行率得分', '指标得分合计', '指标得分', '总分', '自评总分', '综合得分', '满分',
  '评价等级', '等级', '评价结果', '预算调整率', '基本支出执行率', '项目支出执行率', '提示', '校验提示', '总分说明', '总分计算说明',
];

function text(c: CellInput | undefined): string {
  return c && c.value !== null ? String(c.value) : '';
}

/** Every cell the contract allows a run to write in this workbook (an upper bound). */
export function allowedOutputs(wb: WorkbookInput): Set<string> {
  const allowed = new Set<string>();
  const at = (res: Extract<NameResolution, { kind: 'range' }>, r: number, c: number) =>
    render({ sheet: res.range.sheet, row: res.range.row + r, col: res.range.col + c });
  for (const name of ['预算执行', '项目支出', '绩效指标'] as const) {
    const res = wb[name];
    if (res.kind !== 'range' || res.range.rows < 1) continue;
    const headers = res.cells[0].map((c) => norm(text(c)));
    const outCols = headers
      .map((h, c) => (OUTPUT_HEADERS[name].some((set) => set.map(norm).includes(h)) ? c : -1))
      .filter((c) => c >= 0);
    const labelCol = headers.findIndex((h) => BUDGET_LABEL_HEADERS.map(norm).includes(h));
    const totalCols = name === '预算执行' ? [] : headers.map((h, c) => (TOTAL_LABEL_HEADERS[name].map(norm).includes(h) ? c : -1)).filter((c) => c >= 0);
    let firstDataRow = -1;
    for (let r = 1; r < res.range.rows; r++) {
      const line = res.cells[r];
      const texts = line.map((c) => norm(text(c)));
      // A row is a data row when one of the budget table's input columns has content; text only in
      // output columns (a stale result) or in the user's own columns leaves it blank for the contract.
      if (firstDataRow < 0 && texts.some((t, c) => t !== '' && BUDGET_INPUT_HEADERS.map(norm).includes(headers[c]))) firstDataRow = r;
      // The form's places for results (forms issue §2): a 小计 row's 得分 cell; a 自评等级 label's value cell.
      if (name === '绩效指标') addFormPlaces(res, headers, texts, r, totalCols, allowed);
      if (totalCols.some((c) => TABLE_TOTAL.includes(texts[c]))) continue;
      for (const c of outCols) allowed.add(at(res, r, c));
      if (name === '预算执行') {
        const scoreCol = headers.indexOf('得分');
        const isTotal = labelCol >= 0 && BUDGET_TOTAL.map(norm).includes(texts[labelCol]);
        if (scoreCol >= 0 && isTotal) allowed.add(at(res, r, scoreCol));
      }
    }
    if (name === '预算执行' && firstDataRow > 0) {
      const scoreCol = headers.indexOf('得分');
      if (scoreCol >= 0) allowed.add(at(res, firstDataRow, scoreCol));
    }
  }
  const results = wb['评价结果'];
  if (results.kind === 'range' && results.range.cols >= 2) {
    results.cells.forEach((line, r) => {
      if (RESULT_LABELS.map(norm).includes(norm(text(line[0])))) allowed.add(at(results, r, 1));
    });
  }
  return allowed;
}

const GRADE_LABELS = ['自评等级', '评价等级'];

/** A 小计 row may get its 得分 cell written; a 自评等级 label the cell right of it, or its row's 得分 cell. */
function addFormPlaces(
  res: Extract<NameResolution, { kind: 'range' }>,
  headers: string[],
  texts: string[],
  r: number,
  totalCols: number[],
  allowed: Set<string>,
): void {
  const scoreCol = headers.indexOf('得分');
  const add = (c: number) => allowed.add(render({ sheet: res.range.sheet, row: res.range.row + r, col: res.range.col + c }));
  if (scoreCol >= 0 && totalCols.some((c) => texts[c] === '小计')) add(scoreCol);
  texts.forEach((t, c) => {
    if (!GRADE_LABELS.includes(t.replace(/:$/, ''))) return;
    if (c + 1 < texts.length) add(c + 1);
    if (scoreCol > c) add(scoreCol);
  });
}

// ---------------------------------------------------------------------------
// Running: scoreWorkbook plus the checks that hold for every run

const FACTS = new WeakMap<WorkbookInput, SheetFactsBySheet>();

/** What the file host would know about the sheets (merges, protection), for score() on this workbook. */
export function setFacts(wb: WorkbookInput, facts: SheetFactsBySheet): void {
  FACTS.set(wb, facts);
}

/** Every issue code any run of this test file produced (per file: jest isolates modules). */
export const seenCodes = new Set<string>();

const CJK = /[\u4e00-\u9fff]/;
const RATE_HEADERS = ['执行率', '预算执行率', '调整率', '预算调整率', '完成率', '指标完成率'];

/**
 * Scores the workbook and checks the writing policy on the result: errors ⇒
 * empty plan and null summary; writes only in output cells, each once; text
 * without a number format; every message Chinese and naming its cell.
 */
export function score(wb: WorkbookInput): ScoreOutcome {
  const outcome = scoreWorkbook(wb, FACTS.get(wb));
  for (const i of [...outcome.errors, ...outcome.warnings]) seenCodes.add(i.code);
  checkInvariants(wb, outcome);
  return outcome;
}

export function checkInvariants(wb: WorkbookInput, outcome: ScoreOutcome): void {
  const problems: string[] = [];
  if (outcome.errors.length > 0) {
    if (outcome.plan.writes.length > 0) problems.push('errors but the plan writes cells');
    if (outcome.summary !== null) problems.push('errors but a summary');
  } else if (outcome.summary === null) problems.push('no errors but no summary');

  for (const issue of outcome.errors) {
    if (!(ERROR_CODES as readonly string[]).includes(issue.code)) problems.push(`${issue.code} listed as an error`);
  }
  for (const issue of outcome.warnings) {
    if (!(WARNING_CODES as readonly string[]).includes(issue.code)) problems.push(`${issue.code} listed as a warning`);
  }
  for (const issue of [...outcome.errors, ...outcome.warnings]) {
    // Every host's words: Chinese, naming the cell (or the name when there is no single cell).
    for (const host of ['cli', 'web', 'excel'] as const) {
      const message = issueText(issue, host);
      if (!CJK.test(message)) problems.push(`${issue.code}: message not Chinese: ${message}`);
      if ('cell' in issue && !message.includes(render(issue.cell))) problems.push(`${issue.code}: message does not name ${render(issue.cell)}: ${message}`);
      if ('name' in issue && !message.includes(issue.name)) problems.push(`${issue.code}: message does not name ${issue.name}`);
    }
  }
  // One cell, one error.
  const errorCells = outcome.errors.filter((i) => 'cell' in i).map((i) => where(i)[1]);
  if (new Set(errorCells).size !== errorCells.length) problems.push(`a cell has two errors: ${errorCells.join(', ')}`);

  const allowed = allowedOutputs(wb);
  const seen = new Set<string>();
  for (const w of outcome.plan.writes) {
    const a = render(w.address);
    if (!allowed.has(a)) problems.push(`writes ${a}, which is not an output cell`);
    if (seen.has(a)) problems.push(`writes ${a} twice`);
    seen.add(a);
    if (w.value.kind === 'text' && w.numberFormat !== undefined) problems.push(`text written to ${a} with format ${w.numberFormat}`);
    if (w.value.kind === 'number' && w.numberFormat !== undefined && !/^0(\.0+)?%?$/.test(w.numberFormat)) problems.push(`odd format ${w.numberFormat} at ${a}`);
  }
  // A rate column gets a percent format, whatever is written (a cleared rate keeps one too).
  for (const w of outcome.plan.writes) {
    const header = headerOf(wb, w.address);
    if (header !== null && RATE_HEADERS.map(norm).includes(norm(header)) && !(w.numberFormat ?? '').endsWith('%')) {
      problems.push(`rate ${render(w.address)} written with format ${String(w.numberFormat)}`);
    }
  }
  expect(problems).toEqual([]);
}

/** The header text above a table cell, or null for cells outside the three tables. */
function headerOf(wb: WorkbookInput, address: { sheet: string; row: number; col: number }): string | null {
  for (const name of ['预算执行', '项目支出', '绩效指标'] as const) {
    const res = wb[name];
    if (res.kind !== 'range' || res.range.sheet !== address.sheet) continue;
    const r = address.row - res.range.row;
    const c = address.col - res.range.col;
    if (r >= 1 && r < res.range.rows && c >= 0 && c < res.range.cols) return text(res.cells[0][c]);
  }
  return null;
}
