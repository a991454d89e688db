/**
 * The 复核 of selfeval batch (src/workbook/review.ts): what the unit stated
 * in the output cells against what the rules give, and the consistency
 * checks, each a 评分规则 row with its default (DEFAULT_REVIEW_RULES).
 */
import { IssueList } from '../../src/workbook/issue-list';
import { parseSettings } from '../../src/workbook/parse-settings';
import { reviewEvaluation, statedTotal } from '../../src/workbook/review';
import { DEFAULT_REVIEW_RULES } from '../../src/workbook/vocabulary';
import { appendRows, range, score, seedWorkbook, setCell, writesOf } from '../support/grid';

const codes = (wb: ReturnType<typeof seedWorkbook>) => reviewEvaluation(wb, score(wb)).findings.map((f) => f.code);

test('a blank workbook states nothing; a figure the unit typed that differs is listed with both values, one that agrees is not', () => {
  const wb = seedWorkbook();
  expect(reviewEvaluation(wb, score(wb)).findings.filter((f) => f.code === 'statedDiffers')).toEqual([]);
  const writes = writesOf(score(wb));
  const total = Object.entries(writes).find(([, w]) => w.kind === 'number' && w.text === score(wb).summary!.total)!;
  const [sheet, a1] = total[0].replace(/'/g, '').split('!');
  setCell(wb, '评价结果', a1, 90);
  const again = reviewEvaluation(wb, score(wb));
  expect(statedTotal(again.stated)).toBe('90');
  const differs = again.findings.filter((f) => f.code === 'statedDiffers');
  expect(differs).toMatchObject([{ stated: '90', computed: score(wb).summary!.total, cell: { sheet } }]);
  // The same total, typed with more decimals than 小数位数: it agrees once rounded as the rules round.
  setCell(wb, '评价结果', a1, Number(score(wb).summary!.total) + 0.001);
  expect(reviewEvaluation(wb, score(wb)).findings.filter((f) => f.code === 'statedDiffers')).toEqual([]);
});

test('the checks are settings: their defaults, and a 评分规则 row turns each off or changes it', () => {
  const issues = new IssueList();
  expect(parseSettings({ kind: 'missing' }, issues).review).toEqual(DEFAULT_REVIEW_RULES);
  const rules = range('评分规则', 'A1', [
    ['复核得分率差异', '无'],
    ['复核结余比例', '50%'],
    ['复核偏差原因', '否'],
    ['复核分值合计', 90],
  ]);
  expect(parseSettings(rules, issues).review).toEqual({ rateGap: null, unspentShare: '0.5', reasonForShortfall: false, weightTotal: '90' });
  expect(issues.errors).toEqual([]);
  expect(issues.warnings).toEqual([]);
  const bad = new IssueList();
  parseSettings(range('评分规则', 'A1', [['复核结余比例', '很多']]), bad);
  expect(bad.errors.map((e) => e.code)).toEqual(['settingBadValue']);
});

test('each check finds what it is for on the seed, and is silent when its row turns it off', () => {
  const wb = seedWorkbook();
  const found = codes(wb);
  expect(found).toContain('rateGap'); // 80.23% of the indicator weights against a 93.16% execution rate
  expect(found).toContain('unspent');
  const off = seedWorkbook();
  appendRows(off, '评分规则', [['复核得分率差异', '无'], ['复核结余比例', '无'], ['复核分值合计', 100]]);
  expect(codes(off)).not.toContain('rateGap');
  expect(codes(off)).not.toContain('unspent');
  expect(codes(off)).not.toContain('weightTotal');
  const ninety = seedWorkbook();
  appendRows(ninety, '评分规则', [['复核分值合计', 90]]);
  expect(reviewEvaluation(ninety, score(ninety)).findings.filter((f) => f.code === 'weightTotal')).toMatchObject([{ total: '100', expected: '90' }]);
});

test('nothing to compare for an evaluation with errors, but what the unit stated is still read', () => {
  const wb = seedWorkbook();
  setCell(wb, '绩效指标', 'I6', '七十八');
  const outcome = score(wb);
  expect(outcome.errors.length).toBeGreaterThan(0);
  expect(reviewEvaluation(wb, outcome).findings).toEqual([]);
});
