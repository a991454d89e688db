import { decimalCompare, decimalTimes, normalizeDecimal, type ExecutionCap, type GradeBand, type Settings } from '../engine';
import type { CellInput } from './cells';
import { cellText, nfkc, normalizeHeader, stripWhitespace } from './normalize';
import { parseNumberText, readNumber, type NumberValue } from './numbers';
import {
  LIST_SEPARATORS,
  MAX_DECIMALS,
  NO_WORDS,
  NONE_WORDS,
  PAIR_SEPARATORS,
  REASON_MODES,
  REVERSE_MODES,
  OVERDUE_MODES,
  SCORE_UNIT,
  CHAR_UNIT,
  YES_WORDS,
  type LocalRules,
  type ReviewRules,
  type SettingKey,
  type V1GradeKey,
} from './vocabulary';

/** Grades as the 等级 setting gives them: the bounded grades best first, then the lowest grade. */
export interface GradeList {
  bands: GradeBand[];
  lowest: string;
}

/** Everything the settings say, being assembled: defaults, then a preset's values, then the workbook's own. */
export interface SettingsDraft {
  settings: Settings;
  local: LocalRules;
  /** The 复核 checks of selfeval batch. */
  review: ReviewRules;
  /** 等级, when given (by the workbook or a preset). */
  grades: GradeList | null;
  /** The v1 keys 优 / 良 / 中, when given. */
  v1Bounds: Partial<Record<V1GradeKey, string>>;
}

/** Writes one setting's value into the draft. */
export type ApplyValue = (draft: SettingsDraft) => void;

/** Reads a value cell: how to apply it, or null when the value is not valid for the setting. */
type ValueParser = (cell: CellInput) => ApplyValue | null;

/** The largest 字数上限 accepted (a typo guard; real limits are 100 or 200). */
const MAX_CHARS = 100000;

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isNone = (text: string) => (NONE_WORDS as readonly string[]).indexOf(normalizeHeader(text)) >= 0;

/**
 * A number ≥ 0 that is not a percentage. The v1 keys (预算执行率分值, 优 / 良 /
 * 中) read it as v1 did, whatever text follows the number; a new setting
 * (偏离扣分) accepts only `分` after it.
 */
function plainNumber(cell: CellInput, v1 = false): string | null {
  const n = readNumber(cell);
  if (n.kind !== 'number' || decimalCompare(n.number.value, '0') < 0 || n.number.percentFormat || n.number.textPercent) return null;
  return v1 || n.number.unit === '' || n.number.unit === SCORE_UNIT ? n.number.value : null;
}

/**
 * A rate as a ratio (contract note 12): `30%` (text or percent format) is a
 * ratio already; a plain number above 1 is percentage points (30 → 0.3), one
 * of at most 1 a ratio (0.3). 偏离度预警阈值 (v1) ignores text after the number,
 * as v1 did; new settings accept none.
 */
function rateOf(v: NumberValue, v1 = false): string | null {
  if (decimalCompare(v.value, '0') < 0) return null;
  if (!v1 && v.unit !== '' && v.unit !== '%') return null;
  const isRatio = v.textPercent || v.percentFormat || decimalCompare(v.value, '1') <= 0;
  return isRatio ? v.value : decimalTimes(v.value, '1', '100');
}

function rateCell(cell: CellInput, v1 = false): string | null {
  const n = readNumber(cell);
  return n.kind === 'number' ? rateOf(n.number, v1) : null;
}

/** A positive whole number of characters (`100`, `100字`), or 无 (no limit). */
function charLimit(cell: CellInput): number | null | undefined {
  if (typeof cell.value === 'string' && isNone(cell.value)) return null;
  const n = readNumber(cell);
  if (n.kind !== 'number' || (n.number.unit !== '' && n.number.unit !== CHAR_UNIT) || n.number.percentFormat || n.number.textPercent) return undefined;
  if (!/^\d+$/.test(n.number.value)) return undefined;
  const limit = Number(n.number.value);
  return limit >= 1 && limit <= MAX_CHARS ? limit : undefined;
}

/** `名称:值` items of a list setting; null when an item has no separator or an empty side. */
function pairs(text: string): Array<{ name: string; value: string | null }> | null {
  const items = text.split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) return null;
  const out: Array<{ name: string; value: string | null }> = [];
  for (const item of items) {
    const parts = item.split(PAIR_SEPARATORS);
    if (parts.length > 2) return null;
    const name = parts[0].trim();
    const value = parts.length === 2 ? parts[1].trim() : null;
    if (name === '' || value === '') return null;
    out.push({ name, value });
  }
  return out;
}

