/**
 * A fast reader for "plain" XML: the well-formed subset that worksheet parts
 * are written in (an optional `<?xml version="1.0" …?>` declaration, one
 * root, elements with ASCII names, quoted attributes, namespace declarations,
 * text with the five predefined entities and character references).
 *
 * It never decides that a part is malformed. Anything outside the subset —
 * comments, CDATA, processing instructions, a DOCTYPE, unusual characters or
 * names, a mismatched tag, an unbound prefix, duplicate attributes — makes
 * `walkPlainXml` return false, and the caller parses the part with saxes,
 * which accepts or refuses it exactly as before. Within the subset the
 * events are the ones saxes gives (same names, namespaces, attribute values,
 * text, and `end` positions as string indices), which
 * test/hosts/xlsx/plain-xml.test.ts checks against saxes.
 */

import { KNOWN_NAMESPACES, XML_NAMESPACE } from './namespaces';

export { XML_NAMESPACE } from './namespaces';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** An element as the handlers see it; valid only during the call (the object is reused). */
export interface PlainTag {
  readonly local: string;
  /** The prefix, `''` when none. */
  readonly prefix: string;
  /** The element's namespace URI, `''` when none. */
  readonly uri: string;
  readonly isSelfClosing: boolean;
  /** An unprefixed attribute's value, entities resolved (undefined on end tags). */
  attr(name: string): string | undefined;
  /** A prefixed attribute's value, entities resolved, by local name, when its namespace is one of these (undefined on end tags). */
  attrNs(namespaces: ReadonlySet<string>, local: string): string | undefined;
}

export interface PlainHandlers {
  /** `end` is the index just past the start tag's `>`. */
  open?(tag: PlainTag, end: number): void;
  /** `end` is the index just past the end tag's `>` (for `<x/>`, the same as in `open`). */
  close?(tag: PlainTag, end: number): void;
  /** Text, entities resolved and line ends normalized as saxes does. */
  text?(text: string): void;
}

