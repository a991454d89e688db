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
  const s = value.toFixed(places, Dec.ROUND_HALF_UP);
  // "-0.00" can only come from a negative zero; scores are never negative.
  return s.charCodeAt(0) === 45 && /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
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
