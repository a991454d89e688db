import { decodeXml } from './xml-text';
import { parseXmlFast, PACKAGE_REL_NS } from './parse-xml';
import { readPart, type Package } from './open-package';

export interface Relationship {
  id: string;
  /** The last segment of the relationship type URI (`officeDocument`, `worksheet`, `styles`, …). */
  kind: string;
  /** The target part name, resolved against the source part (no leading slash); the raw target when external. */
  target: string;
  external: boolean;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ('') → `_rels/.rels`. */
export function relationshipsPartName(sourcePart: string): string {
  const slash = sourcePart.lastIndexOf('/');
  return sourcePart.slice(0, slash + 1) + '_rels/' + sourcePart.slice(slash + 1) + '.rels';
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Resolves a relationship target against the folder of its source part, as OPC does. */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = safeDecodeUri(target.split('#')[0]);
  const base = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** The relationships of a part (empty when it has no .rels part). Throws a FileErrorAbort for a bad .rels part. */
export function readRelationships(pkg: Package, sourcePart: string): Relationship[] {
  const partName = relationshipsPartName(sourcePart);
  const bytes = readPart(pkg, partName);
  if (!bytes) return [];
  const rels: Relationship[] = [];
  // The fast reader for plain XML (saxes otherwise, with the same events and refusals): every package has these parts.
  parseXmlFast(decodeXml(bytes, partName).text, partName, {
    open(tag) {
      if (tag.local !== 'Relationship' || tag.uri !== PACKAGE_REL_NS) return;
      const id = tag.attr('Id') ?? '';
      const type = tag.attr('Type') ?? '';
      const target = tag.attr('Target') ?? '';
      const external = tag.attr('TargetMode') === 'External';
      rels.push({
        id,
        kind: type.slice(type.lastIndexOf('/') + 1),
        target: external ? target : resolveTarget(sourcePart, target),
        external,
      });
    },
  });
  return rels;
}
