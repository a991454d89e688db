/**
 * The local-rule settings of 评分规则 (docs/workbook-contract.md §6.1): the
 * value grammar of each, what a bad value says, 规则方案 and its layering
 * (defaults, preset, explicit rows), and 等级 with the v1 keys 优 / 良 / 中.
 */
import { IssueList } from '../../src/workbook/issue-list';
import { issueText } from '../../src/messages/issues';
import { parseSettings } from '../../src/workbook/parse-settings';
import { DEFAULT_LOCAL_RULES, DEFAULT_SETTINGS } from '../../src/workbook/vocabulary';
import {
  type CellSpec,
  appendRows,
  errorsOf,
  pct,
  range,
  score,
  seedWorkbook,
  setCell,
  warningsOf,
  writesOf,
} from '../support/grid';

/** Parses a 评分规则 range of the given (label, value) rows at '评价结果'!A4. */
function parse(...rows: Array<[string, CellSpec]>) {
  const issues = new IssueList();
  const parsed = parseSettings(range('评价结果', 'A4', rows), issues);
  return { ...parsed, errors: issues.errors.map((e) => [e.code, issueText(e, 'cli')]), warnings: issues.warnings };
}

const V1 = { grades: DEFAULT_SETTINGS.grades, lowestGrade: DEFAULT_SETTINGS.lowestGrade };

