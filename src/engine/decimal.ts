import DecimalJs from 'decimal.js';

/**
 * The one configured Decimal constructor of the project. 40 significant
 * digits is far beyond any budget figure; every rounding to places passes
 * ROUND_HALF_UP explicitly (the contract's 四舍五入), never the default.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 30 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Half-up to `places` decimals (Decimal's own rounding counts significant digits, not places). */
export function roundHalfUp(value: Dec, places: number): Dec {
  return value.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
}

/** Exactly `places` decimals as written to a cell and to JSON: `"0.9316"`, `"7.80"`. */
export function fixed(value: Dec, places: number): string {
  // Rounded on the exact text (toFixed() without places only writes the digits): no Decimal is made for it.
  return roundTextHalfUp(value.toFixed(), places);
}

/**
 * A plain decimal text (`-12.345`, `0.5`, `7`) rounded half-up (away from
 * zero on a tie, as ROUND_HALF_UP) to exactly `places` decimals, without a
 * negative zero: what toFixed(places, ROUND_HALF_UP) writes, "-0.00" made "0.00".
 */
export function roundTextHalfUp(text: string, places: number): string {
  const negative = text.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  let point = text.indexOf('.');
  if (point < 0) point = text.length;
  const decimals = point < text.length ? text.length - point - 1 : 0;
  let body: string;
  if (decimals <= places) {
    body = text.slice(start);
    if (places > 0) {
      if (decimals === 0) body += '.';
      for (let k = decimals; k < places; k++) body += '0';
    }
  } else {
    // Kept: the whole digits and `places` decimals; the next digit decides.
    const kept = places === 0 ? text.slice(start, point) : text.slice(start, point + 1 + places);
    body = text.charCodeAt(point + 1 + places) >= 53 ? incrementDigits(kept) : kept;
  }
  if (!negative) return body;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code > 48 && code <= 57) return '-' + body;
  }
  return body;
}

/** A digit text (with a point, perhaps) plus one in its last place: `0.99` → `1.00`, `9` → `10`. */
function incrementDigits(digits: string): string {
  let out = '';
  let i = digits.length - 1;
  for (; i >= 0; i--) {
    const code = digits.charCodeAt(i);
    if (code === 46) {
      out = '.' + out;
      continue;
    }
    if (code < 57) return digits.slice(0, i) + String.fromCharCode(code + 1) + out;
    out = '0' + out;
  }
  return '1' + out;
}

/** A decimal string without trailing zeros: `"10"`, `"4978.49"`. */
export function plain(value: Dec): string {
  return value.toFixed();
}

/** Decimals already built from a text (they are immutable): a cell's figure is parsed once, not at every use. */
const parsed = new Map<string, Dec>();
const PARSED_LIMIT = 4096;

/** Builds from a decimal string produced by the workbook layer (never from float arithmetic). */
export function dec(text: string): Dec {
  let value = parsed.get(text);
  if (value === undefined) {
    value = new Dec(text);
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(text, value);
  }
  return value;
}

export function max(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

export function min(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}
