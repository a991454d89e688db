/// <reference types="office-js" />
/**
 * The ribbon's 计算得分 (ExecuteFunction): scores without the pane and shows
 * the outcome in a small dialog (DialogApi 1.1). The manifest requires only
 * ExcelApi 1.1, and an Office can lack the Dialog API (a volume-licensed
 * build without its updates): there the command still scores and writes, and
 * points at the result in the workbook instead, by selecting what it wrote
 * (the 评价结果 table) or the first cell in error (ExcelApi 1.1 has nothing
 * else a function command can show: no notification, no way to open the
 * pane). Whatever happens, event.completed() is called exactly once, when
 * the dialog closes or as soon as there is nothing more to show, so the
 * button never stays busy.
 */
import './polyfills';
import { type Capabilities, detectCapabilities, type Requirements } from '../hosts/excel/capabilities';
import { scoreInExcel, type ExcelScoreResult, type Scorer } from '../hosts/excel/score-in-excel';
import { selectCell, selectName } from '../hosts/excel/select-cell';
import {
  DETECT_UI, dialogExecutionLine, errorCount, evaluationLine, evaluationName, hostErrorMessage, scoredEvaluations, scoredSummary, shortened, UI, warningsSeePane, writtenCells,
} from '../messages/excel-ui';
import { issueText } from '../messages/issues';
import type { CellAddress } from '../workbook/address';
import { scoreBook } from '../workbook/score-book';
import { NAME } from '../workbook/vocabulary';
import type { ExcelRun } from './pane-controller';
import { writtenCount } from './pane-state';

export interface DialogContent {
  ok: boolean;
  lines: string[];
}

/** What the dialog says about one run (pure; tested). */
export function dialogContent(result: ExcelScoreResult): DialogContent {
  if (result.hostError) return { ok: false, lines: [hostErrorMessage(result.hostError), UI.dialogOpenPane] };
  const outcome = result.outcome;
  if (!outcome) return { ok: false, lines: result.proposal ? [DETECT_UI.ribbon, UI.dialogOpenPane] : [UI.dialogOpenPane] };
  if (outcome.errors.length > 0) {
    // The URL carries the text: IE11 caps URLs at 2,083 characters, so one error is shown and the pane lists all.
    const first = outcome.errors.slice(0, 1).map((e) => shortened(issueText(e, 'excel'), 90));
    return { ok: false, lines: [errorCount(outcome.errors.length)].concat(first, [UI.dialogOpenPane]) };
  }
  const scored = outcome.evaluations.filter((e) => e.summary !== null);
  if (scored.length === 0) return { ok: false, lines: [UI.dialogOpenPane] };
  const [only] = scored;
  const lines =
    scored.length === 1 && only.summary
      ? [scoredSummary(only.summary.total, only.summary.max, only.summary.grade), dialogExecutionLine(only.summary.execution.rate, only.summary.execution.score)]
      : [scoredEvaluations(scored.length)].concat(scored.map((e) => evaluationLine(evaluationName(e.scope), e.summary ? e.summary.total : '', e.summary ? e.summary.grade : '')));
  lines.push(writtenCells(writtenCount(result.snapshot)));
  if (outcome.warnings.length > 0) lines.push(warningsSeePane(outcome.warnings.length));
  return { ok: true, lines };
}

/** What the dialog says when Excel.run itself failed. */
function failureContent(e: unknown): DialogContent {
  const message = e && (e as { message?: unknown }).message ? String((e as { message: unknown }).message) : String(e);
  return { ok: false, lines: [hostErrorMessage({ code: 'unknown', excelCode: '', excelMessage: message }), UI.dialogOpenPane] };
}

/** The dialog office.js opened (Office.Dialog). */
export interface CommandDialog {
  close(): void;
  addEventHandler(eventType: unknown, handler: (args: unknown) => void): void;
}

/** The members of office.js's Office object the command uses (the real one, or the strict fake in tests). */
export interface CommandOffice {
  context: {
    requirements?: Requirements;
    /** Absent when the Office has no Dialog API. */
    ui?: {
      displayDialogAsync(
        url: string,
        options: { height: number; width: number; displayInIframe: boolean },
        callback: (result: { status: unknown; value: CommandDialog }) => void,
      ): void;
    };
  };
  AsyncResultStatus: { Succeeded: unknown };
  EventType: { DialogMessageReceived: unknown; DialogEventReceived: unknown };
}

export interface CommandDeps {
  office: CommandOffice;
  /** Excel.run. */
  run: ExcelRun;
  /** Replaces scoreWorkbook (tests). */
  score?: Scorer;
  /** The dialog page's URL carrying the content (default: dialog.html beside this page). */
  dialogUrl?: (content: DialogContent) => string;
}