/** Characters XML 1.0 does not allow (lone surrogates included, thanks to the u flag). */
const BAD_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** The same, but also every surrogate: four times faster, so BAD_CHAR runs only when this finds one. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML refuses
const MAYBE_BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const XML_DECL =
  /^<\?xml[ \t\r\n]+version=(["'])1\.0\1(?:[ \t\r\n]+encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone=(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;
const REFERENCE = /&(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/y;
const REFERENCES = /&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ONLY_SPACE = /^[ \t\r\n]*$/;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isXmlChar(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function referenceText(name: string): string {
  if (name[0] !== '#') return PREDEFINED[name];
  return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
}

/**
 * True when every `&` in text[from, to) starts a reference saxes resolves to
 * an allowed character. `amp` is the next `&` at or after `from` known to the
 * caller (a cursor, so that no search runs past `to` over the whole text).
 */
function referencesOk(text: string, amp: { at: number }, from: number, to: number): boolean {
  if (amp.at < from) amp.at = indexOrEnd(text, '&', from);
  while (amp.at < to) {
    const at = amp.at;
    REFERENCE.lastIndex = at;
    const m = REFERENCE.exec(text);
    if (!m || at + m[0].length > to) return false;
    if (m[0][1] === '#') {
      const code = m[0][2] === 'x' ? parseInt(m[0].slice(3, -1), 16) : parseInt(m[0].slice(2, -1), 10);
      if (!isXmlChar(code)) return false;
    }
    amp.at = indexOrEnd(text, '&', at + 1);
  }
  return true;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

function resolve(text: string): string {
  // Called on short slices only (a text node or an attribute value).
  return text.indexOf('&') < 0 ? text : text.replace(REFERENCES, (_, name: string) => referenceText(name));
}

/** The end of an NCName or NCName:NCName starting at `i`, or -1. `colon` gets the colon's index (-1 when none). */
function nameEnd(text: string, i: number, colon: { at: number }): number {
  colon.at = -1;
  if (!isNameStart(text.charCodeAt(i))) return -1;
  let j = i + 1;
  while (isNameChar(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) === 58) {
    if (!isNameStart(text.charCodeAt(j + 1))) return -1;
    colon.at = j;
    j += 2;
    while (isNameChar(text.charCodeAt(j))) j++;
  }
  return j;
}

/**
 * A namespace name as the literal the readers compare it with (namespaces.ts):
 * a value sliced from a part (a two-byte string when the part has Chinese
 * text) is compared character by character with an equal literal, and every
 * element's namespace is compared; the literal itself compares at once.
 */
function canonicalUri(value: string): string {
  return KNOWN_NAMESPACES.get(value) ?? value;
}

interface Scope {
  parent: Scope | null;
  prefixes: Map<string, string>;
}

const ROOT_SCOPE: Scope = { parent: null, prefixes: new Map([['xml', XML_NAMESPACE]]) };

function lookup(scope: Scope | null, prefix: string): string | undefined {
  for (let s = scope; s; s = s.parent) {
    const uri = s.prefixes.get(prefix);
    if (uri !== undefined) return uri;
  }
  return undefined;
}

class Names {
  private readonly cache = new Map<number, string>();
  constructor(private readonly text: string) {}
  /** text.slice(start, end), without allocating for names seen before. */
  private readonly single: string[] = [];
  get(start: number, end: number): string {
    const text = this.text;
    if (end - start === 1) {
      const c = text.charCodeAt(start);
      return (this.single[c] ??= text[start]);
    }
    const key = (end - start) * 0x1000000 + text.charCodeAt(start) * 0x100 + (text.charCodeAt(end - 1) & 0xff);
    const known = this.cache.get(key);
    if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return known;
    const name = text.slice(start, end);
    this.cache.set(key, name);
    return name;
  }
}

class Tag implements PlainTag {
  local = '';
  prefix = '';
  uri = '';
  isSelfClosing = false;
  /** Attribute bounds of the current start tag: name start, name end, value start, value end. */
  bounds: number[] = [];
  count = 0;
  /** The scope of the current start tag, for the prefixes of its attributes. */
  scope: Scope = ROOT_SCOPE;
  constructor(private readonly text: string) {}
  attrNs(namespaces: ReadonlySet<string>, local: string): string | undefined {
    const { text, bounds } = this;
    for (let k = 0; k < this.count; k++) {
      const at = k * 4;
      const colon = colonIn(text, bounds[at], bounds[at + 1]);
      if (colon < 0 || bounds[at + 1] - colon - 1 !== local.length || !text.startsWith(local, colon + 1)) continue;
      const uri = lookup(this.scope, text.slice(bounds[at], colon));
      if (uri !== undefined && namespaces.has(uri)) return resolve(text.slice(bounds[at + 2], bounds[at + 3]));
    }
    return undefined;
  }
  attr(name: string): string | undefined {
    const { text, bounds } = this;
    for (let k = 0; k < this.count; k++) {
      const at = k * 4;
      if (bounds[at + 1] - bounds[at] === name.length && text.startsWith(name, bounds[at])) return resolve(text.slice(bounds[at + 2], bounds[at + 3]));
    }
    return undefined;
  }
}

/**
 * No two attributes with the same name, nor prefixed ones with the same local
 * name (saxes compares {uri}local; refusing more is safe), and every prefix bound.
 */
function attributesOk(text: string, bounds: number[], count: number, scope: Scope, colons: number[]): boolean {
  // Each name's colon found once, not once per pair (a styles <xf> has eight attributes or more).
  for (let a = 0; a < count; a++) colons[a] = colonIn(text, bounds[a * 4], bounds[a * 4 + 1]);
  for (let a = 0; a < count; a++) {
    const s = bounds[a * 4];
    const e = bounds[a * 4 + 1];
    const c = colons[a];
    const isDeclaration = text.startsWith('xmlns', s) && (e === s + 5 || c === s + 5);
    if (c >= 0 && !isDeclaration && lookup(scope, text.slice(s, c)) === undefined) return false;
    for (let b = a + 1; b < count; b++) {
      const s2 = bounds[b * 4];
      const e2 = bounds[b * 4 + 1];
      if (sameChars(text, s, e, s2, e2)) return false;
      const c2 = colons[b];
      if (!isDeclaration && (c >= 0 || c2 >= 0) && sameChars(text, c + 1 > s ? c + 1 : s, e, c2 + 1 > s2 ? c2 + 1 : s2, e2)) return false;
    }
  }
  return true;
}

function colonIn(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 58) return i;
  return -1;
}

function sameChars(text: string, s1: number, e1: number, s2: number, e2: number): boolean {
  if (e1 - s1 !== e2 - s2) return false;
  for (let k = 0; k < e1 - s1; k++) if (text.charCodeAt(s1 + k) !== text.charCodeAt(s2 + k)) return false;
  return true;
}

/** The open elements, as parallel arrays (no object per element). */
class OpenElements {
  depth = 0;
  nameStart: number[] = [];
  nameEnd: number[] = [];
  local: string[] = [];
  prefix: string[] = [];
  uri: string[] = [];
  scope: Scope[] = [];
  push(nameStart: number, nameEnd: number, local: string, prefix: string, uri: string, scope: Scope): void {
    const d = this.depth++;
    this.nameStart[d] = nameStart;
    this.nameEnd[d] = nameEnd;
    this.local[d] = local;
    this.prefix[d] = prefix;
    this.uri[d] = uri;
    this.scope[d] = scope;
  }
}

/**
 * Walks the text as saxes would, calling the handlers; or, when the text is
 * not plain XML, returns false. `checked` says a walk accepted this text
 * before: it is not checked again. Otherwise the walk checks as it goes and
 * may return false after handlers ran — on the elements before the first
 * one outside the subset, where saxes gives the same events (a handler that
 * throws there throws what it would throw under saxes); the caller then
 * parses the text with saxes from the start.
 */
export function walkPlainXml(text: string, handlers: PlainHandlers | null, checked = false): boolean {
  const check = !checked;
  if (check && ((MAYBE_BAD_CHAR.test(text) && BAD_CHAR.test(text)) || text.includes(']]>'))) return false;
  const names = new Names(text);
  const tag = new Tag(text);
  const colon = { at: -1 };
  const amp = { at: -1 };
  const stack = new OpenElements();
  const colons: number[] = [];
  const onOpen = handlers?.open;
  const onClose = handlers?.close;
  const onText = handlers?.text;
  let scope = ROOT_SCOPE;
  let rootDone = false;
  let i = 0;
  const decl = XML_DECL.exec(text);
  if (decl) i = decl[0].length;
  // saxes skips space before the root without a text event when there is no declaration: left to it.
  else if (text.charCodeAt(0) !== 60) return false;
  for (;;) {
    // Tags mostly follow each other directly: look before calling indexOf.
    const lt = text.charCodeAt(i) === 60 ? i : text.indexOf('<', i);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > i) {
      if (check) {
        if (stack.depth === 0) {
          if (!ONLY_SPACE.test(text.slice(i, textEnd))) return false;
        } else if (!referencesOk(text, amp, i, textEnd)) return false;
      }
      if (onText) {
        // Line ends first: a &#13; reference stays a carriage return.
        let t = text.slice(i, textEnd);
        if (t.indexOf('\r') >= 0) t = t.replace(/\r\n?/g, '\n');
        onText(stack.depth > 0 ? resolve(t) : t);
      }
    }
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 47) {
      // </name S? >
      const d = stack.depth - 1;
      if (d < 0) return false;
      const qStart = stack.nameStart[d];
      const qEnd = stack.nameEnd[d];
      let j = lt + 2 + (qEnd - qStart);
      if (!sameChars(text, qStart, qEnd, lt + 2, j)) return false;
      while (isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 62) return false;
      stack.depth = d;
      if (d > 0) scope = stack.scope[d - 1];
      else {
        scope = ROOT_SCOPE;
        rootDone = true;
      }
      i = j + 1;
      if (onClose) {
        tag.local = stack.local[d];
        tag.prefix = stack.prefix[d];
        tag.uri = stack.uri[d];
        tag.isSelfClosing = false;
        tag.count = 0;
        onClose(tag, i);
      }
      continue;
    }
    // <name (S attr)* S? /?>
    if (rootDone && stack.depth === 0) return false;
    const nameStart = lt + 1;
    const end = nameEnd(text, nameStart, colon);
    if (end < 0) return false;
    const elementColon = colon.at;
    const bounds = tag.bounds;
    let count = 0;
    let j = end;
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (isSpace(text.charCodeAt(j))) j++;
      const c = text.charCodeAt(j);
      if (c === 62) break;
      if (c === 47) {
        if (text.charCodeAt(j + 1) !== 62) return false;
        selfClosing = true;
        j++;
        break;
      }
      if (j === before) return false;
      const aEnd = nameEnd(text, j, colon);
      if (aEnd < 0) return false;
      let k = aEnd;
      while (isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) !== 61) return false;
      k++;
      while (isSpace(text.charCodeAt(k))) k++;
      const quote = text.charCodeAt(k);
      if (quote !== 34 && quote !== 39) return false;
      // Values are short: a loop is faster than indexOf.
      let vEnd = k + 1;
      let ch = text.charCodeAt(vEnd);
      while (ch !== quote) {
        // '<' is refused by saxes; tab and line ends are normalized by it (left to saxes); NaN is the end of the text.
        if (ch === 60 || ch === 9 || ch === 10 || ch === 13 || ch !== ch) return false;
        ch = text.charCodeAt(++vEnd);
      }
      if (check && !referencesOk(text, amp, k + 1, vEnd)) return false;
      bounds[count * 4] = j;
      bounds[count * 4 + 1] = aEnd;
      bounds[count * 4 + 2] = k + 1;
      bounds[count * 4 + 3] = vEnd;
      count++;
      j = vEnd + 1;
    }
    // j is at the tag's closing '>'.
    let declared: Map<string, string> | null = null;
    for (let a = 0; a < count; a++) {
      const s = bounds[a * 4];
      const e = bounds[a * 4 + 1];
      if (!text.startsWith('xmlns', s) || (e !== s + 5 && text.charCodeAt(s + 5) !== 58)) continue;
      const value = text.slice(bounds[a * 4 + 2], bounds[a * 4 + 3]);
      const prefix = e === s + 5 ? '' : text.slice(s + 6, e);
      if (check) {
        // saxes trims a namespace name: one with spaces around it is left to saxes.
        if (value.includes('&') || value.trim() !== value || value === XML_NAMESPACE || value === XMLNS_NAMESPACE) return false;
        if (prefix === 'xml' || prefix === 'xmlns' || (prefix !== '' && value === '')) return false;
      }
      declared ??= new Map();
      declared.set(prefix, canonicalUri(value));
    }
    const elementScope: Scope = declared ? { parent: scope, prefixes: declared } : scope;
    const prefix = elementColon < 0 ? '' : names.get(nameStart, elementColon);
    const uri = lookup(elementScope, prefix) ?? (prefix === '' ? '' : undefined);
    if (uri === undefined) return false;
    if (check && (prefix === 'xmlns' || !attributesOk(text, bounds, count, elementScope, colons))) return false;
    const local = names.get(elementColon < 0 ? nameStart : elementColon + 1, end);
    i = j + 1;
    if (onOpen) {
      tag.local = local;
      tag.prefix = prefix;
      tag.uri = uri;
      tag.isSelfClosing = selfClosing;
      tag.count = count;
      tag.scope = elementScope;
      onOpen(tag, i);
    }
    if (selfClosing) {
      if (stack.depth === 0) rootDone = true;
      if (onClose) {
        tag.local = local;
        tag.prefix = prefix;
        tag.uri = uri;
        tag.isSelfClosing = true;
        tag.count = 0;
        onClose(tag, i);
      }
    } else {
      stack.push(nameStart, end, local, prefix, uri, elementScope);
      scope = elementScope;
    }
  }
  return stack.depth === 0 && rootDone;
}
