/**
 * Every Excel error path gives its Chinese message and leaves the workbook
 * exactly as it was.
 */
import { issueText } from '../../../src/messages/issues';
import { applyPlan, EXCEL_API_1_1_ONLY, readWorkbook, scoreInExcel } from '../../../src/hosts/excel';
import type { RawRange } from '../../../src/hosts/excel/read-workbook';
import { CONTRACT_NAMES } from '../../../src/workbook/cells';
import { hostErrorMessage } from '../../../src/messages/excel-ui';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { capabilitiesOf, contextFor, FakeOfficeError, type FakeWorkbook } from '../../fakes/office';
import { exampleInFake } from './example-workbook';
import { scoreBook } from '../../../src/workbook/score-book';

const WITH_PROTECTION = { protection: true, addNames: true };

async function score(store: FakeWorkbook, caps = EXCEL_API_1_1_ONLY) {
  return scoreInExcel(contextFor(store), caps, scoreBook);
}

describe('Excel error paths', () => {
  it('edit mode: asks the user to finish editing, offers 重试, writes nothing', async () => {
    const store = exampleInFake();
    const before = store.dump();
    store.editMode = true;
    const result = await score(store);
    expect(result.hostError).toEqual({ code: 'editMode' });
    expect(hostErrorMessage(result.hostError!)).toContain('请按 Enter 或 Esc 结束编辑');
    expect(store.dump()).toEqual(before);
    expect(store.writes).toEqual([]);
  });

  it('protected sheet known before writing (ExcelApi 1.2): names the sheet, writes nothing', async () => {
    const store = exampleInFake();
    store.findSheet('评价结果')!.protected = true;
    const before = store.dump();
    const result = await score(store, WITH_PROTECTION);
    expect(result.hostError).toEqual({ code: 'protectedSheet', sheets: ['评价结果'], certain: true });
    expect(hostErrorMessage(result.hostError!)).toContain("工作表 '评价结果' 受保护");
    expect(store.syncCount).toBe(2);
    expect(store.writes).toEqual([]);
    expect(store.dump()).toEqual(before);
  });

  it.each([
    [['评价结果']],
    [['绩效指标']],
    [['预算执行']],
    [['绩效指标', '评价结果']],
  ])('protected sheet found only by AccessDenied (ExcelApi 1.1): rolls back what was written and names only %j', async (locked) => {
    const store = exampleInFake();
    store.excelApi = '1.1';
    for (const sheet of locked) store.findSheet(sheet)!.protected = true;
    const before = store.dump();
    const result = await score(store, capabilitiesOf(store));
    expect(result.hostError).toEqual({ code: 'protectedSheet', sheets: locked, certain: true, restored: true });
    const message = hostErrorMessage(result.hostError!);
    for (const sheet of ['预算执行', '绩效指标', '评价结果']) {
      expect([sheet, message.indexOf("'" + sheet + "'") >= 0]).toEqual([sheet, locked.indexOf(sheet) >= 0]);
    }
    expect(message).toContain('已恢复');
    expect(result.snapshot).toBeNull();
    expect(store.dump()).toEqual(before);
  });

  it('the sheets before the protected one were written, then restored; the success path stays at 3 syncs', async () => {
    const store = exampleInFake();
    store.excelApi = '1.1';
    store.findSheet('评价结果')!.protected = true;
    const result = await score(store, capabilitiesOf(store));
    expect(result.hostError && result.hostError.code).toBe('protectedSheet');
    expect(store.writes.length).toBeGreaterThan(0);
    expect(store.syncCount).toBeGreaterThan(3); // the failure path probes sheet by sheet

    const clean = exampleInFake();
    clean.excelApi = '1.1';
    const ok = await score(clean, capabilitiesOf(clean));
    expect(ok.hostError).toBeNull();
    expect(clean.syncCount).toBe(3);
  });

  it('a protected sheet in a later request (ExcelApi 1.1): earlier requests are undone, only that sheet is named', async () => {
    const store = exampleInFake();
    store.excelApi = '1.1';
    store.findSheet('评价结果')!.protected = true;
    const before = store.dump();
    const context = contextFor(store);
    const read = await readWorkbook(context, capabilitiesOf(store));
    const outcome = scoreWorkbook(read.input);
    const prior: RawRange[] = read.ranges.map((r) => r.raw);
    expect(prior.length).toBe(CONTRACT_NAMES.length);
    // One row per request: the other sheets' requests all succeed before 评价结果 refuses.
    const applied = await applyPlan(context, outcome.plan, { prior, maxRequestBytes: 1 });
    expect(applied).toEqual({ ok: false, error: { code: 'protectedSheet', sheets: ['评价结果'], certain: true, restored: true } });
    expect(store.writes.length).toBeGreaterThan(3);
    expect(store.dump()).toEqual(before);
  });

  it('an AccessDenied the rollback does not meet again: the sheets of the batch, not named protected for certain', async () => {
    const store = exampleInFake();
    store.excelApi = '1.1';
    const before = store.dump();
    // AccessDenied on the batch itself (as when something outside Excel blocks it), not from one sheet.
    store.beforeSync(3, (wb) => {
      wb.findSheet('评价结果')!.protected = true;
    });
    store.beforeSync(4, (wb) => {
      wb.findSheet('评价结果')!.protected = false;
    });
    const result = await score(store, capabilitiesOf(store));
    expect(result.hostError).toMatchObject({ code: 'protectedSheet', certain: false });
    expect(store.dump()).toEqual(before);
  });

  it('a name deleted between read and write: nothing written', async () => {
    const store = exampleInFake();
    const before = store.dump();
    store.beforeSync(3, (wb) => wb.names.splice(wb.names.findIndex((n) => n.name === '评价结果'), 1));
    const result = await score(store);
    expect(result.hostError).toEqual({ code: 'changed', detail: 'nameDeleted' });
    expect(hostErrorMessage(result.hostError!)).toContain('本次未写入任何内容');
    expect(store.writes).toEqual([]);
    expect(store.dump()).toEqual(before);
  });

  it('a name moved between read and write: writes are undone', async () => {
    const store = exampleInFake();
    const before = store.dump();
    store.beforeSync(3, (wb) => wb.setName('评价结果', "='评价结果'!$A$14:$B$24"));
    const result = await score(store);
    expect(result.hostError).toEqual({ code: 'changed', detail: 'nameMoved', name: '评价结果' });
    expect(hostErrorMessage(result.hostError!)).toContain('名称“评价结果”的引用范围被修改');
    expect(store.dump()).toEqual(before);
  });

  it('a formula typed into an output cell between read and write: the formula is kept', async () => {
    const store = exampleInFake();
    store.beforeSync(3, (wb) => {
      const cell = wb.findSheet('绩效指标')!.cell(3, 12); // M4, 得分
      cell.formula = '=J4';
      cell.value = 8;
    });
    const result = await score(store);
    expect(result.hostError).toEqual({ code: 'changed', detail: 'formula', cell: "'绩效指标'!M4" });
    expect(hostErrorMessage(result.hostError!)).toContain("读取之后 '绩效指标'!M4 中被输入了公式");
    const after = exampleInFake();
    const m4 = after.findSheet('绩效指标')!.cell(3, 12);
    m4.formula = '=J4';
    m4.value = 0; // restored through Range.formulas; the fake does not calculate
    expect(store.dump()).toEqual(after.dump());
  });

  it('merged cells in the output: message, writes undone', async () => {
    const store = exampleInFake();
    store.findSheet('绩效指标')!.merges.push({ sheet: '绩效指标', row: 3, col: 12, rows: 2, cols: 1 }); // M4:M5
    const before = store.dump();
    const result = await score(store);
    expect(result.hostError && result.hostError.code).toBe('mergedCells');
    expect(hostErrorMessage(result.hostError!)).toContain('合并单元格');
    expect(store.dump()).toEqual(before);
  });

  it.each([
    ['a constant', '=0.5', 'nameNotRange'],
    ['text', '="规则"', 'nameNotRange'],
    ['a #REF! error', '=#REF!', 'nameNotRange'],
    ['several areas', "='评价结果'!$A$4:$B$6,'评价结果'!$A$8:$B$11", 'nameMultiArea'],
  ])('a name that refers to %s is an error naming it; nothing written', async (_what, formula, code) => {
    const store = exampleInFake();
    store.setName('评分规则', formula);
    const before = store.dump();
    const result = await score(store);
    expect(result.hostError).toBeNull();
    expect(result.outcome!.errors.map((e) => [e.code, 'name' in e ? e.name : null])).toEqual([[code, '评分规则']]);
    expect(issueText(result.outcome!.errors[0], 'excel')).toContain('评分规则');
    expect(store.writes).toEqual([]);
    expect(store.dump()).toEqual(before);
  });

  it('a missing name is an error; nothing written', async () => {
    const store = exampleInFake();
    store.names.splice(store.names.findIndex((n) => n.name === '绩效指标'), 1);
    const result = await score(store);
    expect(result.outcome!.errors.map((e) => e.code)).toEqual(['nameMissing']);
    expect(store.writes).toEqual([]);
  });

  it('an output cell holding a formula when read is an error; nothing written', async () => {
    const store = exampleInFake();
    const cell = store.findSheet('评价结果')!.cell(16, 1); // B17 总分
    cell.formula = '=B16+B15';
    const result = await score(store);
    expect(result.outcome!.errors.map((e) => e.code)).toContain('outputFormula');
    expect(store.writes).toEqual([]);
  });

  it('the fake is strict: reading a property not loaded and synced throws PropertyNotLoaded', async () => {
    const store = exampleInFake();
    const context = contextFor(store);
    const range = context.workbook.worksheets.getItem('绩效指标').getRange('A1:B2');
    expect(() => range.values).toThrow(FakeOfficeError);
    range.load('values');
    expect(() => range.values).toThrow(/not available/);
    await context.sync();
    expect(range.values.length).toBe(2);
    expect(() => range.formulas).toThrow(/PropertyNotLoaded|not available/);
  });

  it('ItemNotFound from Excel becomes a Chinese message', async () => {
    const context = contextFor(exampleInFake());
    context.workbook.worksheets.getItem('不存在').getRange('A1').load('values');
    const { toHostError } = await import('../../../src/hosts/excel/host-error');
    const error = await context.sync().then(
      () => null,
      (e) => toHostError(e, { what: { sheets: ['不存在'] } }),
    );
    expect(hostErrorMessage(error!)).toBe("找不到工作表 '不存在'，可能已被删除或重命名。请检查后重试。");
    expect(hostErrorMessage({ code: 'itemNotFound', what: { name: '绩效指标' } })).toBe('找不到名称“绩效指标”，可能已被删除或重命名。请检查后重试。');
  });
});
