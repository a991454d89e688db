import type { CellAddress, RangeAddress } from './address';
import type { CellInput } from './cells';
import { EMPTY_CELL } from './cells';
import type { TableCell } from './header-table';
import { cellText, normalizeHeader } from './normalize';
import { GRADE_CELL_LABELS, GRAND_TOTAL_LABELS, SUBTOTAL_LABEL, TABLE_TOTAL_LABELS } from './vocabulary';

/**
 * The rows of the indicator table that are not indicators but places for
 * results (forms issue §2): the national form's last row `总分 | 100 | 得分`
 * (the grand total) and the `小计` row of a 一级指标 block. Both are read past
 * like 合计; their 得分 cell receives the total or the block's subtotal
 * (plan-writes.ts), unless it holds the user's formula.
 */
export interface FormRow {
  kind: 'grand' | 'subtotal';
  /** The cell holding the row's label (总分, 小计). */
  label: CellAddress;
  /** The row's 得分 cell; absent when the table has no 得分 column. */
  scoreCell?: TableCell;
  /** The indicators (indices in the order read) whose scores the row adds up: every one for 总分. */
  members: number[];
}

export type TotalKind = 'grand' | 'subtotal' | 'total';

const GRAND = new Set(GRAND_TOTAL_LABELS.map(labelKey));
const SUBTOTAL = labelKey(SUBTOTAL_LABEL);
const TOTALS = new Set(TABLE_TOTAL_LABELS.map(labelKey));
const GRADE = new Set(GRADE_CELL_LABELS.map(labelKey));

/** A label as matched: the header normalization, then a trailing colon (`总分：`, `自评等级:`) dropped. */
function labelKey(text: string): string {
  const key = normalizeHeader(text);
  const last = key.charCodeAt(key.length - 1);
  return last === 0x3a || last === 0xff1a ? key.slice(0, -1) : key;
}

/** What a label makes its row: the grand total, a block's subtotal, another total row (合计, 总计: v1), or nothing. */
export function totalKind(text: string): TotalKind | null {
  if (text === '') return null;
  const key = labelKey(text);
  if (GRAND.has(key)) return 'grand';
  if (key === SUBTOTAL) return 'subtotal';
  return TOTALS.has(key) ? 'total' : null;
}

/**
 * Collects the form's result rows while the indicator table is read, in
 * order: a 小计 adds up the indicators above it back to the previous 小计
 * (or the top of the table) — in the national form, where each 一级指标 block
 * ends with its 小计, that is the block — and, once the grand total is met,
 * the cell that receives the grade.
 */
export class FormRows {
  readonly rows: FormRow[] = [];
  /** The value cell of a 自评等级 / 评价等级 label beside or below the grand-total row, or null. */
  gradeCell: TableCell | null = null;
  private covered = 0;

  /** True once the grand-total row was read: the rows below it are no indicators. */
  get ended(): boolean {
    return this.grand !== null;
  }

  /** The grand-total row, when the table has one. */
  get grand(): FormRow | null {
    // Asked at every row of the table: a loop, no array made.
    for (const r of this.rows) if (r.kind === 'grand') return r;
    return null;
  }

  /** The total has a place in the form: a 总分 row with a 得分 cell (评价结果 is then optional). */
  get totalHasPlace(): boolean {
    const grand = this.grand;
    return grand !== null && grand.scoreCell !== undefined;
  }

  /** A 总分 or 小计 row, read after `count` indicators. */
  add(kind: 'grand' | 'subtotal', label: CellAddress, scoreCell: TableCell | undefined, count: number): void {
    const from = kind === 'grand' ? 0 : this.covered;
    const members: number[] = [];
    for (let i = from; i < count; i++) members.push(i);
    this.rows.push({ kind, label, scoreCell, members });
    if (kind === 'subtotal') this.covered = count;
  }

  /**
   * Looks for a grade label in a row from the grand-total row down (`r`: the
   * row's index in the range). The grade goes to the cell right of the label;
   * in a row below the total, a label left of the 得分 column gives its grade
   * to that row's 得分 cell (`自评等级 | … | 良` under `总分 | … | 85.00`). Never
   * the grand total's own 得分 cell.
   */
  findGrade(range: RangeAddress, cells: CellInput[][], r: number, scoreColumn: number | undefined): void {
    if (this.gradeCell) return;
    const line = cells[r] || [];
    const grandRow = this.grand ? this.grand.label.row - range.row : -1;
    for (let c = 0; c < range.cols; c++) {
      if (!GRADE.has(labelKey(cellText((line[c] || EMPTY_CELL).value)))) continue;
      const target = r !== grandRow && scoreColumn !== undefined && c < scoreColumn ? scoreColumn : c + 1;
      if (target >= range.cols || (r === grandRow && target === scoreColumn)) return;
      this.gradeCell = { cell: line[target] || EMPTY_CELL, address: { sheet: range.sheet, row: range.row + r, col: range.col + target } };
      return;
    }
  }
}
