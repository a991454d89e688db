/**
 * The fast reader for worksheet parts (plain-xml.ts) against saxes: whenever
 * it takes a text as plain XML, saxes accepts the same text and gives the
 * same events (names, namespaces, attribute values, text, positions). On
 * generated documents (well-formed, mutated, and token soup with every
 * construct the subset leaves to saxes), on every worksheet of the corpus and
 * the assets; and a malformed sheet is still refused as before.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { attr, attrNs } from '../../../src/hosts/xlsx/parse-xml';
import { walkPlainXml } from '../../../src/hosts/xlsx/plain-xml';

const ATTRIBUTES = ['r', 's', 't', 'ref', 'a'];
/** Prefixed attributes looked up by namespace and local name (workbook.xml's r:id): each set with each local name. */
const NAMESPACED: [ReadonlySet<string>, string][] = [];
for (const set of [new Set(['urn:main']), new Set(['urn:y', 'urn:other']), new Set(['http://www.w3.org/XML/1998/namespace'])])
  for (const local of ['r', 's', 'space']) NAMESPACED.push([set, local]);

type Events = { ok: boolean; events: string[] };

function saxesEvents(text: string): Events {
  const events: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) events.push(`text ${JSON.stringify(pending)}`);
    pending = '';
  };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let ok = true;
  parser.on('error', () => {
    ok = false;
    throw new Error('not well-formed');
  });
  parser.on('doctype', () => {
    ok = false;
  });
  parser.on('text', (t) => (pending += t));
  parser.on('cdata', (t) => (pending += t));
  parser.on('opentag', (tag) => {
    flush();
    const values = [...ATTRIBUTES.map((a) => attr(tag, a) ?? '-'), ...NAMESPACED.map(([ns, l]) => attrNs(tag, ns, l) ?? '-')].join(',');
    events.push(`open ${tag.prefix}|${tag.local}|${tag.uri}|${tag.isSelfClosing} ${values} @${parser.position}`);
  });
  parser.on('closetag', (tag) => {
    flush();
    events.push(`close ${tag.prefix}|${tag.local}|${tag.uri} @${parser.position}`);
  });
  try {
    parser.write(text).close();
  } catch {
    ok = false;
  }
  flush();
  return { ok, events };
}

function plainEvents(text: string): Events {
  if (!walkPlainXml(text, null)) return { ok: false, events: [] };
  const events: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) events.push(`text ${JSON.stringify(pending)}`);
    pending = '';
  };
  walkPlainXml(text, {
    open(tag, end) {
      flush();
      const values = [...ATTRIBUTES.map((a) => tag.attr(a) ?? '-'), ...NAMESPACED.map(([ns, l]) => tag.attrNs(ns, l) ?? '-')].join(',');
      events.push(`open ${tag.prefix}|${tag.local}|${tag.uri}|${tag.isSelfClosing} ${values} @${end}`);
    },
    close(tag, end) {
      flush();
      events.push(`close ${tag.prefix}|${tag.local}|${tag.uri} @${end}`);
    },
    text(t) {
      pending += t;
    },
  });
  flush();
  return { ok: true, events };
}

/** The one walk that checks while it calls the handlers (parseXmlFast with a restart). Text after the last tag is left out when it fails. */
function checkingEvents(text: string): Events {
  const events: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) events.push(`text ${JSON.stringify(pending)}`);
    pending = '';
  };
  const ok = walkPlainXml(text, {
    open(tag, end) {
      flush();
      const values = [...ATTRIBUTES.map((a) => tag.attr(a) ?? '-'), ...NAMESPACED.map(([ns, l]) => tag.attrNs(ns, l) ?? '-')].join(',');
      events.push(`open ${tag.prefix}|${tag.local}|${tag.uri}|${tag.isSelfClosing} ${values} @${end}`);
    },
    close(tag, end) {
      flush();
      events.push(`close ${tag.prefix}|${tag.local}|${tag.uri} @${end}`);
    },
    text(t) {
      pending += t;
    },
  });
  if (ok) flush();
  return { ok, events };
}

/**
 * Plain XML is a subset: accepted means saxes accepts it with the same
 * events. The checking walk accepts exactly the same texts; where it refuses
 * one, the events it gave before are the first events saxes gives.
 */
function expectSubset(text: string): boolean {
  const plain = plainEvents(text);
  const checking = checkingEvents(text);
  expect({ text, ok: checking.ok }).toEqual({ text, ok: plain.ok });
  const saxes = saxesEvents(text);
  if (!plain.ok) {
    expect({ text, events: saxes.events.slice(0, checking.events.length) }).toEqual({ text, events: checking.events });
    return false;
  }
  expect({ text, ...saxes }).toEqual({ text, ...plain });
  expect(checking.events).toEqual(plain.events);
  return true;
}

