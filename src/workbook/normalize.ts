import { PART_PREFIX, ROW_LABEL_ALIASES } from './vocabulary';

/**
 * Unicode NFKC with a fallback for hosts that lack String.prototype.normalize
 * (the IE11 webview of Office 2016): there the full-width forms and the
 * ideographic space — what Chinese input methods actually produce — are
 * folded by hand, which is what NFKC does to them.
 */
export function nfkc(text: string): string {
  if (isNfkcInert(text)) return text;
  if (typeof text.normalize === 'function') return text.normalize('NFKC');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text.charAt(i);
  }
  return out;
}

/**
 * True when NFKC (and the fallback) leaves `text` as it is, told cheaply: it
 * holds only ASCII and CJK Unified Ideographs (U+4E00–U+9FFF), none of which
 * has a compatibility or canonical decomposition, and no two of which compose
 * (composition needs a combining mark or a Hangul jamo, which are neither).
 * Most cell text is such (names, figures, 指标1); the rest goes to normalize().
 */
function isNfkcInert(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && (code < 0x4e00 || code > 0x9fff)) return false;
  }
  return true;
}

/** Removes every whitespace character (including no-break and ideographic spaces). */
export function stripWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

/**
 * Header and label matching (contract, General rules): NFKC, no whitespace,
 * one trailing parenthesised group dropped whatever it holds, ASCII
 * lower-case. `全年预算数（万元）` → `全年预算数`.
 */
export function normalizeHeader(text: string): string {
  if (isPlainHeader(text)) return text;
  const compact = stripWhitespace(nfkc(text));
  const dropped = compact.replace(/\([^()]*\)$/, '');
  return dropped.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * True when normalizeHeader leaves `text` as it is: NFKC-inert (isNfkcInert),
 * and no whitespace, parenthesis or upper-case letter — printable ASCII
 * without `(`, `)`, `A`–`Z`, and CJK Unified Ideographs. Most labels and
 * indicator names (产出指标, 指标1) are such; telling it is cheaper than the replaces.
 */
function isPlainHeader(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) continue;
    if (code <= 0x20 || code >= 0x7f || code === 0x28 || code === 0x29 || (code >= 0x41 && code <= 0x5a)) return false;
  }
  return true;
}

/** Text of a cell for matching: NFKC and trimmed; numbers and booleans as text. */
export function cellText(value: string | number | boolean | null): string {
  if (value === null) return '';
  return nfkc(String(value)).trim();
}

/**
 * A budget row's label as matched against the total and breakdown labels:
 * the header normalization, then a leading `其中` with whatever punctuation
 * follows it (`其中：当年财政拨款`, `其中:`, `其中 `), as the national form
 * writes its parts, and a trailing colon; then the aliases of ROW_LABEL_ALIASES.
 */
export function rowLabelKey(label: string): string {
  // A trailing colon too: filled-in forms write `年度资金总额：` (NFKC has made it `:`).
  const key = normalizeHeader(label).replace(ROW_PREFIX, '').replace(/:$/, '');
  return Object.prototype.hasOwnProperty.call(ROW_LABEL_ALIASES, key) ? ROW_LABEL_ALIASES[key] : key;
}

/** The prefix and a separator; NFKC has already made a full-width colon `:`. */
const ROW_PREFIX = new RegExp('^' + PART_PREFIX + '[:;,.\u3001\uff0c\uff1b\u3002]?');

/** Text of a cell as the user wrote it, trimmed (for display: `其中：当年财政拨款` keeps its full-width colon). */
export function displayText(value: string | number | boolean | null): string {
  return value === null ? '' : String(value).trim();
}
