/**
 * 规则方案 presets (src/workbook/rule-presets/*.json): each is valid data, a
 * preset scores exactly as its settings spelled out (property test, with and
 * without explicit overrides), 财政部通用 is v1, and the docs describe every
 * preset with its sources.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import type { WorkbookInput } from '../../src/workbook/cells';
import type { ScoreOutcome } from '../../src/workbook/report';
import { RULE_PRESETS } from '../../src/workbook/presets';
import { DEFAULT_LOCAL_RULES, DEFAULT_SETTINGS, SETTING_LABELS } from '../../src/workbook/vocabulary';
import { IssueList } from '../../src/workbook/issue-list';
import { parseSettings } from '../../src/workbook/parse-settings';
import { type CellSpec, appendColumn, appendRows, pct, range, score, seedWorkbook, setCell } from '../support/grid';
import { ROOT } from '../support/paths';

const LABELS = SETTING_LABELS.map((s) => s.label);
const PRESET_DIR = path.join(ROOT, 'src', 'workbook', 'rule-presets');

describe('the preset files', () => {
  test('every JSON file in rule-presets is listed, once, with a unique name', () => {
    const files = fs.readdirSync(PRESET_DIR).filter((f) => f.endsWith('.json'));
    const names = files.map((f) => JSON.parse(fs.readFileSync(path.join(PRESET_DIR, f), 'utf8')).name);
    expect(names.slice().sort()).toEqual(RULE_PRESETS.map((p) => p.name).slice().sort());
    expect(new Set(names).size).toBe(names.length);
  });

  test.each(RULE_PRESETS.map((p) => [p.name, p]))('%s: canonical setting labels only, never 规则方案, every value valid', (_name, preset) => {
    for (const label of Object.keys(preset.settings)) {
      expect(LABELS).toContain(label);
      expect(label).not.toBe('规则方案');
      expect(['优', '良', '中']).not.toContain(label); // presets use 等级
    }
    const issues = new IssueList();
    parseSettings(range('评价结果', 'A4', [['规则方案', preset.name]]), issues);
    expect([issues.errors, issues.warnings]).toEqual([[], []]);
  });

  test('财政部通用 is the v1 defaults spelled out, every setting', () => {
    const mof = RULE_PRESETS.find((p) => p.name === '财政部通用')!;
    expect(Object.keys(mof.settings).sort()).toEqual(LABELS.filter((l) => !['规则方案', '优', '良', '中'].includes(l)).sort());
    const issues = new IssueList();
    const parsed = parseSettings(range('评价结果', 'A4', [['规则方案', '财政部通用']]), issues);
    expect([parsed.settings, parsed.local]).toEqual([DEFAULT_SETTINGS, DEFAULT_LOCAL_RULES]);
  });
});

describe('the seed example under 财政部通用', () => {
  test('scores exactly as without it: summary (but for the preset named), plan, issues', () => {
    const plain = score(seedWorkbook());
    for (const where of ['append', 'replace-v1-rows'] as const) {
      const wb = seedWorkbook();
      if (where === 'append') appendRows(wb, '评分规则', [['规则方案', '财政部通用']]);
      else {
        for (const c of ['A5', 'B5', 'A6', 'B6', 'A7', 'B7']) setCell(wb, '评分规则', c, null);
        setCell(wb, '评分规则', 'A11', '规则方案');
        setCell(wb, '评分规则', 'B11', '财政部通用');
      }
      const o = score(wb);
      expect({ ...o.summary!, preset: null }).toEqual(plain.summary);
      expect(o.summary!.preset).toBe('财政部通用');
      expect(o.plan).toEqual(plain.plan);
      expect([o.warnings, o.errors]).toEqual([plain.warnings, plain.errors]);
    }
  });
});

/** The seed with its 评分规则 replaced by these rows, a 总分说明 row, and the given figures. */
function book(rules: Array<[string, CellSpec]>, figures: Figures): WorkbookInput {
  const wb = seedWorkbook();
  wb['评分规则'] = range('评价结果', 'A4', rules.length > 0 ? rules : [[null, null]]);
  appendRows(wb, '评价结果', [['总分说明']]);
  setCell(wb, '预算执行', 'D5', figures.executed);
  setCell(wb, '预算执行', 'D9', figures.executed - 3632.36 > 0 ? Math.round((figures.executed - 3632.36) * 100) / 100 : 0);
  figures.actuals.forEach((a, i) => setCell(wb, '绩效指标', `I${4 + i}`, a));
  figures.cleared.forEach((clear, i) => setCell(wb, '绩效指标', `O${4 + i}`, clear ? null : '偏差较小。'));
  appendColumn(wb, '预算执行', ['偏差原因', figures.budgetReason ? '部分项目仍在审批中。' : null, null, null, null, null]);
  return wb;
}

