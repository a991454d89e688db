/** @jest-environment jsdom */
/**
 * The task pane with the national forms (forms issue §2): 插入模板 offers
 * 部门整体支出 or 项目支出 (one project sheet per click), and the 5-project
 * workbook with its 部门整体 sheet shows one card per evaluation.
 */
import './jsdom-text-codec';
import type { TemplateForm, TemplateKind } from '../../src/hosts/excel/template-layout';
import { createPane, type PanePreferences } from '../../src/taskpane/pane-controller';
import { type CommandDeps, runScoreCommand } from '../../src/taskpane/commands';
import { capabilitiesOf, contextFor, FakeCommandEvent, FakeOffice, fakeRun, FakeWorkbook } from '../fakes/office';
import { EXPECTED, modelCells, nationalBook, nationalFake } from '../support/national-book';

function mount(store: FakeWorkbook, prefs?: PanePreferences) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const pane = createPane(root, { run: (batch) => batch(contextFor(store)), caps: capabilitiesOf(store), prefs });
  const $ = (sel: string) => root.querySelector(sel) as HTMLElement;
  const $$ = (sel: string) => Array.from(root.querySelectorAll(sel)) as HTMLElement[];
  return { pane, $, $$ };
}

function emptyWorkbook(): FakeWorkbook {
  const store = new FakeWorkbook();
  store.excelApi = '1.4';
  store.addSheet('Sheet1');
  return store;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('插入模板 offers 部门整体支出 or 项目支出', () => {
  it('starts on 部门整体支出, as before', () => {
    const { $ } = mount(emptyWorkbook());
    expect(($('input[value="department"]') as HTMLInputElement).checked).toBe(true);
    expect($('.template').textContent).toContain('项目支出');
  });

  it('项目支出 with the example: each click adds one project sheet; 计算得分 then scores each', async () => {
    const store = emptyWorkbook();
    const { $, $$, pane } = mount(store);
    $('input[value="project"]').click();
    $('input[value="example"]').click();
    $('#insert').click();
    await pane.idle();
    expect($('.message--success').textContent).toContain("新增工作表 '项目1'");
    $('#insert').click();
    await pane.idle();
    expect($('.message--success').textContent).toContain("新增工作表 '项目2'");
    expect(store.names).toEqual([]);
    $('#score').click();
    await pane.idle();
    expect($$('.evaluation__title').map((e) => e.textContent)).toEqual(['项目1', '项目2']);
    expect($$('.result__value').map((e) => e.textContent)).toEqual(['93.17', '93.17']);
  });

  it('the choice of form is kept in the preferences', () => {
    const saved: { kind: TemplateKind; form: TemplateForm } = { kind: 'blank', form: 'project' };
    const prefs: PanePreferences = {
      templateKind: () => saved.kind,
      setTemplateKind: (k) => (saved.kind = k),
      templateForm: () => saved.form,
      setTemplateForm: (f) => (saved.form = f),
    };
    const { $, pane } = mount(emptyWorkbook(), prefs);
    expect(pane.state().templateForm).toBe('project');
    $('input[value="department"]').click();
    expect(saved.form).toBe('department');
  });
});

describe('the 5-project national workbook in the pane', () => {
  it('one card per evaluation, titled 部门整体 or with the sheet, each with its total and grade', async () => {
    const model = nationalBook();
    // The cells as the contract reads them (the .xlsx round trip is tested in Node: test/hosts/excel/national-form.test.ts).
    const store = nationalFake(model, modelCells(model));
    const { $, $$, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    expect($$('.evaluation__title').map((e) => e.textContent)).toEqual(EXPECTED.map((e) => e.scope ?? '部门整体'));
    expect($$('.result__value').map((e) => e.textContent)).toEqual(EXPECTED.map((e) => e.total));
    expect($$('.result .grade').map((e) => e.textContent)).toEqual(EXPECTED.map((e) => e.grade));
    // At the top, every evaluation's total on one line, linking to its card.
    expect($$('.overview__item').map((e) => e.textContent)).toEqual(EXPECTED.map((e) => `${e.scope ?? '部门整体'}${e.total} / 100${e.grade}`));
    expect($$('.overview__name').map((a) => document.getElementById(a.getAttribute('href')!.slice(1))!.querySelector('.evaluation__title')!.textContent)).toEqual(
      EXPECTED.map((e) => e.scope ?? '部门整体'),
    );
    expect($('.status').textContent).toContain('已为 6 个评价计分。');
    expect(store.syncCount).toBeLessThanOrEqual(3);
  });

  it('the overview says which evaluation has errors, and that the others were not written', async () => {
    const model = nationalBook();
    const store = nationalFake(model, modelCells(model));
    store.findSheet('疫情防控补助')!.cell(13, 6).value = '十五'; // G14: the 分值 of 防疫物资合格率
    const before = store.dump();
    const { $, $$, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    const line = (name: string) => $$('.overview__item').find((e) => e.querySelector('.overview__name')!.textContent === name)!.textContent;
    expect(line('疫情防控补助')).toBe('疫情防控补助1 处错误');
    expect(line('部门整体')).toBe('部门整体未写入');
    expect(store.dump()).toEqual(before);
  });
});

describe('the ribbon’s 计算得分 on the 5-project national workbook', () => {
  it('the dialog lists the six evaluations, each with its total and grade', async () => {
    const model = nationalBook();
    const store = nationalFake(model, modelCells(model));
    const office = new FakeOffice(store, {});
    const event = new FakeCommandEvent();
    const deps: CommandDeps = { office, run: fakeRun(store), dialogUrl: (c) => 'https://localhost:3000/dialog.html#' + encodeURIComponent(JSON.stringify(c)) };
    const running = runScoreCommand(event, deps);
    for (let i = 0; i < 1000 && office.dialogs.length === 0; i++) await Promise.resolve();
    await office.answered;
    const lines = (office.dialogs[0].content() as { lines: string[] }).lines;
    expect(lines).toEqual(expect.arrayContaining(EXPECTED.map((e) => `${e.scope ?? '部门整体'}：总分 ${e.total}，${e.grade}`)));
    office.dialogs[0].userCloses();
    await running;
    expect(event.completions).toBe(1);
    expect(store.syncCount).toBeLessThanOrEqual(3);
  });
});
