import type { BookOutcome } from '../../workbook/score-book';
import type { BookIssues } from '../issue-views';

/** What the page is doing: reading the file, parsing the workbook, scoring, writing the scored copy. */
export type Stage = 'idle' | 'reading' | 'parsing' | 'scoring' | 'writing';

/** Everything the standalone page shows; changed only by the pure functions below. */
export interface StandaloneState {
  file: { name: string; size: number } | null;
  stage: Stage;
  /** Share of the file read so far, 0–100 (while reading). */
  readPercent: number;
  /** The last run's outcome (result, warnings, workbook errors), or null. */
  outcome: BookOutcome | null;
  /** The outcome's issues with their messages. */
  issues: BookIssues | null;
  /** A problem with the file itself (not an xlsx, encrypted, …): the Chinese message. */
  fileError: string | null;
  /** The scored workbook, ready to save; null on errors. */
  download: { name: string; url: string } | null;
  /** Indicators whose 计算说明 is open, by their cell text. */
  expanded: { [cell: string]: boolean };
  /** A file is being dragged over the page. */
  dragging: boolean;
  /** The workbook has no names: the tables found and whether 按建议的名称计分 can run (forms issue §3). */
  proposal: { lines: string[]; ready: boolean } | null;
}

export function initialStandaloneState(): StandaloneState {
  return { file: null, stage: 'idle', readPercent: 0, outcome: null, issues: null, fileError: null, download: null, expanded: {}, dragging: false, proposal: null };
}

/** A new file: the previous result and download no longer apply. */
export function fileChosen(state: StandaloneState, file: { name: string; size: number }): StandaloneState {
  return { ...state, file: { name: file.name, size: file.size }, stage: 'idle', readPercent: 0, outcome: null, issues: null, fileError: null, download: null, expanded: {}, dragging: false, proposal: null };
}

export function stageStarted(state: StandaloneState, stage: Stage): StandaloneState {
  const fresh = stage === 'reading' ? { outcome: null, issues: null, fileError: null, download: null, expanded: {}, readPercent: 0, proposal: null } : {};
  return { ...state, ...fresh, stage };
}

export function readProgress(state: StandaloneState, loaded: number, total: number): StandaloneState {
  const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
  return percent === state.readPercent ? state : { ...state, readPercent: percent };
}

export function fileFailed(state: StandaloneState, message: string): StandaloneState {
  return { ...state, stage: 'idle', fileError: message, outcome: null, issues: null, download: null, proposal: null };
}

/** Scored: with the download when the workbook had no errors and the scored copy was written. */
export function standaloneScored(
  state: StandaloneState,
  outcome: BookOutcome,
  issues: BookIssues,
  download: { name: string; url: string } | null,
): StandaloneState {
  return { ...state, stage: 'idle', outcome, issues, fileError: null, download, expanded: {}, proposal: null };
}

/** A workbook without names: the proposal, shown with the outcome's nameMissing errors. */
export function proposalFound(state: StandaloneState, proposal: { lines: string[]; ready: boolean }): StandaloneState {
  return { ...state, proposal };
}

export function noteToggled(state: StandaloneState, cell: string): StandaloneState {
  const expanded = { ...state.expanded };
  expanded[cell] = !expanded[cell];
  return { ...state, expanded };
}

export function draggingChanged(state: StandaloneState, dragging: boolean): StandaloneState {
  return state.dragging === dragging ? state : { ...state, dragging };
}

/** Overall progress for the bar: reading is the first half, the other stages follow. */
export function progressPercent(state: StandaloneState): number {
  switch (state.stage) {
    case 'reading':
      return Math.round(state.readPercent / 2);
    case 'parsing':
      return 55;
    case 'scoring':
      return 75;
    case 'writing':
      return 90;
    case 'idle':
      return 0;
  }
}

/** `自评表.xlsx` → `自评表.scored.xlsx` (the CLI's default name). */
export function scoredName(name: string): string {
  const base = name.replace(/\.xlsx$/i, '');
  return (base || 'workbook') + '.scored.xlsx';
}
