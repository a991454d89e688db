import { Dec, ZERO, dec, fixed } from './decimal';

/**
 * Decimal helpers on strings, for the workbook layer's cross-checks and
 * parsing, so that decimal.js stays inside the engine.
 */
export function isDecimalText(text: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text);
}

/** Already in the canonical form (what Decimal's toFixed() gives back unchanged), except `-0`. */
const CANONICAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?$/;

/** True when `text` is what Decimal's toFixed() writes for it (CANONICAL, and not `-0`). */
export function isCanonicalDecimal(text: string): boolean {
  return CANONICAL.test(text) && text !== '-0';
}

/** Canonical plain form: `"4135.45"`, `"0.0001"`, no exponent. */
export function normalizeDecimal(text: string): string {
  // Fast path: most cell figures are plain decimal text already.
  return CANONICAL.test(text) && text !== '-0' ? text : dec(text).toFixed();
}

export function decimalCompare(a: string, b: string): number {
  // Fast path: cell figures are plain decimal text, compared digit by digit without building Decimals.
  return PLAIN.test(a) && PLAIN.test(b) ? comparePlain(a, b) : dec(a).cmp(dec(b));
}

export function decimalEquals(a: string, b: string): boolean {
  return PLAIN.test(a) && PLAIN.test(b) ? comparePlain(a, b) === 0 : dec(a).eq(dec(b));
}

/** Plain decimal text: an optional minus, digits, optional fraction digits (no exponent, no `+`, no bare `.5`). */
const PLAIN = /^-?\d+(\.\d+)?$/;

/** −1, 0 or 1 as a is below, equal to or above b (both PLAIN; `-0` is 0, leading and trailing zeros count for nothing). */
function comparePlain(a: string, b: string): number {
  const sa = signOfPlain(a);
  const sb = signOfPlain(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const m = compareMagnitudes(a, sa < 0 ? 1 : 0, b, sb < 0 ? 1 : 0);
  return sa < 0 && m !== 0 ? -m : m;
}

function signOfPlain(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 48 && code <= 57) return text.charCodeAt(0) === 45 ? -1 : 1;
  }
  return 0;
}

/** Compares the magnitudes of the plain decimals a (from index `ai`, after any sign) and b (from `bi`). */
function compareMagnitudes(a: string, ai: number, b: string, bi: number): number {
  let ap = a.indexOf('.');
  if (ap < 0) ap = a.length;
  let bp = b.indexOf('.');
  if (bp < 0) bp = b.length;
  while (ai < ap - 1 && a.charCodeAt(ai) === 48) ai++;
  while (bi < bp - 1 && b.charCodeAt(bi) === 48) bi++;
  if (ap - ai !== bp - bi) return ap - ai < bp - bi ? -1 : 1;
  for (; ai < ap; ai++, bi++) {
    const d = a.charCodeAt(ai) - b.charCodeAt(bi);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  // The fractions, a missing digit being 0.
  const an = a.length - ap - 1;
  const bn = b.length - bp - 1;
  const n = an > bn ? an : bn;
  for (let k = 1; k <= n; k++) {
    const da = k <= an ? a.charCodeAt(ap + k) : 48;
    const db = k <= bn ? b.charCodeAt(bp + k) : 48;
    if (da !== db) return da < db ? -1 : 1;
  }
  return 0;
}

/** The k of `1` followed by k zeros (`1`, `10`, `100`), else −1. */
function powerOfTen(text: string): number {
  if (text.charCodeAt(0) !== 49) return -1;
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) !== 48) return -1;
  return text.length - 1;
}

/** 10^−k for k = 0, 1, 2 …, made once each. */
const INVERSE_POWERS: Dec[] = [];

/**
 * 1 / t when the text t is a power of ten (`1`, `10`, `100`: a target of
 * 100% or 100), else null. Multiplying by it moves the point as dividing by t
 * does; a product of at most EXACT_DIGITS significant digits is then exact,
 * as the quotient is, and Decimal's long division is skipped.
 */
export function inverseOfPowerOfTen(t: string): Dec | null {
  const k = powerOfTen(t);
  if (k < 0 || k > EXACT_DIGITS) return null;
  let inverse = INVERSE_POWERS[k];
  if (inverse === undefined) {
    inverse = k === 0 ? dec('1') : dec('0.' + zeros(k - 1) + '1');
    INVERSE_POWERS[k] = inverse;
  }
  return inverse;
}

/** Digits Decimal keeps exactly (its precision): a figure with no more is scaled by a power of ten without rounding. */
const EXACT_DIGITS = 40;

/**
 * A PLAIN decimal times 10^k (k may be negative), in Decimal's toFixed() form:
 * no leading or trailing zeros, `0` for zero (never `-0`). The point moves;
 * no digit changes.
 */
