import fc from 'fast-check';
import { evaluate, scoreExecution, scoreIndicator, type Settings } from '../../src/engine';
import { DEFAULT_SETTINGS } from '../../src/workbook/vocabulary';
import { add, cmp, div, fixedHalfUp, maxQ, minQ, mul, parse, q, roundHalfUpQ, sub, type Q } from '../support/rational';

/** Decimal strings with up to `places` decimals in [0, maxInt], built from integers (never from float arithmetic). */
const decimalText = (maxInt: number, places: number, min = 0) =>
  fc.bigInt({ min: BigInt(min), max: BigInt(maxInt) * 10n ** BigInt(places) }).map((n) => {
    const s = n.toString().padStart(places + 1, '0');
    return places === 0 ? s : s.slice(0, -places) + '.' + s.slice(-places);
  });

const settingsArb = fc.record({
  decimals: fc.integer({ min: 0, max: 4 }),
  roundRatesFirst: fc.boolean(),
});
const S = (o: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...o });
const ZERO = q(0n);
const ONE = q(1n);
const TWO = q(2n);

/** The contract's rules, written again on exact rationals. */
function reference(direction: 'atLeast' | 'atMost' | 'equal', t: Q, a0: Q, w: Q, s: Settings, mode: Settings['reverseMode']): { rate: string | null; score: string } {
  const a = maxQ(a0, ZERO);
  const p = s.decimals;
  const rExact = t.n === 0n ? null : div(a, t);
  const r = rExact && s.roundRatesFirst ? roundHalfUpQ(rExact, p + 2) : rExact;
  let raw: Q;
  if (direction === 'atMost') {
    if (cmp(a, t) <= 0) raw = w;
    else if (mode === 'zero') raw = ZERO;
    else if (mode === 'ratio') raw = r ? div(w, r) : ZERO;
    else raw = !r || cmp(a, mul(t, TWO)) >= 0 ? ZERO : maxQ(mul(w, sub(TWO, r)), ZERO);
  } else if (t.n === 0n) {
    raw = direction === 'atLeast' || cmp(a, ZERO) <= 0 ? w : ZERO;
  } else {
    raw = cmp(a, t) >= 0 ? w : mul(w, r!);
  }
  return { rate: rExact ? fixedHalfUp(rExact, p + 2) : null, score: fixedHalfUp(raw, p) };
}

describe('engine against exact rational arithmetic', () => {
  test('quantitative indicators: rate and score', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('atLeast', 'atMost', 'equal') as fc.Arbitrary<'atLeast' | 'atMost' | 'equal'>,
        decimalText(10000, 4),
        decimalText(30000, 4),
        fc.boolean(),
        decimalText(100, 2, 1),
        settingsArb,
        fc.constantFrom('deviation', 'ratio', 'zero') as fc.Arbitrary<Settings['reverseMode']>,
        (direction, t, a, negate, w, st, mode) => {
          const actual = negate && a !== '0' && !/^0(\.0+)?$/.test(a) ? '-' + a : a;
          const settings = S({ ...st, reverseMode: mode });
          const got = scoreIndicator({ direction, target: t, actual, weight: w, manualScore: null }, settings);
          const want = reference(direction, parse(t), parse(actual), parse(w), settings, mode);
          expect({ rate: got.rate, score: got.score }).toEqual(want);
          // A score never exceeds its weight (rounded like every score) and is never negative.
          expect(cmp(parse(got.score), roundHalfUpQ(parse(w), settings.decimals))).toBeLessThanOrEqual(0);
          expect(got.score.startsWith('-')).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('half-up ties: scores built to land exactly on x.xx5', () => {
    // w × a / t = k + 0.005 exactly, with t chosen so the quotient a / t does not terminate.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('3', '7', '9', '11', '12'), (k, t) => {
        const w = '10';
        const target = parse(t);
        const tie = add(q(BigInt(k), 100n), q(5n, 1000n)); // k/100 + 0.005
        const a = div(mul(tie, target), parse(w)); // a = tie × t / w, exact
        // Only decimal actuals are representable in a cell: keep cases where a terminates.
        let d = a.d;
        while (d % 2n === 0n) d /= 2n;
        while (d % 5n === 0n) d /= 5n;
        fc.pre(d === 1n && cmp(a, target) < 0);
        const aText = fixedHalfUp(a, 12).replace(/0+$/, '').replace(/\.$/, '');
        const got = scoreIndicator({ direction: 'atLeast', target: t, actual: aText, weight: w, manualScore: null }, DEFAULT_SETTINGS);
        expect(got.score).toBe(fixedHalfUp(tie, 2));
      }),
      { numRuns: 500 },
    );
  });

  test('budget execution score = round(w × min(r, 1))', () => {
    fc.assert(
      fc.property(decimalText(100000, 2, 1), decimalText(150000, 2), decimalText(30, 2), settingsArb, (b, a, w, st) => {
        const s = S(st);
        const got = scoreExecution({ budget: b, actual: a, weight: w }, s);
        const rExact = div(parse(a), parse(b));
        const r = s.roundRatesFirst ? roundHalfUpQ(rExact, s.decimals + 2) : rExact;
        expect(got.rate).toBe(fixedHalfUp(rExact, s.decimals + 2));
        expect(got.score).toBe(fixedHalfUp(mul(parse(w), minQ(r, ONE)), s.decimals));
      }),
      { numRuns: 1000 },
    );
  });

  test('the total is the sum of the rounded scores, the grade follows the rounded total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(decimalText(100, 2, 1), decimalText(200, 2), decimalText(20, 2, 1)), { minLength: 1, maxLength: 12 }),
        settingsArb,
        (rows, st) => {
          const s = S(st);
          const e = evaluate(
            { budget: '100', actual: '93.16', weight: '10' },
            rows.map(([t, a, w]) => ({ input: { direction: 'atLeast' as const, target: t, actual: a, weight: w, manualScore: null } })),
            s,
          );
          const sum = e.indicators.reduce((acc, i) => add(acc, parse(i.score.score)), parse(e.execution.score));
          expect(e.total).toBe(fixedHalfUp(sum, s.decimals));
          const total = parse(e.total);
          const grade = cmp(total, q(90n)) >= 0 ? '优' : cmp(total, q(80n)) >= 0 ? '良' : cmp(total, q(60n)) >= 0 ? '中' : '差';
          expect(e.grade).toBe(grade);
        },
      ),
      { numRuns: 500 },
    );
  });
});
