/** @jest-environment jsdom */
/**
 * The ribbon's 计算得分 (src/taskpane/commands.ts) against the strict fakes:
 * office.js's common API with and without the Dialog API, and Excel at
 * ExcelApi 1.1 and 1.4. It always scores and writes the same cells as the
 * pane, tells the user through the dialog or else the workbook's selection,
 * and calls event.completed() exactly once on every path.
 */
import './jsdom-text-codec';
import { scoreInExcel } from '../../src/hosts/excel';
import { type CommandDeps, runScoreCommand } from '../../src/taskpane/commands';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { capabilitiesOf, contextFor, FakeCommandEvent, FakeOffice, type FakeOfficeOptions, fakeRun, type FakeWorkbook } from '../fakes/office';
import { exampleInFake } from '../hosts/excel/example-workbook';
import { scoreBook } from '../../src/workbook/score-book';

const LEVELS = [['1.1'], ['1.4']] as const;

function setup(api: '1.1' | '1.4', options: FakeOfficeOptions = {}, change?: (store: FakeWorkbook) => void) {
  const store = exampleInFake();
  store.excelApi = api;
  if (change) change(store);
  const office = new FakeOffice(store, options);
  const event = new FakeCommandEvent();
  const deps: CommandDeps = { office, run: fakeRun(store), dialogUrl: (c) => 'https://localhost:3000/dialog.html#' + encodeURIComponent(JSON.stringify(c)) };
  return { store, office, event, deps };
}

/** The workbook as 计算得分 in the pane leaves it (same level, same change). */
async function scoredElsewhere(api: '1.1' | '1.4', change?: (store: FakeWorkbook) => void) {
  const store = exampleInFake();
  store.excelApi = api;
  if (change) change(store);
  await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
  return store.dump();
}

