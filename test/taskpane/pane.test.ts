/** @jest-environment jsdom */
/**
 * The task pane in jsdom, driven by the strict office.js fake: state,
 * rendering of results and issues, and the actions.
 */
import './jsdom-text-codec';
import { createPane } from '../../src/taskpane/pane-controller';
import { startStandalone } from '../../src/taskpane/standalone';
import { contextFor, FakeWorkbook } from '../fakes/office';
import { exampleInFake } from '../hosts/excel/example-workbook';

const CAPS = { protection: true, addNames: true };

function mount(store: FakeWorkbook) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const pane = createPane(root, { run: (batch) => batch(contextFor(store)), caps: CAPS });
  const $ = (sel: string) => root.querySelector(sel) as HTMLElement;
  const $$ = (sel: string) => Array.from(root.querySelectorAll(sel)) as HTMLElement[];
  return { root, pane, $, $$ };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('task pane', () => {
  it('starts with 计算得分, a disabled 撤销本次计算 and the template choice', () => {
    const { $ } = mount(exampleInFake());
    expect($('#score').textContent).toBe('计算得分');
    expect($('#undo').hasAttribute('disabled')).toBe(true);
    expect($('#insert').textContent).toBe('插入模板');
    expect(($('input[value="blank"]') as HTMLInputElement).checked).toBe(true);
  });

  it('shows progress, then the result card, indicators and warnings', async () => {
    const store = exampleInFake();
    const { $, $$, pane } = mount(store);
    $('#score').click();
    expect($('#score').getAttribute('aria-busy')).toBe('true');
    expect($('#score').textContent).toBe('正在计算…');
    expect($('#score').hasAttribute('disabled')).toBe(true);
    await pane.idle();
    expect($('.result__value').textContent).toBe('81.53');
    expect($('.result__max').textContent).toBe(' / 100 满分');
    expect($('.grade').textContent).toBe('良');
    expect($('.grade').className).toBe('grade grade--good');
    expect($('.result__execution').textContent).toBe('预算执行率93.16%，得分 9.32 / 10');
    expect($$('.indicator').length).toBe(8);
    expect($$('.indicator__name')[0].textContent).toBe('公务用车经费下降率');
    expect($$('.indicator__score')[0].textContent).toBe('0.00/8');
    expect($('.status').textContent).toContain('总分 81.53 / 100，评价等级：良。');
    expect($('#undo').hasAttribute('disabled')).toBe(false);
    expect(store.syncCount).toBeLessThanOrEqual(3);
  });

  it('expands 计算说明 with the keyboard-focusable toggle and keeps focus on it', async () => {
    const { $, $$, pane } = mount(exampleInFake());
    $('#score').click();
    await pane.idle();
    const toggle = $$('.indicator__toggle')[1];
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.focus();
    toggle.click();
    const reopened = $$('.indicator__toggle')[1];
    expect(reopened.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(reopened);
    expect($('.indicator__note').textContent!.length).toBeGreaterThan(0);
  });

  it('lists errors (nothing written) and selects the cell when one is clicked', async () => {
    const store = exampleInFake();
    store.findSheet('绩效指标')!.cell(3, 9).value = '八分'; // J4 分值
    const before = store.dump();
    const { $, $$, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    expect($('.result')).toBeNull();
    expect($('.status').textContent).toContain('未写入任何内容');
    const items = $$('.issue--error .issue__link');
    expect(items.length).toBe(1);
    expect(items[0].textContent).toContain("'绩效指标'!J4");
    items[0].click();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.selection).toBe('绩效指标!J4');
    expect(store.activeSheet).toBe('绩效指标');
    expect(store.dump()).toEqual(before);
  });

  it('in edit mode says so and offers 重试, which then works', async () => {
    const store = exampleInFake();
    store.editMode = true;
    const { $, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    expect($('.message--error').textContent).toContain('结束编辑');
    store.editMode = false;
    $('[data-focus="retry"]').click();
    await pane.idle();
    expect($('.result__value').textContent).toBe('81.53');
  });

  it('撤销本次计算 restores the workbook and says so', async () => {
    const store = exampleInFake();
    const before = store.dump();
    const { $, pane } = mount(store);
    $('#score').click();
    await pane.idle();
    $('#undo').click();
    await pane.idle();
    expect(store.dump()).toEqual(before);
    expect($('.message--success').textContent).toBe('已恢复计算前的数值和格式。');
    expect($('#undo').hasAttribute('disabled')).toBe(true);
  });

  it('插入模板 with the example data, then 计算得分, on an empty workbook', async () => {
    const store = new FakeWorkbook();
    store.addSheet('Sheet1');
    const { $, pane } = mount(store);
    $('input[value="example"]').click();
    expect(pane.state().templateKind).toBe('example');
    $('#insert').click();
    await pane.idle();
    expect($('.message--success').textContent).toContain("新增工作表 '预算执行'、'绩效指标'、'评价结果'");
    $('#score').click();
    await pane.idle();
    expect($('.result__value').textContent).toBe('81.53');
  });

  it('refuses 插入模板 when the names exist', async () => {
    const { $, pane } = mount(exampleInFake());
    $('#insert').click();
    await pane.idle();
    expect($('.message--error').textContent).toContain('工作簿中已有名称');
  });
});

describe('standalone placeholder', () => {
  it('renders the 选择工作簿 area', () => {
    const root = document.createElement('div');
    startStandalone(root);
    expect(root.querySelector('#standalone')!.textContent).toContain('选择工作簿');
  });
});
