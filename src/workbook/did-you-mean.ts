import { normalizeHeader } from './normalize';

/** Edit distance (insertions, deletions, substitutions), stopping early above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1));
      if (current[j] < best) best = current[j];
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Whether a text the user wrote is probably meant as `wanted` (a contract
 * name or header): after header normalization, one contains the other (预算执行情况,
 * 实际完成), or they differ by one character (two for texts of five or more),
 * the shorter having at least two characters. Small on purpose: a suggestion
 * is only made where something is missing anyway, and is never applied.
 */
export function isProbably(text: string, wanted: string): boolean {
  const a = normalizeHeader(text);
  const b = normalizeHeader(wanted);
  if (a === b || Math.min(a.length, b.length) < 2) return false;
  if (a.indexOf(b) >= 0 || b.indexOf(a) >= 0) return true;
  const limit = Math.min(a.length, b.length) >= 5 ? 2 : 1;
  return distance(a, b, limit) <= limit;
}

/** The first of the texts that is probably meant as one of `wanted`. */
export function suggestionFor<T extends { text: string }>(candidates: readonly T[], wanted: readonly string[]): T | undefined {
  return candidates.find((c) => wanted.some((w) => isProbably(c.text, w)));
}
