import { MAX_COLS, MAX_ROWS, quoteSheet } from '../../workbook/address';
import type { WritePlan } from '../../workbook/plan';
import { editSheet, type SheetWrite } from './edit-sheet';
import { createStylesEditor, MINIMAL_STYLES, type StylesEditor } from './create-styles-editor';
import { setFullCalcOnLoad } from './set-full-calc-on-load';
import { abort } from './file-error';
import { checkOtherSheets, findSheet, sheetEntry, sheetXml, type LoadedWorkbook } from './load-workbook';
import type { SheetInfo } from './read-workbook-structure';
import { findEntry, inflateEntry, rawEntryData, readPart } from './open-package';
import { splicePart } from './splice-bytes';
import { addStylesPart } from './add-styles-part';
import type { ZipEntry } from './read-zip-directory';
import { DOS_EPOCH_DATE, writeZip, type OutputEntry } from './write-zip';
import { decodeXml, encodeXml } from './xml-text';

/**
 * Applies a write plan to a loaded workbook and returns the new package
 * bytes. Changes only the written sheets' parts, styles.xml when a new cell
 * format is needed (and, for a workbook without styles, the parts that
 * register a new one) and workbook.xml's <calcPr>. Throws a FileErrorAbort.
 */
export function applyPlan(wb: LoadedWorkbook, plan: WritePlan): Uint8Array {
  const { pkg, structure } = wb;
  // Thousands of writes name a handful of sheets: each name looked up once.
  const found = new Map<string, SheetInfo | undefined>();
  const sheetOf = (name: string) => {
    if (!found.has(name)) found.set(name, findSheet(structure, name));
    return found.get(name);
  };
  // File damage first: the sheets that get writes are parsed when they are edited, all others now.
  const targets = new Set<string>();
  for (const w of plan.writes) {
    const s = sheetOf(w.address.sheet);
    if (s?.kind === 'worksheet') targets.add(s.name);
  }
  checkOtherSheets(wb, targets);
  const bySheet = new Map<string, SheetWrite[]>();
  for (const write of plan.writes) {
    const { address } = write;
    const sheet = sheetOf(address.sheet);
    if (!sheet) abort('sheetMissing', { sheet: address.sheet });
    if (sheet.kind !== 'worksheet') abort('notWorksheet', { sheet: sheet.name });
    const { row, col } = address;
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) {
      abort('invalidWrite', { cell: `${quoteSheet(sheet.name)}!R${row + 1}C${col + 1}`, value: write.value.kind === 'empty' ? '' : write.value.text });
    }
    const list = bySheet.get(sheet.name) ?? [];
    list.push({ row, col, value: write.value, numberFormat: write.numberFormat });
    bySheet.set(sheet.name, list);
  }

  let stylesPart = structure.stylesPart;
  // The styles part as the reader decoded and read it (loadWorkbook), not parsed again.
  const stylesXml = stylesPart ? wb.stylesXml ?? decodeXml(readPart(pkg, stylesPart)!, stylesPart) : { text: MINIMAL_STYLES, encoding: 'utf8' as const };
  const styles: StylesEditor = createStylesEditor(stylesXml, stylesPart ?? 'xl/styles.xml', stylesPart ? wb.styles : undefined);

  const replaced = new Map<ZipEntry, Uint8Array>();
  for (const [sheetName, writes] of bySheet) {
    const sheet = findSheet(structure, sheetName)!;
    const entry = sheetEntry(pkg, sheet);
    const read = wb.read.get(sheet.name);
    const xml = read ? read.xml : sheetXml(pkg, sheet);
    const splices = editSheet(xml.text, entry.name, sheet.name, writes, styles, read?.layout);
    // Splices straight onto the part's bytes: a long sheet is not joined and encoded again.
    const data = splicePart(inflateEntry(pkg, entry), xml, splices);
    if (data) replaced.set(entry, data);
  }

  const added: OutputEntry[] = [];
  const newStyles = styles.render();
  if (newStyles !== undefined) {
    if (stylesPart) replaced.set(findEntry(pkg, stylesPart)!, encodeXml(newStyles, stylesXml.encoding));
    else {
      const registered = addStylesPart(wb);
      stylesPart = registered.part;
      for (const [entry, data] of registered.replaced) replaced.set(entry, data);
      added.push({ kind: 'data', entry: newEntry(stylesPart), data: encodeXml(newStyles, 'utf8') });
    }
  }

  if (bySheet.size > 0) {
    const workbookEntry = findEntry(pkg, structure.workbookPart)!;
    const xml = decodeXml(readPart(pkg, workbookEntry.name)!, workbookEntry.name);
    const text = setFullCalcOnLoad(xml.text, workbookEntry.name);
    if (text !== xml.text) replaced.set(workbookEntry, encodeXml(text, xml.encoding));
  }

  const output: OutputEntry[] = pkg.entries.map((entry) => {
    const data = replaced.get(entry);
    return data ? { kind: 'data', entry, data } : { kind: 'copy', entry, raw: rawEntryData(pkg, entry) };
  });
  return writeZip([...output, ...added], pkg.comment, pkg.codec);
}

function newEntry(name: string): ZipEntry {
  const rawName = new TextEncoder().encode(name);
  return {
    name,
    rawName,
    versionMadeBy: 20,
    versionNeeded: 20,
    flags: /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800,
    method: 8,
    time: 0,
    date: DOS_EPOCH_DATE,
    crc: 0,
    compressedSize: 0,
    size: 0,
    internalAttributes: 0,
    externalAttributes: 0,
    localHeaderOffset: 0,
  };
}