describe('等级 (grades as one setting)', () => {
  test.each<[CellSpec, Array<{ name: string; min: string }>, string]>([
    ['优:90;良:80;中:60;差', V1.grades as Array<{ name: string; min: string }>, '差'],
    ['好:95;较好:85;一般:60;差', [{ name: '好', min: '95' }, { name: '较好', min: '85' }, { name: '一般', min: '60' }], '差'],
    // As people type it: full-width colon and semicolon, spaces, the Chinese comma, a line break.
    ['好：95；较好：85；一般：60；差', [{ name: '好', min: '95' }, { name: '较好', min: '85' }, { name: '一般', min: '60' }], '差'],
    [' 好 : 95 ; 较好 : 85 、一般: 60\n差 ', [{ name: '好', min: '95' }, { name: '较好', min: '85' }, { name: '一般', min: '60' }], '差'],
    ['优=90,良=80,中=60,差', V1.grades as Array<{ name: string; min: string }>, '差'],
    ['优:90分;良:80分;中:60分;差', V1.grades as Array<{ name: string; min: string }>, '差'],
    ['优:90;良:80;中:60;差:0', V1.grades as Array<{ name: string; min: string }>, '差'], // the lowest with bound 0
    ['合格:60;不合格', [{ name: '合格', min: '60' }], '不合格'],
    ['A:89.5;B:79.5;C', [{ name: 'A', min: '89.5' }, { name: 'B', min: '79.5' }], 'C'],
  ])('%p', (value, grades, lowest) => {
    const p = parse(['等级', value]);
    expect(p.errors).toEqual([]);
    expect([p.settings.grades, p.settings.lowestGrade]).toEqual([grades, lowest]);
  });

  test.each<[CellSpec]>([
    ['优:90'], // one grade only
    ['优:90;良:80;中:60;差:10'], // the lowest grade has no bound (or 0)
    ['优:90;优:80;差'], // a name twice
    ['优:九十;差'],
    ['优;良:80;差'], // a grade above the lowest without its bound
    ['优:90:1;差'],
    ['优:;差'],
    ['优:90%;差'], // bounds are scores, not percentages
    [90], // a number is not a grade list
  ])('%p is an error naming the value cell, with the grammar', (value) => {
    const p = parse(['等级', value]);
    expect(p.errors.map((e) => e[0])).toEqual(['settingBadValue']);
    expect(p.errors[0][1]).toContain("'评价结果'!B4");
    expect(p.errors[0][1]).toContain('优:90;良:80;中:60;差');
  });

  test('bounds must descend: the error is on the 等级 cell and shows the order as given', () => {
    const p = parse(['等级', '好:85;较好:95;一般:60;差']);
    expect(p.errors).toEqual([['settingBandsOrder', "'评价结果'!B4 的等级分数线无效：应满足 好（85）> 较好（95）> 一般（60）≥ 0。"]]);
  });

  test('the v1 keys still set the default grades’ bounds, and the order message names the grades', () => {
    const p = parse(['优', 95], ['良', 85], ['中', 61]);
    expect(p.errors).toEqual([]);
    expect(p.settings.grades).toEqual([{ name: '优', min: '95' }, { name: '良', min: '85' }, { name: '中', min: '61' }]);
    expect(parse(['良', 95]).errors).toEqual([['settingBandsOrder', "'评价结果'!B4 的等级分数线无效：应满足 优（90）> 良（95）> 中（60）≥ 0。"]]);
  });

  test('等级 and a v1 key that agree: no issue', () => {
    const p = parse(['等级', '优:90;良:80;中:60;差'], ['优', 90], ['良', '80']);
    expect(p.errors).toEqual([]);
  });

  test('等级 and a v1 key that disagree: an error on the v1 key naming the 等级 cell', () => {
    const p = parse(['等级', '优:90;良:80;中:60;差'], ['良', 85]);
    expect(p.errors).toEqual([['settingGradeConflict', "'评价结果'!B5 的“良”为 85，与 '评价结果'!B4 的等级中“良”的分数线 80 不一致。请只保留一处：删去“良”一行，或修改“等级”。"]]);
  });

  test('a v1 key naming a grade 等级 does not have: an error saying what to do', () => {
    const p = parse(['等级', '好:95;较好:85;一般:60;差'], ['中', 60]);
    expect(p.errors.map((e) => e[0])).toEqual(['settingGradeUnknown']);
    expect(p.errors[0][1]).toContain("'评价结果'!B5 的“中”");
    expect(p.errors[0][1]).toContain('好、较好、一般、差');
    expect(p.errors[0][1]).toContain('只用“等级”一行');
  });

  test('scored: 等级 好/较好/一般/差 grades the example (81.53) 一般 and writes it', () => {
    const wb = seedWorkbook();
    for (const c of ['A5', 'B5', 'A6', 'B6', 'A7', 'B7']) setCell(wb, '评分规则', c, null);
    appendRows(wb, '评分规则', [['等级', '好：95；较好：85；一般：60；差']]);
    const o = score(wb);
    expect(errorsOf(o)).toEqual([]);
    expect([o.summary!.total, o.summary!.grade, o.summary!.gradeLevel, o.summary!.gradeScale]).toEqual(['81.53', '一般', 2, ['好', '较好', '一般', '差']]);
    expect(writesOf(o)["'评价结果'!B19"]).toEqual({ kind: 'text', text: '一般' });
  });
});

describe('执行率总分上限', () => {
  test.each<[CellSpec, Array<{ below: string; cap: string }>]>([
    ['80%:89;70%:79;60%:69;50%:59', [{ below: '0.8', cap: '89' }, { below: '0.7', cap: '79' }, { below: '0.6', cap: '69' }, { below: '0.5', cap: '59' }]],
    ['80％：89；70％：79', [{ below: '0.8', cap: '89' }, { below: '0.7', cap: '79' }]],
    ['0.8:89分', [{ below: '0.8', cap: '89' }]], // a ratio, and 分 after the cap
    ['80:89', [{ below: '0.8', cap: '89' }]], // a plain number above 1 is percentage points (as 偏离度预警阈值)
    ['70.5%:79.5', [{ below: '0.705', cap: '79.5' }]],
    ['无', []], // none: overrides a preset's caps
  ])('%p', (value, caps) => {
    const p = parse(['执行率总分上限', value]);
    expect(p.errors).toEqual([]);
    expect(p.settings.executionCaps).toEqual(caps);
  });

  test.each<[CellSpec]>([['80%'], ['80%:'], [':89'], ['80%:89%'], ['80%:89;80%:79'], ['0%:50'], ['-10%:50'], ['八成:89'], [89], ['80%:89:1']])(
    '%p is an error naming the cell',
    (value) => {
      const p = parse(['执行率总分上限', value]);
      expect(p.errors.map((e) => e[0])).toEqual(['settingBadValue']);
      expect(p.errors[0][1]).toContain("'评价结果'!B4 的评分规则“执行率总分上限”");
      expect(p.errors[0][1]).toContain('80%:89;70%:79;60%:69;50%:59');
    },
  );
});

