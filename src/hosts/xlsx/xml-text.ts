import { abort } from './file-error';

/** How a part's bytes were encoded, so an edited part is written back the same way. */
export type XmlEncoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

export interface XmlText {
  text: string;
  encoding: XmlEncoding;
}

const decoders = new Map<string, TextDecoder>();

function decoder(label: string): TextDecoder {
  let d = decoders.get(label);
  if (!d) {
    d = new TextDecoder(label, { fatal: true, ignoreBOM: true });
    decoders.set(label, d);
  }
  return d;
}

/** Decodes an XML part (UTF-8, with or without BOM, or UTF-16 with BOM). Invalid bytes → `xmlMalformed`. */
export function decodeXml(bytes: Uint8Array, part: string): XmlText {
  let encoding: XmlEncoding = 'utf8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf8bom';
    start = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf16be';
    start = 2;
  }
  const label = encoding === 'utf16le' ? 'utf-16le' : encoding === 'utf16be' ? 'utf-16be' : 'utf-8';
  try {
    return { text: decoder(label).decode(bytes.subarray(start)), encoding };
  } catch {
    return abort('xmlMalformed', { part });
  }
}

const encoder = new TextEncoder();

/** Encodes text the way the part was encoded (byte-identical for unchanged text). */
export function encodeXml(text: string, encoding: XmlEncoding): Uint8Array {
  if (encoding === 'utf8') return encoder.encode(text);
  if (encoding === 'utf8bom') {
    const body = encoder.encode(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const le = encoding === 'utf16le';
  out[0] = le ? 0xff : 0xfe;
  out[1] = le ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = le ? c & 0xff : c >> 8;
    out[3 + i * 2] = le ? c >> 8 : c & 0xff;
  }
  return out;
}
