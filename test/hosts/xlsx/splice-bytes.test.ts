import fc from 'fast-check';
import { splicePart, spliceUtf8 } from '../../../src/hosts/xlsx/splice-bytes';
import { orderSplices, spliceText, type Splice } from '../../../src/hosts/xlsx/splice-text';
import { decodeXml, encodeXml, type XmlEncoding } from '../../../src/hosts/xlsx/xml-text';

/**
 * Splicing onto a part's bytes gives exactly the bytes of encoding the
 * spliced text the way the part was encoded — for ASCII sheets (the fast
 * path), for text with CJK, emoji (surrogate pairs) and a BOM. A
 * surrogate at a splice's edge leaves it to the string path, which joins two
 * halves there into one character; a lone one inside becomes U+FFFD either way.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const encoder = new TextEncoder();

const pieceArb = fc.oneof(
  fc.constantFrom('<c r="A1">', '</row>', 'x', ' ', '&amp;', '说明', '完成率≥100%', '😀', 'é', '\u00a0'),
  fc.string({ maxLength: 6 }),
);
const textArb = (pieces: fc.Arbitrary<string>) => fc.array(pieces, { maxLength: 30 }).map((ps) => ps.join(''));
const asciiArb = textArb(fc.constantFrom('<c r="A1">', '</row>', '<v>1</v>', 'x', ' ', '&amp;'));
const loneSurrogateArb = fc.constantFrom('\ud800', '\udfff', 'a\udc00b', '\ud83d', 'x😀', '😀y');

/** Ordered, non-overlapping splices of `text`: boundaries on UTF-16 units that do not split a surrogate pair. */
function splicesArb(text: string): fc.Arbitrary<Splice[]> {
  const cuts: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i - 1);
    if (!(c >= 0xd800 && c <= 0xdbff)) cuts.push(i);
  }
  return fc
    .array(fc.tuple(fc.constantFrom(...cuts), fc.constantFrom(...cuts), fc.oneof(textArb(pieceArb), loneSurrogateArb)), { maxLength: 8 })
    .map((raw) => {
      const points = raw.map(([a, b, t]) => ({ start: Math.min(a, b), end: Math.max(a, b), text: t })).sort((x, y) => x.start - y.start || x.end - y.end);
      const out: Splice[] = [];
      let at = 0;
      for (const s of points) {
        if (s.start < at) continue;
        out.push(s);
        at = s.end;
      }
      return out;
    });
}

const surrogate = (t: string, i: number) => /[\ud800-\udfff]/.test(t.charAt(i));
const atEdge = (text: string, s: Splice) =>
  surrogate(s.text, 0) || surrogate(s.text, s.text.length - 1) || surrogate(text, s.start - 1) || surrogate(text, s.end);

function check(text: string, splices: Splice[], bom: boolean) {
  const body = encoder.encode(text);
  const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
  const expected = encoder.encode(spliceText(text, splices));
  const got = spliceUtf8(bytes, bom ? 3 : 0, text, splices);
  if (splices.some((s) => atEdge(text, s))) expect(got).toBeUndefined();
  else {
    expect(got).toBeDefined();
    expect(Buffer.from(got!.subarray(bom ? 3 : 0)).equals(Buffer.from(expected))).toBe(true);
    if (bom) expect([...got!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  }
  // splicePart takes the string path then: always the bytes of the spliced text.
  const xml = decodeXml(bytes, 'sheet1.xml');
  const part = splicePart(bytes, xml, splices);
  const whole = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...expected]) : expected;
  if (part) expect(Buffer.from(part).equals(Buffer.from(whole))).toBe(true);
  else expect(Buffer.from(whole).equals(Buffer.from(bytes))).toBe(true);
}

describe('spliceUtf8', () => {
  it('equals TextEncoder on the spliced text, for any text and splices, with and without a BOM', () => {
    fc.assert(
      fc.property(
        textArb(pieceArb).chain((t) => fc.tuple(fc.constant(t), splicesArb(t), fc.boolean())),
        ([text, splices, bom]) => check(text, splices, bom),
      ),
      { numRuns: RUNS },
    );
  });

  it('equals TextEncoder on ASCII text (positions map straight to bytes)', () => {
    fc.assert(
      fc.property(
        asciiArb.chain((t) => fc.tuple(fc.constant(t), splicesArb(t), fc.boolean())),
        ([text, splices, bom]) => check(text, splices, bom),
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps insertions at one place in the order given', () => {
    const text = '<row r="1"></row>';
    const splices = orderSplices([
      { start: 11, end: 11, text: '<c r="B1"/>' },
      { start: 0, end: 0, text: '甲' },
      { start: 11, end: 11, text: '<c r="C1"/>' },
    ]);
    const out = spliceUtf8(encoder.encode(text), 0, text, splices);
    expect(new TextDecoder().decode(out!)).toBe('甲<row r="1"><c r="B1"/><c r="C1"/></row>');
  });
});

describe('splicePart', () => {
  const cases: [XmlEncoding, number[]][] = [
    ['utf8', []],
    ['utf8bom', [0xef, 0xbb, 0xbf]],
    ['utf16le', [0xff, 0xfe]],
    ['utf16be', [0xfe, 0xff]],
  ];
  it.each(cases)('writes a %s part as encodeXml writes the spliced text', (encoding) => {
    const text = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
    const bytes = encodeXml(text, encoding);
    const xml = decodeXml(bytes, 'sheet1.xml');
    expect(xml).toEqual({ text, encoding });
    const splices = [{ start: 35, end: 36, text: '完成 😀' }];
    const out = splicePart(bytes, xml, splices);
    expect(out).toBeDefined();
    expect(Buffer.from(out!).equals(Buffer.from(encodeXml(spliceText(text, splices), encoding)))).toBe(true);
  });

  it('gives undefined for no splices and for splices that change nothing, so the part is copied as it was', () => {
    const text = '<row r="1"><c r="A1"><v>说明</v></c></row>';
    const bytes = encodeXml(text, 'utf8');
    const xml = decodeXml(bytes, 'sheet1.xml');
    expect(splicePart(bytes, xml, [])).toBeUndefined();
    expect(splicePart(bytes, xml, [{ start: 24, end: 26, text: '说明' }])).toBeUndefined();
    expect(splicePart(bytes, xml, [{ start: 24, end: 26, text: '说名' }])).toBeDefined();
  });

  it('splices the string instead in a browser without TextEncoder.encodeInto', () => {
    const text = '<row r="1"><c r="A1"><v>说明</v></c></row>';
    const bytes = encodeXml(text, 'utf8');
    const splices = [{ start: 24, end: 26, text: '已完成' }];
    const proto = TextEncoder.prototype as { encodeInto?: unknown };
    const saved = proto.encodeInto;
    try {
      proto.encodeInto = undefined;
      expect(spliceUtf8(bytes, 0, text, splices)).toBeUndefined();
      const out = splicePart(bytes, decodeXml(bytes, 'sheet1.xml'), splices);
      expect(new TextDecoder().decode(out!)).toBe(spliceText(text, splices));
    } finally {
      proto.encodeInto = saved;
    }
  });
});
