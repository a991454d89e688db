import { formatCell, formatRange, type CellAddress, type RangeAddress } from '../workbook/address';
import { messageText } from '../messages/message';
import type { IndicatorResult, ScoreSummary } from '../workbook/report';
import type { BookOutcome } from '../workbook/score-book';
import type { BookIssues, IssueView } from './issue-views';
import type { TemplateForm, TemplateKind } from '../hosts/excel/template-layout';
import { isRetryable } from '../hosts/excel/host-error';
import {
  countedTitle, DETECT_UI, errorCount, errorTally, executionLine, hostErrorMessage, percentText, evaluationName, projectInserted, reportWritten, scoredEvaluations, scoredSummary, templateInserted, UI, warningCount, writtenCells,
} from '../messages/excel-ui';
import { type Child, clear, h } from './dom';
import { blockHead, budgetTable, indicatorCell, indicatorMarks, indicatorsByBlock, printHeading, projectTable, scoreBar, totalAdjustments } from './result-views';

// What the standalone chunk uses from the pane, from this one module (each module of the pane's first
// load that another chunk imports costs the first load a module wrapper).
export { h, UI };
import { gradeClass, type PaneState, writtenCount } from './pane-state';

export interface PaneHandlers {
  score(): void;
  retry(): void;
  undo(): void;
  insertTemplate(): void;
  /** 生成自评报告: the report into a new sheet (absent: no button, as on the standalone page, which has its own). */
  report?(): void;
  /** 下载 Word 文档: the report just written, as .docx (absent where the pane's web view cannot download a file). */
  downloadReport?(): void;
  chooseTemplate(kind: TemplateKind): void;
  chooseTemplateForm(form: TemplateForm): void;
  select(cell: CellAddress): void;
  /** 识别表格: selects a found table's range in Excel. */
  selectRange?(range: RangeAddress): void;
  /** 设定名称并计算 (ExcelApi 1.4), or on ExcelApi 1.1 按这些表格计算. */
  confirmProposal?(): void;
  toggle(cell: string): void;
}

/** Selects a cell in the workbook; null where there is no workbook to select in (standalone page). */
export type SelectCell = ((cell: CellAddress) => void) | null;

export function on(el: HTMLElement, handler: () => void): HTMLElement {
  el.addEventListener('click', (event) => {
    event.preventDefault();
    handler();
  });
  return el;
}

function statusArea(state: PaneState, handlers: PaneHandlers): HTMLElement {
  const children: Child[] = [];
  if (state.hostError) {
    children.push(h('p', { class: 'message message--error' }, [hostErrorMessage(state.hostError)]));
    if (isRetryable(state.hostError)) children.push(on(h('button', { type: 'button', class: 'btn', 'data-focus': 'retry' }, [UI.retry]), handlers.retry));
  } else if (state.notice && state.notice.kind === 'inserted') {
    const notice = state.notice;
    children.push(h('p', { class: 'message message--success' }, [notice.form === 'project' ? projectInserted(notice.sheets) : templateInserted(notice.sheets)]));
  } else if (state.notice && state.notice.kind === 'reported') {
    children.push(h('p', { class: 'message message--success' }, [reportWritten(state.notice.sheet)]));
    if (handlers.downloadReport && state.notice.doc) {
      children.push(on(h('button', { type: 'button', class: 'btn', id: 'report-docx', 'data-focus': 'report-docx' }, [UI.reportDocx]), handlers.downloadReport));
    }
  } else if (state.notice && state.notice.kind === 'undone') {
    children.push(h('p', { class: 'message message--success' }, [UI.undone]));
  } else if (state.outcome && state.outcome.errors.length > 0) {
    children.push(h('p', { class: 'message message--error' }, [errorCount(state.outcome.errors.length) + UI.notScored]));
  } else if (state.outcome && state.snapshot) {
    children.push(h('p', { class: 'message message--success' }, [scoredLine(state.outcome) + writtenCells(writtenCount(state.snapshot))]));
    if (state.proposalMode === 'namesAdded') children.push(h('p', { class: 'message message--success' }, [DETECT_UI.namesAdded(state.namesAdded || 0)]));
    if (state.proposalMode === 'tablesOnly') children.push(h('p', { class: 'message message--warning' }, [DETECT_UI.tablesOnly]));
  } else if (state.proposalChanged) {
    children.push(h('p', { class: 'message message--warning' }, [DETECT_UI.changed]));
  }
  return h('div', { class: 'status no-print', role: 'status', 'aria-live': 'polite' }, children);
}

