/** @jest-environment jsdom */
/**
 * The Excel task pane (jsdom, strict office.js fake) on the 执行率封顶 rule
 * book: the result card names the preset in one line and shows the capped
 * total and its local grade; without a preset there is no such line.
 */
import './jsdom-text-codec';
import { createPane } from '../../src/taskpane/pane-controller';
import { contextFor, FakeWorkbook, workbookFromCells } from '../fakes/office';
import { cellsOf, EXAMPLE_NAMES, exampleInFake } from '../hosts/excel/example-workbook';
import { RULE_BOOKS, ruleBookBytes } from '../support/rule-books';

async function scored(store: FakeWorkbook) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const pane = createPane(root, { run: (batch) => batch(contextFor(store)), caps: { protection: true, addNames: true } });
  (root.querySelector('#score') as HTMLElement).click();
  await pane.idle();
  return (sel: string) => root.querySelector(sel) as HTMLElement | null;
}

afterEach(() => {
  document.body.innerHTML = '';
});

test('执行率封顶: 79.00, 一般 (the lowest-but-one grade colour), and a 规则方案 line', async () => {
  const book = RULE_BOOKS.find((b) => b.preset === '执行率封顶')!;
  const $ = await scored(workbookFromCells(cellsOf(ruleBookBytes(book)), EXAMPLE_NAMES));
  expect($('.result__value')!.textContent).toBe('79.00');
  expect($('.grade')!.textContent).toBe('一般');
  expect($('.grade')!.className).toBe('grade grade--pass');
  expect($('.result__preset')!.textContent).toBe('规则方案执行率封顶');
  expect($('.issues--warning')!.textContent).toContain('预算执行率 68.20% 低于 70%，总分上限 79 分：由 84.23 调为 79.00');
});

test('without a preset the result card is v1’s', async () => {
  const $ = await scored(exampleInFake());
  expect($('.result__value')!.textContent).toBe('81.53');
  expect($('.result__preset')).toBeNull();
});
