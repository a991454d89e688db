import { cachedByText } from './text-cache';
import type { CellInput } from './cells';
import { nfkc, stripWhitespace } from './normalize';
import {
  DATE_FIRST_HALF,
  DATE_NUMERIC,
  DATE_WRITTEN,
  DATE_YEAR,
  DEADLINE_BEFORE_WORDS,
  DEADLINE_DONE_WORDS,
  DEADLINE_PREFIXES,
  ON_TIME_WORDS,
  QUARTER_NUMBERS,
  TRAILING_PUNCTUATION,
} from './vocabulary';

/**
 * A day as people write it for a 时效指标: the year may be missing (`12月31日`),
 * and a period (`12月底`, `第三季度`, `2024年12月`) stands for its last day,
 * `day` 'end' until the year is known (February).
 */
export interface DatePoint {
  year: number | null;
  month: number;
  day: number | 'end';
}

const longest = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const PREFIXES = longest(DEADLINE_PREFIXES);
const BEFORE = longest(DEADLINE_BEFORE_WORDS);
const DONE = longest(DEADLINE_DONE_WORDS);

/** The date a text names, or null: `2024年12月底`, `2024.11.20`, `11月20日` (nothing around it). */
export function parseDate(text: string): DatePoint | null {
  const n = DATE_NUMERIC.exec(text);
  if (n) return valid({ year: Number(n[1]), month: Number(n[2]), day: Number(n[3]) });
  const w = DATE_WRITTEN.exec(text);
  if (!w) return null;
  const year = w[1] ? Number(w[1]) : null;
  // `年底` needs its 年; a bare `底` or `12` is no date.
  if (w[7] && !text.includes(DATE_YEAR)) return null;
  if (w[2]) return valid({ year, month: Number(w[2]), day: w[3] ? Number(w[3]) : 'end' });
  if (w[5]) return { year, month: QUARTER_NUMBERS[w[5]] * 3, day: 'end' };
  if (w[6]) return { year, month: w[6] === DATE_FIRST_HALF ? 6 : 12, day: 'end' };
  return { year, month: 12, day: 'end' };
}

function valid(p: DatePoint): DatePoint | null {
  if (p.month < 1 || p.month > 12) return null;
  if (p.day === 'end') return p;
  return p.day >= 1 && p.day <= daysIn(p.year ?? 2000, p.month) ? p : null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Strips one of `words` from the start (`start`) or the end of `text`. */
function strip(text: string, words: readonly string[], start: boolean): string {
  for (const w of words) {
    if (start ? text.startsWith(w) : text.endsWith(w)) return start ? text.slice(w.length) : text.slice(0, text.length - w.length);
  }
  return text;
}

/**
 * A deadline as a target or an actual is written: `≤2024-12-31`,
 * `2024年12月底前`, `12月31日前完成`, `已于2024年11月20日完成`. Null when the text
 * is no date (a number, `已完成`).
 */
export function parseDateText(raw: string): DatePoint | null {
  let text = stripWhitespace(nfkc(raw));
  text = strip(text, PREFIXES, true);
  text = strip(text, DONE, false);
  text = strip(text, BEFORE, false);
  return parseDate(text);
}

/** 按时完成 and the like: on time, without a date. */
export function saysOnTime(raw: string): boolean {
  const text = stripWhitespace(nfkc(raw)).replace(TRAILING_PUNCTUATION, '');
  return ON_TIME_WORDS.indexOf(text) >= 0;
}

/**
 * A number format that shows a date (`yyyy/m/d`, `yyyy"年"m"月"d"日"`, `mmm-yy`):
 * a y or d outside quotes, escapes and brackets, or an m without h or s (minutes).
 */
export function isDateFormat(format: string): boolean {
  // A workbook has few formats, asked for at every number cell: each is looked at once.
  return dateFormatAnswers(format);
}

function looksLikeDateFormat(format: string): boolean {
  const code = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  if (/^general$/i.test(code.trim()) || /E[+-]/i.test(code)) return false;
  return /[yd]/i.test(code) || (/m/i.test(code) && !/[hs]/i.test(code));
}

/** A date cell: a number with a date format (Excel's serial day, 1900 system). */
export function cellDate(cell: CellInput): DatePoint | null {
  if (typeof cell.value !== 'number' || !isDateFormat(cell.numberFormat) || cell.value < 1) return null;
  const serial = Math.floor(cell.value);
  // Excel counts 1900-02-29, which never was: serials from 61 on are one day ahead of a plain count from 1899-12-31.
  const base = Date.UTC(1899, 11, serial >= 61 ? 30 : 31);
  const d = new Date(base + serial * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A date cell or date text, as the cell holds it. */
export function readDate(cell: CellInput): DatePoint | null {
  if (typeof cell.value === 'string') return parseDateText(cell.value);
  return cellDate(cell);
}

/** The point as an ISO day in `year` when it has none (a nominal leap year 2000 when neither side has one). */
export function isoDay(p: DatePoint, year: number | null): string {
  const y = p.year ?? year ?? 2000;
  const d = p.day === 'end' ? daysIn(y, p.month) : p.day;
  // No padStart: the pane runs in IE11's ES5 (scripts/check-es5.js).
  const pad = (n: number, width: number) => ('000' + n).slice(-width);
  return `${pad(y, 4)}-${pad(p.month, 2)}-${pad(d, 2)}`;
}

const dateFormatAnswers = cachedByText(looksLikeDateFormat, 1024);
