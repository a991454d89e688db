import { evaluate, scoreIndicator, scoreExecution, gradeForScore, type Settings, type IndicatorInput } from '../../src/engine';
import { DEFAULT_SETTINGS } from '../../src/workbook/vocabulary';

const S = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });
const q = (direction: 'atLeast' | 'atMost' | 'equal', target: string, actual: string, weight: string, manualScore: string | null = null): IndicatorInput => ({
  direction,
  target,
  actual,
  weight,
  manualScore,
});

describe('正向 (at least)', () => {
  test.each([
    // target, actual, weight → rate, score, rule
    ['0.05', '0', '8', '0.0000', '0.00', 'proportional'], // seed 1
    ['1', '0.7848', '12', '0.7848', '9.42', 'proportional'], // seed 3
    ['1', '1', '8', '1.0000', '8.00', 'met'], // seed 4: exactly at t
    ['1', '0.9993', '10', '0.9993', '9.99', 'proportional'], // seed 5
    ['100', '52', '15', '0.5200', '7.80', 'proportional'], // seed 7
    ['0.95', '0.99', '10', '1.0421', '10.00', 'met'], // seed 8, capped at w
    ['0.95', '1.9', '10', '2.0000', '10.00', 'met'], // exactly 2t: still capped
    ['3', '1', '10', '0.3333', '3.33', 'proportional'],
    ['8', '6.7', '10', '0.8375', '8.38', 'proportional'], // 8.375 is a half-up tie
    ['0', '5', '10', null, '10.00', 'targetZero'], // t = 0: full score, rate blank
    ['0', '0', '10', null, '10.00', 'targetZero'],
  ])('t=%s a=%s w=%s → r=%s score=%s (%s)', (t, a, w, rate, score, rule) => {
    const s = scoreIndicator(q('atLeast', t, a, w), S());
    expect(s.rate).toBe(rate);
    expect(s.score).toBe(score);
    expect(s.ruleScore).toBe(score);
    expect(s.rule.kind).toBe(rule);
  });

  test('a half-up tie lost by a truncated quotient: 12 × 9.415/12 is exactly 9.415 → 9.42', () => {
    // a / t = 0.784583… does not terminate; the score must be computed as (w × a) / t.
    expect(scoreIndicator(q('atLeast', '12', '9.415', '12'), S()).score).toBe('9.42');
  });

  test('negative actual counts as 0 for score and rate', () => {
    const s = scoreIndicator(q('atLeast', '10', '-5', '10'), S());
    expect([s.rate, s.score, s.negativeActual, s.effectiveActual]).toEqual(['0.0000', '0.00', true, '0']);
  });

  test.each([
    ['1', '1.3', true], // exactly t × 1.3
    ['1', '1.2999', false],
    ['0.95', '1.235', true],
    ['0', '100', false], // t = 0: no meaningful ratio, no warning
  ])('overachievement at t=%s a=%s → %s', (t, a, expected) => {
    expect(scoreIndicator(q('atLeast', t, a, '10'), S()).overachieved).toBe(expected);
  });

  test('the threshold comes from settings', () => {
    expect(scoreIndicator(q('atLeast', '1', '1.2', '10'), S({ overachievementThreshold: '0.2' })).overachieved).toBe(true);
    expect(scoreIndicator(q('atLeast', '1', '1.2', '10'), S({ overachievementThreshold: '0.25' })).overachieved).toBe(false);
  });
});

describe('反向 (at most)', () => {
  test.each([
    // t, a, w, mode → rate, score, rule
    ['4978.49', '4637.81', '12', 'deviation', '0.9316', '12.00', 'met'], // seed 2 against the adjusted target
    ['4135.45', '4637.81', '12', 'deviation', '1.1215', '10.54', 'reverseDeduct'], // scoring-rules.md: 10.54 against the original
    ['4135.45', '4637.81', '12', 'ratio', '1.1215', '10.70', 'reverseRatio'], // … and 10.70 with 比值
    ['4135.45', '4637.81', '12', 'zero', '1.1215', '0.00', 'reverseZero'],
    ['10', '10', '10', 'deviation', '1.0000', '10.00', 'met'], // exactly at t
    ['10', '15', '10', 'deviation', '1.5000', '5.00', 'reverseDeduct'],
    ['10', '19.99', '10', 'deviation', '1.9990', '0.01', 'reverseDeduct'],
    ['10', '20', '10', 'deviation', '2.0000', '0.00', 'reverseDouble'], // exactly 2t
    ['10', '25', '10', 'deviation', '2.5000', '0.00', 'reverseDouble'],
    ['10', '25', '10', 'ratio', '2.5000', '4.00', 'reverseRatio'],
    ['0', '0', '10', 'deviation', null, '10.00', 'met'], // t = 0, nothing spent
    ['0', '1', '10', 'deviation', null, '0.00', 'reverseDouble'],
    ['0', '1', '10', 'ratio', null, '0.00', 'reverseRatio'],
  ])('t=%s a=%s w=%s %s → r=%s score=%s (%s)', (t, a, w, mode, rate, score, rule) => {
    const s = scoreIndicator(q('atMost', t, a, w), S({ reverseMode: mode as Settings['reverseMode'] }));
    expect(s.rate).toBe(rate);
    expect(s.score).toBe(score);
    expect(s.rule.kind).toBe(rule);
    expect(s.overachieved).toBe(false);
  });
});

