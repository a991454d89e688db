/**
 * The local rules in the engine, as tables of decimal strings: 偏离扣分 on an
 * indicator's rule score, 执行率总分上限 on the total, grades with local names
 * at each bound, and which indicators fell short of their targets.
 */
import { applicableCap, evaluate, gradeForScore, missedTarget, scoreIndicator, type IndicatorInput, type Settings } from '../../src/engine';
import { DEFAULT_SETTINGS } from '../../src/workbook/vocabulary';

const S = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });
const atLeast = (target: string, actual: string, weight: string, manualScore: string | null = null): IndicatorInput => ({
  direction: 'atLeast', target, actual, weight, manualScore,
});

describe('偏离扣分 (deviation penalty)', () => {
  test.each([
    // target, actual, weight, penalty, threshold, decimals → rule score, [before, after] or null
    ['1', '1.3', '10', '2', '0.3', 2, '8.00', ['10.00', '8.00']], // exactly t × 1.3: penalised
    ['1', '1.2999', '10', '2', '0.3', 2, '10.00', null], // just below: full marks, no penalty
    ['100', '130', '15', '2', '0.3', 2, '13.00', ['15.00', '13.00']],
    ['0.95', '1.235', '10', '2', '0.3', 2, '8.00', ['10.00', '8.00']], // 0.95 × 1.3 = 1.235 exactly
    ['1', '2', '1', '2', '0.3', 2, '0.00', ['1.00', '0.00']], // would go below 0: stops at 0
    ['1', '2', '2', '2', '0.3', 2, '0.00', ['2.00', '0.00']], // exactly to 0
    ['1', '1.5', '10', '0.125', '0.3', 2, '9.88', ['10.00', '9.88']], // 9.875 rounds half up
    ['1', '1.5', '10', '2.5', '0.3', 0, '8', ['10', '8']], // 7.5 → 8 at 小数位数 0
    ['1', '1.2', '10', '2', '0.2', 2, '8.00', ['10.00', '8.00']], // the threshold is 偏离度预警阈值
    ['1', '1.3', '10', '0', '0.3', 2, '10.00', null], // 0 = no penalty (v1)
    ['0', '5', '10', '2', '0.3', 2, '10.00', null], // t = 0: no overachievement, no penalty
  ] as const)('t=%s a=%s w=%s, 扣 %s at %s (小数位数 %s) → %s', (t, a, w, points, threshold, decimals, ruleScore, change) => {
    const s = scoreIndicator(atLeast(t, a, w), S({ deviationPenalty: points, overachievementThreshold: threshold, decimals }));
    expect(s.ruleScore).toBe(ruleScore);
    expect(s.score).toBe(ruleScore);
    expect(s.adjustments.map((x) => [x.before, x.after])).toEqual(change ? [change] : []);
  });

  test('the adjustment carries what its explanation needs: points, the bound t × (1 + 阈值), the threshold', () => {
    const [adj] = scoreIndicator(atLeast('100', '140', '15'), S({ deviationPenalty: '2' })).adjustments;
    expect(adj).toEqual({ rule: 'deviationPenalty', before: '15.00', after: '13.00', points: '2', bound: '130', threshold: '0.3' });
  });

  test('反向 and 等于 indicators are never penalised (no overachievement warning either, as in v1)', () => {
    const settings = S({ deviationPenalty: '2' });
    for (const direction of ['atMost', 'equal'] as const) {
      const s = scoreIndicator({ direction, target: '1', actual: direction === 'atMost' ? '0.5' : '2', weight: '10', manualScore: null }, settings);
      expect([s.adjustments, s.overachieved]).toEqual([[], false]);
    }
  });

  test('a manual score stays the score; the penalised rule score is what it is compared with', () => {
    const s = scoreIndicator(atLeast('1', '1.5', '10', '10'), S({ deviationPenalty: '2' }));
    expect([s.score, s.ruleScore, s.manualDiffers]).toEqual(['10.00', '8.00', true]);
  });
});

