import { formatCell, formatRange } from '../../workbook/address';
import type { IssueView } from '../issue-views';
import { chosenFile, readingProgress, scoredReady, STANDALONE_UI as S, workbookErrors } from '../../messages/standalone-ui';
import type { Child } from '../dom';
import { bookSections, h, on, rebuild, scoredLine, UI } from '../render-pane';
import { SAMPLE_FILES } from './sample-files';
import { progressPercent, type StandaloneState } from './standalone-state';

export interface StandaloneHandlers {
  choose(file: File): void;
  score(): void;
  /** 按建议的名称计分: scores the workbook with the proposed names (forms issue §3). */
  scoreNamed(): void;
  toggle(cell: string): void;
  /** Called when 下载已评分工作簿 is clicked; returns true when it saved the file itself (old Edge/IE). */
  save(): boolean;
  /** 生成自评报告: the scored workbook's report as .docx. */
  report(): void;
}

/**
 * No workbook to select a cell in: the cells a message names are set off as
 * labels where the message names them (messages begin with their cell).
 */
export function issueWithAddress(issue: IssueView): HTMLElement {
  const parts = issue.message.map((part) => {
    if (typeof part === 'string') return part;
    if ('cell' in part) return h('span', { class: 'issue__cell' }, [formatCell(part.cell)]);
    return formatRange(part.range);
  });
  return h('span', { class: 'issue__text' }, parts);
}

function picker(state: StandaloneState, handlers: StandaloneHandlers): HTMLElement {
  const busy = state.stage !== 'idle';
  const input = h('input', {
    type: 'file',
    id: 'file',
    class: 'picker__input',
    'data-focus': 'file',
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    disabled: busy,
  }) as HTMLInputElement;
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    if (file) handlers.choose(file);
  });
  return h('section', { class: 'card picker no-print' + (state.dragging ? ' picker--dragging' : ''), id: 'standalone', 'aria-labelledby': 'picker-title' }, [
    h('h2', { id: 'picker-title' }, [S.chooseTitle]),
    h('p', { class: 'picker__hint' }, [state.dragging ? S.dropHere : S.dropHint]),
    input,
    h('label', { class: 'btn picker__button' + (busy ? ' btn--disabled' : ''), for: 'file' }, [S.chooseButton]),
    h('p', { class: 'picker__file', id: 'chosen' }, [state.file ? chosenFile(state.file.name, state.file.size) : S.noFile]),
  ]);
}

function stageText(state: StandaloneState): string {
  switch (state.stage) {
    case 'reading':
      return readingProgress(state.readPercent);
    case 'parsing':
      return S.parsing;
    case 'scoring':
      return S.scoring;
    case 'writing':
      return S.writing;
    case 'idle':
      return '';
  }
}

function progress(state: StandaloneState): HTMLElement {
  const percent = progressPercent(state);
  const bar = h('div', { class: 'progress__bar' });
  // CSSOM, not a style attribute: the page's CSP has no 'unsafe-inline'.
  bar.style.width = percent + '%';
  return h('div', { class: 'progress', id: 'progress' }, [
    h('p', { class: 'progress__text' }, [stageText(state)]),
    h('div', { class: 'progress__track', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(percent), 'aria-label': stageText(state) }, [bar]),
  ]);
}

function statusArea(state: StandaloneState): HTMLElement {
  const children: Child[] = [];
  if (state.stage !== 'idle') {
    children.push(progress(state));
  } else if (state.fileError) {
    children.push(h('div', { class: 'message message--error', id: 'file-error' }, [h('strong', null, [S.fileErrorTitle]), h('p', null, [state.fileError])]));
  } else if (state.outcome && state.outcome.errors.length > 0) {
    children.push(h('p', { class: 'message message--error' }, [workbookErrors(state.outcome.errors.length)]));
  } else if (state.outcome && state.download) {
    children.push(h('p', { class: 'message message--success' }, [scoredReady(scoredLine(state.outcome), state.download.name)]));
  }
  return h('div', { class: 'status no-print', role: 'status', 'aria-live': 'polite' }, children);
}

