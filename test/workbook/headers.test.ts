/**
 * Header tables (contract, General rules and §1–3): columns are found by header
 * text — canonical or alias, after normalisation — never by position; unknown
 * columns are the user's own; two columns for one header are an error.
 */
import type { ContractName, WorkbookInput } from '../../src/workbook/cells';
import {
  appendColumn,
  errorsOf,
  fx,
  letters,
  parseRef,
  ref,
  score,
  seedWorkbook,
  render,
  setCell,
  warningsOf,
  writesOf,
} from '../support/grid';
import { issueText } from '../../src/messages/issues';

const seed = score(seedWorkbook());

/** Where each table's header row is in the seed, and its sheet. */
const TABLES: Record<'预算执行' | '项目支出' | '绩效指标', { sheet: string; row: number; headers: string[] }> = {
  预算执行: { sheet: '预算执行', row: 4, headers: ['资金项目', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '调整率'] },
  项目支出: { sheet: '预算执行', row: 12, headers: ['项目名称', '全年预算数', '全年执行数', '执行率'] },
  绩效指标: {
    sheet: '绩效指标',
    row: 3,
    headers: ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '调整后指标值', '年中监控值', '实际完成值', '分值', '人工得分', '完成率', '得分', '计算说明', '偏差原因', '改进措施'],
  },
};

/** The contract's header vocabulary (§1–3): canonical text → aliases. */
const VOCABULARY: Record<keyof typeof TABLES, Record<string, string[]>> = {
  预算执行: {
    资金项目: ['项目', '资金', '类别', '资金来源'],
    年初预算数: ['年初预算', '年初数'],
    全年预算数: ['全年预算', '调整后预算数', '预算数'],
    全年执行数: ['执行数', '实际支出', '全年实际支出', '支出数'],
    分值: ['权重', '权重分值'],
    执行率: ['预算执行率'],
    得分: [],
    调整率: ['预算调整率'],
  },
  项目支出: {
    项目名称: ['项目'],
    全年预算数: ['预算数', '预算金额'],
    全年执行数: ['执行数', '执行金额', '实际支出'],
    执行率: [],
  },
  绩效指标: {
    一级指标: [],
    二级指标: [],
    三级指标: ['指标名称', '指标', '绩效指标'],
    指标值: ['年度指标值', '目标值', '预期指标值', '预期目标值'],
    指标性质: ['计算符号', '指标方向', '符号'],
    度量单位: ['计量单位', '单位'],
    调整后指标值: ['调整后目标值'],
    实际完成值: ['完成值', '实际值', '全年实际值'],
    分值: ['权重', '权重分值', '指标分值'],
    人工得分: ['调整得分'],
    偏差原因: ['偏差原因分析'],
    改进措施: [],
    完成率: ['指标完成率'],
    得分: ['自评得分'],
    计算说明: ['说明'],
  },
};

function headerCell(table: keyof typeof TABLES, canonical: string): string {
  const t = TABLES[table];
  const c = t.headers.indexOf(canonical);
  if (c < 0) throw new Error(`${canonical} not in the seed's ${table}`);
  return letters(c) + String(t.row);
}

function lastColumnPlusOne(wb: WorkbookInput, name: ContractName): string {
  const res = wb[name];
  if (res.kind !== 'range') throw new Error('not a range');
  return letters(res.range.col + res.range.cols);
}

const spellings = (Object.keys(VOCABULARY) as Array<keyof typeof TABLES>).flatMap((table) =>
  Object.entries(VOCABULARY[table]).flatMap(([canonical, aliases]) => aliases.map((alias) => [table, canonical, alias] as const)),
);

const allSpellings = (Object.keys(VOCABULARY) as Array<keyof typeof TABLES>).flatMap((table) =>
  Object.entries(VOCABULARY[table]).flatMap(([canonical, aliases]) => [canonical, ...aliases].map((s) => [table, canonical, s] as const)),
);

