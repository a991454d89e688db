/// <reference types="office-js" />
/**
 * The ribbon's 计算得分 (ExecuteFunction): scores without the pane and shows
 * the outcome in a small dialog (Dialog API, available since Office 2016).
 */
import './polyfills';
import { detectCapabilities } from '../hosts/excel/capabilities';
import { scoreInExcel, type ExcelScoreResult } from '../hosts/excel/score-in-excel';
import { errorCount, hostErrorMessage, percentText, scoredSummary, UI, warningCount, writtenCells } from '../messages/excel-ui';
import { issueText } from '../messages/issues';
import { scoreWorkbook } from '../workbook/score-workbook';
import { writtenCount } from './pane-state';

export interface DialogContent {
  ok: boolean;
  lines: string[];
}

/** What the dialog says about one run (pure; tested). */
export function dialogContent(result: ExcelScoreResult): DialogContent {
  if (result.hostError) return { ok: false, lines: [hostErrorMessage(result.hostError), UI.dialogOpenPane] };
  const outcome = result.outcome;
  if (!outcome) return { ok: false, lines: [UI.dialogOpenPane] };
  if (outcome.errors.length > 0) {
    // The URL carries the text: IE11 caps URLs at 2,083 characters, so one error is shown and the pane lists all.
    const first = outcome.errors.slice(0, 1).map((e) => issueText(e, 'excel')).map((text) => (text.length > 90 ? text.slice(0, 90) + '…' : text));
    return { ok: false, lines: [errorCount(outcome.errors.length)].concat(first, [UI.dialogOpenPane]) };
  }
  const s = outcome.summary;
  if (!s) return { ok: false, lines: [UI.dialogOpenPane] };
  const lines = [
    scoredSummary(s.total, s.max, s.grade),
    UI.executionRate + ' ' + percentText(s.execution.rate) + '，' + UI.executionScore + ' ' + s.execution.score,
    writtenCells(writtenCount(result.snapshot)),
  ];
  if (outcome.warnings.length > 0) lines.push(warningCount(outcome.warnings.length) + '。' + UI.dialogOpenPane);
  return { ok: true, lines };
}

function dialogUrl(content: DialogContent): string {
  const here = window.location.href.split('#')[0].split('?')[0];
  return here.replace(/[^/]*$/, 'dialog.html') + '#' + encodeURIComponent(JSON.stringify(content));
}

function showDialog(content: DialogContent, done: () => void): void {
  Office.context.ui.displayDialogAsync(dialogUrl(content), { height: 35, width: 30, displayInIframe: true }, (opened) => {
    if (opened.status !== Office.AsyncResultStatus.Succeeded) {
      done();
      return;
    }
    const dialog = opened.value;
    const close = () => {
      dialog.close();
      done();
    };
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
    dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
  });
}

export function scoreFromRibbon(event: Office.AddinCommands.Event): void {
  const finish = () => event.completed();
  Excel.run((context) => scoreInExcel(context, detectCapabilities(), scoreWorkbook))
    .then((result) => showDialog(dialogContent(result), finish))
    .catch((e) =>
      showDialog({ ok: false, lines: [hostErrorMessage({ code: 'unknown', excelCode: '', excelMessage: String(e && e.message ? e.message : e) })] }, finish),
    );
}

// Function files on Office 2016 look the function up as a global; newer Office also accepts associate().
(window as unknown as { scoreFromRibbon: typeof scoreFromRibbon }).scoreFromRibbon = scoreFromRibbon;
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    const actions = (Office as unknown as { actions?: { associate(name: string, fn: unknown): void } }).actions;
    if (actions && actions.associate) actions.associate('scoreFromRibbon', scoreFromRibbon);
  });
}
