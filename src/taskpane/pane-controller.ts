/// <reference types="office-js" />
import type { Snapshot } from '../hosts/excel/apply-plan';
import type { Capabilities } from '../hosts/excel/capabilities';
import type { Scorer } from '../hosts/excel/score-in-excel';
import { selectCell, selectRange } from '../hosts/excel/select-cell';
import type { TemplateForm, TemplateKind } from '../hosts/excel/template-layout';
import { undoWrites } from '../hosts/excel/undo-writes';
import type { CellAddress, RangeAddress } from '../workbook/address';
import {
  failed, initialState, inserted, type PaneAction, type PaneState, proposalScored, reported, scored, started, toggled, undone, withTemplateForm, withTemplateKind,
} from './pane-state';
import { viewBookIssues } from './issue-views';
import { DOCX_TYPE } from './save-file';
import { UI } from '../messages/excel-ui';
import type { ReportDocument } from '../messages/self-report';
import { type PaneHandlers, renderPane } from './render-pane';

/** Excel.run, or the fake's equivalent in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface PanePreferences {
  templateKind(): TemplateKind;
  setTemplateKind(kind: TemplateKind): void;
  /** The form 插入模板 adds; absent: 部门整体支出. */
  templateForm?(): TemplateForm;
  setTemplateForm?(form: TemplateForm): void;
}

export interface PaneDeps {
  run: ExcelRun;
  caps: Capabilities;
  /** Replaces the engine's scoreWorkbook (tests); by default it comes with the engine chunk. */
  score?: Scorer;
  prefs?: PanePreferences;
  /**
   * Where the pane's web view can download a file (save-file.ts
   * paneCanDownload): the .docx writer and the save, offered after
   * 生成自评报告 as 下载 Word 文档. Absent: the report stays a sheet only.
   */
  download?: { reportDocx(doc: ReportDocument): Promise<Uint8Array>; save(blob: Blob, name: string): void };
}

export interface PaneController extends PaneHandlers {
  state(): PaneState;
  /** Resolves when the current action (if any) has finished. */
  idle(): Promise<void>;
}

/**
 * Wires the pane: each user action is one Excel.run; the state changes only
 * through pane-state's functions, and every change re-renders.
 */
export function createPane(root: HTMLElement, deps: PaneDeps): PaneController {
  const prefs = deps.prefs;
  let state = initialState(prefs ? prefs.templateKind() : 'blank', prefs && prefs.templateForm ? prefs.templateForm() : 'department');
  let current: Promise<void> = Promise.resolve();

  const set = (next: PaneState) => {
    state = next;
    renderPane(root, state, controller, deps.caps.addNames);
  };

  const act = (action: PaneAction, work: () => Promise<PaneState>) => {
    if (state.busy !== 'idle') return;
    set(started(state, action));
    current = work().then(set, (e) =>
      set(failed(state, action, { code: 'unknown', excelCode: '', excelMessage: e && e.message ? e.message : String(e) })),
    );
  };

  const score = () =>
    act('score', () =>
      import(/* webpackChunkName: "engine", webpackPrefetch: true */ './engine-chunk')
        .then((engine) =>
          deps
            .run((context) => engine.scoreInExcel(context, deps.caps, deps.score || engine.scoreBook))
            .then((result) =>
              scored(state, result, result.outcome ? viewBookIssues(result.outcome, engine.renderIssue) : null, result.proposal ? engine.viewProposal(result.proposal) : null),
            ),
        ),
    );

  /** 设定名称并计算: the proposal 识别表格 showed, scored (with its names added where Excel can). */
  const confirmProposal = () => {
    const proposal = state.proposal;
    if (!proposal) return;
    act('confirm', () =>
      import(/* webpackChunkName: "engine", webpackPrefetch: true */ './engine-chunk').then((engine) =>
        deps
          .run((context) => engine.scoreProposal(context, deps.caps, proposal, deps.score || engine.scoreBook))
          .then((result) =>
            proposalScored(state, result, result.outcome ? viewBookIssues(result.outcome, engine.renderIssue) : null, result.proposal ? engine.viewProposal(result.proposal) : null),
          ),
      ),
    );
  };

  const report = () =>
    act('report', () =>
      import(/* webpackChunkName: "engine", webpackPrefetch: true */ './engine-chunk').then((engine) =>
        deps
          .run((context) => engine.reportInExcel(context, deps.caps, deps.score || engine.scoreBook))
          .then((result) => reported(state, result, result.outcome ? viewBookIssues(result.outcome, engine.renderIssue) : null)),
      ),
    );

  const download = deps.download;
  const downloadReport = download
    ? () => {
        const notice = state.notice;
        if (!notice || notice.kind !== 'reported' || !notice.doc) return;
        current = download.reportDocx(notice.doc).then((bytes) => download.save(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), UI.reportFileName));
      }
    : undefined;

  const controller: PaneController = {
    state: () => state,
    idle: () => current,
    score,
    report,
    downloadReport,
    confirmProposal,
    retry() {
      if (state.failedAction === 'undo') controller.undo();
      else if (state.failedAction === 'confirm') confirmProposal();
      else if (state.failedAction === 'insert') controller.insertTemplate();
      else if (state.failedAction === 'report') report();
      else score();
    },
    undo() {
      const snapshot: Snapshot | null = state.snapshot;
      act('undo', () => deps.run((context) => undoWrites(context, snapshot)).then((result) => undone(state, result)));
    },
    insertTemplate() {
      const kind = state.templateKind;
      const form = state.templateForm;
      // The template layout is loaded on demand: it is a separate chunk, not part of the pane's first load.
      act('insert', () =>
        import(/* webpackChunkName: "template" */ '../hosts/excel/insert-template')
          .then((m) => deps.run((context) => (form === 'project' ? m.insertProjectSheet : m.insertTemplate)(context, deps.caps, kind)))
          .then((result) => inserted(state, result, form)),
      );
    },
    chooseTemplate(kind: TemplateKind) {
      if (deps.prefs) deps.prefs.setTemplateKind(kind);
      set(withTemplateKind(state, kind));
    },
    chooseTemplateForm(form: TemplateForm) {
      if (prefs && prefs.setTemplateForm) prefs.setTemplateForm(form);
      set(withTemplateForm(state, form));
    },
    select(cell: CellAddress) {
      deps.run((context) => selectCell(context, cell)).then((error) => {
        if (error) set({ ...state, hostError: error, failedAction: null });
      });
    },
    selectRange(range: RangeAddress) {
      deps.run((context) => selectRange(context, range)).then((error) => {
        if (error) set({ ...state, hostError: error, failedAction: null });
      });
    },
    toggle(cell: string) {
      set(toggled(state, cell));
    },
  };
  renderPane(root, state, controller, deps.caps.addNames);
  return controller;
}