function actions(state: StandaloneState, handlers: StandaloneHandlers): HTMLElement {
  const busy = state.stage !== 'idle';
  const score = on(
    h('button', { type: 'button', class: 'btn btn--primary', id: 'score', 'data-focus': 'score', disabled: busy || !state.file, 'aria-busy': busy ? 'true' : 'false' }, [
      busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
      busy ? UI.scoring : S.score,
    ]),
    handlers.score,
  );
  let download: HTMLElement | null = null;
  if (state.download && !busy) {
    download = h('a', { class: 'btn', id: 'download', 'data-focus': 'download', href: state.download.url, download: state.download.name }, [S.download]);
    download.addEventListener('click', (event) => {
      if (handlers.save()) event.preventDefault();
    });
  }
  // 生成自评报告 once the workbook scored without errors (the report is made from that outcome).
  const report =
    state.download && !busy && state.outcome && state.outcome.errors.length === 0
      ? on(h('button', { type: 'button', class: 'btn', id: 'report', 'data-focus': 'report' }, [S.report]), handlers.report)
      : null;
  // 打印结果: the browser's print dialog, with the print view of taskpane.css (A4, the heading on top).
  const print =
    state.outcome && state.outcome.errors.length === 0 && !busy
      ? on(h('button', { type: 'button', class: 'btn', id: 'print', 'data-focus': 'print' }, [S.print]), () => window.print())
      : null;
  return h('div', { class: 'actions no-print' }, [score, download, report, print]);
}

/** A workbook without names: what the headers show, and the button that scores it with the proposed names. */
function proposal(state: StandaloneState, handlers: StandaloneHandlers): HTMLElement | null {
  const found = state.proposal;
  if (!found || state.stage !== 'idle') return null;
  const button = found.ready
    ? on(h('button', { type: 'button', class: 'btn btn--primary', id: 'score-named', 'data-focus': 'score-named' }, [S.scoreWithNames]), handlers.scoreNamed)
    : null;
  return h('section', { class: 'card proposal', id: 'proposal', 'aria-labelledby': 'proposal-title' }, [
    h('h2', { id: 'proposal-title' }, [S.proposalTitle]),
    h('ul', { class: 'proposal__lines' }, found.lines.map((line) => h('li', null, [line]))),
    h('p', { class: 'proposal__hint' }, [found.ready ? S.proposalReady : S.proposalBlocked]),
    button,
  ]);
}

function samples(): HTMLElement {
  const link = (href: string, text: string) => h('a', { class: 'samples__link', href, download: text }, [text]);
  return h('section', { class: 'card samples no-print' }, [
    h('h2', null, [S.samplesTitle]),
    h('p', { class: 'samples__text' }, [S.samplesText]),
    h('ul', { class: 'samples__list' }, [
      h('li', null, [link(SAMPLE_FILES.template, S.template)]),
      h('li', null, [link(SAMPLE_FILES.example, S.example)]),
      h('li', null, [link(SAMPLE_FILES.projectTemplate, S.projectTemplate)]),
    ]),
  ]);
}

/** Renders the whole standalone page from its state, with the Excel pane's result card, issue lists and indicator list. */
export function renderStandalone(root: HTMLElement, state: StandaloneState, handlers: StandaloneHandlers): void {
  const outcome = state.outcome;
  rebuild(
    root,
    h('div', { class: 'pane pane--standalone' }, [
      h('header', { class: 'pane__header no-print' }, [h('h1', null, [UI.title]), h('p', { class: 'intro' }, [S.intro])]),
      picker(state, handlers),
      actions(state, handlers),
      statusArea(state),
      proposal(state, handlers),
      ...(outcome && state.issues ? bookSections(outcome, state.issues, state.expanded, handlers.toggle, null, issueWithAddress) : []),
      samples(),
    ]),
  );
}
