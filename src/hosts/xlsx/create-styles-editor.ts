import { WRITER_BUILTIN_IDS } from './builtin-number-formats';
import type { StyleResolver } from './edit-sheet';
import { formatCode, readStyles, type StylesInfo } from './read-styles';
import { spliceText, type Splice } from './splice-text';
import { escapeXml, openStartTag, setAttribute } from './start-tag';
import type { XmlText } from './xml-text';

/** The smallest styles part Excel accepts, for a workbook that has none. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export interface StylesEditor extends StyleResolver {
  /** The new styles text, or undefined when nothing was added. */
  render(): string | undefined;
}

/**
 * Adds cell xfs on demand: a copy of the cell's xf (or xf 0) with the new
 * numFmtId and applyNumberFormat="1", one per (xf, format) pair; a cell whose
 * xf already shows the format keeps it (formats compared by the code each id
 * shows in this file). Number formats use the built-in ids for 0, 0.00, 0%,
 * 0.00% unless the file redefines them; other codes reuse a <numFmt> that
 * shows the code or get a new id above every existing one (at least 164).
 */
export function createStylesEditor(xml: XmlText, part: string, read?: StylesInfo): StylesEditor {
  const { text } = xml;
  // `read`: what the reader found in this same text (it is only read here, never changed).
  const info: StylesInfo = read ?? readStyles(xml, part);
  const p = info.prefix;
  const newFormats: { id: number; code: string }[] = [];
  const newXfs: string[] = [];
  // A styles part without <cellXfs> gets one, starting with a default xf 0 (cells without s use it).
  const createdDefault = info.cellXfs ? 0 : 1;
  const defaultXf = `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;

  const formatId = (code: string): number => {
    const builtin = WRITER_BUILTIN_IDS.get(code);
    // A file may redefine a built-in id (<numFmt numFmtId="10" formatCode="0.0%"/>): then the id shows that code.
    if (builtin !== undefined && formatCode(info, builtin) === code) return builtin;
    for (const [id, existing] of info.customFormats) if (existing === code) return id;
    const added = newFormats.find((f) => f.code === code);
    if (added) return added.id;
    const ids = [...info.customFormats.keys(), ...newFormats.map((f) => f.id)];
    const id = Math.max(163, ...ids) + 1;
    newFormats.push({ id, code });
    return id;
  };

  // Thousands of written cells share a few (xf, format) pairs: each new xf is made once (xf index -1: none).
  const created = new Map<number, Map<string, number>>();

  return {
    resolve(base, format) {
      const xfIndex = base !== undefined && base < info.xfs.length ? base : info.xfs.length > 0 ? 0 : undefined;
      const current = xfIndex === undefined ? 'General' : formatCode(info, info.xfs[xfIndex].numFmtId);
      if (current === format) return base;
      let byFormat = created.get(xfIndex ?? -1);
      if (!byFormat) created.set(xfIndex ?? -1, (byFormat = new Map()));
      const known = byFormat.get(format);
      if (known !== undefined) return known;
      const id = String(formatId(format));
      let xf = xfIndex === undefined ? defaultXf : text.slice(info.xfs[xfIndex].start, info.xfs[xfIndex].end);
      const tagEnd = xfIndex === undefined ? xf.length : info.xfs[xfIndex].startTagEnd - info.xfs[xfIndex].start;
      const tag = setAttribute(setAttribute(xf.slice(0, tagEnd), 'numFmtId', id), 'applyNumberFormat', '1');
      xf = tag + xf.slice(tagEnd);
      const index = info.xfs.length + createdDefault + newXfs.length;
      newXfs.push(xf);
      byFormat.set(format, index);
      return index;
    },
    render() {
      if (newXfs.length === 0) return undefined;
      const splices: Splice[] = [];
      const sheet = info.styleSheet!;
      if (newFormats.length > 0) {
        const items = newFormats.map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join('');
        const count = String(info.customFormats.size + newFormats.length);
        const nf = info.numFmts;
        if (!nf) splices.push({ start: sheet.startTagEnd, end: sheet.startTagEnd, text: `<${p}numFmts count="${count}">${items}</${p}numFmts>` });
        else splices.push(...appendChildren(text, nf, items, count, p + 'numFmts'));
      }
      const count = String(info.xfs.length + createdDefault + newXfs.length);
      const items = (createdDefault ? defaultXf : '') + newXfs.join('');
      if (info.cellXfs) splices.push(...appendChildren(text, info.cellXfs, items, count, p + 'cellXfs'));
      else {
        const at = info.afterCellXfs ?? sheet.closeStart;
        splices.push({ start: at, end: at, text: `<${p}cellXfs count="${count}">${items}</${p}cellXfs>` });
      }
      return spliceText(text, splices);
    },
  };
}

function appendChildren(
  text: string,
  element: { start: number; startTagEnd: number; closeStart: number; end: number; selfClosing: boolean },
  items: string,
  count: string,
  qname: string,
): Splice[] {
  const tag = setAttribute(text.slice(element.start, element.startTagEnd), 'count', count);
  if (element.selfClosing) return [{ start: element.start, end: element.end, text: openStartTag(tag) + items + `</${qname}>` }];
  return [
    { start: element.start, end: element.startTagEnd, text: tag },
    { start: element.closeStart, end: element.closeStart, text: items },
  ];
}
