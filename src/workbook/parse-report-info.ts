import type { CellAddress } from './address';
import type { NameResolution } from './cells';
import { at } from './header-table';
import type { IssueList } from './issue-list';
import { cellText, displayText, normalizeHeader } from './normalize';
import { REPORT_KINDS, REPORT_LABELS, type ReportBlockKey, type ReportKind, type ReportLabelKey } from './vocabulary';

/** A 报告信息 fact or block as written, with its cell (where the report's text comes from). */
export interface ReportText {
  /** Paragraphs: the cell's lines, and the lines of later rows with the same label, blank ones dropped. */
  paragraphs: string[];
  address: CellAddress;
}

/** What 报告信息 says: facts and free-text blocks, each absent when not written. */
export interface ReportInfo {
  unit: string | null;
  year: string | null;
  kind: ReportKind;
  /** True when 评价类型 was written and recognised (else the department's outline is the default). */
  kindGiven: boolean;
  project: string | null;
  blocks: Partial<Record<ReportBlockKey, ReportText>>;
}

const LABELS = new Map<string, ReportLabelKey>();
for (const s of REPORT_LABELS) for (const l of [s.label, ...s.aliases]) LABELS.set(normalizeHeader(l), s.key);
const KINDS = new Map<string, ReportKind>();
// for…in, not Object.entries: this runs in the IE11 webview of Office 2016 too.
for (const word in REPORT_KINDS) KINDS.set(normalizeHeader(word), REPORT_KINDS[word as keyof typeof REPORT_KINDS]);

export const EMPTY_REPORT_INFO: ReportInfo = { unit: null, year: null, kind: 'department', kindGiven: false, project: null, blocks: {} };

/**
 * `报告信息` (optional, label–value pairs like 评分规则): the facts and the
 * free text of the 自评报告. Never an error — the report only reads it — and
 * absent, it changes nothing: an unknown label or 评价类型 warns, as 评分规则's do.
 * A name that is no range is read as absent (scoring never needs it).
 */
export function parseReportInfo(resolution: NameResolution | undefined, issues: IssueList): ReportInfo {
  if (!resolution || resolution.kind !== 'range' || resolution.range.cols < 2) return EMPTY_REPORT_INFO;
  const { range, cells } = resolution;
  const texts = new Map<ReportLabelKey, ReportText>();
  const order: ReportLabelKey[] = [];
  let kindCell: { text: string; address: CellAddress } | null = null;
  for (let r = 0; r < range.rows; r++) {
    const label = cellText(cells[r][0].value);
    if (label === '') continue;
    const key = LABELS.get(normalizeHeader(label));
    if (!key) {
      issues.add({ code: 'reportLabelUnknown', cell: at(range, r, 0), text: label });
      continue;
    }
    // As written (no NFKC): the report quotes the author's own punctuation.
    const lines = displayText(cells[r][1].value)
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    if (key === 'kind' && !kindCell) kindCell = { text: lines.join(''), address: at(range, r, 1) };
    const known = texts.get(key);
    if (known) known.paragraphs.push(...lines);
    else {
      texts.set(key, { paragraphs: lines, address: at(range, r, 1) });
      order.push(key);
    }
  }
  const fact = (key: ReportLabelKey): string | null => texts.get(key)?.paragraphs.join('') ?? null;
  let kind: ReportKind = 'department';
  let kindGiven = false;
  if (kindCell) {
    const found = KINDS.get(normalizeHeader(kindCell.text));
    if (found) {
      kind = found;
      kindGiven = true;
    } else issues.add({ code: 'reportKindUnknown', cell: kindCell.address, text: kindCell.text });
  }
  const blocks: Partial<Record<ReportBlockKey, ReportText>> = {};
  for (const key of order) {
    if (key !== 'unit' && key !== 'year' && key !== 'kind' && key !== 'project') blocks[key] = texts.get(key);
  }
  return { unit: fact('unit'), year: fact('year'), kind, kindGiven, project: fact('project'), blocks };
}
