import type { ProposedName } from '../../workbook/detect';
import { nameReference } from '../../workbook/detect';
import { abort } from './file-error';
import type { LoadedWorkbook } from './load-workbook';
import { findEntry, rawEntryData, readPart } from './open-package';
import { isSml, parseXml, tagStart } from './parse-xml';
import { qualifiedPrefix } from './read-styles';
import { writeZip, type OutputEntry } from './write-zip';
import { decodeXml, encodeXml } from './xml-text';

/** Children of <workbook> that come after <definedNames> in the schema's sequence. */
const AFTER_DEFINED_NAMES = new Set([
  'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
]);

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Adds the defined names to workbook.xml's <definedNames> (created at its
 * schema position when absent); a sheet-scoped name gets the localSheetId of
 * its sheet (its index in <sheets>).
 */
export function addDefinedNames(text: string, part: string, names: readonly ProposedName[], sheetIndex: (sheet: string) => number): string {
  let prefix = '';
  let depth = 0;
  let namesClose = -1;
  let namesSelfClosing: { start: number; end: number } | null = null;
  let insertAt = -1;
  let workbookClose = -1;
  parseXml(text, part, {
    open(tag, end) {
      depth++;
      if (depth === 1) prefix = qualifiedPrefix(tag);
      if (depth !== 2) return;
      if (isSml(tag, 'definedNames') && text.charAt(end - 2) === '/') namesSelfClosing = { start: tagStart(text, end), end };
      else if (insertAt < 0 && namesClose < 0 && AFTER_DEFINED_NAMES.has(tag.local)) insertAt = tagStart(text, end);
    },
    close(tag, end) {
      if (depth === 2 && isSml(tag, 'definedNames') && !namesSelfClosing) namesClose = text.lastIndexOf('</', end - 1);
      depth--;
      if (depth === 0) workbookClose = text.lastIndexOf('</', end - 1);
    },
  });
  const entries = names
    .map((n) => {
      const scope = n.scope === null ? '' : ` localSheetId="${sheetIndex(n.scope)}"`;
      return `<${prefix}definedName name="${escapeXml(n.name)}"${scope}>${escapeXml(nameReference(n.range))}</${prefix}definedName>`;
    })
    .join('');
  const block = `<${prefix}definedNames>${entries}</${prefix}definedNames>`;
  const selfClosing = namesSelfClosing as { start: number; end: number } | null;
  if (selfClosing) return text.slice(0, selfClosing.start) + block + text.slice(selfClosing.end);
  if (namesClose >= 0) return text.slice(0, namesClose) + entries + text.slice(namesClose);
  const at = insertAt >= 0 ? insertAt : workbookClose;
  return text.slice(0, at) + block + text.slice(at);
}

/**
 * The workbook with the names defined: only workbook.xml changes, every
 * other entry is copied as stored (byte for byte). Throws a FileErrorAbort.
 */
export function writeDefinedNames(wb: LoadedWorkbook, names: readonly ProposedName[]): Uint8Array {
  const { pkg, structure } = wb;
  const entry = findEntry(pkg, structure.workbookPart)!;
  const xml = decodeXml(readPart(pkg, entry.name)!, entry.name);
  const sheetIndex = (sheet: string) => {
    const i = structure.sheets.findIndex((s) => s.name === sheet);
    return i >= 0 ? i : abort('sheetMissing', { sheet });
  };
  const data = encodeXml(addDefinedNames(xml.text, entry.name, names, sheetIndex), xml.encoding);
  const output: OutputEntry[] = pkg.entries.map((e) => (e === entry ? { kind: 'data', entry: e, data } : { kind: 'copy', entry: e, raw: rawEntryData(pkg, e) }));
  return writeZip(output, pkg.comment, pkg.codec);
}
