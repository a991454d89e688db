/**
 * Exact rational arithmetic on BigInt, independent of decimal.js: the
 * reference the engine's decimal results are compared with in property tests.
 */
export interface Q {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function q(n: bigint, d: bigint = 1n): Q {
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** Parses `"12.345"` / `"-0.5"` exactly. */
export function parse(text: string): Q {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error('not a decimal: ' + text);
  const frac = m[3] ?? '';
  const n = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return q(n, 10n ** BigInt(frac.length));
}

export const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
export const cmp = (a: Q, b: Q) => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const minQ = (a: Q, b: Q) => (cmp(a, b) <= 0 ? a : b);
export const maxQ = (a: Q, b: Q) => (cmp(a, b) >= 0 ? a : b);

/** Half-up (away from zero on ties) to `places` decimals, as a fixed string. */
export function fixedHalfUp(x: Q, places: number): string {
  const scale = 10n ** BigInt(places);
  const neg = x.n < 0n;
  const n = neg ? -x.n : x.n;
  const scaled = (2n * n * scale + x.d) / (2n * x.d);
  const digits = scaled.toString().padStart(places + 1, '0');
  const body = places === 0 ? digits : digits.slice(0, -places) + '.' + digits.slice(-places);
  return (neg && scaled !== 0n ? '-' : '') + body;
}

export function roundHalfUpQ(x: Q, places: number): Q {
  return parse(fixedHalfUp(x, places));
}