function defaultDialogUrl(content: DialogContent): string {
  const here = window.location.href.split('#')[0].split('?')[0];
  return here.replace(/[^/]*$/, 'dialog.html') + '#' + encodeURIComponent(JSON.stringify(content));
}

/** DialogApi 1.1 as the docs say to check it, and the method actually there. */
function hasDialogApi(office: CommandOffice): boolean {
  const requirements = office.context.requirements;
  const ui = office.context.ui;
  return !!requirements && requirements.isSetSupported('DialogApi', '1.1') && !!ui && typeof ui.displayDialogAsync === 'function';
}

/**
 * Opens the dialog; resolves true once it has closed (the user closed it or
 * pressed 关闭), false when it could not be opened. Never rejects.
 */
function showDialog(office: CommandOffice, url: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let settled = false;
    const settle = (shown: boolean) => {
      if (settled) return;
      settled = true;
      resolve(shown);
    };
    try {
      office.context.ui!.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, (opened) => {
        if (opened.status !== office.AsyncResultStatus.Succeeded) {
          settle(false); // 12007 another dialog is open, 12009 the user blocked it, …
          return;
        }
        const dialog = opened.value;
        try {
          dialog.addEventHandler(office.EventType.DialogMessageReceived, () => {
            try {
              dialog.close();
            } catch (e) {
              // closed already
            }
            settle(true);
          });
          // The user closed the dialog (12006), or its page failed to load.
          dialog.addEventHandler(office.EventType.DialogEventReceived, () => settle(true));
        } catch (e) {
          // Without its handlers the dialog could never tell us it closed: close it and show the result otherwise.
          try {
            dialog.close();
          } catch (e2) {
            // nothing more to do
          }
          settle(false);
        }
      });
    } catch (e) {
      settle(false);
    }
  });
}

/** Where to point in the workbook without a dialog: the results written, the first cell in error, or nowhere. */
function workbookTarget(result: ExcelScoreResult | null): { name: string } | { cell: CellAddress } | null {
  if (!result || result.hostError || !result.outcome) return null;
  const outcome = result.outcome;
  if (outcome.errors.length > 0) {
    for (const issue of outcome.errors) if ('cell' in issue) return { cell: issue.cell };
    return null;
  }
  return result.snapshot ? { name: NAME.results } : null;
}

/** Selects the target (one Excel.run, one sync); never rejects. */
function showInWorkbook(deps: CommandDeps, result: ExcelScoreResult | null): Promise<void> {
  const target = workbookTarget(result);
  if (!target) return Promise.resolve();
  let selected: Promise<unknown>;
  try {
    selected = deps.run((context) => ('cell' in target ? selectCell(context, target.cell) : selectName(context, target.name)));
  } catch (e) {
    return Promise.resolve();
  }
  return selected.then(
    () => undefined,
    () => undefined,
  );
}

/**
 * 计算得分 from the ribbon: score and write (one Excel.run: 2 read syncs and
 * 1 write sync), then tell the user (the dialog, else the workbook's
 * selection), then event.completed(). Resolves when it has completed; never rejects.
 */
export function runScoreCommand(event: { completed(): void }, deps: CommandDeps): Promise<void> {
  let done = false;
  const complete = () => {
    if (done) return;
    done = true;
    try {
      event.completed();
    } catch (e) {
      // nothing is left to tell Office
    }
  };
  let result: ExcelScoreResult | null = null;
  let content: DialogContent;
  const scored = new Promise<ExcelScoreResult>((resolve) => {
    const caps: Capabilities = detectCapabilities(deps.office.context.requirements);
    resolve(deps.run((context) => scoreInExcel(context, caps, deps.score || scoreBook)));
  }).then(
    (r) => {
      result = r;
      content = dialogContent(r);
    },
    (e) => {
      content = failureContent(e);
    },
  );
  return scored
    .then(() => {
      if (!hasDialogApi(deps.office)) return false;
      let url: string;
      try {
        url = (deps.dialogUrl || defaultDialogUrl)(content);
      } catch (e) {
        return false;
      }
      return showDialog(deps.office, url);
    })
    .then((shown) => (shown ? undefined : showInWorkbook(deps, result)))
    .then(complete, complete);
}

/** The command's entry point: Office calls it with the event of the button. */
export function scoreFromRibbon(event: Office.AddinCommands.Event): void {
  runScoreCommand(event, {
    office: Office,
    run: (batch) => Excel.run(batch),
  });
}

// Function files on Office 2016 look the function up as a global; newer Office also accepts associate().
(window as unknown as { scoreFromRibbon: typeof scoreFromRibbon }).scoreFromRibbon = scoreFromRibbon;
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    const actions = (Office as unknown as { actions?: { associate(name: string, fn: unknown): void } }).actions;
    if (actions && actions.associate) actions.associate('scoreFromRibbon', scoreFromRibbon);
  });
}
