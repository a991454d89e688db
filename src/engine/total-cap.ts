import { dec, fixed, type Dec } from './decimal';
import type { Adjustment, ExecutionCap, Settings } from './types';

export type CapAdjustment = Extract<Adjustment, { rule: 'executionCap' }>;

/**
 * The cap of 执行率总分上限 that applies to a 预算执行率: of the pairs whose
 * bound the rate is strictly below, the lowest cap (on a tie, the pair with
 * the lower bound, the more specific one). The rate is compared as written
 * (rounded), so that “68.20% 低于 70%” is always what the user reads. Null
 * when no pair applies.
 */
export function applicableCap(rate: string, caps: readonly ExecutionCap[]): ExecutionCap | null {
  const r = dec(rate);
  let found: ExecutionCap | null = null;
  for (const c of caps) {
    if (!r.lt(dec(c.below))) continue;
    const better = found === null || dec(c.cap).lt(dec(found.cap)) || (dec(c.cap).eq(dec(found.cap)) && dec(c.below).lt(dec(found.below)));
    if (better) found = c;
  }
  return found;
}

/**
 * 执行率总分上限, applied to the total after every other rule: the rounded
 * total down to the cap when it is above it. Null when nothing changes (no
 * pair applies, or the total is not above the cap).
 */
export function capTotal(total: Dec, rate: string, settings: Settings): CapAdjustment | null {
  const c = applicableCap(rate, settings.executionCaps);
  if (!c) return null;
  const cap = dec(c.cap);
  if (!total.gt(cap)) return null;
  const places = settings.decimals;
  return { rule: 'executionCap', before: fixed(total, places), after: fixed(cap, places), rate, below: dec(c.below).toFixed(), cap: cap.toFixed() };
}
