import type { Snapshot } from '../hosts/excel/apply-plan';
import type { ReportDocument } from '../messages/self-report';
import type { HostError } from '../hosts/excel/host-error';
import type { InsertResult } from '../hosts/excel/insert-template';
import type { ExcelScoreResult } from '../hosts/excel/score-in-excel';
import type { TemplateForm, TemplateKind } from '../hosts/excel/template-layout';
import type { UndoResult } from '../hosts/excel/undo-writes';
import type { BookOutcome } from '../workbook/score-book';
import type { BookIssues } from './issue-views';

export type Busy = 'idle' | 'scoring' | 'undoing' | 'inserting' | 'reporting';
export type PaneAction = 'score' | 'undo' | 'insert' | 'report';

/** What one 生成自评报告 produced: the outcome it scored (read only), the sheet written, or an Excel problem. */
export interface ReportResult {
  outcome: BookOutcome | null;
  hostError: HostError | null;
  /** The new sheet holding the report; null when nothing was written (errors in the workbook, or Excel failed). */
  sheet: string | null;
  /** The report written, for its .docx where the pane may download a file (absent: nothing to offer). */
  doc?: ReportDocument | null;
}

/** Everything the pane shows; changed only by the pure functions below. */
export interface PaneState {
  busy: Busy;
  outcome: BookOutcome | null;
  /** The outcome's issues with their messages (rendered by the engine chunk that scored). */
  issues: BookIssues | null;
  hostError: HostError | null;
  /** The action that failed with hostError (for 重试). */
  failedAction: PaneAction | null;
  /** A short success line: template inserted (the department's, or a project sheet), undo done. */
  notice: { kind: 'inserted'; sheets: string[]; form: TemplateForm } | { kind: 'undone' } | { kind: 'reported'; sheet: string; doc: ReportDocument | null } | null;
  /** Cells written by the last 计算得分 (for 撤销本次计算), or null. */
  snapshot: Snapshot | null;
  /** Indicators whose 计算说明 is open, by their cell text. */
  expanded: { [cell: string]: boolean };
  templateKind: TemplateKind;
  /** 插入模板 adds the department's form (five workbook-scoped names) or one project sheet (its own names). */
  templateForm: TemplateForm;
}

export function initialState(templateKind: TemplateKind = 'blank', templateForm: TemplateForm = 'department'): PaneState {
  return { busy: 'idle', outcome: null, issues: null, hostError: null, failedAction: null, notice: null, snapshot: null, expanded: {}, templateKind, templateForm };
}

const BUSY: { [a in PaneAction]: Busy } = { score: 'scoring', undo: 'undoing', insert: 'inserting', report: 'reporting' };

export function started(state: PaneState, action: PaneAction): PaneState {
  return { ...state, busy: BUSY[action], hostError: null, failedAction: null, notice: null };
}

export function failed(state: PaneState, action: PaneAction, error: HostError): PaneState {
  return { ...state, busy: 'idle', hostError: error, failedAction: action };
}

/** After 计算得分: a new snapshot replaces the old one only when cells were written. */
export function scored(state: PaneState, result: ExcelScoreResult, issues: BookIssues | null): PaneState {
  const next: PaneState = {
    ...state,
    busy: 'idle',
    outcome: result.outcome || state.outcome,
    issues: result.outcome ? issues : state.issues,
    hostError: result.hostError,
    failedAction: result.hostError ? 'score' : null,
    expanded: result.outcome ? {} : state.expanded,
  };
  if (result.snapshot) next.snapshot = result.snapshot;
  return next;
}

export function undone(state: PaneState, result: UndoResult): PaneState {
  if (!result.ok) return failed(state, 'undo', result.error);
  return { ...state, busy: 'idle', snapshot: null, outcome: null, issues: null, notice: { kind: 'undone' } };
}

export function inserted(state: PaneState, result: InsertResult, form: TemplateForm = 'department'): PaneState {
  if (!result.ok) return failed(state, 'insert', result.error);
  return { ...state, busy: 'idle', notice: { kind: 'inserted', sheets: result.sheets, form } };
}

/** After 生成自评报告: its outcome is shown (with the errors that kept the report from being written); the undo snapshot stays. */
export function reported(state: PaneState, result: ReportResult, issues: BookIssues | null): PaneState {
  const next: PaneState = {
    ...state,
    busy: 'idle',
    outcome: result.outcome || state.outcome,
    issues: result.outcome ? issues : state.issues,
    hostError: result.hostError,
    failedAction: result.hostError ? 'report' : null,
    expanded: result.outcome ? {} : state.expanded,
  };
  if (result.sheet) next.notice = { kind: 'reported', sheet: result.sheet, doc: result.doc ?? null };
  return next;
}

export function toggled(state: PaneState, cell: string): PaneState {
  const expanded = { ...state.expanded };
  expanded[cell] = !expanded[cell];
  return { ...state, expanded };
}

export function withTemplateKind(state: PaneState, templateKind: TemplateKind): PaneState {
  return { ...state, templateKind };
}

export function withTemplateForm(state: PaneState, templateForm: TemplateForm): PaneState {
  return { ...state, templateForm };
}

/**
 * A grade's level (0 = the best) → a CSS modifier: with the default grades
 * 优 / 良 / 中 / 差 → excellent / good / pass / fail; the lowest grade is
 * always `fail`, whatever number of grades local rules define.
 */
export function gradeClass(level: number, levels: number): string {
  if (level >= levels - 1) return 'grade--fail';
  return 'grade--' + (['excellent', 'good', 'pass'][level] || 'pass');
}

/** Number of cells the last run wrote. */
export function writtenCount(snapshot: Snapshot | null): number {
  if (!snapshot) return 0;
  let n = 0;
  for (const b of snapshot.blocks) n += b.rows * b.cols;
  return n;
}
