import { cachedByText } from './text-cache';
import { nfkc, stripWhitespace } from './normalize';
import { parseNumberText } from './numbers';
import {
  AT_LEAST_OPERATORS,
  AT_MOST_OPERATORS,
  AT_MOST_SUFFIX,
  EQUAL_OPERATORS,
  QUALITATIVE_NATURE,
} from './vocabulary';

export type Operator = 'atLeast' | 'atMost' | 'equal';

export type TargetText =
  /** A target with no digit at all: 达到预期, 有效提升 … */
  | { kind: 'qualitative'; text: string }
  | { kind: 'quantitative'; operator: Operator | null; value: string; percent: boolean; unit: string }
  | { kind: 'invalid'; badThousands: boolean };

const OPERATORS: Array<[string, Operator]> = [
  ...AT_LEAST_OPERATORS.map((s): [string, Operator] => [s, 'atLeast']),
  ...AT_MOST_OPERATORS.map((s): [string, Operator] => [s, 'atMost']),
  ...EQUAL_OPERATORS.map((s): [string, Operator] => [s, 'equal']),
].sort((a, b) => b[0].length - a[0].length);

/** Matches an operator spelling at the start; longest spelling first (`大于等于` before `大于`). */
function leadingOperator(text: string): [Operator, string] | null {
  for (const [spelling, op] of OPERATORS) {
    if (text.startsWith(spelling)) return [op, text.slice(spelling.length)];
  }
  return null;
}

/**
 * The target grammar: `[operator] number [unit]`, `number 以内`, or a
 * qualitative phrase (no digit at all). Anything else with digits is invalid
 * (`约95%`).
 */
export function parseTargetText(raw: string): TargetText {
  const text = stripWhitespace(nfkc(raw));
  if (!/\d/.test(text)) return { kind: 'qualitative', text: nfkc(raw).trim() };
  const lead = leadingOperator(text);
  let operator: Operator | null = lead ? lead[0] : null;
  let rest = lead ? lead[1] : text;
  if (rest.endsWith(AT_MOST_SUFFIX)) {
    if (operator !== null && operator !== 'atMost') return { kind: 'invalid', badThousands: false };
    operator = 'atMost';
    rest = rest.slice(0, -AT_MOST_SUFFIX.length);
  }
  const n = parseNumberText(rest);
  if (n === null || n === 'badThousands') return { kind: 'invalid', badThousands: n === 'badThousands' };
  return { kind: 'quantitative', operator, value: n.value, percent: n.percent, unit: n.unit };
}

export type Nature = { kind: 'operator'; operator: Operator } | { kind: 'qualitative' } | { kind: 'unknown' };

/** 指标性质: ≥ ≤ = (any operator spelling of the grammar) or 定性. */
export function parseNature(raw: string): Nature {
  // A column of few distinct texts (≥, ≤, 定性), read at every row: each parsed once; the answers are read only.
  return natureAnswers(raw);
}

function natureOf(raw: string): Nature {
  const text = stripWhitespace(nfkc(raw));
  if (text === QUALITATIVE_NATURE) return { kind: 'qualitative' };
  const lead = leadingOperator(text);
  if (lead && lead[1] === '') return { kind: 'operator', operator: lead[0] };
  return { kind: 'unknown' };
}

const natureAnswers = cachedByText(natureOf, 256);
