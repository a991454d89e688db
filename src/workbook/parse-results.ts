import type { NameResolution } from './cells';
import { at, type TableCell } from './header-table';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader } from './normalize';
import { describeRangeProblem } from './range-problems';
import { RESULT_LABELS, type ResultKey, NAME } from './vocabulary';

export interface ResultSlot {
  key: ResultKey;
  /** The label as the user wrote it. */
  label: string;
  /** The value cell beside the label: the only cell written. */
  value: TableCell;
}

const LABELS = new Map<string, ResultKey>();
for (const r of RESULT_LABELS) for (const l of [r.label, ...r.aliases]) LABELS.set(normalizeHeader(l), r.key);

/**
 * `评价结果` (label–value pairs): recognised labels get their value cell
 * written. Required, unless `optional` — the form has a place for the total
 * (a 总分 row, forms issue §2) — and the name is missing: then there is none.
 */
export function parseResults(resolution: NameResolution, issues: IssueList, optional = false): ResultSlot[] | null {
  if (optional && resolution.kind === 'missing') return [];
  if (resolution.kind !== 'range') {
    describeRangeProblem(NAME.results, resolution, issues);
    return null;
  }
  const { range, cells } = resolution;
  if (range.cols < 2) {
    issues.add({ code: 'rangeTooSmall', name: NAME.results, range, need: 'labelValue' });
    return null;
  }
  const slots: ResultSlot[] = [];
  const before = issues.errorCount;
  for (let r = 0; r < range.rows; r++) {
    const label = cellText(cells[r][0].value);
    if (label === '') continue;
    const key = LABELS.get(normalizeHeader(label));
    if (!key) {
      issues.add({ code: 'resultUnknownLabel', cell: at(range, r, 0), text: label });
      continue;
    }
    const value = { cell: cells[r][1], address: at(range, r, 1) };
    if (value.cell.formula) issues.add({ code: 'outputFormula', cell: value.address, field: { table: 'results', label } });
    slots.push({ key, label, value });
  }
  // Scoring without writing a single result is a surprise worth a word.
  if (slots.length === 0) issues.add({ code: 'resultsNoLabel', name: NAME.results });
  return issues.errorCount > before ? null : slots;
}
