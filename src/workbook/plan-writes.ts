import { decimalRound, decimalSumFixed, type Settings } from '../engine';
import { fieldOf } from './fields';
import type { FormRows } from './form-rows';
import type { TableCell } from './header-table';
import { cellText } from './normalize';
import { isBlank, readNumber } from './numbers';
import type { FieldRef } from './issues';
import type { IssueList } from './issue-list';
import type { ResultSlot } from './parse-results';
import type { CellWrite, PlannedValue, WritePlan } from './plan';
import type { SheetFactsBySheet } from './sheet-facts';
import { breakdownRate, type Summary } from './summarize';
import { BASIC_LABEL, NO_WARNINGS, PROJECT_LABEL, type ResultKey } from './vocabulary';

export interface PlanInput {
  results: ResultSlot[];
  summary: Summary;
  settings: Settings;
  issues: IssueList;
  /** Merges and protection of the written sheets, when the host knows them. */
  facts?: SheetFactsBySheet;
  /** The indicator table's places for results (总分, 小计, 自评等级), when it has any. */
  form?: FormRows;
}

/** `0.00%` and `0.00` with 小数位数 = 2; `0%` and `0` with 0. */
export function rateFormat(decimals: number): string {
  return decimals === 0 ? '0%' : '0.' + '0'.repeat(decimals) + '%';
}
export function scoreFormat(decimals: number): string {
  return decimals === 0 ? '0' : '0.' + '0'.repeat(decimals);
}

const number = (text: string): PlannedValue => ({ kind: 'number', text });
const text = (t: string): PlannedValue => ({ kind: 'text', text: t });
const EMPTY: PlannedValue = { kind: 'empty' };
const ratio = (v: string | null): PlannedValue => (v === null ? EMPTY : number(v));

/**
 * The exact output cells and nothing else (writing policy 2–3). An output
 * cell that holds a formula is an error: the user's formula is never overwritten.
 */
export function planWrites(input: PlanInput): WritePlan {
  const { summary, settings, issues } = input;
  const rate = rateFormat(settings.decimals);
  const score = scoreFormat(settings.decimals);
  const writes: CellWrite[] = [];
  const put = (tc: TableCell | undefined, field: FieldRef, value: PlannedValue, numberFormat?: string) => {
    if (!tc) return;
    if (tc.cell.formula) {
      issues.add({ code: 'outputFormula', cell: tc.address, field });
      return;
    }
    writes.push({ address: tc.address, value, numberFormat });
  };

  for (const r of summary.rows) {
    if (r.row.budget && r.row.actual) put(r.row.rateCell, fieldOf('budget', 'rate'), ratio(r.rate), rate);
    if (r.row.initial && r.row.budget) put(r.row.adjustmentCell, fieldOf('budget', 'adjustment'), ratio(r.adjustment), rate);
    if (r.row.isTotal) put(r.row.scoreCell, fieldOf('budget', 'score'), number(summary.report.execution.score), score);
  }
  for (const p of summary.projects) {
    if (p.row.budget && p.row.actual) put(p.row.rateCell, fieldOf('projects', 'rate'), ratio(p.result.rate), rate);
  }
  // One FieldRef per column for every indicator row (issues only read them).
  const rateField = fieldOf('indicators', 'rate');
  const scoreField = fieldOf('indicators', 'score');
  const noteField = fieldOf('indicators', 'note');
  for (const { indicator, result } of summary.indicators) {
    put(indicator.rateCell, rateField, ratio(result.rate), rate);
    put(indicator.scoreCell, scoreField, number(result.score), score);
    put(indicator.noteCell, noteField, text(result.note));
  }

  if (input.form) planFormRows(input.form, summary, settings.decimals, writes, issues);

  const report = summary.report;
  const values: Record<ResultKey, () => [PlannedValue, string | undefined]> = {
    executionRate: () => [number(report.execution.rate), rate],
    executionScore: () => [number(report.execution.score), score],
    indicatorTotal: () => [number(report.indicatorTotal), score],
    total: () => [number(report.total), score],
    max: () => [number(report.max), score],
    grade: () => [text(report.grade), undefined],
    adjustmentRate: () => [ratio(report.adjustmentRate), rate],
    basicRate: () => [ratio(breakdownRate(summary.rows, BASIC_LABEL)), rate],
    projectRate: () => [ratio(breakdownRate(summary.rows, PROJECT_LABEL)), rate],
    // A placeholder: counted below, when every warning of the run is known.
    warnings: () => [EMPTY, undefined],
    totalNote: () => [text(summary.totalNote), undefined],
  };
  for (const slot of input.results) {
    const [value, format] = values[slot.key]();
    put(slot.value, { table: 'results', label: slot.label }, value, format);
  }
  warnSilentWrites(writes, input.facts, issues);
  const count: PlannedValue = issues.warnings.length === 0 ? text(NO_WARNINGS) : number(String(issues.warnings.length));
  for (const slot of input.results) {
    if (slot.key !== 'warnings') continue;
    const write = writes.find((w) => w.address === slot.value.address);
    if (write) write.value = count;
  }
  writes.sort((a, b) =>
    a.address.sheet === b.address.sheet
      ? a.address.row - b.address.row || a.address.col - b.address.col
      : a.address.sheet < b.address.sheet ? -1 : 1,
  );
  return { writes };
}

