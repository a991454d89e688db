/**
 * Excel host faults at scale, in the strict office.js fake: what
 * test/hosts/excel/error-paths.test.ts proves on the 8-indicator example
 * (edit mode, protection, a name deleted or moved before the first write
 * batch), proven again where the writes need several requests.
 *
 * - Excel on the web refuses requests over 5 MB: 20,000+ output cells are
 *   written in several batches, every request under 5 MB (UTF-8 bytes of the
 *   JSON payloads), every cell written, sync count = 2 reads + one per batch.
 * - A named range resized or deleted between read and write — before the
 *   first batch or between two batches — is detected and nothing is left written.
 * - A protected sheet found only when Excel refuses (ExcelApi 1.1): nothing left written.
 * - Edit mode starting between two batches: reported; once the user leaves
 *   edit mode and retries, the workbook is exactly as after one clean run.
 */
import { scoreInExcel } from '../../src/hosts/excel';
import { chunkBlocks, groupWrites, toExcelValue } from '../../src/hosts/excel/write-blocks';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { contextFor, FakeRequestContext, type FakeWorkbook } from '../fakes/office';
import { exampleInFake } from '../hosts/excel/example-workbook';
import { scoreBook } from '../../src/workbook/score-book';

const FIVE_MB = 5 * 1024 * 1024;
const CAPS_1_1 = { protection: false, addNames: false };
const CAPS = { protection: true, addNames: true };
const INDICATORS = 6700;
/** A long unit (it appears twice in each 计算说明), so that 20,000 cells need more than one request. */
const UNIT = '人次（按季度统计的社区服务对象）';

/** The example with its indicator table replaced by `n` generated indicators (3 output cells each). */
function bigWorkbook(n: number): FakeWorkbook {
  const store = exampleInFake();
  const sheet = store.findSheet('绩效指标')!;
  sheet.cells.length = 3; // title rows and the header (row 3)
  const rows: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    rows.push([
      i === 0 ? '产出指标' : '', '', `第${i + 1}项绩效指标（社区服务事项办结情况）`, kind === 1 ? '≤' : kind === 3 ? '定性' : '≥',
      kind === 1 ? 50 : kind === 3 ? '达到预期' : 100, kind === 2 ? '%' : kind === 3 ? '' : UNIT, '', '',
      kind === 2 ? '98%' : kind === 3 ? '部分达成年度指标并具有一定效果' : 30 + (i % 50), 0.01, '', '', '', '', '偏差原因说明', '',
    ]);
  }
  store.fill('绩效指标', 'A4', rows);
  store.setName('绩效指标', `='绩效指标'!$A$3:$P$${3 + n}`);
  return store;
}

/** UTF-8 bytes of the write payloads of each sync (the fake itself counts JSON characters). */
function measureRequests(): { bytes: number[]; responses: number[]; restore: () => void } {
  const bytes: number[] = [];
  const responses: number[] = [];
  const request = FakeRequestContext.prototype.addRequest;
  const response = FakeRequestContext.prototype.addResponse;
  const spies = [
    jest.spyOn(FakeRequestContext.prototype, 'addRequest').mockImplementation(function (this: FakeRequestContext, payload: unknown) {
      request.call(this, payload);
      const i = this.store.syncCount - 1;
      bytes[i] = (bytes[i] ?? 0) + Buffer.byteLength(JSON.stringify(payload), 'utf8');
    }),
    jest.spyOn(FakeRequestContext.prototype, 'addResponse').mockImplementation(function (this: FakeRequestContext, payload: unknown) {
      response.call(this, payload);
      const i = this.store.syncCount - 1;
      responses[i] = (responses[i] ?? 0) + Buffer.byteLength(JSON.stringify(payload), 'utf8');
    }),
  ];
  return { bytes, responses, restore: () => spies.forEach((s) => s.mockRestore()) };
}

const template = bigWorkbook(INDICATORS);
const templateDump = template.dump();
/** A fresh copy of the big workbook (building it once keeps the file fast). */
function big(): FakeWorkbook {
  const store = exampleInFake();
  store.sheets.length = 0;
  for (const [name, cells] of Object.entries(templateDump)) store.addSheet(name).cells.push(...JSON.parse(JSON.stringify(cells)));
  store.names.length = 0;
  for (const n of template.names) store.names.push({ ...n });
  return store;
}