/** A score in a list (`89`, `89分`): a number ≥ 0, no percentage. */
function listScore(text: string): string | null {
  const n = parseNumberText(text);
  if (n === null || n === 'badThousands' || n.percent || (n.unit !== '' && n.unit !== SCORE_UNIT)) return null;
  return decimalCompare(n.value, '0') >= 0 ? n.value : null;
}

/** A rate in a list (`70%`, `0.7`, `70`). */
function listRate(text: string): string | null {
  const n = parseNumberText(text);
  if (n === null || n === 'badThousands') return null;
  return rateOf({ value: n.value, unit: n.unit, percentFormat: false, textPercent: n.percent });
}

/**
 * 等级: `优:90;良:80;中:60;差`. Every grade but the last has its inclusive
 * lower bound; the last is the lowest grade (written alone, or with bound 0).
 * Names are unique. The order of the bounds is checked once every setting is
 * known (a v1 key may still change one), so it is not checked here.
 */
export function parseGrades(text: string): GradeList | null {
  const items = pairs(text);
  if (!items || items.length < 2) return null;
  const last = items[items.length - 1];
  if (last.value !== null && (listScore(last.value) === null || decimalCompare(listScore(last.value)!, '0') !== 0)) return null;
  const bands: GradeBand[] = [];
  for (const item of items.slice(0, -1)) {
    const min = item.value === null ? null : listScore(item.value);
    if (min === null) return null;
    bands.push({ name: item.name, min: normalizeDecimal(min) });
  }
  const names = items.map((i) => i.name);
  if (names.some((n, i) => names.indexOf(n) !== i)) return null;
  return { bands, lowest: last.name };
}

/** 执行率总分上限: `80%:89;70%:79;60%:69;50%:59` (rate below : cap), or 无. Bounds are distinct. */
export function parseExecutionCaps(text: string): ExecutionCap[] | null {
  if (isNone(text)) return [];
  const items = pairs(text);
  if (!items) return null;
  const caps: ExecutionCap[] = [];
  for (const item of items) {
    const below = listRate(item.name);
    const cap = item.value === null ? null : listScore(item.value);
    if (below === null || cap === null || decimalCompare(below, '0') <= 0) return null;
    if (caps.some((c) => decimalCompare(c.below, below) === 0)) return null;
    caps.push({ below: normalizeDecimal(below), cap: normalizeDecimal(cap) });
  }
  return caps;
}

/** 一级指标分值: `产出指标:50;效益指标:30;满意度指标:10`, or 无. Block names are unique as headers match. */
export function parseBlockWeights(text: string): LocalRules['blockWeights'] | null {
  if (isNone(text)) return [];
  const items = pairs(text);
  if (!items) return null;
  const out: Array<{ block: string; weight: string }> = [];
  const seen: string[] = [];
  for (const item of items) {
    const weight = item.value === null ? null : listScore(item.value);
    const key = normalizeHeader(item.name);
    if (weight === null || decimalCompare(weight, '0') <= 0 || seen.indexOf(key) >= 0) return null;
    seen.push(key);
    out.push({ block: item.name, weight: normalizeDecimal(weight) });
  }
  return out;
}

function lookup<T>(table: { [word: string]: T }, cell: CellInput): T | null {
  const text = normalizeHeader(cellText(cell.value));
  return hasOwn(table, text) ? table[text] : null;
}

function textOf(cell: CellInput): string | null {
  return typeof cell.value === 'string' ? cellText(cell.value) : null;
}

