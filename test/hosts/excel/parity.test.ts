/**
 * Cross-host parity: the example workbook scored through the Excel host (in
 * the strict fake) gives exactly the write plan and the cell values the xlsx
 * host gives, within 3 syncs.
 */
import { EXCEL_API_1_1_ONLY, scoreInExcel } from '../../../src/hosts/excel';
import { applyPlanToFile, readWorkbookFile } from '../../../src/hosts/xlsx';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { contextFor } from '../../fakes/office';
import { exampleBytes, exampleInFake } from './example-workbook';
import { fakeCells, fileCells } from '../../support/cell-maps';
import { scoreBook } from '../../../src/workbook/score-book';



describe('Excel host parity with the xlsx host on the example workbook', () => {
  const bytes = exampleBytes();
  const fileInput = readWorkbookFile(bytes);
  if (!fileInput.ok) throw new Error('example unreadable');
  const fileOutcome = scoreWorkbook(fileInput.value);

  it('reads the same WorkbookInput and plans the same writes', async () => {
    const store = exampleInFake();
    const result = await scoreInExcel(contextFor(store), EXCEL_API_1_1_ONLY, scoreBook);
    expect(result.hostError).toBeNull();
    expect(result.outcome!.evaluations.length).toBe(1);
    const { scope, ...only } = result.outcome!.evaluations[0];
    expect(scope).toBeNull();
    expect(only).toEqual(fileOutcome);
    expect(result.outcome!.plan).toEqual(fileOutcome.plan);
    expect(only.summary?.total).toBe('81.53');
    expect(only.summary?.grade).toBe('良');
    expect(only.summary?.execution.rate).toBe('0.9316');
    expect(only.summary?.execution.score).toBe('9.32');
    expect(store.syncCount).toBeLessThanOrEqual(3);
  });

  it('leaves the same cells with the same values and formats as the file host', async () => {
    const store = exampleInFake();
    await scoreInExcel(contextFor(store), EXCEL_API_1_1_ONLY, scoreBook);
    const written = applyPlanToFile(bytes, fileOutcome.plan);
    if (!written.ok) throw new Error('file host failed');
    const mine = fakeCells(store);
    expect(mine.get('绩效指标')!.get('M5')).toEqual([12, '0.00']);
    expect(mine.get('评价结果')!.get('B17')).toEqual([81.53, '0.00']);
    expect(mine).toEqual(fileCells(written.value));
  });

  it('writes contiguous output cells as blocks, one values and one numberFormat assignment each', async () => {
    const store = exampleInFake();
    await scoreInExcel(contextFor(store), EXCEL_API_1_1_ONLY, scoreBook);
    const values = store.writes.filter((w) => w.property === 'values');
    const formats = store.writes.filter((w) => w.property === 'numberFormat');
    expect(values.length).toBeLessThan(fileOutcome.plan.writes.length / 4);
    expect(formats.length).toBeLessThanOrEqual(values.length);
    const cells = values.reduce((n, w) => n + w.rows * w.cols, 0);
    expect(cells).toBe(fileOutcome.plan.writes.length);
  });
});
