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

/** Canonical plain form: `"4135.45"`, `"0.0001"`, no exponent. */
export function normalizeDecimal(text: string): string {
  // Fast path: most cell figures are plain decimal text already.
  return CANONICAL.test(text) && text !== '-0' ? text : dec(text).toFixed();
}

export function decimalCompare(a: string, b: string): number {
  return dec(a).cmp(dec(b));
}

export function decimalEquals(a: string, b: string): boolean {
  return dec(a).eq(dec(b));
}

export function decimalSum(values: string[]): string {
  return values.reduce((s: Dec, v) => s.plus(dec(v)), ZERO).toFixed();
}

/** a − b, exactly (年中调整数 = 全年预算数 − 年初预算数). */
export function decimalMinus(a: string, b: string): string {
  return dec(a).minus(dec(b)).toFixed();
}

/** A sum written with exactly `places` decimals (`["9.32", "72.21"]` → `"81.53"`): a block's subtotal of rounded scores. */
export function decimalSumFixed(values: string[], places: number): string {
  return fixed(values.reduce((s: Dec, v) => s.plus(dec(v)), ZERO), places);
}

/** A figure rounded half-up to `places` decimals, as a cell formatted with them shows it (`"81.5312"` → `"81.53"`). */
export function decimalRound(text: string, places: number): string {
  return fixed(dec(text), places);
}

/** a × b / c, exactly (used to scale percentages: value / 100). */
export function decimalTimes(a: string, b: string, divideBy = '1'): string {
  return dec(a).times(dec(b)).div(dec(divideBy)).toFixed();
}

/** A ratio as a percentage keeping its places: `"0.9316"` → `"93.16%"`, `"1.0000"` → `"100.00%"`. */
export function percentText(ratio: string): string {
  const places = ratio.includes('.') ? ratio.length - ratio.indexOf('.') - 1 : 0;
  return dec(ratio).times(100).toFixed(Math.max(0, places - 2)) + '%';
}
