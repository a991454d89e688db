/**
 * A generated set of contract workbooks (工作簿约定 v1) as plain models, built
 * into real .xlsx files with ExcelJS (an independent writer) and into the
 * strict office.js fake. Deterministic: the same index always gives the same
 * workbook, so a failure names a book that can be rebuilt.
 *
 * What varies: indicator counts 1–300; directions ≥ ≤ = 定性, written in
 * 指标值 or through a 指标性质 column; percent / plain / unit targets and
 * actuals (percent-formatted numbers, '97%' text, plain numbers); 调整后指标值;
 * 人工得分; merged or blank 一级/二级 cells; extra user columns; sheet names,
 * sheet order, table positions and column order; 评分规则 (小数位数 0/2/3,
 * 完成率先舍入, 比值/零分, missing altogether); and a few books with errors.
 */
import ExcelJS from 'exceljs';
import { a1, parseA1 } from '../../src/workbook/address';
import { readAllCells } from '../../src/hosts/xlsx';
import { FakeWorkbook, workbookFromCells } from '../fakes/office';
import { fileErrorText } from '../../src/messages/file-errors';

export type CellValue = string | number | { formula: string; result: number } | null;

export interface ModelCell {
  value: CellValue;
  numFmt?: string;
}

export interface ModelSheet {
  name: string;
  cells: Map<string, ModelCell>;
  merges: string[];
}

export interface BookModel {
  id: string;
  sheets: ModelSheet[];
  /** Workbook-scoped names: name → `'Sheet'!$A$1:$B$2`. */
  names: { name: string; ref: string }[];
  /** The error the book was built to have, or null for a clean book. */
  error: string | null;
  indicators: number;
  /** The 评分规则 the book carries (null: no such name, the defaults apply). */
  settings: { decimals: number; reverseMode: string; roundFirst: string } | null;
  /** Indicator directions used, and whether 指标性质 / 调整后指标值 / 人工得分 columns exist. */
  kinds: string[];
  columns: string[];
}

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

function quote(sheet: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'";
}