describe('the other local settings', () => {
  test.each<[string, CellSpec, (p: ReturnType<typeof parse>) => unknown, unknown]>([
    ['偏离扣分', 2, (p) => p.settings.deviationPenalty, '2'],
    ['偏离扣分', '1.5分', (p) => p.settings.deviationPenalty, '1.5'],
    ['偏离扣分', 0, (p) => p.settings.deviationPenalty, '0'],
    ['偏离度扣分', '2', (p) => p.settings.deviationPenalty, '2'], // alias
    ['一级指标分值', '产出指标:50;效益指标:30;满意度指标:10', (p) => p.local.blockWeights, [{ block: '产出指标', weight: '50' }, { block: '效益指标', weight: '30' }, { block: '满意度指标', weight: '10' }]],
    ['一级指标分值', '产出指标：60；效益指标：30', (p) => p.local.blockWeights, [{ block: '产出指标', weight: '60' }, { block: '效益指标', weight: '30' }]],
    ['一级指标分值', '无', (p) => p.local.blockWeights, []],
    ['偏差原因必填', '否', (p) => p.local.reasonMode, 'off'],
    ['偏差原因必填', '提示', (p) => p.local.reasonMode, 'warn'],
    ['偏差原因必填', ' 错误 ', (p) => p.local.reasonMode, 'error'],
    ['偏差原因字数上限', 100, (p) => p.local.reasonMaxChars, 100],
    ['偏差原因字数上限', '100字', (p) => p.local.reasonMaxChars, 100],
    ['偏差原因字数上限', '无', (p) => p.local.reasonMaxChars, null],
    ['执行率说明阈值', '90%', (p) => p.local.reasonThreshold, '0.9'],
    ['执行率说明阈值', pct(0.85, '0%'), (p) => p.local.reasonThreshold, '0.85'],
    ['执行率说明阈值', 90, (p) => p.local.reasonThreshold, '0.9'],
    ['执行率说明阈值', 0.8, (p) => p.local.reasonThreshold, '0.8'],
    ['报告字数上限', 200, (p) => p.local.reportMaxChars, 200],
  ])('%s = %p', (label, value, get, expected) => {
    const p = parse([label, value]);
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(get(p)).toEqual(expected);
  });

  test.each<[string, CellSpec, string]>([
    ['偏离扣分', -1, '不小于 0 的分数'],
    ['偏离扣分', '20%', '不小于 0 的分数'],
    ['偏离扣分', '两分', '不小于 0 的分数'],
    ['一级指标分值', '产出指标', '产出指标:50;效益指标:30;满意度指标:10'],
    ['一级指标分值', '产出指标:0', '产出指标:50'],
    ['一级指标分值', '产出指标:50;产出指标（分）:30', '产出指标:50'], // the same block twice, as headers match
    ['偏差原因必填', '是', '“否”、“提示”或“错误”'],
    ['偏差原因字数上限', 0, '正整数'],
    ['偏差原因字数上限', 99.5, '正整数'],
    ['偏差原因字数上限', '一百', '正整数'],
    ['执行率说明阈值', '九成', '百分比'],
    ['执行率说明阈值', -0.1, '百分比'],
    ['报告字数上限', '200字以内', '正整数'],
  ])('%s = %p is an error naming the cell and saying what is expected', (label, value, expected) => {
    const p = parse([label, value]);
    expect(p.errors.map((e) => e[0])).toEqual(['settingBadValue']);
    expect(p.errors[0][1]).toContain(`'评价结果'!B4 的评分规则“${label}”`);
    expect(p.errors[0][1]).toContain(expected);
  });

  test('the defaults are v1: nothing of the local rules is on', () => {
    const p = parse();
    expect([p.settings, p.local, p.preset]).toEqual([DEFAULT_SETTINGS, DEFAULT_LOCAL_RULES, null]);
  });
});