describe('等于 (equal)', () => {
  test.each([
    ['0', '0', '5', '5.00', 'equalZero'],
    ['0', '-3', '5', '5.00', 'equalZero'], // negative counts as 0, which is ≤ 0
    ['0', '0.01', '5', '0.00', 'equalZero'],
    ['10', '10', '5', '5.00', 'met'],
    ['10', '12', '5', '5.00', 'met'], // t > 0 scores like at least
    ['10', '7', '5', '3.50', 'proportional'],
  ])('t=%s a=%s w=%s → %s (%s)', (t, a, w, score, rule) => {
    const s = scoreIndicator(q('equal', t, a, w), S());
    expect(s.score).toBe(score);
    expect(s.rule.kind).toBe(rule);
  });
});

describe('定性 (qualitative)', () => {
  const qual = (tier: 'A' | 'B' | 'C' | null, weight: string, manualScore: string | null = null): IndicatorInput => ({ direction: 'qualitative', tier, weight, manualScore });
  test.each([
    // tier, w → default score, band
    ['A', '8', '8.00', '6.4', '8'],
    ['B', '8', '6.39', '4.8', '6.4'],
    ['C', '8', '4.79', '0', '4.8'],
    ['A', '15', '15.00', '12', '15'],
    ['B', '15', '11.99', '9', '12'],
    ['C', '15', '8.99', '0', '9'],
    ['B', '7.33', '5.85', '4.4', '5.86'], // round(0.8 × 7.33 = 5.864, 2) = 5.86; round(4.398, 2) = 4.40
  ])('tier %s w=%s → %s in [%s, %s]', (tier, w, score, low, high) => {
    const s = scoreIndicator(qual(tier as 'A', w), S());
    expect(s.score).toBe(score);
    expect(s.rate).toBeNull();
    expect(s.needsConfirmation).toBe(true);
    expect(s.rule).toMatchObject({ kind: 'qualitative', tier, bandLow: low, bandHigh: high });
  });

  test.each([
    ['A', '6.4', null], // band edge round(0.8w, 2) is inside A
    ['A', '6.39', { low: '6.4', high: '8' }],
    ['B', '6.4', { low: '4.8', high: '6.4' }], // open upper edge
    ['B', '4.8', null],
    ['C', '0', null],
    ['C', '4.8', { low: '0', high: '4.8' }],
  ])('manual score for tier %s: %s → out of band %j', (tier, manual, out) => {
    const s = scoreIndicator(qual(tier as 'A', '8', manual), S());
    expect(s.score).toBe(Number(manual).toFixed(2));
    expect(s.needsConfirmation).toBe(false);
    expect(s.manualOutOfRange === null ? null : { low: s.manualOutOfRange.low, high: s.manualOutOfRange.high }).toEqual(out);
  });

  test('小数位数 0: band tops are whole numbers below the open edge', () => {
    expect(scoreIndicator(qual('B', '8'), S({ decimals: 0 })).score).toBe('6'); // below 6.4
    expect(scoreIndicator(qual('C', '10'), S({ decimals: 0 })).score).toBe('5'); // below 6
  });
});

describe('人工得分', () => {
  test('replaces the score, keeps the rule score, flags the difference', () => {
    const s = scoreIndicator(q('atLeast', '1', '0.5', '10', '7'), S());
    expect([s.score, s.ruleScore, s.manualDiffers, s.manualOutOfRange]).toEqual(['7.00', '5.00', true, null]);
  });
  test('equal to the rule score: no difference', () => {
    expect(scoreIndicator(q('atLeast', '1', '0.5', '10', '5'), S()).manualDiffers).toBe(false);
  });
  test.each(['-0.01', '10.01'])('outside [0, w]: %s', (m) => {
    expect(scoreIndicator(q('atLeast', '1', '0.5', '10', m), S()).manualOutOfRange).toEqual({ low: '0', high: '10', highInclusive: true, rounded: m });
  });
});

