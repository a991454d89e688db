/**
 * Standalone mode (outside Office: WPS or LibreOffice users, a reviewer
 * without Excel): choose an .xlsx file, score it in the browser with the
 * lossless xlsx host, and save the scored copy. Nothing leaves the machine:
 * the file is read with FileReader and the result is offered as a Blob URL.
 */
import { DOCX_TYPE, saveBlobForOldBrowsers, saveWithLink } from '../save-file';
import { cannotReadFile, unexpectedError } from '../../messages/standalone-ui';
import { viewBookIssues } from '../issue-views';
import { STANDALONE_UI } from '../../messages/standalone-ui';
import type { FileScorer, ReportWriter } from './file-scorer';
import { renderStandalone, type StandaloneHandlers } from './render-standalone';
import {
  draggingChanged, fileChosen, fileFailed, initialStandaloneState, noteToggled, proposalFound, readProgress, scoredName, stageStarted,
  type Stage, type StandaloneState, standaloneScored,
} from './standalone-state';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface StandaloneDeps {
  /** Loads the xlsx host and the engine (by default the 'web-xlsx' chunk). */
  loadScorer?: () => Promise<FileScorer>;
  /** Reads a file's bytes, reporting progress (by default FileReader). */
  readFile?: (file: File, progress: (loaded: number, total: number) => void) => Promise<Uint8Array>;
  /** Lets the browser paint the progress before a long synchronous step. */
  paint?: () => Promise<void>;
  /** Loads the .docx writer (by default the 'web-docx' chunk), only when 生成自评报告 is clicked. */
  loadReportWriter?: () => Promise<ReportWriter>;
  /** Hands a file to the browser's download (by default a temporary link clicked). */
  saveFile?: (blob: Blob, name: string) => void;
  /** false when the page carries the standalone rules inline (the one-file page, whose CSP allows no stylesheet file). */
  linkStylesheet?: boolean;
}

export interface StandaloneController {
  state(): StandaloneState;
  /** Resolves when the current run (if any) has finished. */
  idle(): Promise<void>;
  choose(file: File): void;
  score(): void;
  /** 按建议的名称计分 (a workbook without names). */
  scoreNamed(): void;
  /** 生成自评报告: downloads the report of the scored workbook as .docx. */
  report(): void;
}

function loadDocxChunk(): Promise<ReportWriter> {
  return import(/* webpackChunkName: "web-docx" */ 'selfeval/docx-chunk').then((m) => m.reportWriter);
}

/** `自评表.xlsx` → `自评表.自评报告.docx`. */
export function reportName(name: string): string {
  return (name.replace(/\.xlsx$/i, '') || 'workbook') + STANDALONE_UI.reportSuffix;
}

function loadXlsxChunk(): Promise<FileScorer> {
  return import(/* webpackChunkName: "web-xlsx" */ 'selfeval/xlsx-chunk').then((m) => m.fileScorer);
}

function readWithFileReader(file: File, progress: (loaded: number, total: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) progress(e.loaded, e.total);
    };
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new FileReadFailure());
    reader.readAsArrayBuffer(file);
  });
}

class FileReadFailure extends Error {}

/** After the next frame has been painted (or 50 ms, in a background tab where frames stop). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go);
    setTimeout(go, 50);
  });
}

/** taskpane.html opened outside Office links only taskpane.css: add the standalone rules (index.html links them itself). */
function linkStylesheet(doc: Document): void {
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) if (/(^|\/)standalone\.css$/.test(links[i].getAttribute('href') || '')) return;
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'standalone.css';
  (doc.head || doc.documentElement).appendChild(link);
}

