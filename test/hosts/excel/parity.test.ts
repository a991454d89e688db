/**
 * Cross-host parity: the example workbook scored through the Excel host (in
 * the strict fake) gives exactly the write plan and the cell values the xlsx
 * host gives, within 3 syncs.
 */
import { EXCEL_API_1_1_ONLY, scoreInExcel } from '../../../src/hosts/excel';
import { applyPlanToFile, readWorkbookFile } from '../../../src/hosts/xlsx';
import { a1 } from '../../../src/workbook/address';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { contextFor, type FakeWorkbook } from '../../fakes/office';
import { cellsOf, exampleBytes, exampleInFake } from './example-workbook';

/** Every non-empty cell of the fake as sheet → A1 → [value, numberFormat]. */
function fakeCells(store: FakeWorkbook): Map<string, Map<string, [unknown, string]>> {
  const out = new Map<string, Map<string, [unknown, string]>>();
  for (const sheet of store.sheets) {
    const cells = new Map<string, [unknown, string]>();
    sheet.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell.value !== '' || cell.numberFormat !== 'General') cells.set(a1(r, c), [cell.value, cell.numberFormat]);
      }),
    );
    out.set(sheet.name, cells);
  }
  return out;
}

function fileCells(bytes: Uint8Array): Map<string, Map<string, [unknown, string]>> {
  const out = new Map<string, Map<string, [unknown, string]>>();
  cellsOf(bytes).forEach((cells, sheet) => {
    const m = new Map<string, [unknown, string]>();
    cells.forEach((cell, ref) => {
      if (cell.value !== null || cell.numberFormat !== 'General') m.set(ref, [cell.value === null ? '' : cell.value, cell.numberFormat]);
    });
    out.set(sheet, m);
  });
  return out;
}

describe('Excel host parity with the xlsx host on the example workbook', () => {
  const bytes = exampleBytes();
  const fileInput = readWorkbookFile(bytes);
  if (!fileInput.ok) throw new Error('example unreadable');
  const fileOutcome = scoreWorkbook(fileInput.value);

  it('reads the same WorkbookInput and plans the same writes', async () => {
    const store = exampleInFake();
    const result = await scoreInExcel(contextFor(store), EXCEL_API_1_1_ONLY, scoreWorkbook);
    expect(result.hostError).toBeNull();
    expect(result.outcome).toEqual(fileOutcome);
    expect(result.outcome?.summary?.total).toBe('81.53');
    expect(result.outcome?.summary?.grade).toBe('良');
    expect(result.outcome?.summary?.execution.rate).toBe('0.9316');
    expect(result.outcome?.summary?.execution.score).toBe('9.32');
    expect(store.syncCount).toBeLessThanOrEqual(3);
  });

  it('leaves the same cells with the same values and formats as the file host', async () => {
    const store = exampleInFake();
    await scoreInExcel(contextFor(store), EXCEL_API_1_1_ONLY, scoreWorkbook);
    const written = applyPlanToFile(bytes, fileOutcome.plan);
    if (!written.ok) throw new Error('file host failed');
    const mine = fakeCells(store);
    expect(mine.get('绩效指标')!.get('M5')).toEqual([12, '0.00']);
    expect(mine.get('评价结果')!.get('B17')).toEqual([81.53, '0.00']);
    expect(mine).toEqual(fileCells(written.value));
  });

  it('writes contiguous output cells as blocks, one values and one numberFormat assignment each', async () => {
    const store = exampleInFake();
    await scoreInExcel(contextFor(store), EXCEL_API_1_1_ONLY, scoreWorkbook);
    const values = store.writes.filter((w) => w.property === 'values');
    const formats = store.writes.filter((w) => w.property === 'numberFormat');
    expect(values.length).toBeLessThan(fileOutcome.plan.writes.length / 4);
    expect(formats.length).toBeLessThanOrEqual(values.length);
    const cells = values.reduce((n, w) => n + w.rows * w.cols, 0);
    expect(cells).toBe(fileOutcome.plan.writes.length);
  });
});