function absRef(sheet: string, row: number, col: number, rows: number, cols: number): string {
  const abs = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${quote(sheet)}!${abs(row, col)}:${abs(row + rows - 1, col + cols - 1)}`;
}

class Builder {
  readonly sheets: ModelSheet[] = [];
  readonly names: { name: string; ref: string }[] = [];

  sheet(name: string): ModelSheet {
    let s = this.sheets.find((x) => x.name === name);
    if (!s) {
      s = { name, cells: new Map(), merges: [] };
      this.sheets.push(s);
    }
    return s;
  }

  /** Writes a table (rows of cells) with its top-left at (row, col) and names it. */
  table(name: string | null, sheet: string, row: number, col: number, rows: (ModelCell | CellValue | undefined)[][]): void {
    const s = this.sheet(sheet);
    const cols = Math.max(...rows.map((r) => r.length));
    rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell === undefined) return;
        const mc: ModelCell = cell !== null && typeof cell === 'object' && 'value' in cell ? cell : { value: cell as CellValue };
        if (mc.value === null && mc.numFmt === undefined) return;
        s.cells.set(a1(row + r, col + c), mc);
      }),
    );
    if (name) this.names.push({ name, ref: absRef(sheet, row, col, rows.length, cols) });
  }
}

const f = (value: CellValue, numFmt?: string): ModelCell => (numFmt === undefined ? { value } : { value, numFmt });

type IndicatorKey =
  | 'level1' | 'level2' | 'name' | 'nature' | 'target' | 'unit' | 'adjusted' | 'actual' | 'weight' | 'manual'
  | 'rate' | 'score' | 'note' | 'reason' | 'measures' | 'monitor' | 'owner' | 'remark';

const INDICATOR_HEADERS: Record<IndicatorKey, string[]> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称'],
  nature: ['指标性质', '计算符号'],
  target: ['指标值', '年度指标值', '预期目标值'],
  unit: ['度量单位', '计量单位'],
  adjusted: ['调整后指标值'],
  actual: ['实际完成值', '全年实际值'],
  weight: ['分值', '权重（分）'],
  manual: ['人工得分'],
  rate: ['完成率', '指标完成率（%）'],
  score: ['得分', '自评得分'],
  note: ['计算说明'],
  reason: ['偏差原因'],
  measures: ['改进措施'],
  monitor: ['年中监控值'],
  owner: ['责任处室'],
  remark: ['备注'],
};

interface Layout {
  budgetSheet: string;
  indicatorSheet: string;
  resultSheet: string;
  /** Sheet order as created (extra sheets included). */
  order: string[];
}

const LAYOUTS: Layout[] = [
  { budgetSheet: '预算执行', indicatorSheet: '绩效指标', resultSheet: '评价结果', order: ['预算执行', '绩效指标', '评价结果'] },
  { budgetSheet: '资金 2023', indicatorSheet: '指标 表', resultSheet: '资金 2023', order: ['说明', '指标 表', '资金 2023'] },
  { budgetSheet: '自评表', indicatorSheet: '自评表', resultSheet: '自评表', order: ['自评表'] },
  { budgetSheet: 'Budget(1)', indicatorSheet: '绩效目标-2023', resultSheet: '结果', order: ['结果', '绩效目标-2023', 'Budget(1)', '附表'] },
];

const COUNTS = [1, 2, 3, 5, 8, 13, 21, 40, 77, 150, 300];

/** Error variants, each with what the parser should report. */
export const ERROR_KINDS = ['badTarget', 'zeroWeight', 'outputFormula', 'missingResults', 'badDecimals', 'badThousands'] as const;

/**
 * Book `index` of the generated set. Every 7th book (from 6 on) carries one
 * error; the rest are clean.
 */
export function makeBook(index: number): BookModel {
  const rng = new Rng(prng(0x5e1f + index * 7919));
  const n = COUNTS[index % COUNTS.length];
  const layout = LAYOUTS[index % LAYOUTS.length];
  const error = index >= 6 && index % 7 === 6 ? ERROR_KINDS[Math.floor(index / 7) % ERROR_KINDS.length] : null;
  const b = new Builder();
  for (const s of layout.order) b.sheet(s);
  if (b.sheets.some((s) => s.name === '说明')) b.table(null, '说明', 0, 0, [['本工作簿用于预算绩效自评'], ['填写说明见工作簿约定']]);
  if (b.sheets.some((s) => s.name === '附表')) b.table(null, '附表', 2, 1, [['附表', 1, 2, 3]]);

  const decimals = rng.pick([2, 2, 0, 3]);
  const withSettings = rng.chance(0.8);
  const reverseMode = rng.pick(['偏差扣分', '比值', '零分']);
  const roundFirst = rng.chance(0.3) ? '是' : '否';

  // ---- 预算执行 (and 项目支出)
  const sameSheet = layout.budgetSheet === layout.indicatorSheet;
  const budgetAt = sameSheet ? { row: 1, col: 0 } : { row: rng.int(0, 5), col: rng.int(0, 3) };
  const budgetCols = rng.chance(0.5)
    ? ['资金项目', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '调整率']
    : rng.shuffle(['资金项目', '年初预算', '预算数', '执行数', '执行率', '得分', '调整率', '备注']);
  const total = round(1000 + rng.float() * 9000, 2);
  const basic = round(total * (0.5 + rng.float() * 0.3), 2);
  const project = round(total - basic, 2);
  const spend = (x: number) => round(x * (0.6 + rng.float() * 0.4), 2);
  const amount = (x: number | null) => (x === null ? null : f(x, rng.pick(['#,##0.00', '0.00', 'General'])));
  const budgetRows: Record<string, ModelCell | CellValue>[] = [
    { label: '年度资金总额', initial: round(total * 0.9, 2), budget: total, actual: spend(total), weight: rng.chance(0.5) ? 10 : null },
    { label: '基本支出', initial: round(basic * 0.95, 2), budget: basic, actual: spend(basic) },
    { label: '项目支出', initial: null, budget: project, actual: spend(project) },
  ];
  const budgetKey: Record<string, string> = {
    资金项目: 'label', 年初预算数: 'initial', 年初预算: 'initial', 全年预算数: 'budget', 预算数: 'budget',
    全年执行数: 'actual', 执行数: 'actual', 分值: 'weight', 执行率: 'rate', 得分: 'score', 调整率: 'adjustment', 备注: 'remark',
  };
  const budgetTable: (ModelCell | CellValue | undefined)[][] = [budgetCols];
  for (const row of budgetRows) {
    budgetTable.push(
      budgetCols.map((h) => {
        const key = budgetKey[h];
        if (key === 'rate' || key === 'adjustment') return rng.chance(0.5) ? f(null, '0.00%') : null;
        if (key === 'score') return rng.chance(0.3) ? f(7.5, '0.00') : null; // a stale result
        if (key === 'remark') return rng.chance(0.5) ? '按决算口径' : null;
        const v = row[key];
        return typeof v === 'number' ? amount(v) : (v as CellValue | undefined) ?? null;
      }),
    );
  }
  b.table('预算执行', layout.budgetSheet, budgetAt.row, budgetAt.col, budgetTable);
  let nextRow = budgetAt.row + budgetTable.length + 2;
  if (rng.chance(0.6)) {
    const count = rng.int(1, 4);
    const rows: (ModelCell | CellValue)[][] = [['项目名称', '全年预算数', '全年执行数', '执行率']];
    for (let i = 0; i < count; i++) {
      const budget = round(project / count, 2);
      rows.push([`项目${i + 1}`, f(budget, '#,##0.00'), f(spend(budget), '#,##0.00'), f(null, '0.00%')]);
    }
    if (rng.chance(0.5)) rows.push(['合计', { formula: 'SUM(B1:B2)', result: project }, { formula: 'SUM(C1:C2)', result: 1 }, null]);
    b.table('项目支出', layout.budgetSheet, nextRow, budgetAt.col, rows);
    nextRow += rows.length + 2;
  }

  // ---- 绩效指标
  const optional: IndicatorKey[] = ['level1', 'level2', 'nature', 'unit', 'adjusted', 'manual', 'reason', 'measures', 'monitor', 'owner', 'remark'];
  const present = new Set<IndicatorKey>(['name', 'target', 'actual', 'weight', 'rate', 'score', 'note']);
  for (const k of optional) if (rng.chance(0.55)) present.add(k);
  const keys = (Object.keys(INDICATOR_HEADERS) as IndicatorKey[]).filter((k) => present.has(k));
  const columns = rng.chance(0.5) ? keys : rng.shuffle(keys);
  const header = columns.map((k) => rng.pick(INDICATOR_HEADERS[k]));
  const hasNature = present.has('nature');
  const hasUnit = present.has('unit');
  const weight = round(90 / n, 2);
  const merge = rng.chance(0.6);
  const rows: (ModelCell | CellValue | undefined)[][] = [header];
  const levelGroups: { key: IndicatorKey; start: number; end: number }[] = [];
  const kindsUsed = new Set<string>();
  let group1 = -1;
  let group2 = -1;
  for (let i = 0; i < n; i++) {
    const kind = rng.pick(['pct', 'pct', 'amount', 'equal', 'qual', 'count'] as const);
    kindsUsed.add(kind);
    const cells: Partial<Record<IndicatorKey, ModelCell | CellValue>> = {};
    if (i % 10 === 0) {
      cells.level1 = rng.pick(['产出指标', '效益指标', '满意度指标']);
      if (group1 >= 0) levelGroups.push({ key: 'level1', start: group1, end: i - 1 });
      group1 = i;
    }
    if (i % 4 === 0) {
      cells.level2 = rng.pick(['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标']);
      if (group2 >= 0) levelGroups.push({ key: 'level2', start: group2, end: i - 1 });
      group2 = i;
    }
    cells.name = `指标${index}-${i + 1}`;
    cells.weight = i === n - 1 ? round(90 - weight * (n - 1), 2) : weight;
    if (kind === 'pct') {
      const t = rng.pick([80, 90, 95, 100]);
      if (hasNature && hasUnit) {
        cells.nature = '≥';
        cells.target = t;
        cells.unit = '%';
      } else cells.target = `≥${t}%`;
      const a = round(t / 100 - 0.2 + rng.float() * 0.3, 4);
      const style = rng.int(0, 2);
      cells.actual = style === 0 ? f(a, '0.00%') : style === 1 ? `${round(a * 100, 2)}%` : f(round(a * 100, 2));
    } else if (kind === 'amount') {
      const t = round(100 + rng.float() * 5000, 2);
      if (hasNature) {
        cells.nature = '≤';
        cells.target = f(t, '#,##0.00');
        if (hasUnit) cells.unit = '万元';
        if (present.has('adjusted') && rng.chance(0.5)) cells.adjusted = f(round(t * 1.1, 2), '#,##0.00');
      } else {
        cells.target = `≤${t}万元`;
        if (present.has('adjusted') && rng.chance(0.5)) cells.adjusted = `≤${round(t * 1.1, 2)}万元`;
      }
      cells.actual = f(round(t * (0.5 + rng.float() * 1.8), 2), '#,##0.00');
    } else if (kind === 'equal') {
      const t = rng.int(1, 20);
      if (hasNature) {
        cells.nature = '=';
        cells.target = t;
        if (hasUnit) cells.unit = '个';
      } else cells.target = `=${t}个`;
      cells.actual = rng.chance(0.7) ? t : t - 1;
    } else if (kind === 'count') {
      const t = rng.int(10, 200);
      if (hasNature) {
        cells.nature = '≥';
        cells.target = t;
        if (hasUnit) cells.unit = '人';
      } else cells.target = `${t}人`;
      cells.actual = rng.int(0, t * 2);
      if (present.has('adjusted') && rng.chance(0.3)) cells.adjusted = hasNature ? t - 5 : `≥${t - 5}人`;
    } else {
      if (hasNature) {
        cells.nature = '定性';
        cells.target = rng.pick(['有效提升', '达到预期', '好']);
      } else cells.target = rng.pick(['达到预期', '有效提升', '持续改善']);
      const tier = rng.int(0, 2);
      cells.actual = ['达成年度指标', '部分达成年度指标并具有一定效果', '未达成年度指标且效果较差'][tier];
      const w = cells.weight as number;
      // 人工得分 inside the tier's band: A [0.8w, w], B [0.6w, 0.8w), C [0, 0.6w).
      // (The score is checked after rounding to 小数位数, so pick one that stays inside the band.)
      const low = [round(0.8 * w, 2), round(0.6 * w, 2), 0][tier];
      const high = [w, round(0.8 * w, 2), round(0.6 * w, 2)][tier];
      const manual = round([0.9 * w, 0.7 * w, 0.3 * w][tier], decimals);
      if (present.has('manual') && rng.chance(0.7) && manual >= low && (tier === 0 ? manual <= high : manual < high)) cells.manual = manual;
    }
    if (kind !== 'qual' && present.has('manual') && rng.chance(0.15)) cells.manual = round((cells.weight as number) / 2, 2);
    if (present.has('reason') && rng.chance(0.3)) cells.reason = '受疫情影响，部分工作推迟';
    if (present.has('measures') && rng.chance(0.3)) cells.measures = '加强督导，按月调度';
    if (present.has('monitor') && rng.chance(0.5)) cells.monitor = rng.int(0, 100);
    if (present.has('owner')) cells.owner = rng.pick(['财务科', '办公室', '社会事务科']);
    if (present.has('remark') && rng.chance(0.2)) cells.remark = '见附表';
    const line = columns.map((k) => {
      if (k === 'rate') return rng.chance(0.5) ? f(null, '0.00%') : undefined;
      if (k === 'score') return rng.chance(0.2) ? f(3, '0.0') : undefined;
      if (k === 'note') return rng.chance(0.1) ? '旧的说明' : undefined;
      return cells[k] ?? undefined;
    });
    rows.push(line);
  }
  if (group1 >= 0) levelGroups.push({ key: 'level1', start: group1, end: n - 1 });
  if (group2 >= 0) levelGroups.push({ key: 'level2', start: group2, end: n - 1 });
  const totalRow = rng.chance(0.3);
  if (totalRow) {
    const line: (ModelCell | CellValue | undefined)[] = columns.map(() => undefined);
    line[columns.indexOf('name')] = '合计';
    line[columns.indexOf('weight')] = { formula: 'SUM(J4:J9)', result: 90 };
    rows.push(line);
  }
  const indicatorSheet = layout.indicatorSheet;
  const indicatorAt = sameSheet ? { row: nextRow + 1, col: 0 } : { row: rng.int(1, 4), col: rng.int(0, 2) };
  if (error === 'badTarget') rows[1][columns.indexOf('target')] = '约95%';
  if (error === 'zeroWeight') rows[Math.min(n, 2)][columns.indexOf('weight')] = 0;
  if (error === 'badThousands') rows[1][columns.indexOf('actual')] = '12,5';
  b.table('绩效指标', indicatorSheet, indicatorAt.row, indicatorAt.col, rows);
  if (merge) {
    const s = b.sheet(indicatorSheet);
    for (const g of levelGroups) {
      const c = columns.indexOf(g.key);
      if (c < 0 || g.end <= g.start) continue;
      const top = indicatorAt.row + 1 + g.start;
      const bottom = indicatorAt.row + 1 + g.end;
      s.merges.push(`${a1(top, indicatorAt.col + c)}:${a1(bottom, indicatorAt.col + c)}`);
    }
  }
  const indicatorsEnd = indicatorAt.row + rows.length;

  // ---- 评分规则 and 评价结果
  const resultSheet = layout.resultSheet;
  let at = resultSheet === indicatorSheet ? { row: indicatorsEnd + 2, col: 0 } : resultSheet === layout.budgetSheet ? { row: 0, col: 12 } : { row: rng.int(0, 3), col: rng.int(0, 2) };
  if (withSettings) {
    const settings: (ModelCell | CellValue)[][] = rng.shuffle([
      ['预算执行率分值', 10],
      ['优', 90],
      ['良', 80],
      ['中', 60],
      ['小数位数', error === 'badDecimals' ? '两位' : decimals],
      ['反向指标超标记分', reverseMode],
      ['偏离度预警阈值', f(0.3, '0%')],
      ['完成率先舍入', roundFirst],
    ]);
    b.table('评分规则', resultSheet, at.row, at.col, settings);
    at = { row: at.row + settings.length + 2, col: at.col };
  }
  const labels = rng.shuffle(['预算执行率', '预算执行率得分', rng.pick(['指标得分合计', '指标得分']), rng.pick(['总分', '自评总分']), '满分', rng.pick(['评价等级', '等级']), '预算调整率', '基本支出执行率', '项目支出执行率', '提示']);
  const results: (ModelCell | CellValue)[][] = labels.map((l) => [l, rng.chance(0.3) ? f(null, l.endsWith('率') ? '0.0%' : '0.0') : null]);
  if (rng.chance(0.3)) results.splice(rng.int(0, results.length), 0, ['填表人', '张三']);
  if (error === 'outputFormula') results[labels.indexOf(labels.find((l) => l === '总分' || l === '自评总分')!)][1] = { formula: 'B1+B2', result: 80 };
  if (error !== 'missingResults') b.table('评价结果', resultSheet, at.row, at.col, results);
  else b.table(null, resultSheet, at.row, at.col, results);

  return {
    id: `book${index}-n${n}${error ? '-' + error : ''}`,
    sheets: b.sheets,
    names: b.names,
    error,
    indicators: n,
    settings: withSettings ? { decimals, reverseMode, roundFirst } : null,
    kinds: [...kindsUsed],
    columns: header,
  };
}

/** The model as an .xlsx file written by ExcelJS. */
export async function toXlsx(model: BookModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const merge of sheet.merges) ws.mergeCells(merge);
    sheet.cells.forEach((cell, ref) => {
      const c = ws.getCell(ref);
      if (cell.value !== null) c.value = cell.value as ExcelJS.CellValue;
      if (cell.numFmt !== undefined) c.numFmt = cell.numFmt;
    });
  }
  for (const n of model.names) wb.definedNames.add(n.ref, n.name);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The same workbook in the strict office.js fake: cells as the xlsx host reads them, the five names, the merges. */
export function toFake(model: BookModel, bytes: Uint8Array): FakeWorkbook {
  const cells = readAllCells(bytes);
  if (!cells.ok) throw new Error(`${model.id}: ${fileErrorText(cells.error)}`);
  const store = workbookFromCells(cells.value, model.names.map((n) => ({ name: n.name, formula: '=' + n.ref })));
  for (const sheet of model.sheets) {
    const fake = store.findSheet(sheet.name) ?? store.addSheet(sheet.name);
    for (const m of sheet.merges) {
      const [from, to] = m.split(':').map((r) => parseA1(r)!);
      fake.merges.push({ sheet: sheet.name, row: from.row, col: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 });
    }
  }
  return store;
}
