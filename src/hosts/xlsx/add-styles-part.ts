import { findEntry, readPart } from './open-package';
import { attr, closeTagStart, CONTENT_TYPES_NS, PACKAGE_REL_NS, parseXml, tagStart } from './parse-xml';
import { relationshipsPartName } from './read-relationships';
import type { ZipEntry } from './read-zip-directory';
import { escapeXml, openStartTag, setAttribute } from './start-tag';
import { decodeXml, encodeXml } from './xml-text';
import type { LoadedWorkbook } from './load-workbook';
import { abort } from './file-error';

const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

interface ChildTag {
  /** The child's start tag, [start, end) in the text. */
  start: number;
  end: number;
  value: string;
}

interface RootInfo {
  prefix: string;
  /** The chosen children with the chosen attribute's value. */
  children: ChildTag[];
  /** The text with `child` appended as the root's last child. */
  append(child: string): string;
}

/** Finds where the root element ends (self-closing or not) and where some children's start tags are. */
function inspect(text: string, part: string, ns: string, child: string, attribute: string): RootInfo {
  let root: { start: number; startTagEnd: number; closeStart: number; end: number; selfClosing: boolean; qname: string } | undefined;
  let depth = 0;
  const children: ChildTag[] = [];
  parseXml(text, part, {
    open(tag, end) {
      depth++;
      if (depth === 1) root = { start: tagStart(text, end), startTagEnd: end, closeStart: end, end, selfClosing: tag.isSelfClosing, qname: tag.name };
      if (depth === 2 && tag.local === child && tag.uri === ns) children.push({ start: tagStart(text, end), end, value: attr(tag, attribute) ?? '' });
    },
    close(_tag, end) {
      depth--;
      if (depth === 0 && root && !root.selfClosing) root.closeStart = closeTagStart(text, end);
    },
  });
  if (!root) return abort('xmlMalformed', { part });
  const r = root;
  return {
    prefix: r.qname.includes(':') ? r.qname.slice(0, r.qname.indexOf(':') + 1) : '',
    children,
    append: (xml) =>
      r.selfClosing
        ? text.slice(0, r.start) + openStartTag(text.slice(r.start, r.startTagEnd)) + xml + `</${r.qname}>` + text.slice(r.end)
        : text.slice(0, r.closeStart) + xml + text.slice(r.closeStart),
  };
}

/** A part name we can create: segments without `.`/`..`, not an existing part nor the folder of one. */
function isFreePartName(pkg: LoadedWorkbook['pkg'], part: string): boolean {
  if (!/^[^/]+(\/[^/]+)*$/.test(part) || part.split('/').some((s) => s === '.' || s === '..')) return false;
  const key = part.toLowerCase();
  return !findEntry(pkg, part) && !pkg.entries.some((e) => e.name.toLowerCase().startsWith(key + '/'));
}

/** `target` relative to the folder of `source` (both part names), as a relationship's Target. */
function relativeTarget(source: string, target: string): string {
  const folder = source.slice(0, source.lastIndexOf('/') + 1);
  return target.startsWith(folder) ? target.slice(folder.length) : '/' + target;
}

/**
 * Registers a new styles part for a workbook that has none: `styles.xml`
 * beside the workbook part (the name some readers, openpyxl among them,
 * assume), reusing what the package already names. A styles relationship
 * whose target is missing is kept (pointed at the new part when it names
 * another), an <Override> for the part name is kept. Only what is missing is
 * added: never a second styles relationship, never a second <Override> for
 * one part name.
 */
export function addStylesPart(wb: LoadedWorkbook): { part: string; replaced: Map<ZipEntry, Uint8Array> } {
  const { pkg, structure } = wb;
  const folder = structure.workbookPart.slice(0, structure.workbookPart.lastIndexOf('/') + 1);
  const dangling = structure.danglingStyles;
  let file = 'styles.xml';
  for (let n = 1; !isFreePartName(pkg, folder + file); n++) file = `styles${n}.xml`;
  const part = folder + file;
  const replaced = new Map<ZipEntry, Uint8Array>();

  const typesEntry = findEntry(pkg, '[Content_Types].xml')!;
  const types = decodeXml(readPart(pkg, typesEntry.name)!, typesEntry.name);
  const t = inspect(types.text, typesEntry.name, CONTENT_TYPES_NS, 'Override', 'PartName');
  const existing = t.children.find((c) => c.value.replace(/^\//, '').toLowerCase() === part.toLowerCase());
  if (!existing) {
    const override = `<${t.prefix}Override PartName="/${escapeXml(part)}" ContentType="${STYLES_CONTENT_TYPE}"/>`;
    replaced.set(typesEntry, encodeXml(t.append(override), types.encoding));
  } else {
    const tag = types.text.slice(existing.start, existing.end);
    const fixed = setAttribute(tag, 'ContentType', STYLES_CONTENT_TYPE);
    if (fixed !== tag) replaced.set(typesEntry, encodeXml(types.text.slice(0, existing.start) + fixed + types.text.slice(existing.end), types.encoding));
  }

  const relsName = relationshipsPartName(structure.workbookPart);
  const relsEntry = findEntry(pkg, relsName)!;
  const rels = decodeXml(readPart(pkg, relsEntry.name)!, relsEntry.name);
  const target = escapeXml(relativeTarget(structure.workbookPart, part));
  if (dangling && dangling.part.toLowerCase() !== part.toLowerCase()) {
    // The relationship names a part that is not there: point it at the new one.
    const rel = inspect(rels.text, relsEntry.name, PACKAGE_REL_NS, 'Relationship', 'Id').children.find((c) => c.value === dangling.id)!;
    const tag = setAttribute(rels.text.slice(rel.start, rel.end), 'Target', target);
    replaced.set(relsEntry, encodeXml(rels.text.slice(0, rel.start) + tag + rels.text.slice(rel.end), rels.encoding));
  } else if (!dangling) {
    const r = inspect(rels.text, relsEntry.name, PACKAGE_REL_NS, 'Relationship', 'Id');
    const ids = r.children.map((c) => c.value);
    const typeValues = inspect(rels.text, relsEntry.name, PACKAGE_REL_NS, 'Relationship', 'Type').children.map((c) => c.value);
    const base = typeValues.find((v) => v.startsWith('http://purl.oclc.org/')) ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    let n = ids.length + 1;
    while (ids.includes(`rId${n}`)) n++;
    const rel = `<${r.prefix}Relationship Id="rId${n}" Type="${base}/styles" Target="${target}"/>`;
    replaced.set(relsEntry, encodeXml(r.append(rel), rels.encoding));
  }
  return { part, replaced };
}
