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

function parseTag(text: string): TagSpans {
  let i = 1;
  const n = text.length;
  while (i < n && !isSpace(text[i]) && text[i] !== '/' && text[i] !== '>') i++;
  const name = text.slice(1, i);
  const attributes: AttributeSpan[] = [];
  for (;;) {
    while (i < n && isSpace(text[i])) i++;
    if (i >= n || text[i] === '/' || text[i] === '>') break;
    const start = i;
    while (i < n && text[i] !== '=' && !isSpace(text[i])) i++;
    const attrName = text.slice(start, i);
    while (i < n && text[i] !== '"' && text[i] !== "'") i++;
    const quote = text[i++];
    const valueEnd = text.indexOf(quote, i);
    attributes.push({ name: attrName, value: text.slice(i, valueEnd), start, end: valueEnd + 1, valueStart: i, valueEnd });
    i = valueEnd + 1;
  }
  return { name, attributes, closeAt: i, selfClosing: text[i] === '/' };
}

/** The qualified element name of a start tag. */
export function tagName(text: string): string {
  return parseTag(text).name;
}

/** The raw value of an attribute (by qualified name), or undefined. */
export function getAttribute(text: string, name: string): string | undefined {
  return parseTag(text).attributes.find((a) => a.name === name)?.value;
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

/** Escapes text for element content or a double-quoted attribute; CR as a character reference so it survives parsing. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}
