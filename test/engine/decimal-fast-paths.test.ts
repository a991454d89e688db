import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { decimalCompare, decimalEquals, decimalSum, decimalSumFixed, decimalTimes, evaluate, scoreIndicator, type Settings } from '../../src/engine';
import { fixed } from '../../src/engine/decimal';
import { isCanonicalDecimal, sumPlain } from '../../src/engine/decimal-text';
import { DEFAULT_SETTINGS } from '../../src/workbook/vocabulary';

/**
 * Every fast path of the engine's decimal helpers gives what the general
 * Decimal path gives (the same configured clone, built here from its own
 * settings so that the reference shares no code with the fast paths).
 */

const Ref = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 30 });
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

/** Digit strings, often with leading or trailing zeros, sometimes long (beyond the 40 digits Decimal keeps). */
const digitsArb = (min: number, max: number) =>
  fc.oneof(
    fc.array(fc.constantFrom('0', '1', '4', '5', '9'), { minLength: min, maxLength: max }),
    fc.array(fc.integer({ min: 0, max: 9 }).map(String), { minLength: min, maxLength: max }),
    fc.array(fc.integer({ min: 0, max: 9 }).map(String), { minLength: Math.max(min, 30), maxLength: 50 }),
  ).map((ds) => ds.join(''));

/** Plain decimal text, exponent-free: `-0`, `007.50`, `0.000`, `12345678901234567890123456789012345678901.5` … */
const plainArb = fc
  .tuple(fc.boolean(), digitsArb(1, 12), fc.option(digitsArb(1, 12), { nil: undefined }))
  .map(([negative, whole, fraction]) => (negative ? '-' : '') + whole + (fraction === undefined ? '' : '.' + fraction));

/** Other decimal text Decimal reads: exponents, `+`, bare points. The fast paths must leave them to Decimal. */
const otherArb = fc.oneof(
  fc.tuple(plainArb, fc.integer({ min: -40, max: 40 })).map(([p, e]) => p + 'e' + e),
  plainArb.map((p) => (p.startsWith('-') ? p : '+' + p)),
  digitsArb(1, 8).map((d) => '.' + d),
  digitsArb(1, 8).map((d) => d + '.'),
);
const anyArb = fc.oneof(plainArb, plainArb, otherArb);

describe('decimalCompare / decimalEquals', () => {
  it('equal Decimal cmp and eq on any decimal text', () => {
    fc.assert(
      fc.property(anyArb, anyArb, (a, b) => decimalCompare(a, b) === new Ref(a).cmp(new Ref(b)) && decimalEquals(a, b) === new Ref(a).eq(new Ref(b))),
      { numRuns: RUNS },
    );
  });

  it('equal Decimal against 0, 1.5 and itself (zeros, signs, padding)', () => {
    fc.assert(
      fc.property(anyArb, (a) => {
        for (const b of ['0', '-0', '1.5', '0.0', a]) {
          if (decimalCompare(a, b) !== new Ref(a).cmp(new Ref(b))) return false;
          if (decimalCompare(b, a) !== new Ref(b).cmp(new Ref(a))) return false;
        }
        return true;
      }),
      { numRuns: RUNS },
    );
    for (const [a, b] of [['-0', '0'], ['0.000', '-0.0'], ['007.50', '7.5'], ['-1', '-01.000'], ['0.1', '0.09'], ['-0.1', '-0.09'], ['10', '9.999']]) {
      expect(decimalCompare(a, b)).toBe(new Ref(a).cmp(new Ref(b)));
    }
  });
});

