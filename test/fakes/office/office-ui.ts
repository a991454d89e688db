/**
 * A strict fake of the parts of office.js's common API a function command
 * uses: Office.context.requirements (ExcelApi from the fake workbook's level,
 * DialogApi as declared), Office.context.ui.displayDialogAsync and the dialog
 * it opens, and the command's event. Without the Dialog API there is no
 * Office.context.ui at all, as in Office builds that lack it (calling
 * displayDialogAsync then throws a TypeError, as it does there).
 * displayDialogAsync answers asynchronously, like office.js; one dialog at a
 * time (a second one fails with 12007).
 */
import type { FakeWorkbook } from './store';

export const ASYNC_RESULT_STATUS = { Succeeded: 'succeeded', Failed: 'failed' } as const;
export const EVENT_TYPE = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' } as const;

type Handler = (args: unknown) => void;

/** Office.AsyncResult<Dialog>: `value` is undefined when the dialog did not open, as in office.js. */
export interface FakeAsyncResult {
  status: string;
  value: FakeDialog;
  error?: { code: number; message: string };
}

export class FakeDialog {
  closed = false;
  readonly handlers: { [type: string]: Handler[] } = {};
  constructor(
    private readonly office: FakeOffice,
    readonly url: string,
  ) {}

  addEventHandler(eventType: unknown, handler: Handler): void {
    if (eventType !== EVENT_TYPE.DialogMessageReceived && eventType !== EVENT_TYPE.DialogEventReceived) {
      throw new TypeError('fake: unknown dialog event type ' + String(eventType));
    }
    if (typeof handler !== 'function') throw new TypeError('fake: the handler must be a function');
    (this.handlers[eventType] = this.handlers[eventType] || []).push(handler);
  }

  close(): void {
    if (this.closed) throw new Error('fake: Dialog.close on a closed dialog');
    this.closed = true;
    this.office.openDialog = null;
  }

  /** The dialog page calls Office.context.ui.messageParent (our 关闭 button). */
  messageParent(message: string): void {
    if (this.closed) throw new Error('fake: message from a closed dialog');
    for (const h of this.handlers[EVENT_TYPE.DialogMessageReceived] || []) h({ message, origin: undefined });
  }

  /** The user closes the dialog with its X: DialogEventReceived with 12006; the dialog is gone. */
  userCloses(): void {
    if (this.closed) throw new Error('fake: the dialog is closed already');
    this.closed = true;
    this.office.openDialog = null;
    for (const h of this.handlers[EVENT_TYPE.DialogEventReceived] || []) h({ error: 12006 });
  }

  /** The decoded content the dialog page receives in its URL fragment. */
  content(): unknown {
    return JSON.parse(decodeURIComponent(this.url.slice(this.url.indexOf('#') + 1)));
  }
}

export interface FakeOfficeOptions {
  /** The Office has DialogApi 1.1 (default true). */
  dialogApi?: boolean;
  /** displayDialogAsync fails with this code (12007 already open, 12009 the user blocked it, …). */
  openFails?: number;
  /** displayDialogAsync throws (a broken host). */
  openThrows?: boolean;
}

export class FakeOffice {
  readonly AsyncResultStatus = ASYNC_RESULT_STATUS;
  readonly EventType = EVENT_TYPE;
  readonly context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui?: { displayDialogAsync(url: string, options: object, callback: (result: FakeAsyncResult) => void): void };
  };
  openDialog: FakeDialog | null = null;
  readonly dialogs: FakeDialog[] = [];
  /** Resolves when displayDialogAsync has answered (tests wait on it before acting in the dialog). */
  answered: Promise<void> = Promise.resolve();

  constructor(store: FakeWorkbook, options: FakeOfficeOptions = {}) {
    const dialogApi = options.dialogApi !== false;
    this.context = {
      requirements: {
        isSetSupported: (name: string, minVersion = '1.1') =>
          name === 'DialogApi' ? dialogApi && (minVersion === '1.1' || minVersion === '1.0') : store.requirements.isSetSupported(name, minVersion),
      },
    };
    if (!dialogApi) return;
    this.context.ui = {
      displayDialogAsync: (url: string, dialogOptions: object, callback: (result: FakeAsyncResult) => void) => {
        if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw new Error('fake: displayDialogAsync needs an absolute URL');
        if (!dialogOptions || typeof callback !== 'function') throw new Error('fake: options and a callback are expected');
        if (options.openThrows) throw new Error('fake: the host failed');
        const failed = (code: number, message: string): FakeAsyncResult =>
          ({ status: ASYNC_RESULT_STATUS.Failed, value: undefined, error: { code, message } }) as unknown as FakeAsyncResult;
        let answer: () => void;
        if (options.openFails) {
          const code = options.openFails;
          answer = () => callback(failed(code, 'fake failure ' + code));
        } else if (this.openDialog) {
          answer = () => callback(failed(12007, 'A dialog box is already opened.'));
        } else {
          const dialog = new FakeDialog(this, url);
          this.openDialog = dialog;
          this.dialogs.push(dialog);
          answer = () => callback({ status: ASYNC_RESULT_STATUS.Succeeded, value: dialog });
        }
        this.answered = Promise.resolve().then(answer);
      },
    };
  }
}

/** The event Office passes to a function command; counts completed() calls. */
export class FakeCommandEvent {
  completions = 0;
  readonly source = { id: 'ScoreButton' };
  completed(): void {
    this.completions++;
  }
}