/** The parser of every setting but 规则方案 (a preset name, read by parse-settings). */
export const VALUE_PARSERS: { [K in Exclude<SettingKey, 'preset'>]: ValueParser } = {
  executionWeight: (cell) => {
    const v = plainNumber(cell, true);
    return v === null ? null : (d) => (d.settings.executionWeight = v);
  },
  grades: (cell) => {
    const text = textOf(cell);
    const list = text === null ? null : parseGrades(text);
    return list === null ? null : (d) => (d.grades = list);
  },
  excellent: (cell) => v1Bound('excellent', cell),
  good: (cell) => v1Bound('good', cell),
  pass: (cell) => v1Bound('pass', cell),
  decimals: (cell) => {
    const n = readNumber(cell);
    if (n.kind !== 'number' || !/^\d+$/.test(n.number.value) || Number(n.number.value) > MAX_DECIMALS) return null;
    const places = Number(n.number.value);
    return (d) => (d.settings.decimals = places);
  },
  reverseMode: (cell) => {
    const mode = lookup<Settings['reverseMode']>(REVERSE_MODES, cell);
    return mode === null ? null : (d) => (d.settings.reverseMode = mode);
  },
  overachievementThreshold: (cell) => {
    const v = rateCell(cell, true);
    return v === null ? null : (d) => (d.settings.overachievementThreshold = v);
  },
  roundRatesFirst: (cell) => {
    const v = cell.value;
    const text = normalizeHeader(cellText(v));
    if (v === true || (YES_WORDS as readonly string[]).indexOf(text) >= 0) return (d) => (d.settings.roundRatesFirst = true);
    if (v === false || (NO_WORDS as readonly string[]).indexOf(text) >= 0) return (d) => (d.settings.roundRatesFirst = false);
    return null;
  },
  executionCaps: (cell) => {
    const text = textOf(cell);
    const caps = text === null ? null : parseExecutionCaps(text);
    return caps === null ? null : (d) => (d.settings.executionCaps = caps);
  },
  deviationPenalty: (cell) => {
    const v = plainNumber(cell);
    return v === null ? null : (d) => (d.settings.deviationPenalty = v);
  },
  blockWeights: (cell) => {
    const text = textOf(cell);
    const blocks = text === null ? null : parseBlockWeights(text);
    return blocks === null ? null : (d) => (d.local.blockWeights = blocks);
  },
  reasonRequired: (cell) => {
    const mode = lookup<LocalRules['reasonMode']>(REASON_MODES, cell);
    return mode === null ? null : (d) => (d.local.reasonMode = mode);
  },
  reasonMaxChars: (cell) => {
    const v = charLimit(cell);
    return v === undefined ? null : (d) => (d.local.reasonMaxChars = v);
  },
  reasonThreshold: (cell) => {
    const v = rateCell(cell);
    return v === null ? null : (d) => (d.local.reasonThreshold = v);
  },
  reportMaxChars: (cell) => {
    const v = charLimit(cell);
    return v === undefined ? null : (d) => (d.local.reportMaxChars = v);
  },
  overdueMode: (cell) => {
    const mode = lookup<LocalRules['overdueMode']>(OVERDUE_MODES, cell);
    return mode === null ? null : (d) => (d.local.overdueMode = mode);
  },
  tierWordsA: (cell) => tierWords('A', cell),
  tierWordsB: (cell) => tierWords('B', cell),
  tierWordsC: (cell) => tierWords('C', cell),
  reviewRateGap: (cell) => {
    const v = reviewThreshold(cell, (c) => rateCell(c));
    return v === undefined ? null : (d) => (d.review.rateGap = v);
  },
  reviewUnspent: (cell) => {
    const v = reviewThreshold(cell, (c) => rateCell(c));
    return v === undefined ? null : (d) => (d.review.unspentShare = v);
  },
  reviewReason: (cell) => {
    const v = yesNo(cell);
    return v === null ? null : (d) => (d.review.reasonForShortfall = v);
  },
  reviewWeightTotal: (cell) => {
    const v = reviewThreshold(cell, (c) => plainNumber(c));
    return v === undefined ? null : (d) => (d.review.weightTotal = v);
  },
};

/** 定性A档用语 …: a list of phrases (`圆满、出色`), or 无 for none (overriding a preset's). */
function tierWords(tier: 'A' | 'B' | 'C', cell: CellInput): ApplyValue | null {
  const text = textOf(cell);
  if (text === null) return null;
  const words = isNone(text) ? [] : text.split(LIST_SEPARATORS).map((w) => stripWhitespace(nfkc(w))).filter((w) => w !== '');
  if (!isNone(text) && words.length === 0) return null;
  return (d) => (d.local.tierWords = { ...d.local.tierWords, [tier]: words });
}

/** A yes/no cell (是 / 否, true / false, a boolean); null for anything else. */
function yesNo(cell: CellInput): boolean | null {
  const v = cell.value;
  const text = normalizeHeader(cellText(v));
  if (v === true || (YES_WORDS as readonly string[]).indexOf(text) >= 0) return true;
  if (v === false || (NO_WORDS as readonly string[]).indexOf(text) >= 0) return false;
  return null;
}

/** A 复核 threshold: 无 turns the check off (null); else what `read` accepts. */
function reviewThreshold(cell: CellInput, read: (cell: CellInput) => string | null): string | null | undefined {
  if (typeof cell.value === 'string' && isNone(cell.value)) return null;
  const v = read(cell);
  return v === null ? undefined : v;
}

function v1Bound(key: V1GradeKey, cell: CellInput): ApplyValue | null {
  const v = plainNumber(cell, true);
  return v === null ? null : (d) => (d.v1Bounds[key] = v);
}
