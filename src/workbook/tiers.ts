import type { Tier } from '../engine';
import { nfkc, stripWhitespace } from './normalize';
import {
  TIER_A_WORDS,
  TIER_B_WORD,
  TIER_C_WORDS,
  TIER_EVERYDAY_WORDS,
  TIER_NEGATIONS,
  TRAILING_PUNCTUATION,
  type LocalRules,
} from './vocabulary';

const ORDER: readonly Tier[] = ['C', 'B', 'A'];

/**
 * The tier of a qualitative actual, in three steps, each C before B before A:
 * 1. the workbook's own phrases (定性A档用语 …), contained in the text — so a
 *    province that counts 基本达成 as B says so and is obeyed;
 * 2. the v1 words (未达成 … C, 部分 B, 达成 … A), contained in the text;
 * 3. everyday wording (较差, 一般, 良好, 效果显著 …): the text is the phrase or
 *    ends with it, not right after a negation (不显著), so a 差 inside 偏差较小
 *    is no tier.
 */
export function tierOf(phrase: string, words: LocalRules['tierWords'] = { A: [], B: [], C: [] }): Tier | null {
  const text = stripWhitespace(nfkc(phrase));
  for (const tier of ORDER) {
    if (words[tier].some((w) => w !== '' && text.includes(w))) return tier;
  }
  if (TIER_C_WORDS.some((w) => text.includes(w))) return 'C';
  if (text.includes(TIER_B_WORD)) return 'B';
  if (TIER_A_WORDS.some((w) => text.includes(w))) return 'A';
  const bare = text.replace(TRAILING_PUNCTUATION, '');
  for (const tier of ORDER) {
    if (TIER_EVERYDAY_WORDS[tier].some((w) => endsWithWord(bare, w))) return tier;
  }
  return null;
}

function endsWithWord(text: string, word: string): boolean {
  if (!text.endsWith(word)) return false;
  const before = text.slice(0, text.length - word.length);
  return !TIER_NEGATIONS.some((n) => before.endsWith(n));
}