export function resultCard(summary: ScoreSummary): HTMLElement {
  const e = summary.execution;
  return h('section', { class: 'card result', 'aria-label': UI.total }, [
    h('div', { class: 'result__total' }, [
      h('span', { class: 'result__label' }, [UI.total]),
      h('span', { class: 'result__value' }, [summary.total]),
      h('span', { class: 'result__max' }, [' / ' + summary.max + ' ' + UI.maxScore]),
    ]),
    h('div', { class: 'result__grade' }, [
      h('span', { class: 'result__label' }, [UI.grade]),
      h('span', { class: 'grade ' + gradeClass(summary.gradeLevel, summary.gradeScale.length) }, [summary.grade]),
    ]),
    h('div', { class: 'result__execution' }, [
      h('span', { class: 'result__label' }, [UI.executionRate]),
      h('span', null, [executionLine(e.rate, e.score, e.weight)]),
    ]),
    summary.preset === null
      ? null
      : h('div', { class: 'result__preset' }, [h('span', { class: 'result__label' }, [UI.preset]), h('span', null, [summary.preset])]),
    totalAdjustments(summary),
  ]);
}

/** In Excel an issue with a cell is a link that selects the cell. */
function selectableIssue(issue: IssueView, select: (cell: CellAddress) => void): HTMLElement {
  const cell = issue.cell;
  const text = messageText(issue.message);
  return cell
    ? on(h('button', { type: 'button', class: 'issue__link', title: UI.clickToSelect }, [text]), () => select(cell))
    : h('span', null, [text]);
}

/** The list of errors or warnings; `body` renders one issue. */
export function issueList(
  title: string,
  issues: IssueView[],
  kind: 'error' | 'warning',
  body: (issue: IssueView) => HTMLElement,
): HTMLElement | null {
  if (issues.length === 0) return null;
  const items = issues.map((issue) => h('li', { class: 'issue issue--' + kind }, [body(issue)]));
  return h('section', { class: 'card issues issues--' + kind }, [
    h('h2', null, [kind === 'warning' ? warningCount(issues.length) : countedTitle(title, issues.length)]),
    h('ul', { class: 'issues__list' }, items),
  ]);
}

/** The key of an indicator in the pane's state (which notes are open) and in data-focus. */
export function indicatorKey(ind: IndicatorResult): string {
  return formatCell(ind.address);
}

function indicatorItem(ind: IndicatorResult, open: boolean, toggle: (cell: string) => void, select: SelectCell): HTMLElement {
  const noteId = 'note-' + ind.address.row + '-' + ind.address.col;
  const key = indicatorKey(ind);
  return h('li', { class: 'indicator' }, [
    h('div', { class: 'indicator__row' }, [
      select
        ? on(h('button', { type: 'button', class: 'indicator__name', title: UI.clickToSelect }, [ind.name]), () => select(ind.address))
        : h('span', { class: 'indicator__name' }, [ind.name, ' ', indicatorCell(ind)]),
      h('span', { class: 'indicator__rate', title: UI.indicatorRate }, [percentText(ind.rate)]),
      h('span', { class: 'indicator__score', title: UI.indicatorScore }, [ind.score + '/' + ind.weight]),
    ]),
    scoreBar(ind.score, ind.weight),
    h('div', { class: 'indicator__meta' }, [
      on(
        h('button', { type: 'button', class: 'indicator__toggle no-print', 'data-focus': 'toggle:' + key, 'aria-expanded': open ? 'true' : 'false', 'aria-controls': noteId }, [
          (open ? UI.noteOpen : UI.noteClosed) + UI.showNote,
        ]),
        () => toggle(key),
      ),
      ...indicatorMarks(ind),
    ]),
    open ? h('p', { class: 'indicator__note', id: noteId }, [ind.note]) : null,
  ]);
}