const NAMES = ['c', 'row', 'v', 'x:c', 'x:row', 'y:v', 'xml:c', 'a1', '_b', 'c.d-e', '1c', 'é', 'a:b:c'];
const ATTRS = [
  ' r="A1"', " s='2'", ' t="s"', ' ref="A1:B2"', ' a="x&amp;y&#65;&#x4E2D;"', ' xml:space="preserve"', ' xmlns="urn:main"', ' xmlns:x="urn:main"',
  ' xmlns=""', ' xmlns:y="urn:y"',
  ' a="&lt;&gt;&quot;&apos;"', ' r="B2"', ' x:r="1"', ' y:s="2"', ' xmlns="urn:other"', ' xmlns:x=""',
  ' xmlns:xml="http://www.w3.org/XML/1998/namespace"', ' xmlns:z="http://www.w3.org/2000/xmlns/"', ' xmlns:xmlns="u"', ' a="1\t2"',
  ' a="&#0;"', ' a="&bogus;"', ' a="<"', ' a=">"', ' a = "sp"', '\n\tr="n"', ' a="中文"', ' s="9"s="1"',
];
const TEXTS = [
  '', '12.5', ' ', 'a&amp;b', '&lt;&#10;&#xD;', '&#13;\n', '&#xD;\r\n', '\r\n', '\r', '\n', '\t', '中文', '&#0;', '&#xFFFE;', '&bogus;', '&amp', ']]>', ']]', '>',
  '\u0001', '\uFFFE', '\uD800', '\uDC00', '\uD83D\uDE00', '<![CDATA[x]]>', '<!-- c -->', '<?pi x?>', '_x000D_',
];
const PROLOGS = [
  '', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', "<?xml version='1.0'?>", '<?xml version="1.1"?>', ' <?xml version="1.0"?>',
  '<?xml version = "1.0"?>', '<!DOCTYPE a>', '\uFEFF', '\n', 'x',
];

/** Mostly the first `common` entries (plain), sometimes any (the rest are left to saxes). */
function mostly<T>(list: T[], common: number): fc.Arbitrary<T> {
  return fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...list.slice(0, common)) }, { weight: 1, arbitrary: fc.constantFrom(...list) });
}

const element: fc.Memo<string> = fc.memo((n) =>
  fc
    .tuple(
      mostly(NAMES, 6),
      fc.uniqueArray(mostly(ATTRS, 10), { maxLength: 3 }),
      n <= 1 ? fc.constant([] as string[]) : fc.array(fc.oneof(element(n - 1), mostly(TEXTS, 12)), { maxLength: 4 }),
      fc.boolean(),
    )
    .map(([name, attrs, children, selfClose]) =>
      selfClose && children.length === 0 ? `<${name}${attrs.join('')}/>` : `<${name}${attrs.join('')}>${children.join('')}</${name}>`,
    ),
);

const document = fc
  .tuple(fc.constantFrom(...PROLOGS), element(4), fc.constantFrom('', '\r\n', ' ', '<a/>', '<!-- c -->', 'x'))
  .map(([prolog, root, after]) => prolog + `<x:w xmlns:x="urn:main" xmlns="urn:main">${root}</x:w>` + after);

test('generated documents: the plain reader accepts a subset of what saxes accepts, with the same events', () => {
  let accepted = 0;
  fc.assert(
    fc.property(document, (text) => {
      if (expectSubset(text)) accepted++;
    }),
    { numRuns: 3000 },
  );
  // Not vacuous: many of them are plain.
  expect(accepted).toBeGreaterThan(200);
});

test('mutated documents: inserting, deleting or replacing characters never makes the plain reader disagree', () => {
  const mutated = fc.tuple(document, fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', '<', '>', '/', '"', "'", '=', '&', ':', ' ', 'a', '\r', '!', '?')).map(
    ([text, at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    },
  );
  fc.assert(fc.property(mutated, (text) => void expectSubset(text)), { numRuns: 3000 });
});

test('token soup: arbitrary sequences of tags, attributes and text', () => {
  const pieces = [...NAMES.flatMap((n) => [`<${n}`, `</${n}>`]), ...ATTRS, ...TEXTS, '>', '/>', '<', '=', '"', ' '];
  const soup = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));
  fc.assert(fc.property(soup, (text) => void expectSubset(text)), { numRuns: 3000 });
});

test('every worksheet of the corpus and the assets reads the same as with saxes', () => {
  const root = path.resolve(__dirname, '../../..');
  const dirs = [path.join(root, '../shared/corpus/xlsx'), path.join(root, 'assets')].filter((d) => fs.existsSync(d));
  let plain = 0;
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f))) {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, file))));
      } catch {
        continue;
      }
      for (const [name, data] of Object.entries(entries)) {
        if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
        if (expectSubset(strFromU8(data).replace(/^\uFEFF/, ''))) plain++;
      }
    }
  }
  expect(plain).toBeGreaterThan(10);
});

test('cases the properties found: saxes trims namespace names, skips leading space, keeps a &#13; reference', () => {
  for (const text of [
    '<x:w xmlns:x=" urn:main" xmlns="urn:main"><c></c></x:w>\r\n',
    ' <x:w xmlns:x="urn:main" xmlns="urn:main"><c></c></x:w>',
    '<w xmlns="urn:main"><t>cr&#13;\r\nlf</t></w>',
  ]) expectSubset(text);
  expect(expectSubset('<w xmlns="urn:main"><t>cr&#13;\r\nlf</t></w>')).toBe(true);
});
