import { findEntry, readPart } from './open-package';
import { attr, closeTagStart, CONTENT_TYPES_NS, PACKAGE_REL_NS, parseXml, tagStart } from './parse-xml';
import { relationshipsPartName } from './read-relationships';
import type { ZipEntry } from './read-zip-directory';
import { escapeXml, openStartTag } from './start-tag';
import { decodeXml, encodeXml } from './xml-text';
import type { LoadedWorkbook } from './load-workbook';
import { abort } from './file-error';

const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

interface RootInfo {
  prefix: string;
  /** Attribute values of the chosen children. */
  values: string[];
  /** The text with `child` appended as the root's last child. */
  append(child: string): string;
}

/** Finds where the root element ends (self-closing or not) and collects attribute values of some children. */
function inspect(text: string, part: string, ns: string, child: string, attribute: string): RootInfo {
  let root: { start: number; startTagEnd: number; closeStart: number; end: number; selfClosing: boolean; qname: string } | undefined;
  let depth = 0;
  const values: string[] = [];
  parseXml(text, part, {
    open(tag, end) {
      depth++;
      if (depth === 1) root = { start: tagStart(text, end), startTagEnd: end, closeStart: end, end, selfClosing: tag.isSelfClosing, qname: tag.name };
      if (depth === 2 && tag.local === child && tag.uri === ns) values.push(attr(tag, attribute) ?? '');
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
    values,
    append: (xml) =>
      r.selfClosing
        ? text.slice(0, r.start) + openStartTag(text.slice(r.start, r.startTagEnd)) + xml + `</${r.qname}>` + text.slice(r.end)
        : text.slice(0, r.closeStart) + xml + text.slice(r.closeStart),
  };
}

/**
 * Registers a new styles part for a workbook that has none: an <Override>
 * in [Content_Types].xml and a relationship from the workbook part.
 */
export function addStylesPart(wb: LoadedWorkbook): { part: string; replaced: Map<ZipEntry, Uint8Array> } {
  const { pkg, structure } = wb;
  const folder = structure.workbookPart.slice(0, structure.workbookPart.lastIndexOf('/') + 1);
  let file = 'styles.xml';
  for (let n = 1; findEntry(pkg, folder + file); n++) file = `styles${n}.xml`;
  const part = folder + file;
  const replaced = new Map<ZipEntry, Uint8Array>();

  const typesEntry = findEntry(pkg, '[Content_Types].xml')!;
  const types = decodeXml(readPart(pkg, typesEntry.name)!, typesEntry.name);
  const t = inspect(types.text, typesEntry.name, CONTENT_TYPES_NS, 'Override', 'PartName');
  const override = `<${t.prefix}Override PartName="/${escapeXml(part)}" ContentType="${STYLES_CONTENT_TYPE}"/>`;
  replaced.set(typesEntry, encodeXml(t.append(override), types.encoding));

  const relsName = relationshipsPartName(structure.workbookPart);
  const relsEntry = findEntry(pkg, relsName)!;
  const rels = decodeXml(readPart(pkg, relsEntry.name)!, relsEntry.name);
  const r = inspect(rels.text, relsEntry.name, PACKAGE_REL_NS, 'Relationship', 'Id');
  const types2 = inspect(rels.text, relsEntry.name, PACKAGE_REL_NS, 'Relationship', 'Type').values;
  const base = types2.find((v) => v.startsWith('http://purl.oclc.org/')) ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  let n = r.values.length + 1;
  while (r.values.includes(`rId${n}`)) n++;
  const rel = `<${r.prefix}Relationship Id="rId${n}" Type="${base}/styles" Target="${escapeXml(file)}"/>`;
  replaced.set(relsEntry, encodeXml(r.append(rel), rels.encoding));
  return { part, replaced };
}
