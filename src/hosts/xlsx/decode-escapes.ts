/** Decodes ST_Xstring escapes (`_x000D_` → CR, `_x005F_` → `_`), as Excel does when it reads a string. */
export function decodeEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** What encodeEscapes may change: an underscore (a literal `_xHHHH_`), a control character, a surrogate, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML refuses
const MAY_NEED_ESCAPES = /[_\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

function escape(code: number): string {
  return '_x' + code.toString(16).toUpperCase().padStart(4, '0') + '_';
}

/**
 * Encodes what XML 1.0 cannot carry (control characters, unpaired
 * surrogates, U+FFFE/U+FFFF) and a literal `_xHHHH_` as ST_Xstring escapes,
 * so Excel reads the text back unchanged.
 */
export function encodeEscapes(text: string): string {
  if (!MAY_NEED_ESCAPES.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f && /^x[0-9A-Fa-f]{4}_/.test(text.slice(i + 1, i + 7))) out += escape(c);
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) out += escape(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      } else out += escape(c);
    } else if (c >= 0xdc00 && c <= 0xdfff) out += escape(c);
    else out += text[i];
  }
  return out;
}
