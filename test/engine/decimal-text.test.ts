/**
 * The fast paths of the engine's decimal parsing (a cache of built Decimals,
 * plain decimal text returned as it is) give exactly what building a fresh
 * Decimal gives, for any decimal text.
 */
import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import { dec } from '../../src/engine/decimal';
import { decimalCompare, normalizeDecimal } from '../../src/engine/decimal-text';

const Fresh = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 30 });
const decimalText = fc.stringMatching(/^[+-]?[0-9]{1,45}(\.[0-9]{0,45})?(e[+-]?[0-9]{1,2})?$/);

test('normalizeDecimal equals a fresh Decimal toFixed(), plain text or not', () => {
  fc.assert(fc.property(decimalText, (text) => expect(normalizeDecimal(text)).toBe(new Fresh(text).toFixed())), { numRuns: 20000 });
  for (const text of ['0', '-0', '-0.0', '0.50', '10', '007', '-12.340', '1e3', '4978.49']) expect(normalizeDecimal(text)).toBe(new Fresh(text).toFixed());
});

test('dec gives the same value every time, also after many other texts', () => {
  fc.assert(
    fc.property(fc.array(decimalText, { minLength: 1, maxLength: 50 }), (texts) => {
      for (const t of texts) expect(dec(t).toFixed()).toBe(new Fresh(t).toFixed());
      for (let i = 1; i < texts.length; i++) expect(decimalCompare(texts[i - 1], texts[i])).toBe(new Fresh(texts[i - 1]).cmp(new Fresh(texts[i])));
    }),
    { numRuns: 500 },
  );
  for (let i = 0; i < 10000; i++) dec(String(i) + '.5');
  expect(dec('0.5').toFixed()).toBe('0.5');
});
