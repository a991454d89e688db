import type { NameResolution } from './cells';
import { at, type TableCell } from './header-table';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader } from './normalize';
import { describeRangeProblem } from './range-problems';
import { formatRange } from './address';
import { RESULT_LABELS, type ResultKey } from './vocabulary';

export interface ResultSlot {
  key: ResultKey;
  label: string;
  /** The value cell beside the label: the only cell written. */
  value: TableCell;
}

const LABELS = new Map<string, ResultKey>();
for (const r of RESULT_LABELS) for (const l of [r.label, ...r.aliases]) LABELS.set(normalizeHeader(l), r.key);

/** `评价结果` (required, label–value pairs): recognised labels get their value cell written. */
export function parseResults(resolution: NameResolution, issues: IssueList): ResultSlot[] | null {
  if (resolution.kind !== 'range') {
    describeRangeProblem('评价结果', resolution, issues);
    return null;
  }
  const { range, cells } = resolution;
  if (range.cols < 2) {
    issues.atName('rangeTooSmall', '评价结果', { range: formatRange(range), need: '需要两列：项目名称和结果' });
    return null;
  }
  const slots: ResultSlot[] = [];
  const before = issues.errors.length;
  for (let r = 0; r < range.rows; r++) {
    const label = cellText(cells[r][0].value);
    if (label === '') continue;
    const key = LABELS.get(normalizeHeader(label));
    if (!key) {
      issues.atCell('resultUnknownLabel', at(range, r, 0), { text: label });
      continue;
    }
    const value = { cell: cells[r][1], address: at(range, r, 1) };
    if (value.cell.formula) issues.atCell('outputFormula', value.address, { field: label });
    slots.push({ key, label, value });
  }
  return issues.errors.length > before ? null : slots;
}
