import { isSml, parseXmlFast, tagStart } from './parse-xml';
import { qualifiedPrefix } from './read-styles';
import { getAttribute, setAttribute } from './start-tag';

/** Children of <workbook> that come after <calcPr> in the schema's sequence. */
const AFTER_CALC_PR = new Set([
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
]);

/**
 * Sets <calcPr fullCalcOnLoad="1"> so Excel recalculates formulas that
 * depend on the written cells; adds <calcPr> at its schema position when
 * absent. Returns the text unchanged when it is already set.
 */
export function setFullCalcOnLoad(text: string, part: string): string {
  let calcPr: { start: number; end: number } | undefined;
  let insertAt: number | undefined;
  let closeStart = -1;
  let prefix = '';
  let depth = 0;
  // The fast reader for plain XML, saxes otherwise (the same events and refusals): this runs on every write.
  parseXmlFast(text, part, {
    open(tag, end) {
      depth++;
      if (depth === 1) prefix = qualifiedPrefix(tag);
      if (depth !== 2) return;
      if (isSml(tag, 'calcPr')) calcPr = { start: tagStart(text, end), end };
      else if (insertAt === undefined && !calcPr && AFTER_CALC_PR.has(tag.local)) insertAt = tagStart(text, end);
    },
    close(_tag, end) {
      depth--;
      if (depth === 0) closeStart = text.lastIndexOf('</', end - 1);
    },
  });
  if (calcPr) {
    const tag = text.slice(calcPr.start, calcPr.end);
    const value = getAttribute(tag, 'fullCalcOnLoad');
    if (value === '1' || value === 'true') return text;
    return text.slice(0, calcPr.start) + setAttribute(tag, 'fullCalcOnLoad', '1') + text.slice(calcPr.end);
  }
  const at = insertAt ?? closeStart;
  return text.slice(0, at) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + text.slice(at);
}