describe('预算执行率', () => {
  test.each([
    ['4978.49', '4637.81', '10', '0.9316', '9.32'], // seed
    ['100', '100', '10', '1.0000', '10.00'],
    ['100', '120', '10', '1.2000', '10.00'], // capped at the weight
    ['100', '-5', '10', '0.0000', '0.00'],
    ['3', '2', '10', '0.6667', '6.67'],
    ['200', '133.3', '15', '0.6665', '10.00'], // 15 × 0.6665 = 9.9975 → 10.00
  ])('budget %s actual %s weight %s → %s, %s', (b, a, w, rate, score) => {
    expect(scoreExecution({ budget: b, actual: a, weight: w }, S())).toMatchObject({ rate, score });
  });

  test('完成率先舍入 scores from the rounded rate', () => {
    // 2 / 3 = 0.66666…: 1000 × 2 / 3 = 666.67, but 1000 × 0.6667 = 666.70.
    expect(scoreExecution({ budget: '3', actual: '2', weight: '1000' }, S()).score).toBe('666.67');
    expect(scoreExecution({ budget: '3', actual: '2', weight: '1000' }, S({ roundRatesFirst: true })).score).toBe('666.70');
    expect(scoreIndicator(q('atLeast', '3', '2', '1000'), S({ roundRatesFirst: true })).score).toBe('666.70');
    expect(scoreIndicator(q('atMost', '3', '4', '1000'), S({ roundRatesFirst: true })).score).toBe('666.70'); // 1000 × (2 − 1.3333)
    expect(scoreIndicator(q('atMost', '3', '4', '1000'), S()).score).toBe('666.67');
  });
});

describe('等级 (grade)', () => {
  test.each([
    ['100.00', '优'], ['90.00', '优'], ['89.99', '良'], ['80.00', '良'], ['79.99', '中'], ['60.00', '中'], ['59.99', '差'], ['0.00', '差'],
  ])('%s → %s', (total, grade) => {
    expect(gradeForScore(total, S()).grade).toBe(grade);
  });
  test('bands come from settings', () => {
    const grades = [{ name: '优', min: '85' }, { name: '良', min: '80' }, { name: '中', min: '60' }];
    expect(gradeForScore('85', S({ grades }))).toEqual({ grade: '优', level: 0 });
  });
  test('names and number of grades come from settings; the lowest grade is below every bound', () => {
    const local = S({ grades: [{ name: '好', min: '95' }, { name: '较好', min: '85' }, { name: '一般', min: '60' }], lowestGrade: '差' });
    expect(['95', '94.99', '85', '60', '59.99'].map((t) => gradeForScore(t, local))).toEqual([
      { grade: '好', level: 0 }, { grade: '较好', level: 1 }, { grade: '较好', level: 1 }, { grade: '一般', level: 2 }, { grade: '差', level: 3 },
    ]);
  });
});

describe('evaluate', () => {
  test('the seed: total is the sum of rounded scores; 81.53 良', () => {
    const indicators: IndicatorInput[] = [
      q('atLeast', '0.05', '0', '8'),
      q('atMost', '4978.49', '4637.81', '12'),
      q('atLeast', '1', '0.7848', '12'),
      q('atLeast', '1', '1', '8'),
      q('atLeast', '1', '0.9993', '10'),
      q('atLeast', '1', '1', '15'),
      q('atLeast', '100', '52', '15'),
      q('atLeast', '0.95', '0.99', '10'),
    ];
    const e = evaluate({ budget: '4978.49', actual: '4637.81', weight: '10' }, indicators.map((input) => ({ input })), S());
    expect(e.indicators.map((i) => i.score.score)).toEqual(['0.00', '12.00', '9.42', '8.00', '9.99', '15.00', '7.80', '10.00']);
    expect([e.execution.score, e.indicatorTotal, e.total, e.max, e.grade, e.weightsSumTo100]).toEqual(['9.32', '72.21', '81.53', '100', '良', true]);
  });

  test('weights not adding to 100', () => {
    const e = evaluate({ budget: '1', actual: '1', weight: '10' }, [{ input: q('atLeast', '1', '1', '80') }], S());
    expect([e.max, e.weightsSumTo100, e.total]).toEqual(['90', false, '90.00']);
  });

  test('小数位数 3 rounds scores to 3 and rates to 5 places', () => {
    const e = evaluate({ budget: '3', actual: '2', weight: '10' }, [{ input: q('atLeast', '3', '1', '10') }], S({ decimals: 3 }));
    expect([e.execution.rate, e.execution.score, e.indicators[0].score.rate, e.indicators[0].score.score, e.total]).toEqual(['0.66667', '6.667', '0.33333', '3.333', '10.000']);
  });
});

test('a manual score is checked as it would be written: rounded to 小数位数', () => {
  // 1.58 with 小数位数 0 is written as 2, which is outside tier B [1.35, 1.8) of w = 2.25.
  const s = scoreIndicator({ direction: 'qualitative', tier: 'B', weight: '2.25', manualScore: '1.58' }, S({ decimals: 0 }));
  expect(s.manualOutOfRange).toEqual({ low: '1.35', high: '1.8', highInclusive: false, rounded: '2' });
});
