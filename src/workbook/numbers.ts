import { cachedByText } from './text-cache';
import type { CellInput } from './cells';
import { nfkc, stripWhitespace } from './normalize';
import { decimalTimes, isDecimalText, normalizeDecimal } from '../engine';

/** A number read from a cell, as an exact decimal string. */
export interface NumberValue {
  /** Decimal string; a text `%` has already divided it by 100. */
  value: string;
  /** Unit text that followed the number (`万元`, `人`), `%` for a text percent, or ''. */
  unit: string;
  /** The cell is a number formatted as a percentage (0.99 shown as 99%). */
  percentFormat: boolean;
  /** A text cell that ended in `%`. */
  textPercent: boolean;
}

export type NumberRead =
  | { kind: 'empty' }
  | { kind: 'number'; number: NumberValue }
  | { kind: 'invalid'; code: 'notANumber' | 'badThousands' | 'errorValue' | 'formulaWithoutValue'; text: string };

/** True when a number format shows the value as a percentage (a `%` outside quotes and escapes). */
export function isPercentFormat(format: string): boolean {
  // A workbook has few formats, asked for at every number cell: each is looked at once.
  return percentFormatAnswers(format);
}

const percentFormatAnswers = cachedByText((format) => {
  const unquoted = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return unquoted.includes('%');
}, 1024);

/**
 * A number in text: sign, digits with optional thousands groups of three,
 * optional fraction, optional `%`, then unit text without digits.
 */
const NUMBER_TEXT = /^([+-]?)((?:\d{1,3}(?:,\d{3})+)|\d+)?(\.\d+)?(%?)(.*)$/;

export interface TextNumber {
  value: string;
  percent: boolean;
  unit: string;
}

/** Parses `4,135.45万元`, `99%`, `-3`; 'badThousands' for `12,5`; null when it is no number. */
export function parseNumberText(raw: string): TextNumber | 'badThousands' | null {
  const text = stripWhitespace(nfkc(raw)).replace(/[\u2212\uff0d]/g, '-');
  const m = NUMBER_TEXT.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const rest = m[5];
  if (/\d/.test(rest) || rest.startsWith(',')) {
    return /^[+-]?\d[\d,]*(\.\d+)?/.test(text) && text.includes(',') ? 'badThousands' : null;
  }
  const digits = m[1] + (m[2] ?? '0').replace(/,/g, '') + (m[3] ?? '');
  if (!isDecimalText(digits)) return null;
  const percent = m[4] === '%';
  const value = percent ? decimalTimes(digits, '1', '100') : normalizeDecimal(digits);
  return { value, percent, unit: percent ? '%' : rest };
}

/**
 * A number from a host (an IEEE double) as the decimal Excel shows: rounded to
 * 15 significant digits, Excel's own precision. A cached formula result such as
 * 3697.3500000000004 (binary noise of 3556.47 + 140.88) is the 3697.35 on screen.
 */
export function numberToDecimal(n: number): string {
  return shortPlainDecimal(n) ?? normalizeDecimal(n.toPrecision(15));
}

/**
 * JavaScript's shortest round-trip form of `n` when it is plain (no exponent)
 * and has at most 15 significant digits, else null. Such a form is what
 * toPrecision(15) shows, without its trailing zeros: 15 digits are within a
 * double's precision (DBL_DIG), so a 15-digit decimal survives the round trip
 * through the double and back to 15 digits. It is already canonical (no
 * trailing zeros, `0.5` not `.5`, `0` for −0). The common case of every number
 * cell, without building a Decimal.
 */
function shortPlainDecimal(n: number): string | null {
  const text = String(n);
  let significant = 0;
  let zeros = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 48) {
      // Zeros count once a digit other than 0 follows them (trailing zeros of an integer do not).
      if (significant > 0) zeros++;
    } else if (code > 48 && code <= 57) {
      significant += zeros + 1;
      zeros = 0;
    } else if (code !== 45 && code !== 46) {
      return null; // 'e' (1e+21, 1e-7), or Infinity / NaN
    }
  }
  return significant <= 15 ? text : null;
}

export function readNumber(cell: CellInput): NumberRead {
  const { value } = cell;
  if (cell.error) return { kind: 'invalid', code: 'errorValue', text: String(value) };
  if (value === null || (typeof value === 'string' && stripWhitespace(value) === '')) {
    return cell.formula ? { kind: 'invalid', code: 'formulaWithoutValue', text: '' } : { kind: 'empty' };
  }
  if (typeof value === 'number') {
    if (!isFinite(value)) return { kind: 'invalid', code: 'notANumber', text: String(value) };
    return {
      kind: 'number',
      number: { value: numberToDecimal(value), unit: '', percentFormat: isPercentFormat(cell.numberFormat), textPercent: false },
    };
  }
  if (typeof value === 'boolean') return { kind: 'invalid', code: 'notANumber', text: value ? 'TRUE' : 'FALSE' };
  const parsed = parseNumberText(value);
  if (parsed === 'badThousands') return { kind: 'invalid', code: 'badThousands', text: value };
  if (parsed === null) return { kind: 'invalid', code: 'notANumber', text: value };
  return { kind: 'number', number: { value: parsed.value, unit: parsed.unit, percentFormat: false, textPercent: parsed.percent } };
}

/** Is the cell empty (blank, or only whitespace)? A formula without cached value counts as empty here. */
export function isBlank(cell: CellInput): boolean {
  return cell.value === null || (typeof cell.value === 'string' && stripWhitespace(cell.value) === '');
}
