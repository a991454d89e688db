import { decodeEscapes } from './decode-escapes';
import { parseXmlFast, SML_NS } from './parse-xml';
import type { PlainHandlers } from './plain-xml';
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
  const handlers: PlainHandlers = {
    open(tag) {
      if (!SML_NS.has(tag.uri)) return;
      if (tag.local === 'si') current = '';
      else if (tag.local === 'rPh') phonetic++;
      else if (tag.local === 't' && current !== null && phonetic === 0) inT = true;
    },
    text(text) {
      if (inT) current += text;
    },
    close(tag) {
      if (!SML_NS.has(tag.uri)) return;
      if (tag.local === 't') inT = false;
      else if (tag.local === 'rPh') phonetic--;
      else if (tag.local === 'si' && current !== null) {
        strings.push(decodeEscapes(current));
        current = null;
      }
    },
  };
  // The fast reader, in one walk: a workbook's strings are its largest part after its sheets.
  parseXmlFast(xml.text, part, handlers, () => {
    strings.length = 0;
    current = null;
    inT = false;
    phonetic = 0;
    return handlers;
  });
  return strings;
}