interface Figures {
  executed: number;
  actuals: CellSpec[];
  /** Indicators whose 偏差原因 is cleared (rarely: a reason missing under 错误 stops scoring). */
  cleared: boolean[];
  budgetReason: boolean;
}

const rarely = fc.integer({ min: 0, max: 11 }).map((n) => n === 0);

/** Execution from 40% to 100% of the budget; actuals around each seed target (some far over it, for 偏离扣分). */
const figuresArb: fc.Arbitrary<Figures> = fc.record({
  executed: fc.integer({ min: 199140, max: 497849 }).map((n) => n / 100),
  actuals: fc.tuple(
    fc.integer({ min: 0, max: 10 }).map((n) => pct(n / 100)), // ≥ 5%
    fc.integer({ min: 3000, max: 6000 }).map((n) => n), // ≤ 4978.49 万元 (调整后)
    fc.integer({ min: 50, max: 140 }).map((n) => pct(n / 100)), // ≥ 100%
    fc.integer({ min: 50, max: 140 }).map((n) => pct(n / 100)),
    fc.integer({ min: 90, max: 140 }).map((n) => pct(n / 100)),
    fc.integer({ min: 90, max: 140 }).map((n) => pct(n / 100)),
    fc.integer({ min: 0, max: 200 }), // ≥ 100 人
    fc.integer({ min: 80, max: 130 }).map((n) => pct(n / 100)), // ≥ 95%
  ) as fc.Arbitrary<CellSpec[]>,
  cleared: fc.array(rarely, { minLength: 8, maxLength: 8 }),
  budgetReason: rarely.map((r) => !r),
});

/** Explicit rows a workbook may add to override its preset. */
const overrideArb: fc.Arbitrary<Array<[string, CellSpec]>> = fc.subarray([
  ['偏离扣分', 1] as [string, CellSpec],
  ['执行率总分上限', '无'] as [string, CellSpec],
  ['执行率总分上限', '90%:85'] as [string, CellSpec],
  ['等级', 'A:90;B:75;C'] as [string, CellSpec],
  ['小数位数', 3] as [string, CellSpec],
  ['偏差原因必填', '错误'] as [string, CellSpec],
  ['一级指标分值', '产出指标:65;效益指标:15;满意度指标:10'] as [string, CellSpec],
  ['偏离度预警阈值', '20%'] as [string, CellSpec],
]);

/** Everything an outcome says, but for which preset it names. */
function comparable(o: ScoreOutcome) {
  return { ...o, summary: o.summary ? { ...o.summary, preset: null } : null };
}

describe('a preset equals its settings spelled out (property)', () => {
  test.each(RULE_PRESETS.map((p) => [p.name, p]))('%s', (_name, preset) => {
    const spelled = Object.keys(preset.settings).map((label) => [label, preset.settings[label]] as [string, CellSpec]);
    fc.assert(
      fc.property(figuresArb, overrideArb, fc.boolean(), (figures, overrides, presetLast) => {
        const presetRow: [string, CellSpec] = ['规则方案', preset.name];
        const named = score(book(presetLast ? [...overrides, presetRow] : [presetRow, ...overrides], figures));
        const written = score(book([...spelled, ...overrides], figures));
        expect(comparable(named)).toEqual(comparable(written));
        if (named.summary) expect(named.summary.preset).toBe(preset.name);
        if (written.summary) expect(written.summary.preset).toBeNull();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS) || 40 },
    );
  });
});

describe('the documentation', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'workbook-contract.md'), 'utf8');

  test.each(RULE_PRESETS.map((p) => [p.name, p]))('describes preset %s with its every setting and a source', (name, preset) => {
    const section = doc.slice(doc.indexOf(`#### 规则方案“${name}”`));
    expect(section.length).toBeLessThan(doc.length);
    const own = section.slice(0, section.indexOf('\n#### ', 5) > 0 ? section.indexOf('\n#### ', 5) : undefined);
    for (const label of Object.keys(preset.settings)) expect(own).toContain(`| ${label} | \`${preset.settings[label]}\` |`);
    expect(own).toMatch(/来源/);
  });

  test.each(LABELS)('documents the setting %s in the settings table', (label) => {
    const table = doc.slice(doc.indexOf('## 6. '), doc.indexOf('### 6.2'));
    expect(table).toMatch(new RegExp(`\\n\\| ${label}(（[^）]*）)? \\|`));
  });
});