describe('执行率总分上限 (execution-rate caps on the total)', () => {
  const CAPS = [
    { below: '0.8', cap: '89' },
    { below: '0.7', cap: '79' },
    { below: '0.6', cap: '69' },
    { below: '0.5', cap: '59' },
  ];
  test.each([
    // rate as written → the pair that applies (null: none)
    ['1.0000', null],
    ['0.8000', null], // exactly at a bound: “低于 80%” is strictly below
    ['0.7999', '89'],
    ['0.7000', '89'],
    ['0.6999', '79'],
    ['0.6820', '79'],
    ['0.6000', '79'],
    ['0.5999', '69'],
    ['0.5000', '69'],
    ['0.4999', '59'],
    ['0.0000', '59'],
  ])('rate %s → cap %s', (rate, cap) => {
    expect(applicableCap(rate, CAPS)?.cap ?? null).toBe(cap);
  });

  test('the order of the pairs does not matter: the lowest applicable cap wins; on a tie the lower bound is named', () => {
    const shuffled = [CAPS[2], CAPS[0], CAPS[3], CAPS[1]];
    expect(applicableCap('0.45', shuffled)).toEqual({ below: '0.5', cap: '59' });
    expect(applicableCap('0.55', [{ below: '0.9', cap: '80' }, { below: '0.6', cap: '80' }])).toEqual({ below: '0.6', cap: '80' });
  });

  /** A one-indicator evaluation: execution 10 × a / b, the indicator's score w (met), total = both. */
  function run(budget: string, actual: string, weight: string, caps: Settings['executionCaps'], decimals = 2) {
    return evaluate({ budget, actual, weight: '10' }, [{ input: atLeast('1', '1', weight) }], S({ executionCaps: caps, decimals, grades: [{ name: '好', min: '95' }, { name: '较好', min: '85' }, { name: '一般', min: '60' }] }));
  }

  test.each([
    // budget, actual, indicator weight → rate, sum, total, adjustment [before, after] | null, grade
    ['100', '68.2', '78', '0.6820', '84.82', '79.00', ['84.82', '79.00'], '一般'], // the case: below 70% → at most 79
    ['100', '70', '78', '0.7000', '85.00', '85.00', null, '较好'], // rate exactly 70%: the 80% pair (89) applies, 85 is under it
    ['100', '79.99', '90', '0.7999', '98.00', '89.00', ['98.00', '89.00'], '较好'], // 10 × 0.7999 = 7.999 → 8.00
    ['100', '80', '90', '0.8000', '98.00', '98.00', null, '好'], // exactly 80%: no cap at all
    ['100', '45', '50', '0.4500', '54.50', '54.50', null, '差'], // a cap (59) above the total changes nothing
    ['100', '59', '54', '0.5900', '59.90', '59.90', null, '差'], // 59.90 under the 69 cap
    ['100', '49.99', '59', '0.4999', '64.00', '59.00', ['64.00', '59.00'], '差'], // capped below 60: the grade follows the cap
  ] as const)('b=%s a=%s w=%s → rate %s, %s → %s', (budget, actual, weight, rate, sum, total, change, grade) => {
    const e = run(budget, actual, weight, CAPS);
    expect([e.execution.rate, e.sum, e.total, e.grade]).toEqual([rate, sum, total, grade]);
    expect(e.adjustments.map((a) => [a.before, a.after])).toEqual(change ? [change] : []);
    // The cap never touches the figures it is computed from.
    expect(e.indicatorTotal).toBe(e.indicators[0].score.score);
  });

  test('the rate is compared as written: 69.996% is written 70.00%, so the 70% pair (79) does not apply, the 80% pair (89) does', () => {
    const e = run('100000', '69996', '80', CAPS);
    // 10 × 0.69996 = 6.9996 → 7.00; 7.00 + 80 = 87.00, under 89 (with the exact rate it would be capped at 79).
    expect([e.execution.rate, e.total, e.adjustments]).toEqual(['0.7000', '87.00', []]);
  });

  test('the cap is rounded to 小数位数 like every score, and carries its figures', () => {
    const e = run('100', '60', '90', [{ below: '0.7', cap: '79.5' }], 0);
    expect([e.sum, e.total]).toEqual(['96', '80']); // 79.5 at 0 places is 80 (half up)
    expect(e.adjustments).toEqual([{ rule: 'executionCap', before: '96', after: '80', rate: '0.60', below: '0.7', cap: '79.5' }]);
  });

  test('no caps (v1): total = sum, no adjustment', () => {
    const e = run('100', '10', '90', []);
    expect([e.total, e.sum, e.adjustments]).toEqual(['91.00', '91.00', []]);
  });
});

