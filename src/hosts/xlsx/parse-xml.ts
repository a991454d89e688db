import { SaxesParser, type SaxesTagNS } from 'saxes';
import { abort } from './file-error';
import { walkPlainXml, type PlainHandlers, type PlainTag } from './plain-xml';
import { SML_NS } from './namespaces';

export type XmlParser = SaxesParser<{ xmlns: true; position: true }>;
export type XmlTag = SaxesTagNS;

export { CONTENT_TYPES_NS, PACKAGE_REL_NS, REL_NS, SML_NS } from './namespaces';

class NotWellFormed extends Error {}

/** How many XML parts have been parsed in this process (for the test that every host parses a workbook once). */
export const xmlParses = { count: 0 };

export interface XmlHandlers {
  /** `end` is the index just past the start tag's `>` in the text. */
  open?(tag: XmlTag, end: number): void;
  /** `end` is the index just past the end tag's `>` (for `<x/>`, the same as in `open`). */
  close?(tag: XmlTag, end: number): void;
  /** Text and CDATA content, entities already resolved. */
  text?(text: string): void;
}

/** True when the tag (from saxes or the fast reader) is the SpreadsheetML element with this local name. */
export function isSml(tag: { local: string; uri: string }, local: string): boolean {
  return tag.local === local && SML_NS.has(tag.uri);
}

/** An unprefixed attribute's value. */
export function attr(tag: XmlTag, name: string): string | undefined {
  const a = tag.attributes[name];
  return a === undefined || a.prefix !== '' ? undefined : a.value;
}

/** The value of an attribute in one of the given namespaces, by local name. */
export function attrNs(tag: XmlTag, namespaces: ReadonlySet<string>, local: string): string | undefined {
  for (const key of Object.keys(tag.attributes)) {
    const a = tag.attributes[key];
    if (a.local === local && namespaces.has(a.uri)) return a.value;
  }
  return undefined;
}

/**
 * Parses an XML part with a real, namespace-aware parser, calling the
 * handlers as it goes. Refuses any DOCTYPE (`xmlDoctype`, entities are never
 * expanded); a part that is not well-formed gives `xmlMalformed` naming it.
 * Handlers may throw a FileErrorAbort to stop.
 */
export function parseXml(text: string, part: string, handlers: XmlHandlers): void {
  xmlParses.count++;
  const parser = new SaxesParser({ xmlns: true, position: true }) as XmlParser;
  parser.on('doctype', () => abort('xmlDoctype', { part }));
  parser.on('error', () => {
    throw new NotWellFormed();
  });
  const { open, close } = handlers;
  if (open) parser.on('opentag', (tag) => open(tag, parser.position));
  if (close) parser.on('closetag', (tag) => close(tag, parser.position));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof NotWellFormed) abort('xmlMalformed', { part });
    throw e;
  }
}

/** Where the start tag that ends at `end` begins (its `<`). */
export function tagStart(text: string, end: number): number {
  return text.lastIndexOf('<', end - 1);
}

/** Where the end tag that ends at `end` begins (its `</`). */
export function closeTagStart(text: string, end: number): number {
  return text.lastIndexOf('</', end - 1);
}

/** A saxes tag seen through the PlainTag interface (for parts that are not plain XML). */
class SaxesTagView implements PlainTag {
  tag!: XmlTag;
  get local(): string {
    return this.tag.local;
  }
  get prefix(): string {
    return this.tag.prefix;
  }
  get uri(): string {
    return this.tag.uri;
  }
  get isSelfClosing(): boolean {
    return this.tag.isSelfClosing;
  }
  attr(name: string): string | undefined {
    return attr(this.tag, name);
  }
  attrNs(namespaces: ReadonlySet<string>, local: string): string | undefined {
    return attrNs(this.tag, namespaces, local);
  }
}

/**
 * The last text found plain: a written sheet is read, then located for the
 * write, and need not be checked twice (equal texts give equal answers).
 */
let lastPlain: string | null = null;

/**
 * Parses a large, machine-written part (a worksheet) with the fast reader of
 * plain-xml.ts when it is plain XML, otherwise with saxes exactly as
 * parseXml does: the same events, and the same refusals.
 *
 * With `restart`, one walk checks the text and calls the handlers together;
 * when the text turns out not to be plain, `restart` gives fresh handlers
 * (the caller forgets what the first ones collected) and saxes parses it
 * from the start. Without it the text is checked first, then walked.
 */
export function parseXmlFast(text: string, part: string, handlers: PlainHandlers, restart?: () => PlainHandlers): void {
  if (text === lastPlain) {
    xmlParses.count++;
    walkPlainXml(text, handlers, true);
    return;
  }
  if (restart ? walkPlainXml(text, handlers) : walkPlainXml(text, null) && walkPlainXml(text, handlers, true)) {
    lastPlain = text;
    xmlParses.count++;
    return;
  }
  if (restart) handlers = restart();
  const view = new SaxesTagView();
  const { open, close } = handlers;
  parseXml(text, part, {
    open: open &&
      ((tag, end) => {
        view.tag = tag;
        open(view, end);
      }),
    close: close &&
      ((tag, end) => {
        view.tag = tag;
        close(view, end);
      }),
    text: handlers.text,
  });
}
