import type { Snapshot } from '../hosts/excel/apply-plan';
import type { ReportDocument } from '../messages/self-report';
import type { HostError } from '../hosts/excel/host-error';
import type { InsertResult } from '../hosts/excel/insert-template';
import type { ExcelProposal } from '../hosts/excel/detect-in-excel';
import type { ExcelScoreResult } from '../hosts/excel/score-in-excel';
import type { ProposalMode, ProposalScoreResult } from '../hosts/excel/score-proposal';
import type { TemplateForm, TemplateKind } from '../hosts/excel/template-layout';
import type { UndoResult } from '../hosts/excel/undo-writes';
import type { BookOutcome } from '../workbook/score-book';
import type { BookIssues } from './issue-views';
import type { ProposalView } from './proposal-view';

export type Busy = 'idle' | 'scoring' | 'undoing' | 'inserting' | 'reporting' | 'confirming';
export type PaneAction = 'score' | 'undo' | 'insert' | 'report' | 'confirm';

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
  /** 识别表格: what 计算得分 found in a workbook without names, until it is scored (设定名称并计算). */
  proposal?: ExcelProposal | null;
  /** Its text (made by the engine chunk, with the detection's messages). */
  proposalView?: ProposalView | null;
  /** The proposal was found again after the workbook changed since 识别表格. */
  proposalChanged?: boolean;
  /** How the last 设定名称并计算 scored: names added (ExcelApi 1.4) or the tables alone (1.1). */
  proposalMode?: ProposalMode | null;
  /** The number of names it added. */
  namesAdded?: number;
}

export function initialState(templateKind: TemplateKind = 'blank', templateForm: TemplateForm = 'department'): PaneState {
  return { busy: 'idle', outcome: null, issues: null, hostError: null, failedAction: null, notice: null, snapshot: null, expanded: {}, templateKind, templateForm };
}

const BUSY: { [a in PaneAction]: Busy } = { score: 'scoring', undo: 'undoing', insert: 'inserting', report: 'reporting', confirm: 'confirming' };

export function started(state: PaneState, action: PaneAction): PaneState {
  return { ...state, busy: BUSY[action], hostError: null, failedAction: null, notice: null, proposalMode: null, proposalChanged: false };
}

export function failed(state: PaneState, action: PaneAction, error: HostError): PaneState {
  return { ...state, busy: 'idle', hostError: error, failedAction: action };
}

/** After 计算得分: a new snapshot replaces the old one only when cells were written. */
export function scored(state: PaneState, result: ExcelScoreResult, issues: BookIssues | null, view: ProposalView | null = null): PaneState {
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
  // A workbook without names: its proposal replaces the last result (nothing was scored).
  if (result.proposal) return { ...next, proposal: result.proposal, proposalView: view, outcome: null, issues: null };
  if (result.outcome) {
    next.proposal = null;
    next.proposalView = null;
  }
  return next;
}

/** After 设定名称并计算: scored (the proposal is done), or the proposal found again when the workbook changed. */
export function proposalScored(state: PaneState, result: ProposalScoreResult, issues: BookIssues | null, view: ProposalView | null): PaneState {
  const next = scored(state, { ...result, proposal: null }, issues);
  if (result.hostError) return { ...next, failedAction: 'confirm', proposal: state.proposal, proposalView: state.proposalView };
  if (result.proposal) return { ...next, proposal: result.proposal, proposalView: view, proposalChanged: true, outcome: null, issues: null };
  const count = result.snapshot && result.snapshot.addedNames ? result.snapshot.addedNames.length : 0;
  return { ...next, proposal: null, proposalView: null, proposalMode: result.mode, namesAdded: count };
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