describe('等级 with local names, at each bound', () => {
  const local = S({ grades: [{ name: '好', min: '95' }, { name: '较好', min: '85' }, { name: '一般', min: '60' }], lowestGrade: '差' });
  test.each([
    ['100.00', '好', 0], ['95.00', '好', 0], ['94.99', '较好', 1], ['85.00', '较好', 1], ['84.99', '一般', 2],
    ['60.00', '一般', 2], ['59.99', '差', 3], ['0.00', '差', 3],
  ] as const)('%s → %s (level %s)', (total, grade, level) => {
    expect(gradeForScore(total, local)).toEqual({ grade, level });
  });

  test('two grades only: 合格 from 60, else 不合格', () => {
    const two = S({ grades: [{ name: '合格', min: '60' }], lowestGrade: '不合格' });
    expect(['60', '59.99'].map((t) => gradeForScore(t, two).grade)).toEqual(['合格', '不合格']);
  });
});

describe('missedTarget: which indicators need a 偏差原因', () => {
  const w = '10';
  test.each<[string, IndicatorInput, boolean]>([
    ['正向 met', atLeast('1', '1', w), false],
    ['正向 short', atLeast('1', '0.99', w), true],
    ['正向 short but rounding to full marks', atLeast('1', '0.9999', w), true],
    ['正向 t = 0', atLeast('0', '0', w), false],
    ['反向 within', { direction: 'atMost', target: '5', actual: '5', weight: w, manualScore: null }, false],
    ['反向 over', { direction: 'atMost', target: '5', actual: '6', weight: w, manualScore: null }, true],
    ['反向 2t and over', { direction: 'atMost', target: '5', actual: '10', weight: w, manualScore: null }, true],
    ['等于 0 met', { direction: 'equal', target: '0', actual: '0', weight: w, manualScore: null }, false],
    ['等于 0 not met', { direction: 'equal', target: '0', actual: '1', weight: w, manualScore: null }, true],
    ['定性 A', { direction: 'qualitative', tier: 'A', weight: w, manualScore: null }, false],
    ['定性 B', { direction: 'qualitative', tier: 'B', weight: w, manualScore: null }, true],
    ['定性 C', { direction: 'qualitative', tier: 'C', weight: w, manualScore: null }, true],
    ['定性, manual only, below w', { direction: 'qualitative', tier: null, weight: w, manualScore: '9' }, true],
    ['定性, manual only, full', { direction: 'qualitative', tier: null, weight: w, manualScore: '10' }, false],
  ])('%s → %s', (_why, input, missed) => {
    expect(missedTarget(scoreIndicator(input, S()), input.weight)).toBe(missed);
  });

  test.each(['reverseDeduct', 'reverseRatio', 'reverseZero'] as const)('反向 over the target under every 反向指标超标记分 (%s)', (kind) => {
    const mode = ({ reverseDeduct: 'deviation', reverseRatio: 'ratio', reverseZero: 'zero' } as const)[kind];
    const s = scoreIndicator({ direction: 'atMost', target: '5', actual: '6', weight: w, manualScore: null }, S({ reverseMode: mode }));
    expect([s.rule.kind, missedTarget(s, w)]).toEqual([kind, true]);
  });
});
