import { nfkc, stripWhitespace } from './normalize';

/**
 * 字数 as the limits (偏差原因字数上限, 报告字数上限) count them: every
 * character after NFKC, whitespace (spaces, line breaks, full-width spaces)
 * not counted, punctuation counted. A Chinese character, a letter, a digit
 * and a mark such as `，` or `%` are one 字 each; a character outside the BMP
 * (a surrogate pair) is one, not two.
 */
export function charCount(text: string): number {
  const compact = stripWhitespace(nfkc(text));
  let count = 0;
  for (let i = 0; i < compact.length; i++) {
    const code = compact.charCodeAt(i);
    // A high surrogate followed by a low one is a single character.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < compact.length) {
      const next = compact.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The count when `text` is over `limit` 字, else null (no limit: null). */
export function overLimit(text: string, limit: number | null): number | null {
  if (limit === null) return null;
  const count = charCount(text);
  return count > limit ? count : null;
}

/*
 * 报告字数上限 (评价结论 / 存在问题 / 改进措施, 200 字 each under 四川自评表) is
 * read with the other settings (LocalRules.reportMaxChars) but not checked
 * here: those blocks arrive with the report information (报告信息), and the
 * code that reads them checks each text with overLimit(text, reportMaxChars)
 * and reports it with its own issue code and cell.
 */