/**
 * The form's own places for results (forms issue §2): the 总分 row's 得分
 * cell receives the total, a 小计 row's 得分 cell its block's subtotal (the
 * sum of its indicators' rounded scores), the 自评等级 cell the grade. A cell
 * holding the user's formula is left alone; its cached result, rounded to
 * 小数位数 (the grade: its text), is compared with ours — a warning when they differ.
 */
function planFormRows(form: FormRows, summary: Summary, decimals: number, writes: CellWrite[], issues: IssueList): void {
  const format = scoreFormat(decimals);
  const report = summary.report;
  for (const row of form.rows) {
    if (!row.scoreCell) continue;
    const scores = row.members.map((i) => summary.indicators[i].result.score);
    const ours = row.kind === 'grand' ? report.total : decimalSumFixed(scores, decimals);
    // The 一级指标 a 小计 adds up, when its indicators share one.
    const levels = row.members.map((i) => summary.indicators[i].indicator.level1);
    const block = levels.length > 0 && levels.every((l) => l === levels[0]) ? levels[0] : '';
    const tc = row.scoreCell;
    if (!tc.cell.formula) writes.push({ address: tc.address, value: number(ours), numberFormat: format });
    else if (!isBlank(tc.cell)) {
      // A formula without a cached result cannot be checked; Excel computes it.
      const cached = readNumber(tc.cell);
      const shown = cached.kind === 'number' ? decimalRound(cached.number.value, decimals) : cached.kind === 'invalid' ? cached.text : '';
      if (shown !== ours) {
        issues.add({ code: 'formFormulaDiffers', cell: tc.address, place: row.kind === 'grand' ? 'total' : 'subtotal', block, cached: shown, ours });
      }
    }
  }
  const grade = form.gradeCell;
  if (!grade) return;
  if (!grade.cell.formula) writes.push({ address: grade.address, value: text(report.grade) });
  else {
    const cached = cellText(grade.cell.value);
    if (cached !== '' && cached !== report.grade) {
      issues.add({ code: 'formFormulaDiffers', cell: grade.address, place: 'grade', block: '', cached, ours: report.grade });
    }
  }
}

/**
 * Writes that would go wrong without an error, said as warnings (they are
 * still made): an output cell inside a merged area whose top-left is another
 * cell (the value would never show), and an output cell on a protected sheet
 * (Excel would refuse the same edit) — once per sheet, at its first output cell.
 * Counted before 提示 is written, like every other warning.
 */
function warnSilentWrites(writes: CellWrite[], facts: SheetFactsBySheet | undefined, issues: IssueList): void {
  if (!facts) return;
  const warnedSheets = new Set<string>();
  for (const write of writes) {
    const { sheet, row, col } = write.address;
    const sheetFacts = Object.prototype.hasOwnProperty.call(facts, sheet) ? facts[sheet] : undefined;
    if (!sheetFacts) continue;
    if (sheetFacts.protected && !warnedSheets.has(sheet)) {
      warnedSheets.add(sheet);
      issues.add({ code: 'outputSheetProtected', cell: write.address });
    }
    for (const merge of sheetFacts.merges) {
      const inside = row >= merge.row && row < merge.row + merge.rows && col >= merge.col && col < merge.col + merge.cols;
      if (inside && (row !== merge.row || col !== merge.col)) {
        issues.add({ code: 'outputUnderMerge', cell: write.address, merge });
        break;
      }
    }
  }
}