describe('header aliases', () => {
  test.each(spellings)('%s: header %s may be written %s (same result as the seed)', (table, canonical, alias) => {
    const wb = seedWorkbook();
    setCell(wb, table, headerCell(table, canonical), alias);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary).toEqual(seed.summary);
    expect(outcome.plan).toEqual(seed.plan);
  });

  // Renaming proves nothing for a column that does not change the result
  // (偏差原因, 改进措施 …): a second column under another spelling must be a duplicate.
  test.each(allSpellings)('%s: a second column headed %s–%s is a duplicate, reported on its header cell', (table, canonical, spelling) => {
    const wb = seedWorkbook();
    const col = lastColumnPlusOne(wb, table);
    appendColumn(wb, table, [spelling]);
    const outcome = score(wb);
    const sheet = TABLES[table].sheet;
    expect(errorsOf(outcome)).toEqual([['columnDuplicate', ref(sheet, col + String(TABLES[table].row))]]);
    expect(issueText(outcome.errors[0], 'cli')).toContain(ref(sheet, headerCell(table, canonical)));
    expect(outcome.plan.writes).toEqual([]);
  });
});

describe('header normalisation', () => {
  test.each([
    ['trailing （万元）', '全年预算数（万元）'],
    ['trailing (万元)', '全年预算数(万元)'],
    ['trailing （%） on an output column', '执行率（%）'],
    ['trailing group with anything in it', '全年执行数(单位：万元)'],
    ['spaces inside', '全 年 预 算 数'],
    ['ideographic space and line break', '全年\u3000预算数\n（万元）'],
    ['leading and trailing blanks', '  年初预算数  '],
    ['full-width parentheses and space', '分值\u3000（分）'],
  ])('预算执行: %s — %s', (_why, text) => {
    const wb = seedWorkbook();
    const canonical = ['全年预算数', '执行率', '全年执行数', '年初预算数', '分值'].find((h) => text.replace(/\s/g, '').startsWith(h))!;
    setCell(wb, '预算执行', headerCell('预算执行', canonical), text);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary).toEqual(seed.summary);
    expect(outcome.plan).toEqual(seed.plan);
  });

  test.each([
    ['完成率（%）', '完成率'],
    ['得分（分）', '得分'],
    ['分值(分)', '分值'],
    ['指标值（≥/≤）', '指标值'],
    ['实际\n完成值', '实际完成值'],
    ['三级指标　', '三级指标'],
  ])('绩效指标: %s is %s', (text, canonical) => {
    const wb = seedWorkbook();
    setCell(wb, '绩效指标', headerCell('绩效指标', canonical), text);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary).toEqual(seed.summary);
    expect(outcome.plan).toEqual(seed.plan);
  });

  test('a trailing group holding full-width letters is dropped too', () => {
    // No canonical header holds ASCII letters, so ASCII case folding is not observable
    // with the v1 vocabulary; NFKC is, through full-width punctuation and spaces above.
    const wb = seedWorkbook();
    setCell(wb, '绩效指标', headerCell('绩效指标', '分值'), '分值（Ｗ）');
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary).toEqual(seed.summary);
  });

  test('only ONE trailing group is dropped: 全年预算数(万元)(元) is not the 全年预算数 column', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'C4', '全年预算数(万元)(元)');
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([['columnMissing', '预算执行']]);
    expect(issueText(outcome.errors[0], 'cli')).toContain('全年预算数');
  });

  test('a leading group is not dropped: (万元)全年执行数 is not the 全年执行数 column', () => {
    const wb = seedWorkbook();
    setCell(wb, '预算执行', 'D4', '(万元)全年执行数');
    expect(errorsOf(score(wb))).toEqual([['columnMissing', '预算执行']]);
  });
});

