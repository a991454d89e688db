import { decodeEscapes } from './decode-escapes';
import { isSml, parseXml } from './parse-xml';
import type { XmlText } from './xml-text';

/**
 * The shared strings, each the concatenation of its <t> text (plain or rich
 * text runs), without phonetic runs (<rPh>).
 */
export function readSharedStrings(xml: XmlText, part: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inT = false;
  let phonetic = 0;
  parseXml(xml.text, part, {
    open(tag) {
      if (!isSml(tag, tag.local)) return;
      if (tag.local === 'si') current = '';
      else if (tag.local === 'rPh') phonetic++;
      else if (tag.local === 't' && current !== null && phonetic === 0) inT = true;
    },
    text(text) {
      if (inT) current += text;
    },
    close(tag) {
      if (!isSml(tag, tag.local)) return;
      if (tag.local === 't') inT = false;
      else if (tag.local === 'rPh') phonetic--;
      else if (tag.local === 'si' && current !== null) {
        strings.push(decodeEscapes(current));
        current = null;
      }
    },
  });
  return strings;
}
