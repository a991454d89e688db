/**
 * The 5-project workbook in the national layout with its 部门整体 sheet
 * (test/support/national-book.ts) in the Excel host: the strict office.js
 * fake at ExcelApi 1.4 (sheet-scoped names on Worksheet.names, merges as
 * Excel has them: only the top-left cell holds content). Six evaluations in
 * at most three syncs, the same cells as the file host writes, and
 * 撤销本次计算 puts every one of them back.
 */
import { scoreInExcel, undoWrites } from '../../../src/hosts/excel';
import { openWorkbookFile, readAllCells } from '../../../src/hosts/xlsx';
import { fileErrorText } from '../../../src/messages/file-errors';
import { a1, parseA1 } from '../../../src/workbook/address';
import { scoreBook } from '../../../src/workbook/score-book';
import { capabilitiesOf, contextFor, type FakeWorkbook } from '../../fakes/office';
import { EXPECTED, nationalBook, nationalFake } from '../../support/national-book';
import { nationalXlsx } from '../../support/national-xlsx';
import { render } from '../../support/grid';

const model = nationalBook();
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await nationalXlsx(model);
});

function fake(): FakeWorkbook {
  const cells = readAllCells(bytes);
  if (!cells.ok) throw new Error(fileErrorText(cells.error));
  const store = nationalFake(model, cells.value);
  store.excelApi = '1.4';
  return store;
}

function filePlan() {
  const opened = openWorkbookFile(bytes);
  if (!opened.ok) throw new Error(fileErrorText(opened.error));
  return scoreBook(opened.value.book);
}

type Dump = ReturnType<FakeWorkbook['dump']>;

/** A dump without the blank cells a write materialized at the end of a row (a blank General cell is no cell in Excel). */
function trimmed(dump: Dump): Dump {
  const blank = (c: { value: unknown; formula: unknown; numberFormat: string }) => c.value === '' && c.formula === null && c.numberFormat === 'General';
  const out: Dump = {};
  for (const [name, rows] of Object.entries(dump)) {
    out[name] = rows.map((line) => {
      const copy = line.slice();
      while (copy.length > 0 && blank(copy[copy.length - 1])) copy.pop();
      return copy;
    });
    while (out[name].length > 0 && out[name][out[name].length - 1].length === 0) out[name].pop();
  }
  return out;
}

describe('the 5-project national workbook in Excel (ExcelApi 1.4)', () => {
  it('scores the six evaluations in at most 3 syncs, as worked out by hand', async () => {
    const store = fake();
    const result = await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
    expect(result.hostError).toBeNull();
    const outcome = result.outcome!;
    expect(outcome.errors).toEqual([]);
    expect(outcome.evaluations.map((e) => [e.scope, e.summary!.total, e.summary!.grade, e.summary!.execution.rate])).toEqual(
      EXPECTED.map((e) => [e.scope, e.total, e.grade, e.executionRate]),
    );
    expect(outcome.evaluations.map((e) => e.warnings.map((w) => w.code))).toEqual(EXPECTED.map((e) => e.warnings));
    expect(store.syncCount).toBeLessThanOrEqual(3);
  });

  it('writes the cells the file host writes, and they hold the figures worked out by hand', async () => {
    const store = fake();
    const result = await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
    const plan = result.outcome!.plan;
    expect(plan).toEqual(filePlan().plan);
    for (const e of EXPECTED) {
      const sheet = store.findSheet(e.scope ?? '部门整体')!;
      for (const [ref, value] of Object.entries(e.cells)) {
        const at = parseA1(ref)!;
        expect([e.scope, ref, sheet.peek(at.row, at.col).value]).toEqual([e.scope, ref, value]);
      }
    }
    // Nothing outside the plan changed: the user's formulas in 总分 cells are still there.
    const libraries = store.findSheet('免费开放补助')!;
    expect(libraries.peek(19, 7)).toMatchObject({ value: 60, formula: '=CACHED()' });
    expect(store.findSheet('基层监督建设')!.peek(20, 7)).toMatchObject({ value: 98.85, formula: '=CACHED()' });
    const planned = new Set(plan.writes.map((w) => render(w.address)));
    const before = fake().dump();
    const after = store.dump();
    for (const [name, rows] of Object.entries(after)) {
      rows.forEach((line, r) =>
        line.forEach((cell, c) => {
          const ref = `'${name}'!${a1(r, c)}`;
          if (planned.has(ref)) return;
          const old = before[name][r]?.[c] ?? { value: '', formula: null, numberFormat: 'General' };
          expect([ref, cell]).toEqual([ref, old]);
        }),
      );
    }
  });

  it('撤销本次计算 undoes every evaluation’s writes at once', async () => {
    const store = fake();
    const before = store.dump();
    const result = await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
    expect(store.dump()).not.toEqual(before);
    const sheets = new Set(result.snapshot!.blocks.map((b) => b.sheet));
    expect(sheets.size).toBe(6);
    store.syncCount = 0;
    expect(await undoWrites(contextFor(store), result.snapshot)).toEqual({ ok: true });
    expect(trimmed(store.dump())).toEqual(trimmed(before));
    expect(store.syncCount).toBe(2);
  });
});