describe('规则方案 (named presets)', () => {
  test('a known preset sets its rules; the name is matched like a label and reported canonically', () => {
    const p = parse(['规则方案', ' 执行率封顶（2024） ']);
    expect(p.errors).toEqual([]);
    expect(p.preset).toBe('执行率封顶');
    expect(p.settings.executionCaps).toHaveLength(4);
    expect([p.settings.deviationPenalty, p.settings.lowestGrade, p.local.reasonMode]).toEqual(['2', '差', 'error']);
  });

  test('an explicit setting overrides its preset, wherever the 规则方案 row is', () => {
    for (const rows of [
      [['规则方案', '执行率封顶'], ['偏离扣分', 0], ['执行率总分上限', '无'], ['偏差原因必填', '提示']],
      [['偏离扣分', 0], ['执行率总分上限', '无'], ['偏差原因必填', '提示'], ['规则方案', '执行率封顶']],
    ] as Array<[string, CellSpec]>[]) {
      const p = parse(...rows);
      expect(p.errors).toEqual([]);
      expect([p.preset, p.settings.deviationPenalty, p.settings.executionCaps, p.local.reasonMode, p.settings.grades[0].name]).toEqual(['执行率封顶', '0', [], 'warn', '好']);
    }
  });

  test('a v1 key refines a preset whose grades it names (四川自评表 keeps 优/良/中/差)', () => {
    const p = parse(['规则方案', '四川自评表'], ['良', 85]);
    expect(p.errors).toEqual([]);
    expect(p.settings.grades).toEqual([{ name: '优', min: '90' }, { name: '良', min: '85' }, { name: '中', min: '60' }]);
  });

  test('a v1 key against a preset whose grades lack it: an error naming the preset and its cell', () => {
    const p = parse(['规则方案', '执行率封顶'], ['优', 90]);
    expect(p.errors).toEqual([
      ['settingGradeUnknown', "'评价结果'!B5 的“优”设置等级“优”的分数线，但 '评价结果'!B4 的规则方案“执行率封顶”规定的等级为 好、较好、一般、差，其中没有“优”。请删去“优”“良”“中”这几行（或清空其值），或用“等级”一行写明要用的等级和分数线。"],
    ]);
  });

  test.each([
    ['四川', '四川自评表'], // contained in a name
    ['四川省自评表', '四川自评表'], // one character off
    ['财政部通用规则', '财政部通用'], // a name contained in it
    ['执行率封项', '执行率封顶'],
    ['浙江', null],
  ])('an unknown preset %s is an error with the known ones (did you mean %s?)', (name, suggestion) => {
    const p = parse(['规则方案', name]);
    expect(p.errors.map((e) => e[0])).toEqual(['settingUnknownPreset']);
    const text = p.errors[0][1];
    expect(text).toContain(`'评价结果'!B4 的规则方案“${name}”不认识`);
    expect(text).toContain('“财政部通用”、“财政部项目支出”、“四川自评表”、“执行率封顶”');
    if (suggestion) expect(text).toContain(`您要的是否是“${suggestion}”？`);
    else expect(text).not.toContain('是否是');
  });

  test('scored: the result names the preset; the seed’s v1 rows agree with 财政部通用', () => {
    const wb = seedWorkbook();
    appendRows(wb, '评分规则', [['规则方案', '财政部通用']]);
    const o = score(wb);
    expect([errorsOf(o), warningsOf(o), o.summary!.preset, o.summary!.total]).toEqual([[], [], '财政部通用', '81.53']);
  });
});
