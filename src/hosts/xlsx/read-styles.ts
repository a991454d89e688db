import { BUILTIN_NUMBER_FORMATS } from './builtin-number-formats';
import { closeTagStart, isSml, parseXmlFast, tagStart } from './parse-xml';
import type { PlainHandlers, PlainTag } from './plain-xml';
import type { XmlText } from './xml-text';

/** An element's place in the text: [start, startTagEnd) is its start tag, [start, end) the whole element. */
export interface ElementSpan {
  start: number;
  startTagEnd: number;
  /** Start of the end tag (`</…>`); equals `end` for a self-closing element. */
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

export interface XfSpan extends ElementSpan {
  numFmtId: number;
}

/** What the reader needs from styles.xml (number formats per cell xf) and where the writer edits it. */
export interface StylesInfo {
  /** Prefix of SpreadsheetML elements in this part (`''` or `x:`). */
  prefix: string;
  customFormats: Map<number, string>;
  xfs: XfSpan[];
  styleSheet?: ElementSpan;
  numFmts?: ElementSpan;
  cellXfs?: ElementSpan;
  /** Start of the first styleSheet child that must follow cellXfs, when cellXfs is absent. */
  afterCellXfs?: number;
}

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const AFTER_CELL_XFS = new Set(['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst']);

function openSpan(text: string, tag: PlainTag, end: number): ElementSpan {
  return { start: tagStart(text, end), startTagEnd: end, closeStart: end, end, selfClosing: tag.isSelfClosing };
}

function closeSpan(span: ElementSpan, text: string, end: number): void {
  if (!span.selfClosing) span.closeStart = closeTagStart(text, end);
  span.end = end;
}

function toId(value: string | undefined): number {
  const n = Number(value ?? '0');
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function qualifiedPrefix(tag: { prefix: string }): string {
  return tag.prefix ? tag.prefix + ':' : '';
}

/** Parses styles.xml. Throws a FileErrorAbort for XML errors. */
export function readStyles(xml: XmlText, part: string): StylesInfo {
  const { text } = xml;
  let info: StylesInfo = { prefix: '', customFormats: new Map(), xfs: [] };
  let stack: string[] = [];
  let xf: XfSpan | undefined;
  // An mc:AlternateContent inside cellXfs counts as one xf: its Fallback (we understand no Choice), else its first Choice.
  let alternate: { choice?: XfSpan; fallback?: XfSpan } | undefined;
  const handlers: PlainHandlers = {
    open(tag, end) {
      const parent = stack[stack.length - 1];
      const mc = tag.uri === MC_NS ? 'mc:' + tag.local : '';
      stack.push(isSml(tag, tag.local) ? tag.local : mc);
      if (mc === 'mc:AlternateContent' && parent === 'cellXfs' && stack.length === 3) alternate = {};
      if (alternate && isSml(tag, 'xf') && (parent === 'mc:Choice' || parent === 'mc:Fallback') && stack.length === 5) {
        xf = { ...openSpan(text, tag, end), numFmtId: toId(tag.attr('numFmtId')) };
        if (parent === 'mc:Fallback') alternate.fallback ??= xf;
        else alternate.choice ??= xf;
        return;
      }
      if (stack.length === 1 && isSml(tag, 'styleSheet')) {
        info.prefix = qualifiedPrefix(tag);
        info.styleSheet = openSpan(text, tag, end);
      } else if (stack.length === 2 && parent === 'styleSheet') {
        if (tag.local === 'numFmts' && isSml(tag, 'numFmts')) info.numFmts = openSpan(text, tag, end);
        else if (isSml(tag, 'cellXfs')) info.cellXfs = openSpan(text, tag, end);
        else if (info.afterCellXfs === undefined && !info.cellXfs && AFTER_CELL_XFS.has(tag.local)) {
          info.afterCellXfs = tagStart(text, end);
        }
      } else if (parent === 'numFmts' && isSml(tag, 'numFmt')) {
        info.customFormats.set(toId(tag.attr('numFmtId')), tag.attr('formatCode') ?? 'General');
      } else if (parent === 'cellXfs' && isSml(tag, 'xf') && stack.length === 3) {
        xf = { ...openSpan(text, tag, end), numFmtId: toId(tag.attr('numFmtId')) };
        info.xfs.push(xf);
      }
    },
    close(tag, end) {
      const closing = stack.pop();
      if (closing === 'mc:AlternateContent' && alternate && stack.length === 2) {
        const chosen = alternate.fallback ?? alternate.choice;
        if (chosen) info.xfs.push(chosen);
        alternate = undefined;
        return;
      }
      if (xf && alternate && isSml(tag, 'xf') && stack.length === 4) {
        closeSpan(xf, text, end);
        xf = undefined;
        return;
      }
      if (stack.length === 0 && info.styleSheet) closeSpan(info.styleSheet, text, end);
      else if (stack.length === 1 && isSml(tag, 'numFmts') && info.numFmts) closeSpan(info.numFmts, text, end);
      else if (stack.length === 1 && isSml(tag, 'cellXfs') && info.cellXfs) closeSpan(info.cellXfs, text, end);
      else if (stack.length === 2 && xf && isSml(tag, 'xf')) {
        closeSpan(xf, text, end);
        xf = undefined;
      }
    },
  };
  // The fast reader, in one walk (styles.xml is the largest part of a small workbook); saxes from the start when it is not plain.
  parseXmlFast(text, part, handlers, () => {
    info = { prefix: '', customFormats: new Map(), xfs: [] };
    stack = [];
    xf = alternate = undefined;
    return handlers;
  });
  return info;
}

/** The format code of a number format id: a custom <numFmt> first, then the built-in table, else General. */
export function formatCode(info: StylesInfo | undefined, numFmtId: number): string {
  return info?.customFormats.get(numFmtId) ?? BUILTIN_NUMBER_FORMATS.get(numFmtId) ?? 'General';
}

/** The format code of every cell xf, by index. */
export function xfFormats(info: StylesInfo | undefined): string[] {
  return info ? info.xfs.map((x) => formatCode(info, x.numFmtId)) : [];
}
