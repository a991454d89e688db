/** @jest-environment jsdom */
/**
 * The task pane with a workbook without names (forms issue §3): 计算得分
 * shows 识别表格 — each table with its range (a click selects it in Excel),
 * the names to define and 设定名称并计算 (ExcelApi 1.4) or 按这些表格计算
 * (ExcelApi 1.1, which cannot add names and says so); an ambiguous
 * workbook shows what stops the proposal and offers no button.
 */
import './jsdom-text-codec';
import { createPane } from '../../src/taskpane/pane-controller';
import { capabilitiesOf, contextFor, type FakeExcelApi, FakeWorkbook } from '../fakes/office';
import { EXPECTED, modelCells, nationalBook, nationalFake } from '../support/national-book';

function mount(store: FakeWorkbook) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const pane = createPane(root, { run: (batch) => batch(contextFor(store)), caps: capabilitiesOf(store) });
  const $ = (sel: string) => root.querySelector(sel) as HTMLElement;
  const $$ = (sel: string) => Array.from(root.querySelectorAll(sel)) as HTMLElement[];
  return { pane, $, $$ };
}

/** The national 5-project workbook with its names removed. */
function nameless(level: FakeExcelApi): FakeWorkbook {
  const model = nationalBook();
  const store = nationalFake({ ...model, names: [] }, modelCells(model));
  store.excelApi = level;
  return store;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('识别表格 in the pane', () => {
  it('计算得分 shows every table found with its range; a click selects the range in Excel', async () => {
    const store = nameless('1.4');
    const before = store.dump();
    const { $, $$, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    expect($('#proposal h2').textContent).toBe('识别表格');
    const tables = $$('.proposal__tables .proposal__range');
    // Every sheet of the workbook holds tables: 部门整体 and the five projects.
    const sheets = new Set(tables.map((t) => /工作表“([^”]+)”/.exec(t.textContent!)![1]));
    expect([...sheets].sort()).toEqual(EXPECTED.map((e) => e.scope ?? '部门整体').sort());
    expect(tables[0].textContent).toMatch(/^在工作表“.+”第 \d+ 行找到.+表 [A-Z]+\d+:[A-Z]+\d+/);
    expect(store.dump()).toEqual(before);
    expect($$('.evaluation__title')).toEqual([]);

    const first = tables[0];
    first.click();
    await pane.idle();
    await new Promise((r) => setTimeout(r, 0));
    const range = first.getAttribute('data-range')!;
    const sheet = /^'?(.+?)'?!/.exec(range)![1];
    expect(store.activeSheet).toBe(sheet);
    expect(store.selection).toBe(range.replace(/^'(.*)'!/, '$1!')); // Excel writes the sheet unquoted when it needs no quotes
  });

  it('设定名称并计算 adds the names and scores: one card per evaluation, as the named workbook', async () => {
    const store = nameless('1.4');
    const { $, $$, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    const names = $$('.proposal__names li').map((li) => li.textContent);
    expect(names.length).toBeGreaterThan(0);
    expect($('#confirm-proposal').textContent).toBe('设定名称并计算');
    expect($('.proposal__hint').textContent).toContain('撤销本次计算会同时删除这些名称');
    store.syncCount = 0;
    $('#confirm-proposal').click();
    await pane.idle();
    expect(store.syncCount).toBeLessThanOrEqual(3);
    expect($('#proposal')).toBeNull();
    expect($$('.result__value').map((e) => e.textContent)).toEqual(EXPECTED.map((e) => e.total));
    expect($('.status').textContent).toContain(`已在工作簿中设定 ${names.length} 个名称`);
    expect(store.names.length + store.sheets.reduce((n, s) => n + s.names.length, 0)).toBe(names.length);
    // 撤销本次计算 puts the cells back and deletes the names.
    $('#undo').click();
    await pane.idle();
    expect(store.names.length + store.sheets.reduce((n, s) => n + s.names.length, 0)).toBe(0);
  });

  it('on ExcelApi 1.1 the button scores the tables shown, and says the names could not be added', async () => {
    const store = nameless('1.1');
    const { $, $$, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    expect($('#confirm-proposal').textContent).toBe('按这些表格计算');
    expect($('.proposal__hint').textContent).toContain('不能添加名称');
    $('#confirm-proposal').click();
    await pane.idle();
    expect($$('.result__value').map((e) => e.textContent)).toEqual(EXPECTED.map((e) => e.total));
    expect($('.status').textContent).toContain('此版本的 Excel 无法添加名称，已按上面识别的表格计算');
    expect(store.names).toEqual([]);
  });

  it('an ambiguous workbook lists what stops the proposal, offers no button and writes nothing', async () => {
    const store = nameless('1.4');
    // A second indicator table on 部门整体: copy its rows below the form.
    const sheet = store.findSheet('部门整体')!;
    const rows = sheet.cells.length;
    for (let r = 0; r < rows; r++) for (let c = 0; c < (sheet.cells[r] || []).length; c++) {
      const from = sheet.peek(r, c);
      const to = sheet.cell(rows + 5 + r, c);
      to.value = from.value;
      to.numberFormat = from.numberFormat;
    }
    const before = store.dump();
    const { $, $$, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    expect($('#proposal')).not.toBeNull();
    expect($('#confirm-proposal')).toBeNull();
    const problems = $$('.proposal__problems li').map((li) => li.textContent);
    expect(problems.some((p) => /工作簿中有 2 张|工作表“部门整体”中有 2 张/.test(p!))).toBe(true);
    expect(store.dump()).toEqual(before);
  });

  it('an empty workbook: nothing found, and 插入模板 is suggested', async () => {
    const store = new FakeWorkbook();
    store.addSheet('Sheet1');
    const { $, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    expect($('#proposal').textContent).toContain('没有找到任何约定的表格。可以用下面的“插入模板”');
    expect($('#confirm-proposal')).toBeNull();
  });
});