function shiftPlain(text: string, k: number): string {
  const negative = text.charCodeAt(0) === 45;
  const body = negative ? text.slice(1) : text;
  const point = body.indexOf('.');
  let digits = point < 0 ? body : body.slice(0, point) + body.slice(point + 1);
  let at = (point < 0 ? body.length : point) + k;
  if (at < 1) {
    digits = zeros(1 - at) + digits;
    at = 1;
  } else if (at > digits.length) {
    digits += zeros(at - digits.length);
  }
  let start = 0;
  while (start < at - 1 && digits.charCodeAt(start) === 48) start++;
  let end = digits.length;
  while (end > at && digits.charCodeAt(end - 1) === 48) end--;
  const whole = digits.slice(start, at);
  const out = end > at ? whole + '.' + digits.slice(at, end) : whole;
  if (out === '0') return '0';
  return negative ? '-' + out : out;
}

function zeros(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += '0';
  return out;
}

export function decimalSum(values: string[]): string {
  return sumPlain(values, '0') ?? values.reduce((s: Dec, v) => s.plus(dec(v)), ZERO).toFixed();
}

/** a − b, exactly (年中调整数 = 全年预算数 − 年初预算数). */
export function decimalMinus(a: string, b: string): string {
  return dec(a).minus(dec(b)).toFixed();
}

/** A sum written with exactly `places` decimals (`["9.32", "72.21"]` → `"81.53"`): a block's subtotal of rounded scores. */
export function decimalSumFixed(values: string[], places: number): string {
  const sum = sumPlain(values, '0');
  return fixed(sum !== null ? dec(sum) : values.reduce((s: Dec, v) => s.plus(dec(v)), ZERO), places);
}

/**
 * `first` + Σ `values`, exactly, in Decimal's toFixed() form, when every term
 * is PLAIN and not negative and no partial sum can have more digits than
 * Decimal keeps (so that adding them one by one in Decimal rounds nothing and
 * gives this same figure); else null. Column by column, without a Decimal
 * per term: the scores and weights of thousands of indicators.
 */
export function sumPlain(values: readonly string[], first: string): string | null {
  // columns[k]: the sum of the digits of place 10^(k − fractionPlaces) over the terms, carried at the end.
  const whole: number[] = [];
  const fraction: number[] = [];
  for (let t = -1; t < values.length; t++) {
    const v = t < 0 ? first : values[t];
    if (!PLAIN.test(v) || v.charCodeAt(0) === 45) return null;
    let point = v.indexOf('.');
    if (point < 0) point = v.length;
    for (let i = point - 1, k = 0; i >= 0; i--, k++) whole[k] = (whole[k] || 0) + v.charCodeAt(i) - 48;
    for (let i = point + 1, k = 0; i < v.length; i++, k++) fraction[k] = (fraction[k] || 0) + v.charCodeAt(i) - 48;
  }
  let carry = 0;
  let fractionText = '';
  for (let k = fraction.length - 1; k >= 0; k--) {
    const total = fraction[k] + carry;
    fractionText = String(total % 10) + fractionText;
    carry = Math.floor(total / 10);
  }
  let wholeText = '';
  for (let k = 0; k < whole.length || carry > 0; k++) {
    const total = (k < whole.length ? whole[k] : 0) + carry;
    wholeText = String(total % 10) + wholeText;
    carry = Math.floor(total / 10);
  }
  let start = 0;
  while (start < wholeText.length - 1 && wholeText.charCodeAt(start) === 48) start++;
  wholeText = wholeText.slice(start);
  // Every partial sum is at most the total: no more whole digits, no more fraction digits than the longest term.
  const wholeDigits = wholeText === '0' ? 0 : wholeText.length;
  if (wholeDigits + fraction.length > EXACT_DIGITS) return null;
  let end = fractionText.length;
  while (end > 0 && fractionText.charCodeAt(end - 1) === 48) end--;
  return end > 0 ? wholeText + '.' + fractionText.slice(0, end) : wholeText;
}

/** A figure rounded half-up to `places` decimals, as a cell formatted with them shows it (`"81.5312"` → `"81.53"`). */
export function decimalRound(text: string, places: number): string {
  return fixed(dec(text), places);
}

/** a × b / c, exactly (used to scale percentages: value / 100). */
export function decimalTimes(a: string, b: string, divideBy = '1'): string {
  // Fast path: scaling by powers of ten (a percentage to a ratio and back) moves the point only.
  const up = powerOfTen(b);
  const down = up < 0 ? -1 : powerOfTen(divideBy);
  if (down >= 0 && PLAIN.test(a) && a.length <= EXACT_DIGITS) return shiftPlain(a, up - down);
  return dec(a).times(dec(b)).div(dec(divideBy)).toFixed();
}

/** A ratio as a percentage keeping its places: `"0.9316"` → `"93.16%"`, `"1.0000"` → `"100.00%"`. */
export function percentText(ratio: string): string {
  const places = ratio.includes('.') ? ratio.length - ratio.indexOf('.') - 1 : 0;
  return dec(ratio).times(100).toFixed(Math.max(0, places - 2)) + '%';
}