/**
 * The indicators under their 一级指标, each block headed by its subtotal
 * (a table without 一级指标 makes one block, shown without a heading).
 */
export function indicatorList(summary: ScoreSummary, expanded: { [cell: string]: boolean }, toggle: (cell: string) => void, select: SelectCell): HTMLElement {
  const item = (ind: IndicatorResult) => indicatorItem(ind, !!expanded[indicatorKey(ind)], toggle, select);
  const blocks = indicatorsByBlock(summary).map(({ block, indicators }) =>
    h('div', { class: 'block' }, [block.level1 === '' ? null : blockHead(block), h('ul', { class: 'indicators__list' }, indicators.map(item))]),
  );
  return h('section', { class: 'card indicators' }, [
    h('h2', null, [UI.indicators]),
    h('div', { class: 'indicators__head', 'aria-hidden': 'true' }, [
      h('span', null, ['']),
      h('span', null, [UI.indicatorRate]),
      h('span', null, [UI.indicatorScore]),
    ]),
    ...blocks,
  ]);
}

function templateSection(state: PaneState, handlers: PaneHandlers): HTMLElement {
  const busy = state.busy !== 'idle';
  const radio = (kind: TemplateKind, label: string) =>
    h('label', { class: 'choice' }, [
      on(h('input', { type: 'radio', name: 'template-kind', 'data-focus': 'kind:' + kind, value: kind, checked: state.templateKind === kind, disabled: busy }), () =>
        handlers.chooseTemplate(kind),
      ),
      ' ' + label,
    ]);
  const formRadio = (form: TemplateForm, label: string) =>
    h('label', { class: 'choice' }, [
      on(h('input', { type: 'radio', name: 'template-form', 'data-focus': 'form:' + form, value: form, checked: state.templateForm === form, disabled: busy }), () =>
        handlers.chooseTemplateForm(form),
      ),
      ' ' + label,
    ]);
  return h('section', { class: 'card template no-print' }, [
    h('fieldset', null, [
      h('legend', null, [UI.templateFormLabel]),
      formRadio('department', UI.templateDepartment),
      formRadio('project', UI.templateProject),
    ]),
    h('fieldset', null, [
      h('legend', null, [UI.templateKindLabel]),
      radio('blank', UI.templateBlank),
      radio('example', UI.templateExample),
    ]),
    on(
      h('button', { type: 'button', class: 'btn', id: 'insert', 'data-focus': 'insert', disabled: busy }, [state.busy === 'inserting' ? UI.inserting : UI.insertTemplate]),
      handlers.insertTemplate,
    ),
  ]);
}

/**
 * Replaces the root's content; keyboard focus stays on the control that had
 * it (matched by data-focus), since the DOM is rebuilt on every change.
 */
export function rebuild(root: HTMLElement, content: HTMLElement): void {
  const active = document.activeElement as HTMLElement | null;
  const focusKey = active && root.contains(active) ? active.getAttribute('data-focus') : null;
  clear(root);
  root.appendChild(content);
  if (focusKey) {
    const nodes = root.querySelectorAll('[data-focus]');
    for (let i = 0; i < nodes.length; i++) {
      const el = nodes[i] as HTMLElement;
      if (el.getAttribute('data-focus') === focusKey && !el.hasAttribute('disabled')) el.focus();
    }
  }
}

/** The status line of a scored workbook: its total and grade, or for several evaluations their number. */
export function scoredLine(outcome: BookOutcome): string {
  const [only] = outcome.evaluations;
  if (outcome.evaluations.length === 1 && only.summary) return scoredSummary(only.summary.total, only.summary.max, only.summary.grade);
  return scoredEvaluations(outcome.evaluations.length);
}

/** 单位 and 年度 for the printout: the 报告信息 of the department's evaluation (else the first). */
function filingOf(outcome: BookOutcome): { unit: string | null; year: string | null } | null {
  const main = outcome.evaluations.filter((e) => e.scope === null)[0] ?? outcome.evaluations[0];
  const info = main && main.stated ? main.stated.info : null;
  return info ? { unit: info.unit, year: info.year } : null;
}