describe('decimalTimes by powers of ten', () => {
  const powers = fc.constantFrom('1', '10', '100', '1000', '10000');
  it('equals times then div in Decimal', () => {
    fc.assert(
      fc.property(anyArb, powers, powers, (a, b, c) => decimalTimes(a, b, c) === new Ref(a).times(new Ref(b)).div(new Ref(c)).toFixed()),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(anyArb, (a) => decimalTimes(a, '100') === new Ref(a).times(100).toFixed() && decimalTimes(a, '1', '100') === new Ref(a).times(1).div(100).toFixed()),
      { numRuns: RUNS },
    );
  });

  it('leaves other factors to Decimal', () => {
    fc.assert(
      fc.property(plainArb, plainArb, plainArb, (a, b, c) => {
        if (new Ref(c).isZero()) return true;
        return decimalTimes(a, b, c) === new Ref(a).times(new Ref(b)).div(new Ref(c)).toFixed();
      }),
      { numRuns: RUNS },
    );
  });
});

/** Non-negative plain text, the figures that are summed (scores, weights). */
const termArb = plainArb.map((p) => p.replace(/^-/, ''));

describe('sums', () => {
  const reference = (values: string[], first: string) => values.reduce((s, v) => s.plus(new Ref(v)), new Ref(first)).toFixed();

  it('sumPlain is the Decimal sum term by term, or null', () => {
    fc.assert(
      fc.property(fc.array(termArb, { maxLength: 30 }), termArb, (values, first) => {
        const fast = sumPlain(values, first);
        return fast === null || fast === reference(values, first);
      }),
      { numRuns: RUNS },
    );
  });

  it('sumPlain answers for short figures, and leaves negative and exponent terms to Decimal', () => {
    const shortDigits = fc.array(fc.integer({ min: 0, max: 9 }).map(String), { minLength: 1, maxLength: 6 }).map((ds) => ds.join(''));
    const short = fc
      .tuple(shortDigits, fc.option(shortDigits, { nil: undefined }))
      .map(([w, f]) => w + (f === undefined ? '' : '.' + f));
    fc.assert(
      fc.property(fc.array(short, { maxLength: 200 }), short, (values, first) => sumPlain(values, first) === reference(values, first)),
      { numRuns: Math.ceil(RUNS / 3) },
    );
    expect(sumPlain(['1', '-2'], '0')).toBeNull();
    expect(sumPlain(['1e2'], '0')).toBeNull();
    expect(sumPlain([], '0')).toBe('0');
    expect(sumPlain(['0.5', '0.5'], '0')).toBe('1');
    expect(sumPlain(['99999999999999999999.99999999999999999999'], '0')).toBe('99999999999999999999.99999999999999999999');
    expect(sumPlain(['99999999999999999999.99999999999999999999', '0.00000000000000000001'], '0')).toBeNull();
  });

  it('decimalSum and decimalSumFixed equal the Decimal sum, negatives and exponents included', () => {
    fc.assert(
      fc.property(fc.array(anyArb, { maxLength: 20 }), fc.integer({ min: 0, max: 6 }), (values, places) => {
        const exact = values.reduce((s, v) => s.plus(new Ref(v)), new Ref(0));
        const f = exact.toFixed(places, Ref.ROUND_HALF_UP);
        return decimalSum(values) === exact.toFixed() && decimalSumFixed(values, places) === (/^-0(\.0+)?$/.test(f) ? f.slice(1) : f);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fixed and canonical text', () => {
  it('fixed is half-up toFixed without a negative zero, half-way cases included', () => {
    const halfway = fc.tuple(fc.boolean(), digitsArb(1, 6), digitsArb(0, 5), fc.integer({ min: 0, max: 6 })).map(([n, w, f, p]) => [(n ? '-' : '') + w + '.' + f + '5', p] as const);
    fc.assert(
      fc.property(fc.oneof(halfway, fc.tuple(anyArb, fc.integer({ min: 0, max: 8 }))), ([text, places]) => {
        const f = new Ref(text).toFixed(places, Ref.ROUND_HALF_UP);
        return fixed(new Ref(text), places) === (/^-0(\.0+)?$/.test(f) ? f.slice(1) : f);
      }),
      { numRuns: RUNS },
    );
  });

  it('isCanonicalDecimal is true exactly when toFixed() gives the text back', () => {
    fc.assert(
      fc.property(anyArb, (text) => isCanonicalDecimal(text) === (new Ref(text).toFixed() === text)),
      { numRuns: RUNS },
    );
  });
});

describe('scores through the fast paths', () => {
  const S = (o: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...o });
  const figure = fc
    .tuple(fc.boolean(), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 4 }))
    .map(([negative, n, places]) => {
      const s = String(n).padStart(places + 1, '0');
      return (negative && n > 0 ? '-' : '') + (places === 0 ? s : s.slice(0, -places) + '.' + s.slice(-places));
    });
  const weight = fc.integer({ min: 1, max: 3000 }).map((n) => (n / 100).toFixed(2).replace(/\.?0+$/, ''));

  it('the effective actual is the actual floored at 0, as Decimal writes it', () => {
    fc.assert(
      fc.property(fc.constantFrom('atLeast', 'atMost', 'equal') as fc.Arbitrary<'atLeast' | 'atMost' | 'equal'>, figure, figure, weight, (direction, target, actual, w) => {
        const t = target.replace(/^-/, '');
        const s = scoreIndicator({ direction, target: t, actual, weight: w, manualScore: null }, S({}));
        const a = Ref.max(new Ref(actual), 0);
        return s.effectiveActual === a.toFixed() && s.negativeActual === (new Ref(actual).isNeg() && !new Ref(actual).isZero());
      }),
      { numRuns: RUNS },
    );
  });

  it('totals and 满分 equal Decimal sums of the scores and weights', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(figure, weight), { minLength: 1, maxLength: 40 }), ([...rows]) => {
        const indicators = rows.map(([actual, w]) => ({ input: { direction: 'atLeast' as const, target: '100', actual, weight: w, manualScore: null } }));
        const settings = S({});
        const e = evaluate({ budget: '100', actual: '93.16', weight: '10' }, indicators, settings);
        const sum = e.indicators.reduce((s, i) => s.plus(new Ref(i.score.score)), new Ref(0));
        const max = indicators.reduce((s, i) => s.plus(new Ref(i.input.weight)), new Ref('10'));
        return e.indicatorTotal === sum.toFixed(settings.decimals, Ref.ROUND_HALF_UP) && e.max === max.toFixed() && e.weightsSumTo100 === max.eq(100);
      }),
      { numRuns: Math.ceil(RUNS / 10) },
    );
  });
});

