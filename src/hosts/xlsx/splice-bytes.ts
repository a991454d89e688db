import { spliceText, type Splice } from './splice-text';
import { encodeXml, type XmlText } from './xml-text';

/**
 * A part's bytes once the ordered splices are applied to its text (`bytes`
 * are the bytes `xml` was decoded from), the same bytes as encoding the
 * spliced text; undefined when the part is unchanged, so it is copied as it was.
 */
export function splicePart(bytes: Uint8Array, xml: XmlText, splices: readonly Splice[]): Uint8Array | undefined {
  if (splices.length === 0) return undefined;
  if (xml.encoding === 'utf8' || xml.encoding === 'utf8bom') {
    const out = spliceUtf8(bytes, xml.encoding === 'utf8bom' ? 3 : 0, xml.text, splices);
    if (out) return sameBytes(out, bytes) ? undefined : out;
  }
  const text = spliceText(xml.text, splices);
  return text === xml.text ? undefined : encodeXml(text, xml.encoding);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const encoder = new TextEncoder();
/** Matches from lastIndex to the next character outside ASCII. */
const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * Applies splices of `text` to the UTF-8 bytes it was decoded from
 * (`bytes`, with `offset` bytes of BOM before the text): the unchanged
 * stretches are copied as bytes and only the splices' texts are encoded, so a
 * long sheet is neither joined into a new string nor encoded again. The
 * result equals the encoding of the spliced text, byte for byte (tested
 * against spliceText + TextEncoder). `splices` must be in order, as
 * spliceText takes them, and not overlap. Undefined when a surrogate lies at
 * a splice's edge (joined as a string, two halves there could make one
 * character) and in a browser without TextEncoder.encodeInto: the caller
 * splices the string then.
 */
export function spliceUtf8(bytes: Uint8Array, offset: number, text: string, splices: readonly Splice[]): Uint8Array | undefined {
  if (typeof encoder.encodeInto !== 'function') return undefined;
  // One byte per character: every position maps straight to a byte (the usual sheet, its strings shared).
  const ascii = bytes.length - offset === text.length;
  let bound = bytes.length;
  for (const s of splices) {
    if (surrogateAt(s.text, 0) || surrogateAt(s.text, s.text.length - 1) || surrogateAt(text, s.start - 1) || surrogateAt(text, s.end)) return undefined;
    bound += 3 * s.text.length;
  }
  const out = new Uint8Array(bound);
  let pos = 0;
  const copy = (from: number, to: number) => {
    if (to - from > 32) out.set(bytes.subarray(from, to), pos);
    else for (let i = from; i < to; i++) out[pos + i - from] = bytes[i];
    pos += to - from;
  };
  // The UTF-8 length of text[from, to): ASCII up to `nextNonAscii`, counted only beyond it.
  let nextNonAscii = -1;
  const length = (from: number, to: number) => {
    if (ascii) return to - from;
    if (nextNonAscii < from) {
      NON_ASCII.lastIndex = from;
      nextNonAscii = NON_ASCII.test(text) ? NON_ASCII.lastIndex - 1 : text.length;
    }
    return to <= nextNonAscii ? to - from : nextNonAscii - from + utf8Length(text, nextNonAscii, to);
  };
  copy(0, offset);
  let at = 0;
  let byteAt = offset;
  for (const s of splices) {
    if (s.start > at) {
      const n = length(at, s.start);
      copy(byteAt, byteAt + n);
      byteAt += n;
      at = s.start;
    }
    // Bounded by 3 bytes per UTF-16 unit, so encodeInto always writes the whole text.
    pos += encoder.encodeInto(s.text, out.subarray(pos)).written;
    if (s.end > at) {
      byteAt += length(at, s.end);
      at = s.end;
    }
  }
  copy(byteAt, bytes.length);
  return out.subarray(0, pos);
}

/** True when text[i] is half of a surrogate pair (false outside the text). */
function surrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdfff;
}

/** The UTF-8 length of text[from, to), as TextEncoder encodes it: a lone surrogate becomes U+FFFD, 3 bytes. */
function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && isLow(text.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
