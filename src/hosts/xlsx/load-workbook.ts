import { abort } from './file-error';
import { scanSheet } from './scan-sheet';
import { findEntry, inflateEntry, openPackage, readPart, type Package } from './open-package';
import { readSharedStrings } from './read-shared-strings';
import { readStyles, xfFormats, type StylesInfo } from './read-styles';
import { readWorkbookStructure, type SheetInfo, type WorkbookStructure } from './read-workbook-structure';
import { decodeXml, type XmlText } from './xml-text';
import type { ZipEntry } from './read-zip-directory';
import type { SheetLayout } from './sheet-layout';
import type { ZipOptions } from './zip-deflate';

/** A worksheet part as the reader left it: its text and where its rows and cells are. */
export interface ReadSheet {
  xml: XmlText;
  layout: SheetLayout;
}

/** An opened workbook: the package, its structure, styles and shared strings, everything checked. */
export interface LoadedWorkbook {
  pkg: Package;
  structure: WorkbookStructure;
  styles?: StylesInfo;
  stylesXml?: XmlText;
  /** Number format code per cell xf index. */
  formats: string[];
  sharedStrings: string[];
  /** Worksheets already parsed without fault, by sheet name: a second parse would find the same. */
  parsed: Set<string>;
  /** The sheets the reader recorded a layout of, by sheet name: the writer edits them without parsing them again. */
  read: Map<string, ReadSheet>;
}

/**
 * Opens and checks a workbook: zip directory and limits, workbook part,
 * sheets, styles and shared strings (parsed), and every worksheet part
 * (inflated and CRC-checked; parsed only when read). Throws a FileErrorAbort.
 */
export function loadWorkbook(bytes: Uint8Array, options: ZipOptions = {}): LoadedWorkbook {
  const pkg = openPackage(bytes, options);
  const structure = readWorkbookStructure(pkg);
  let styles: StylesInfo | undefined;
  let stylesXml: XmlText | undefined;
  if (structure.stylesPart) {
    stylesXml = decodeXml(readPart(pkg, structure.stylesPart)!, structure.stylesPart);
    styles = readStyles(stylesXml, structure.stylesPart);
  }
  let sharedStrings: string[] = [];
  if (structure.sharedStringsPart) {
    const part = structure.sharedStringsPart;
    sharedStrings = readSharedStrings(decodeXml(readPart(pkg, part)!, part), part);
  }
  for (const sheet of structure.sheets) if (sheet.kind === 'worksheet') inflateEntry(pkg, sheetEntry(pkg, sheet));
  return { pkg, structure, styles, stylesXml, formats: xfFormats(styles), sharedStrings, parsed: new Set(), read: new Map() };
}

/** The zip entry of a sheet part (`partMissing` when the package does not have it). */
export function sheetEntry(pkg: Package, sheet: SheetInfo): ZipEntry {
  const entry = sheet.part === undefined ? undefined : findEntry(pkg, sheet.part);
  return entry ?? abort('partMissing', { sheet: sheet.name, part: sheet.part });
}

/** The decoded XML of a worksheet part. */
export function sheetXml(pkg: Package, sheet: SheetInfo): XmlText {
  const entry = sheetEntry(pkg, sheet);
  return decodeXml(inflateEntry(pkg, entry), entry.name);
}

/**
 * Parses every worksheet not in `skip` (they are read or edited by the
 * caller) and not parsed before: a workbook with a broken sheet is refused
 * even when no name refers to that sheet, so a damaged file is never scored,
 * nor written back still damaged.
 */
export function checkOtherSheets(wb: LoadedWorkbook, skip: Set<string>): void {
  for (const sheet of wb.structure.sheets) {
    if (sheet.kind !== 'worksheet' || skip.has(sheet.name) || wb.parsed.has(sheet.name)) continue;
    scanSheet(sheetXml(wb.pkg, sheet).text, sheet.part!, sheet.name, () => undefined);
    wb.parsed.add(sheet.name);
  }
}

/** The sheet with this name: exact match first, then case-insensitive (as Excel compares sheet names). */
export function findSheet(structure: WorkbookStructure, name: string): SheetInfo | undefined {
  const exact = structure.sheets.find((s) => s.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return structure.sheets.find((s) => s.name.toLowerCase() === lower);
}