export function startStandalone(root: HTMLElement, deps: StandaloneDeps = {}): StandaloneController {
  const loadScorer = deps.loadScorer || loadXlsxChunk;
  const readFile = deps.readFile || readWithFileReader;
  const paint = deps.paint || nextPaint;
  const loadReportWriter = deps.loadReportWriter || loadDocxChunk;
  const saveFile = deps.saveFile || saveWithLink;
  /** The scorer that scored state.outcome (its chunk carries the report's text). */
  let lastScorer: FileScorer | null = null;
  let state = initialStandaloneState();
  let file: File | null = null;
  /** The chosen workbook with the proposed names (a workbook without names), for 按建议的名称计分. */
  let named: { bytes: Uint8Array; scorer: FileScorer } | null = null;
  /** The scored workbook behind state.download's object URL. */
  let saved: { url: string; blob: Blob } | null = null;
  let current: Promise<void> = Promise.resolve();

  const set = (next: StandaloneState) => {
    if (next === state) return;
    state = next;
    if (saved && (!state.download || state.download.url !== saved.url)) {
      URL.revokeObjectURL(saved.url);
      saved = null;
    }
    renderStandalone(root, state, handlers);
  };

  const step = (stage: Stage) => {
    set(stageStarted(state, stage));
    return paint();
  };

  const finish = (bytes: Uint8Array, scorer: FileScorer): Promise<void> => {
    lastScorer = scorer;
    return scorer.scoreThrough(scorer.host(bytes), { write: true, stage: step }).then((result) => {
      if (result.kind === 'unreadable') {
        set(fileFailed(state, scorer.fileErrorText(result.problem)));
        return;
      }
      const { outcome } = result;
      const issues = viewBookIssues(outcome, scorer.renderIssue);
      if (result.problem) {
        set(fileFailed(state, scorer.fileErrorText(result.problem)));
        return;
      }
      if (outcome.errors.length > 0 || !result.written) {
        const nameless = outcome.errors.length > 0 ? scorer.nameless(bytes) : null;
        named = nameless && nameless.named ? { bytes: nameless.named, scorer } : null;
        const scored = standaloneScored(state, outcome, issues, null);
        set(nameless ? proposalFound(scored, { lines: nameless.lines, ready: nameless.named !== null }) : scored);
        return;
      }
      const blob = new Blob([result.written as BlobPart], { type: XLSX_TYPE });
      saved = { url: URL.createObjectURL(blob), blob };
      set(standaloneScored(state, outcome, issues, { name: scoredName(file ? file.name : ''), url: saved.url }));
    });
  };

  const handlers: StandaloneHandlers = {
    choose(chosen: File) {
      if (state.stage !== 'idle') return;
      file = chosen;
      set(fileChosen(state, chosen));
    },
    score() {
      const chosen = file;
      if (!chosen || state.stage !== 'idle') return;
      const scorer = loadScorer(); // in parallel with reading the file
      set(stageStarted(state, 'reading'));
      current = readFile(chosen, (loaded, total) => set(readProgress(state, loaded, total)))
        .then((bytes) => scorer.then((s) => step('parsing').then(() => finish(bytes, s))))
        .then(undefined, (e) => {
          const message = e instanceof FileReadFailure ? cannotReadFile(chosen.name) : unexpectedError(e && e.message ? e.message : String(e));
          set(fileFailed(state, message));
        });
    },
    scoreNamed() {
      // The named copy is scored as any workbook: its download carries the names.
      const ready = named;
      if (!ready || state.stage !== 'idle') return;
      named = null;
      current = step('parsing')
        .then(() => finish(ready.bytes, ready.scorer))
        .then(undefined, (e) => set(fileFailed(state, unexpectedError(e && e.message ? e.message : String(e)))));
    },
    toggle(cell: string) {
      set(noteToggled(state, cell));
    },
    report() {
      const outcome = state.outcome;
      const scorer = lastScorer;
      const doc = outcome && scorer && state.stage === 'idle' ? scorer.selfReport(outcome) : null;
      if (!doc) return;
      const name = reportName(file ? file.name : '');
      current = loadReportWriter()
        .then((writer) => writer.reportDocx(doc))
        .then((bytes) => saveFile(new Blob([bytes as BlobPart], { type: DOCX_TYPE }), name))
        .then(undefined, (e) => set(fileFailed(state, unexpectedError(e && e.message ? e.message : String(e)))));
    },
    save() {
      return saved !== null && state.download !== null && saveBlobForOldBrowsers(saved.blob, state.download.name);
    },
  };

  const doc = root.ownerDocument || document;
  if (deps.linkStylesheet !== false) linkStylesheet(doc);
  // Dropping a file anywhere on the page chooses it (and never makes the browser navigate to the file).
  const hasFiles = (e: DragEvent) => {
    const types = e.dataTransfer ? e.dataTransfer.types : null;
    if (!types) return false;
    for (let i = 0; i < types.length; i++) if (types[i] === 'Files') return true;
    return false;
  };
  doc.addEventListener('dragover', (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = state.stage === 'idle' ? 'copy' : 'none';
    set(draggingChanged(state, state.stage === 'idle'));
  });
  doc.addEventListener('dragleave', (e: DragEvent) => {
    if (!e.relatedTarget) set(draggingChanged(state, false));
  });
  doc.addEventListener('drop', (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    set(draggingChanged(state, false));
    const files = e.dataTransfer ? e.dataTransfer.files : null;
    if (files && files.length > 0) handlers.choose(files[0]);
  });

  renderStandalone(root, state, handlers);
  // Fetch the xlsx chunk while the user picks a file (loaded once; 计算得分 then finds it ready).
  if (!deps.loadScorer) loadScorer().then(undefined, () => undefined);
  return {
    state: () => state,
    idle: () => current,
    choose: (chosen: File) => handlers.choose(chosen),
    score: () => handlers.score(),
    report: () => handlers.report(),
    scoreNamed: () => handlers.scoreNamed(),
  };
}