/**
 * The result of a workbook, shared by the pane and the page: the workbook's
 * own issues, then each evaluation — under its name when there are several
 * (or the one is a sheet's) — with its result card, issues and indicators.
 * An evaluation without errors in a workbook with errors elsewhere says it
 * was not written.
 */
export function bookSections(
  outcome: BookOutcome,
  issues: BookIssues,
  expanded: { [cell: string]: boolean },
  toggle: (cell: string) => void,
  select: SelectCell,
  issueBody: (issue: IssueView) => HTMLElement,
): Child[] {
  const parts: Child[] = [
    printHeading(outcome, new Date(), filingOf(outcome)),
    issueList(UI.errors, issues.book.errors, 'error', issueBody),
    issueList(UI.warnings, issues.book.warnings, 'warning', issueBody),
  ];
  const titled = outcome.evaluations.length > 1 || outcome.evaluations[0].scope !== null;
  const bookFailed = outcome.errors.length > 0;
  if (outcome.evaluations.length > 1) parts.push(overview(outcome, bookFailed));
  outcome.evaluations.forEach((evaluation, i) => {
    const own = issues.evaluations[i];
    const summary = evaluation.errors.length === 0 ? evaluation.summary : null;
    const shown = summary && !bookFailed ? summary : null;
    const content: Child[] = [
      shown ? resultCard(shown) : null,
      summary && bookFailed ? h('p', { class: 'evaluation__held' }, [UI.heldBack]) : null,
      issueList(UI.errors, own.errors, 'error', issueBody),
      issueList(UI.warnings, own.warnings, 'warning', issueBody),
      shown ? budgetTable(shown) : null,
      shown ? projectTable(shown) : null,
      shown ? indicatorList(shown, expanded, toggle, select) : null,
    ];
    if (!titled) parts.push(...content);
    else {
      const name = evaluationName(evaluation.scope);
      parts.push(h('section', { class: 'evaluation', id: 'evaluation-' + i, 'aria-label': name }, [h('h2', { class: 'evaluation__title' }, [name]), ...content]));
    }
  });
  return parts;
}

/**
 * Several evaluations (a department and its projects, forms issue §1–2):
 * each one's total and grade on one line at the top, linking to its section,
 * so that a long page need not be scrolled to see them all.
 */
function overview(outcome: BookOutcome, bookFailed: boolean): HTMLElement {
  const items = outcome.evaluations.map((evaluation, i) => {
    const summary = evaluation.errors.length === 0 && !bookFailed ? evaluation.summary : null;
    const result: Child[] = summary
      ? [
          h('span', { class: 'overview__total' }, [summary.total + ' / ' + summary.max]),
          h('span', { class: 'overview__grade' }, [h('span', { class: 'grade ' + gradeClass(summary.gradeLevel, summary.gradeScale.length) }, [summary.grade])]),
        ]
      : [h('span', { class: 'overview__none' }, [evaluation.errors.length > 0 ? errorTally(evaluation.errors.length) : UI.notWritten])];
    return h('li', { class: 'overview__item' }, [h('a', { class: 'overview__name', href: '#evaluation-' + i }, [evaluationName(evaluation.scope)]), ...result]);
  });
  return h('section', { class: 'card overview', 'aria-label': UI.overview }, [h('h2', null, [UI.overview]), h('ul', { class: 'overview__list' }, items)]);
}

/** 生成自评报告: reads and scores the workbook again (writing none of its cells), then adds the sheet 自评报告. */
function reportButton(state: PaneState, report: () => void): HTMLElement {
  const busy = state.busy !== 'idle';
  return on(
    h('button', { type: 'button', class: 'btn', id: 'report', 'data-focus': 'report', disabled: busy, 'aria-busy': state.busy === 'reporting' ? 'true' : 'false' }, [
      state.busy === 'reporting' ? UI.reporting : UI.report,
    ]),
    report,
  );
}