describe('20,000 output cells through the Excel host', () => {
  it('writes every cell in several requests, each under 5 MB; 2 read syncs + one per batch', async () => {
    const store = big();
    const before = store.dump();
    const measured = measureRequests();
    let result;
    try {
      result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    } finally {
      measured.restore();
    }
    expect(result.hostError).toBeNull();
    const plan = result.outcome!.plan;
    expect(plan.writes.length).toBeGreaterThanOrEqual(20000);
    const batches = chunkBlocks(groupWrites(plan));
    expect(batches.length).toBeGreaterThan(1);
    expect(store.syncCount).toBe(2 + batches.length);
    // Every request and every response under Excel on the web's 5 MB.
    expect(measured.bytes.filter((b) => b > 0).length).toBe(batches.length);
    for (const b of measured.bytes) expect(b ?? 0).toBeLessThan(FIVE_MB);
    for (const r of measured.responses) expect(r ?? 0).toBeLessThan(FIVE_MB);
    // Every planned cell holds its value and format; nothing else changed.
    const expected = JSON.parse(JSON.stringify(before));
    for (const w of plan.writes) {
      const line = (expected[w.address.sheet][w.address.row] ??= []);
      while (line.length <= w.address.col) line.push({ value: '', formula: null, numberFormat: 'General' });
      const cell = line[w.address.col];
      const v = toExcelValue(w.value);
      cell.value = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
      if (w.numberFormat !== undefined) cell.numberFormat = w.numberFormat;
    }
    expect(store.dump()).toEqual(expected);
    // Reported for the closing note (not asserted: speed and sizes are measured by npm run bench).
    process.stdout.write(
      `[excel 20k] ${plan.writes.length} cells, ${batches.length} write requests, ${store.syncCount} syncs, largest request ${Math.max(...measured.bytes.filter(Boolean))} bytes, largest response ${Math.max(...measured.responses.filter(Boolean))} bytes\n`,
    );
  });

  const faults: [string, number, (wb: FakeWorkbook) => void, string, Record<string, unknown>][] = [
    ['a name resized before the first batch', 3, (wb) => wb.setName('评价结果', "='评价结果'!$A$14:$B$24"), 'changed', { detail: 'nameMoved', name: '评价结果' }],
    ['a name resized between two batches', 4, (wb) => wb.setName('评价结果', "='评价结果'!$A$14:$B$24"), 'changed', { detail: 'nameMoved', name: '评价结果' }],
    ['a name deleted before the first batch', 3, (wb) => wb.names.splice(wb.names.findIndex((n) => n.name === '预算执行'), 1), 'changed', { detail: 'nameDeleted' }],
    ['a name deleted between two batches', 4, (wb) => wb.names.splice(wb.names.findIndex((n) => n.name === '预算执行'), 1), 'changed', { detail: 'nameDeleted' }],
  ];
  it.each(faults)('%s: detected, nothing left written', async (_what, sync, change, code, detail) => {
    const store = big();
    const before = store.dump();
    store.beforeSync(sync, change);
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(result.hostError).toEqual({ code, ...detail });
    expect(result.snapshot).toBeNull();
    expect(store.dump()).toEqual(before);
  });

  it('a protected sheet known only by AccessDenied (ExcelApi 1.1): nothing left written', async () => {
    const store = big();
    store.findSheet('评价结果')!.protected = true;
    const before = store.dump();
    const result = await scoreInExcel(contextFor(store), CAPS_1_1, scoreBook);
    expect(result.hostError).toMatchObject({ code: 'protectedSheet' });
    expect(store.dump()).toEqual(before);
  });

  it('a protected sheet known before writing (ExcelApi 1.2): not one write request', async () => {
    const store = big();
    store.findSheet('绩效指标')!.protected = true;
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(result.hostError).toEqual({ code: 'protectedSheet', sheets: ['绩效指标'], certain: true });
    expect(store.writes).toEqual([]);
    expect(store.syncCount).toBe(2);
  });

  it('edit mode from the start: nothing read, nothing written', async () => {
    const store = big();
    const before = store.dump();
    store.editMode = true;
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(result.hostError).toEqual({ code: 'editMode' });
    expect(store.writes).toEqual([]);
    expect(store.dump()).toEqual(before);
  });

  it('edit mode starting before the first batch: nothing written', async () => {
    const store = big();
    const before = store.dump();
    store.beforeSync(3, (wb) => (wb.editMode = true));
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(result.hostError).toEqual({ code: 'editMode' });
    expect(store.dump()).toEqual(before);
  });

  it('edit mode starting between two batches: reported; 重试 after editing gives the clean result', async () => {
    const clean = big();
    await scoreInExcel(contextFor(clean), CAPS, scoreBook);

    const store = big();
    store.beforeSync(4, (wb) => (wb.editMode = true));
    const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(result.hostError).toEqual({ code: 'editMode' });
    store.editMode = false;
    const retry = await scoreInExcel(contextFor(store), CAPS, scoreBook);
    expect(retry.hostError).toBeNull();
    expect(store.dump()).toEqual(clean.dump());
  });
});
