import fc from 'fast-check';
import { normalizeDecimal } from '../../src/engine';
import { isDateFormat } from '../../src/workbook/dates';
import { totalKind } from '../../src/workbook/form-rows';
import { nfkc, normalizeHeader, stripWhitespace } from '../../src/workbook/normalize';
import { isPercentFormat, numberToDecimal } from '../../src/workbook/numbers';
import { GRAND_TOTAL_LABELS, SUBTOTAL_LABEL, TABLE_TOTAL_LABELS } from '../../src/workbook/vocabulary';

/**
 * The workbook layer's fast paths (plain text skipping NFKC, plain numbers
 * skipping Decimal, cached format answers) give exactly what the general
 * path gives.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

/** Characters a cell may hold: ASCII, CJK, full-width forms, spaces, combining marks, compatibility characters. */
const interesting = [
  'a', 'Z', '0', '9', ' ', '\t', '(', ')', ':', '%', '-', '.', ',', '≥', '≤', '＞', '（', '）', '：', '，', '。', '、',
  '\u3000', '\u00a0', '\u200b', '\ufeff', '\u0301', '\u0338', '\u0308', 'é', 'e', 'ﬁ', '①', '²', '㎡', 'Ａ', 'ｚ', '５',
  '指', '标', '产', '出', '合', '计', '总', '分', '小', '龟', '\u9fff', '\u4e00', '\u4dff', '\ua000', '\uf900', '가', '\u1100', '\u1161',
];
const charArb = fc.oneof(
  fc.constantFrom(...interesting),
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0xffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCharCode(c)),
);
const textArb = fc.array(charArb, { maxLength: 12 }).map((cs) => cs.join(''));

/** normalizeHeader as written before its fast path. */
function headerReference(text: string): string {
  const compact = stripWhitespace(text.normalize('NFKC'));
  return compact.replace(/\([^()]*\)$/, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

describe('text fast paths', () => {
  it('nfkc equals String.prototype.normalize for every BMP character alone', () => {
    const differing: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (nfkc(s) !== s.normalize('NFKC')) differing.push(c);
    }
    expect(differing).toEqual([]);
  });

  it('nfkc equals String.prototype.normalize on random text', () => {
    fc.assert(
      fc.property(textArb, (s) => nfkc(s) === s.normalize('NFKC')),
      { numRuns: RUNS },
    );
  });

  it('no canonical composition is made of ASCII and CJK Unified Ideographs alone (what the fast path relies on)', () => {
    const inert = (c: number) => c < 0x80 || (c >= 0x4e00 && c <= 0x9fff);
    const composable: number[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      const d = s.normalize('NFD');
      if (d === s || d.length < 2) continue;
      if (Array.from(d).every((ch) => inert(ch.codePointAt(0) as number))) composable.push(c);
    }
    expect(composable).toEqual([]);
  });

  it('normalizeHeader equals the general path on random text', () => {
    fc.assert(
      fc.property(textArb, (s) => normalizeHeader(s) === headerReference(s)),
      { numRuns: RUNS },
    );
  });

  it('totalKind matches labels with and without a trailing colon', () => {
    for (const label of [...GRAND_TOTAL_LABELS, ...TABLE_TOTAL_LABELS, SUBTOTAL_LABEL]) {
      for (const written of [label, label + ':', label + '：', ' ' + label + ' ：']) expect(totalKind(written)).not.toBeNull();
      expect(totalKind(label + '::')).toBeNull();
    }
    fc.assert(
      fc.property(textArb, (s) => {
        const key = headerReference(s).replace(/[:\uff1a]$/, '');
        const kinds = new Map<string, string>([
          ...GRAND_TOTAL_LABELS.map((l): [string, string] => [headerReference(l).replace(/[:\uff1a]$/, ''), 'grand']),
          ...TABLE_TOTAL_LABELS.map((l): [string, string] => [headerReference(l).replace(/[:\uff1a]$/, ''), 'total']),
        ]);
        const expected = s === '' ? null : key === headerReference(SUBTOTAL_LABEL) ? 'subtotal' : kinds.get(key) ?? null;
        return totalKind(s) === expected;
      }),
      { numRuns: RUNS },
    );
  });
});

/** What numberToDecimal gave before its fast path. */
const numberReference = (n: number) => normalizeDecimal(n.toPrecision(15));

describe('number fast paths', () => {
  it('numberToDecimal equals the toPrecision(15) path for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => numberToDecimal(n) === numberReference(n)),
      { numRuns: RUNS * 5 },
    );
  });

  it('numberToDecimal equals the toPrecision(15) path for figures as typed and computed', () => {
    const typed = fc
      .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 12 }))
      .map(([n, places]) => Number(places === 0 ? n.toString() : n.toString() + 'e-' + places));
    const computed = fc.tuple(typed, typed).map(([a, b]) => a + b);
    const scaled = fc.tuple(typed, fc.integer({ min: -30, max: 30 })).map(([a, e]) => a * Math.pow(10, e));
    fc.assert(
      fc.property(fc.oneof(typed, computed, scaled, fc.integer()), (n) => numberToDecimal(n) === numberReference(n)),
      { numRuns: RUNS * 5 },
    );
    for (const n of [0, -0, 1e15, 1e21, 1e-7, 999999999999999, 2 ** 53 + 2, 0.1 + 0.2, 3556.47 + 140.88, 1e300, 5e-324, -1.5]) {
      expect(numberToDecimal(n)).toBe(numberReference(n));
    }
  });

  it('cached format answers are the answers', () => {
    const percent = (f: string) => f.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').includes('%');
    for (const f of ['General', '0.00%', '0%', '"%"0', '\\%0', '[Red]0%', '#,##0.00', 'yyyy/m/d', '0.00%']) {
      for (let i = 0; i < 2; i++) expect(isPercentFormat(f)).toBe(percent(f));
    }
    for (const [f, date] of [['General', false], ['yyyy/m/d', true], ['0.00', false], ['mm:ss', false], ['m/d', true], ['0.00E+00', false]] as const) {
      for (let i = 0; i < 2; i++) expect(isDateFormat(f)).toBe(date);
    }
  });
});