describe('targets that are powers of ten', () => {
  const S = (o: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...o });
  const figure = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 45n }), fc.integer({ min: 0, max: 44 }))
    .map(([negative, n, places]) => {
      const s = n.toString().padStart(places + 1, '0');
      return (negative && n > 0n ? '-' : '') + (places === 0 ? s : s.slice(0, -places) + '.' + s.slice(-places));
    });

  it('rate and score equal a ÷ t and w × a ÷ t in Decimal, long actuals included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('1', '10', '100', '1000', '1' + '0'.repeat(39)),
        fc.oneof(figure, fc.integer({ min: 0, max: 300 }).map(String)),
        fc.integer({ min: 1, max: 3000 }).map((n) => String(n / 100)),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (t, actual, w, decimals, roundRatesFirst) => {
          const settings = S({ decimals, roundRatesFirst });
          const s = scoreIndicator({ direction: 'atLeast', target: t, actual, weight: w, manualScore: null }, settings);
          const a = Ref.max(new Ref(actual), 0);
          const rate = a.div(t);
          const r = roundRatesFirst ? rate.toDecimalPlaces(decimals + 2, Ref.ROUND_HALF_UP) : null;
          const raw = a.gte(t) ? new Ref(w) : r ? new Ref(w).times(r) : new Ref(w).times(a).div(t);
          return s.rate === rate.toFixed(decimals + 2, Ref.ROUND_HALF_UP) && s.ruleScore === raw.toFixed(decimals, Ref.ROUND_HALF_UP);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