/** Lets queued promise callbacks run until `ready` holds (no timers, no timing). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !ready(); i++) await Promise.resolve();
  if (!ready()) throw new Error('condition never reached');
}

describe.each(LEVELS)('ExcelApi %s, with the Dialog API', (api) => {
  it('scores, writes, shows the result and completes when the user closes the dialog', async () => {
    const { store, office, event, deps } = setup(api);
    const running = runScoreCommand(event, deps);
    await until(() => office.dialogs.length === 1);
    await office.answered;
    const dialog = office.dialogs[0];
    expect(dialog.content()).toMatchObject({ ok: true, lines: expect.arrayContaining(['总分 81.53 / 100，评价等级：良。']) });
    expect(store.dump()).toEqual(await scoredElsewhere(api));
    expect(event.completions).toBe(0); // the dialog is still open: the runtime must stay
    dialog.userCloses();
    await running;
    expect(event.completions).toBe(1);
    expect(store.syncCount).toBe(3);
  });

  it('a workbook without names: the dialog sends the user to the pane to confirm the tables found; nothing written', async () => {
    const { store, office, event, deps } = setup(api, {}, (s) => {
      s.names.splice(0, s.names.length);
    });
    const running = runScoreCommand(event, deps);
    await until(() => office.dialogs.length === 1);
    await office.answered;
    const dialog = office.dialogs[0];
    expect(dialog.content()).toMatchObject({ ok: false, lines: [expect.stringContaining('工作簿中没有约定的名称，未计算'), expect.stringContaining('任务窗格')] });
    expect(store.writes).toEqual([]);
    dialog.userCloses();
    await running;
    expect(event.completions).toBe(1);
  });

  it('closes the dialog on its 关闭 button and completes once, even if the dialog then reports an event', async () => {
    const { office, event, deps } = setup(api);
    const running = runScoreCommand(event, deps);
    await until(() => office.dialogs.length === 1);
    await office.answered;
    const dialog = office.dialogs[0];
    dialog.messageParent('close');
    expect(dialog.closed).toBe(true);
    for (const h of dialog.handlers.dialogEventReceived) h({ error: 12006 });
    await running;
    expect(event.completions).toBe(1);
  });

  it.each([[12007], [12009]])('a dialog that cannot open (%i): the result is selected in the workbook, completed once', async (code) => {
    const { store, event, deps } = setup(api, { openFails: code });
    await runScoreCommand(event, deps);
    expect(event.completions).toBe(1);
    expect(store.dump()).toEqual(await scoredElsewhere(api));
    expect([store.activeSheet, store.selection]).toEqual(['评价结果', '评价结果!A14:B23']);
  });

  it('displayDialogAsync throwing: completed once', async () => {
    const { event, deps, store } = setup(api, { openThrows: true });
    await runScoreCommand(event, deps);
    expect(event.completions).toBe(1);
    expect(store.selection).toBe('评价结果!A14:B23');
  });

  it('Excel.run rejecting: the dialog says so; completed once when it closes', async () => {
    const { office, event, deps, store } = setup(api);
    deps.run = () => Promise.reject(new Error('boom'));
    const running = runScoreCommand(event, deps);
    await until(() => office.dialogs.length === 1);
    await office.answered;
    expect(office.dialogs[0].content()).toEqual({ ok: false, lines: [expect.stringContaining('boom'), expect.any(String)] });
    office.dialogs[0].userCloses();
    await running;
    expect(event.completions).toBe(1);
    expect(store.writes).toEqual([]);
  });
});

describe.each(LEVELS)('ExcelApi %s, without the Dialog API', (api) => {
  it('scores and writes as with it, selects the results written, completes once and never touches Office.context.ui', async () => {
    const { store, office, event, deps } = setup(api, { dialogApi: false });
    expect(office.context.ui).toBeUndefined();
    await runScoreCommand(event, deps);
    expect(event.completions).toBe(1);
    expect(store.dump()).toEqual(await scoredElsewhere(api));
    expect([store.activeSheet, store.selection]).toEqual(['评价结果', '评价结果!A14:B23']);
    expect(store.syncCount).toBe(4); // 2 reads + 1 write, then 1 to select
  });

  it('workbook errors: nothing written, the first cell in error selected, completed once', async () => {
    const breakIt = (store: FakeWorkbook) => {
      store.findSheet('绩效指标')!.cell(3, 9).value = '很多'; // J4, 实际完成值: not a number
    };
    const { store, event, deps } = setup(api, { dialogApi: false }, breakIt);
    const before = store.dump();
    await runScoreCommand(event, deps);
    expect(event.completions).toBe(1);
    expect(store.writes).toEqual([]);
    expect(store.dump()).toEqual(before);
    const outcome = (await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook)).outcome!;
    const withCell = outcome.errors.find((e) => 'cell' in e);
    const first = withCell && 'cell' in withCell ? withCell.cell : { sheet: '', row: 0, col: 0 };
    expect(store.selection).toBe(`${first.sheet}!${String.fromCharCode(65 + first.col)}${first.row + 1}`);
  });

  it('an error with no cell (a missing name): nothing selected, completed once', async () => {
    const { store, event, deps } = setup(api, { dialogApi: false }, (s) => {
      s.names.splice(s.names.findIndex((n) => n.name === '绩效指标'), 1);
    });
    await runScoreCommand(event, deps);
    expect(event.completions).toBe(1);
    expect(store.selection).toBeNull();
    expect(store.writes).toEqual([]);
  });

  it('Excel refusing (a protected sheet): nothing left written, completed once', async () => {
    const { store, event, deps } = setup(api, { dialogApi: false }, (s) => {
      s.findSheet('评价结果')!.protected = true;
    });
    const before = store.dump();
    await runScoreCommand(event, deps);
    expect(event.completions).toBe(1);
    expect(store.dump()).toEqual(before);
    expect(store.selection).toBeNull();
  });

  it('Excel.run rejecting, or throwing before it runs: completed once, no rejection', async () => {
    const rejecting = setup(api, { dialogApi: false });
    rejecting.deps.run = () => Promise.reject(new Error('boom'));
    await expect(runScoreCommand(rejecting.event, rejecting.deps)).resolves.toBeUndefined();
    expect(rejecting.event.completions).toBe(1);

    const throwing = setup(api, { dialogApi: false });
    throwing.deps.run = () => {
      throw new ReferenceError('Excel is not defined');
    };
    await expect(runScoreCommand(throwing.event, throwing.deps)).resolves.toBeUndefined();
    expect(throwing.event.completions).toBe(1);
  });

  it('event.completed throwing does not make the command reject', async () => {
    const { event, deps } = setup(api, { dialogApi: false });
    event.completed = () => {
      throw new Error('host gone');
    };
    await expect(runScoreCommand(event, deps)).resolves.toBeUndefined();
  });
});

describe('the strict fake of the common API', () => {
  it('has no Office.context.ui without the Dialog API, and says so through isSetSupported', () => {
    const store = exampleInFake();
    const without = new FakeOffice(store, { dialogApi: false });
    expect(without.context.requirements.isSetSupported('DialogApi', '1.1')).toBe(false);
    expect(() => (without.context.ui as unknown as { displayDialogAsync(): void }).displayDialogAsync()).toThrow(TypeError);
    const withIt = new FakeOffice(store);
    expect(withIt.context.requirements.isSetSupported('DialogApi', '1.1')).toBe(true);
    expect(withIt.context.requirements.isSetSupported('DialogApi', '1.2')).toBe(false);
    store.excelApi = '1.1';
    expect(withIt.context.requirements.isSetSupported('ExcelApi', '1.2')).toBe(false);
  });
});
