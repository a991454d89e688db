import { abort } from './file-error';
import { findEntry, readPart, type Package } from './open-package';
import { isSml, parseXmlFast, REL_NS } from './parse-xml';
import { readRelationships } from './read-relationships';
import { decodeXml } from './xml-text';

export type SheetKind = 'worksheet' | 'chartsheet' | 'other';

export interface SheetInfo {
  name: string;
  /** The sheet's part name, or undefined when its relationship is missing. */
  part: string | undefined;
  kind: SheetKind;
  /** `state="hidden"` or `"veryHidden"` on the <sheet>. */
  hidden: boolean;
}

export interface DefinedName {
  name: string;
  /** Present for sheet-scoped names. */
  localSheetId?: string;
  formula: string;
}

export interface WorkbookStructure {
  workbookPart: string;
  sheets: SheetInfo[];
  definedNames: DefinedName[];
  /** The part of the first styles relationship whose target exists. */
  stylesPart?: string;
  /** With no stylesPart: a styles relationship whose target is not in the package (a new styles part reuses it). */
  danglingStyles?: { id: string; part: string };
  sharedStringsPart?: string;
}

function sheetKind(relKind: string | undefined): SheetKind {
  if (relKind === 'worksheet') return 'worksheet';
  if (relKind === 'chartsheet') return 'chartsheet';
  return 'other';
}

/**
 * Finds the workbook part (via the package relationships), its sheets,
 * workbook-level defined names and the styles and shared-strings parts.
 * Throws a FileErrorAbort (`notXlsx`, `noSheets`, XML errors).
 */
export function readWorkbookStructure(pkg: Package): WorkbookStructure {
  if (!findEntry(pkg, '[Content_Types].xml')) abort('notXlsx', { part: '[Content_Types].xml' });
  const office = readRelationships(pkg, '').find((r) => r.kind === 'officeDocument' && !r.external);
  if (!office || !findEntry(pkg, office.target)) abort('notXlsx', { part: office?.target ?? 'xl/workbook.xml' });
  const workbookPart = findEntry(pkg, office.target)!.name;
  const rels = readRelationships(pkg, workbookPart);
  const relById = new Map(rels.map((r) => [r.id, r] as const));

  const sheets: SheetInfo[] = [];
  const definedNames: DefinedName[] = [];
  let current: { name: string; localSheetId?: string; text: string } | null = null;
  let sawWorkbook = false;
  const bytes = readPart(pkg, workbookPart)!;
  // The fast reader for plain XML, saxes otherwise (the same events and refusals): every workbook has this part.
  parseXmlFast(decodeXml(bytes, workbookPart).text, workbookPart, {
    open(tag) {
      if (isSml(tag, 'workbook')) sawWorkbook = true;
      else if (isSml(tag, 'sheet')) {
        const rel = relById.get(tag.attrNs(REL_NS, 'id') ?? '');
        const part = rel && !rel.external ? findEntry(pkg, rel.target)?.name ?? rel.target : undefined;
        const state = tag.attr('state');
        sheets.push({ name: tag.attr('name') ?? '', part, kind: sheetKind(rel?.kind), hidden: state === 'hidden' || state === 'veryHidden' });
      } else if (isSml(tag, 'definedName')) {
        current = { name: tag.attr('name') ?? '', localSheetId: tag.attr('localSheetId'), text: '' };
      }
    },
    text(text) {
      if (current) current.text += text;
    },
    close(tag) {
      if (current && isSml(tag, 'definedName')) {
        const { name, localSheetId, text } = current;
        definedNames.push(localSheetId === undefined ? { name, formula: text } : { name, localSheetId, formula: text });
        current = null;
      }
    },
  });
  if (!sawWorkbook) abort('notXlsx', { part: workbookPart });
  if (sheets.length === 0) abort('noSheets');
  // A relationship to a part that is not in the package is skipped for one that is (a package may name both).
  const internal = (kind: string) => {
    for (const r of rels) if (r.kind === kind && !r.external && findEntry(pkg, r.target)) return findEntry(pkg, r.target)!.name;
    return undefined;
  };
  const structure: WorkbookStructure = { workbookPart, sheets, definedNames, stylesPart: internal('styles'), sharedStringsPart: internal('sharedStrings') };
  const dangling = structure.stylesPart ? undefined : rels.find((r) => r.kind === 'styles' && !r.external);
  if (dangling) structure.danglingStyles = { id: dangling.id, part: dangling.target };
  return structure;
}