describe('columns are found by header, never by position', () => {
  test('the indicator table with its columns in reverse order scores the same, writing the moved output columns', () => {
    const wb = seedWorkbook();
    const res = wb['绩效指标'];
    if (res.kind !== 'range') throw new Error();
    res.cells = res.cells.map((line) => [...line].reverse());
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.summary!.total).toBe('81.53');
    // 16 columns reversed: 完成率 L→E, 得分 M→D, 计算说明 N→C, 三级指标 C→N.
    const writes = writesOf(outcome);
    expect(writes["'绩效指标'!E6"]).toEqual({ kind: 'number', text: '0.7848', format: '0.00%' });
    expect(writes["'绩效指标'!D6"]).toEqual({ kind: 'number', text: '9.42', format: '0.00' });
    expect(writes["'绩效指标'!C6"].kind).toBe('text');
    expect(render(outcome.summary!.indicators[2].address)).toBe("'绩效指标'!N6");
  });

  test('a table need not start in column A or row 1 of its sheet', () => {
    const wb = seedWorkbook();
    const res = wb['项目支出'];
    if (res.kind !== 'range') throw new Error();
    res.range.sheet = '项目 明细';
    res.range.col = 26; // AA
    res.range.row = 99; // row 100
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(writesOf(outcome)["'项目 明细'!AD101"]).toEqual({ kind: 'number', text: '0.4597', format: '0.00%' });
  });
});

describe('unknown columns are the user own: read past, never written', () => {
  test.each([
    ['预算执行', ['备注', '说明文字', fx('x'), fx(1), fx(null), fx(2)]],
    ['项目支出', ['负责人', '张三', fx(1), fx('x'), fx(null), fx(3), fx(4)]],
    ['绩效指标', ['备注', fx(1), fx('x'), fx(null), fx(3), fx(4), fx(5), fx(6), fx(7)]],
  ] as const)('%s: an extra column, even full of formulas, changes nothing', (table, column) => {
    const wb = seedWorkbook();
    appendColumn(wb, table as keyof typeof TABLES, [...column]);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.summary).toEqual(seed.summary);
    expect(outcome.plan).toEqual(seed.plan);
  });

  test('the seed own 年中监控值 column (H) is never written', () => {
    const touched = Object.keys(writesOf(seed)).filter((a) => a.startsWith("'绩效指标'!H"));
    expect(touched).toEqual([]);
  });

  test('headers that only resemble output columns (得分率, 完成率说明) are unknown and not written', () => {
    const wb = seedWorkbook();
    appendColumn(wb, '绩效指标', ['得分率', fx(1), fx(1), fx(1), fx(1), fx(1), fx(1), fx(1), fx(1)]);
    appendColumn(wb, '绩效指标', ['完成率说明']);
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([]);
    expect(outcome.plan).toEqual(seed.plan);
  });
});

describe('duplicate headers', () => {
  test('two spellings of 实际完成值: the error is on the second header cell and names the first', () => {
    const wb = seedWorkbook();
    setCell(wb, '绩效指标', 'H3', '实际值'); // 年中监控值 → 实际值, left of 实际完成值 (I3)
    const outcome = score(wb);
    expect(errorsOf(outcome)).toEqual([['columnDuplicate', "'绩效指标'!I3"]]);
    expect(issueText(outcome.errors[0], 'cli')).toContain("'绩效指标'!H3");
    expect(outcome.summary).toBeNull();
  });

  test('normalised duplicates count: 得分 and 得分（分）', () => {
    const wb = seedWorkbook();
    appendColumn(wb, '预算执行', ['得分（分）']);
    expect(errorsOf(score(wb))).toEqual([['columnDuplicate', "'预算执行'!I4"]]);
  });

  test('a duplicate in each of two tables: both reported', () => {
    const wb = seedWorkbook();
    appendColumn(wb, '预算执行', ['权重']);
    appendColumn(wb, '项目支出', ['预算金额']);
    expect(errorsOf(score(wb))).toEqual([
      ['columnDuplicate', "'预算执行'!I4"],
      ['columnDuplicate', "'预算执行'!E12"],
    ]);
  });
});

test('helpers: A1 round trip', () => {
  expect(letters(parseRef('AD101').col)).toBe('AD');
});