/**
 * 识别表格 (forms issue §3): what 计算得分 found in a workbook without names —
 * each table with its range (a click selects it in Excel), then the names to
 * define and the button that defines them and scores, or what stops the
 * proposal (listed, never guessed; no button then).
 */
function proposalCard(state: PaneState, handlers: PaneHandlers, addNames: boolean): HTMLElement | null {
  const view = state.proposal ? state.proposalView : null;
  if (!view) return null;
  const busy = state.busy !== 'idle';
  const rangeLink = (range: RangeAddress, text: string) =>
    handlers.selectRange
      ? on(h('button', { type: 'button', class: 'issue__link proposal__range', title: DETECT_UI.selectRange, 'data-range': formatRange(range) }, [text]), () => handlers.selectRange!(range))
      : h('span', null, [text]);
  const tables = view.tables.map((t) => h('li', null, [rangeLink(t.range, t.text)]));
  const parts: Child[] = [
    h('h2', { id: 'proposal-title' }, [DETECT_UI.title]),
    h('p', null, [DETECT_UI.intro]),
    tables.length > 0 ? h('ul', { class: 'proposal__tables' }, tables) : h('p', null, [DETECT_UI.nothingFound]),
  ];
  if (!view.ready) {
    parts.push(
      h('p', { class: 'message message--error' }, [DETECT_UI.problemsTitle]),
      h('ol', { class: 'proposal__problems' }, view.problems.map((text) => h('li', { class: 'issue issue--error' }, [text]))),
    );
  } else {
    parts.push(
      h('h3', null, [DETECT_UI.namesTitle]),
      h('ul', { class: 'proposal__names' }, view.names.map((n) => h('li', null, [rangeLink(n.range, n.text)]))),
      h('p', { class: 'proposal__hint' }, [addNames ? DETECT_UI.confirmHint : DETECT_UI.tablesOnlyHint]),
      handlers.confirmProposal
        ? on(
            h('button', { type: 'button', class: 'btn btn--primary', id: 'confirm-proposal', 'data-focus': 'confirm-proposal', disabled: busy }, [
              state.busy === 'confirming' ? DETECT_UI.confirming : addNames ? DETECT_UI.confirm : DETECT_UI.confirmTablesOnly,
            ]),
            handlers.confirmProposal,
          )
        : null,
    );
  }
  return h('section', { class: 'card proposal no-print', id: 'proposal', 'aria-labelledby': 'proposal-title' }, parts);
}

/** Renders the whole pane from its state (the DOM is rebuilt; state lives in PaneState). */
export function renderPane(root: HTMLElement, state: PaneState, handlers: PaneHandlers, addNames = true): void {
  const busy = state.busy !== 'idle';
  const outcome = state.outcome;
  const select = (cell: CellAddress) => handlers.select(cell);
  const issueBody = (issue: IssueView) => selectableIssue(issue, select);
  rebuild(
    root,
    h('div', { class: 'pane' }, [
      h('header', { class: 'pane__header no-print' }, [h('h1', null, [UI.title]), h('p', { class: 'intro' }, [UI.intro])]),
      h('div', { class: 'actions no-print' }, [
        on(
          h('button', { type: 'button', class: 'btn btn--primary', id: 'score', 'data-focus': 'score', disabled: busy, 'aria-busy': state.busy === 'scoring' ? 'true' : 'false' }, [
            state.busy === 'scoring' ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
            state.busy === 'scoring' ? UI.scoring : UI.score,
          ]),
          handlers.score,
        ),
        on(
          h('button', { type: 'button', class: 'btn', id: 'undo', 'data-focus': 'undo', disabled: busy || !state.snapshot }, [state.busy === 'undoing' ? UI.undoing : UI.undo]),
          handlers.undo,
        ),
        handlers.report ? reportButton(state, handlers.report) : null,
      ]),
      statusArea(state, handlers),
      proposalCard(state, handlers, addNames),
      ...(outcome && state.issues ? bookSections(outcome, state.issues, state.expanded, (cell) => handlers.toggle(cell), select, issueBody) : []),
      templateSection(state, handlers),
    ]),
  );
}
