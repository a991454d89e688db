/**
 * Small edits inside one start tag that the XML parser has already accepted
 * (so it is well-formed). Each edit splices the tag's text: everything else
 * in it (attribute order, quotes, spacing) stays exactly as it was.
 */
interface AttributeSpan {
  name: string;
  /** The raw (still escaped) value. */
  value: string;
  /** [start, end) covers `name="value"`; [valueStart, valueEnd) the value. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

interface TagSpans {
  name: string;
  attributes: AttributeSpan[];
  /** Index of the `/>` or `>` that ends the tag. */
  closeAt: number;
  selfClosing: boolean;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/**
 * Walks the attributes of a start tag, calling `visit` with each one's name
 * and value bounds until it returns true; gives the index where the scan
 * stopped (the `/>` or `>` that ends the tag, when no visit stopped it).
 */
function scanAttributes(text: string, visit: (start: number, nameEnd: number, valueStart: number, valueEnd: number) => boolean): number {
  let i = tagNameEnd(text);
  const n = text.length;
  for (;;) {
    while (i < n && isSpace(text[i])) i++;
    if (i >= n || text[i] === '/' || text[i] === '>') return i;
    const start = i;
    while (i < n && text[i] !== '=' && !isSpace(text[i])) i++;
    const nameEnd = i;
    while (i < n && text[i] !== '"' && text[i] !== "'") i++;
    const quote = text[i++];
    const valueEnd = text.indexOf(quote, i);
    if (visit(start, nameEnd, i, valueEnd)) return start;
    i = valueEnd + 1;
  }
}

function parseTag(text: string): TagSpans {
  const attributes: AttributeSpan[] = [];
  const closeAt = scanAttributes(text, (start, nameEnd, valueStart, valueEnd) => {
    attributes.push({ name: text.slice(start, nameEnd), value: text.slice(valueStart, valueEnd), start, end: valueEnd + 1, valueStart, valueEnd });
    return false;
  });
  return { name: text.slice(1, tagNameEnd(text)), attributes, closeAt, selfClosing: text[closeAt] === '/' };
}

/** The index just past the element name of a start tag. */
function tagNameEnd(text: string): number {
  let i = 1;
  while (i < text.length && !isSpace(text[i]) && text[i] !== '/' && text[i] !== '>') i++;
  return i;
}

/** The qualified element name of a start tag. */
export function tagName(text: string): string {
  return parseTag(text).name;
}

/** The raw value of an attribute (by qualified name), or undefined. */
export function getAttribute(text: string, name: string): string | undefined {
  return parseTag(text).attributes.find((a) => a.name === name)?.value;
}

/** An attribute's raw value and where it stands in the tag ([valueStart, valueEnd)), or undefined; builds nothing for the other attributes (it runs for every written row). */
export function findAttribute(text: string, name: string): Pick<AttributeSpan, 'value' | 'valueStart' | 'valueEnd'> | undefined {
  let found: Pick<AttributeSpan, 'value' | 'valueStart' | 'valueEnd'> | undefined;
  scanAttributes(text, (start, nameEnd, valueStart, valueEnd) => {
    if (nameEnd - start !== name.length || !text.startsWith(name, start)) return false;
    found = { value: text.slice(valueStart, valueEnd), valueStart, valueEnd };
    return true;
  });
  return found;
}

/** Sets an attribute in place, or appends it before the tag's end; `value` must already be escaped. */
export function setAttribute(text: string, name: string, value: string): string {
  const tag = parseTag(text);
  const found = tag.attributes.find((a) => a.name === name);
  if (found) return found.value === value ? text : text.slice(0, found.valueStart) + value + text.slice(found.valueEnd);
  const last = tag.attributes[tag.attributes.length - 1];
  const at = last ? last.end : 1 + tag.name.length;
  return text.slice(0, at) + ' ' + name + '="' + value + '"' + text.slice(at);
}

/** Removes an attribute together with the whitespace before it. */
export function removeAttribute(text: string, name: string): string {
  const found = parseTag(text).attributes.find((a) => a.name === name);
  if (!found) return text;
  let start = found.start;
  while (start > 0 && isSpace(text[start - 1])) start--;
  return text.slice(0, start) + text.slice(found.end);
}

/** `<row r="1"/>` → `<row r="1">` (unchanged when already open). */
export function openStartTag(text: string): string {
  const tag = parseTag(text);
  return tag.selfClosing ? text.slice(0, tag.closeAt).replace(/\s+$/, '') + '>' : text;
}

/** `<c r="A1">` → `<c r="A1"/>` (unchanged when already self-closing). */
export function closeStartTag(text: string): string {
  const tag = parseTag(text);
  return tag.selfClosing ? text : text.slice(0, tag.closeAt) + '/>';
}

/** What editStartTag does to a start tag, in this order. */
export interface StartTagEdit {
  /** Attributes removed, each with the whitespace before it. */
  remove: readonly string[];
  /** Attributes set in place, or appended after the last attribute left, in this order; values already escaped. */
  set: ReadonlyArray<readonly [string, string]>;
  /** The tag made self-closing (true) or open (false). */
  selfClosing: boolean;
}

/**
 * The removals, then the settings, then closeStartTag or openStartTag, done
 * on one parse of the tag: the same text as those calls one after another
 * give (test/hosts/xlsx/start-tag.test.ts), for a cell written per row.
 */
export function editStartTag(text: string, edit: StartTagEdit): string {
  const tag = parseTag(text);
  // The tag was parsed by the reader: no attribute name repeats.
  const kept = tag.attributes.filter((a) => edit.remove.indexOf(a.name) < 0);
  const values = new Map<string, string>();
  let appended = '';
  for (const [name, value] of edit.set) {
    if (kept.some((a) => a.name === name)) values.set(name, value);
    else appended += ' ' + name + '="' + value + '"';
  }
  const lastKept = kept[kept.length - 1];
  let at = 1 + tag.name.length;
  let out = text.slice(0, at) + (lastKept ? '' : appended);
  for (const a of tag.attributes) {
    if (kept.indexOf(a) < 0) {
      let start = a.start;
      while (start > at && isSpace(text[start - 1])) start--;
      out += text.slice(at, start);
    } else {
      out += text.slice(at, a.valueStart) + (values.get(a.name) ?? a.value) + text.slice(a.valueEnd, a.end);
      if (a === lastKept) out += appended;
    }
    at = a.end;
  }
  out += text.slice(at, tag.closeAt);
  if (edit.selfClosing) return out + (tag.selfClosing ? text.slice(tag.closeAt) : '/>');
  return tag.selfClosing ? out.replace(/\s+$/, '') + '>' : out + text.slice(tag.closeAt);
}

const NEEDS_ESCAPE = /[&<>"\r]/;

/** Escapes text for element content or a double-quoted attribute; CR as a character reference so it survives parsing. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}
