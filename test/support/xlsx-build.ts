import { strToU8, zipSync, type Zippable } from 'fflate';

/** Builds small .xlsx packages from XML strings for the xlsx host tests. */

export const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The <sheetData> content (rows), used unless `xml` is given. */
  rows?: string;
  /** The whole worksheet part. */
  xml?: string;
  chart?: boolean;
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** Inner XML of <definedNames>. */
  names?: string;
  sharedStrings?: string[];
  /** Raw sharedStrings.xml (wins over `sharedStrings`). */
  sharedStringsXml?: string;
  /** Raw styles.xml; `null` for no styles part at all. */
  styles?: string | null;
  /** Extra text placed after </definedNames> in workbook.xml (e.g. a calcPr). */
  afterNames?: string;
  /** Raw workbook.xml (wins over everything above except sheets' parts). */
  workbookXml?: string;
}

export const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${SML}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0&quot;万元&quot;"/><numFmt numFmtId="165" formatCode="0.000"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment horizontal="center"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export function worksheetXml(rows: string, before = '<dimension ref="A1"/>'): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${SML}" xmlns:r="${REL}">${before}<sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The parts of a package built from the spec (edit them to build broken packages). */
export function bookParts(spec: BookSpec): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [];
  const rels: string[] = [];
  const sheetsXml: string[] = [];
  spec.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const folder = sheet.chart ? 'chartsheets' : 'worksheets';
    const type = sheet.chart ? 'chartsheet' : 'worksheet';
    parts[`xl/${folder}/sheet${n}.xml`] =
      sheet.xml ??
      (sheet.chart
        ? `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${SML}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`
        : worksheetXml(sheet.rows ?? ''));
    overrides.push(`<Override PartName="/xl/${folder}/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`);
    rels.push(`<Relationship Id="rId${n}" Type="${REL}/${type}" Target="${folder}/sheet${n}.xml"/>`);
    sheetsXml.push(`<sheet name="${escapeText(sheet.name).replace(/"/g, '&quot;')}" sheetId="${n}" r:id="rId${n}"/>`);
  });
  if (spec.styles !== null) {
    parts['xl/styles.xml'] = spec.styles ?? DEFAULT_STYLES;
    overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    rels.push(`<Relationship Id="rId100" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  if (spec.sharedStrings || spec.sharedStringsXml) {
    parts['xl/sharedStrings.xml'] =
      spec.sharedStringsXml ??
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${SML}" count="${spec.sharedStrings!.length}" uniqueCount="${spec.sharedStrings!.length}">` +
        spec.sharedStrings!.map((s) => `<si><t xml:space="preserve">${escapeText(s)}</t></si>`).join('') +
        '</sst>';
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    rels.push(`<Relationship Id="rId101" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  parts['[Content_Types].xml'] =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    overrides.join('') +
    '</Types>';
  parts['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
  parts['xl/workbook.xml'] =
    spec.workbookXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${SML}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews>` +
      `<sheets>${sheetsXml.join('')}</sheets>` +
      (spec.names ? `<definedNames>${spec.names}</definedNames>` : '') +
      (spec.afterNames ?? '') +
      '</workbook>';
  return parts;
}

/** Zips parts (strings as UTF-8) with a fixed mtime, in the given order. */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(parts)) {
    zippable[name] = [typeof data === 'string' ? strToU8(data) : data, { mtime: new Date(2020, 0, 1) }];
  }
  return zipSync(zippable, { level: 6 });
}

export function buildXlsx(spec: BookSpec): Uint8Array {
  return zipParts(bookParts(spec));
}

/** `<definedName name="…">formula</definedName>` with the formula escaped. */
export function definedName(name: string, formula: string, localSheetId?: number): string {
  const scope = localSheetId === undefined ? '' : ` localSheetId="${localSheetId}"`;
  return `<definedName name="${escapeText(name).replace(/"/g, '&quot;')}"${scope}>${escapeText(formula)}</definedName>`;
}
