/** @jest-environment jsdom */
/**
 * The marks on a result in the Excel pane (jsdom, strict office.js fake):
 * on the 执行率封顶 rule book the capped total and 解决就业人数's 偏离扣分
 * are marked 规则调整 with their notes; the 一级指标 blocks carry the
 * subtotals of the scores shown (13.00 after the penalty); a table without
 * 一级指标 is one block without a heading.
 */
import './jsdom-text-codec';
import { createPane } from '../../src/taskpane/pane-controller';
import { contextFor, FakeWorkbook, workbookFromCells } from '../fakes/office';
import { cellsOf, EXAMPLE_NAMES } from '../hosts/excel/example-workbook';
import { exampleWith } from '../support/fixtures';
import { RULE_BOOKS, ruleBookBytes } from '../support/rule-books';

async function scored(store: FakeWorkbook) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const pane = createPane(root, { run: (batch) => batch(contextFor(store)), caps: { protection: true, addNames: true } });
  (root.querySelector('#score') as HTMLElement).click();
  await pane.idle();
  return {
    one: (sel: string) => root.querySelector(sel) as HTMLElement | null,
    all: (sel: string) => Array.from(root.querySelectorAll(sel)) as HTMLElement[],
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

test('执行率封顶: the capped total and the penalised indicator are marked 规则调整, with their notes', async () => {
  const book = RULE_BOOKS.find((b) => b.preset === '执行率封顶')!;
  const { one, all } = await scored(workbookFromCells(cellsOf(ruleBookBytes(book)), EXAMPLE_NAMES));
  expect(one('.result__adjusted')!.textContent).toContain('由 84.23 调为 79.00');
  const marked = all('.indicator').filter((li) => li.querySelector('.mark--adjusted'));
  expect(marked.map((li) => li.querySelector('.indicator__name')!.textContent)).toEqual(['解决就业人数']);
  expect(marked[0].querySelector('.mark--adjusted')!.getAttribute('title')).toContain('13.00');
  expect(all('.mark--manual')).toEqual([]);
  expect(all('.block__score').map((e) => e.textContent)).toEqual(['54.41/65', '13.00/15', '10.00/10']);
});

test('without 一级指标 the indicators are one block, without a heading', async () => {
  const cleared: Record<string, null> = {};
  for (let row = 4; row <= 11; row++) cleared[`绩效指标!A${row}`] = null;
  const { all } = await scored(workbookFromCells(cellsOf(exampleWith(cleared)), EXAMPLE_NAMES));
  expect(all('.block')).toHaveLength(1);
  expect(all('.block__head')).toEqual([]);
  expect(all('.indicator')).toHaveLength(8);
});

test('the print heading is in the pane too, hidden on screen, with the total and grade', async () => {
  const { one } = await scored(workbookFromCells(cellsOf(exampleWith({})), EXAMPLE_NAMES));
  const heading = one('.print-heading')!;
  expect(heading.className).toContain('print-only');
  expect(heading.textContent).toContain('总分：81.53 / 100');
  expect(heading.textContent).toContain('评价等级：良');
});
