/**
 * Every Excel error path gives its Chinese message and leaves the workbook
 * exactly as it was.
 */
import { issueText } from '../../../src/messages/issues';
import { EXCEL_API_1_1_ONLY, scoreInExcel } from '../../../src/hosts/excel';
import { hostErrorMessage } from '../../../src/messages/excel-ui';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { contextFor, FakeOfficeError, type FakeWorkbook } from '../../fakes/office';
import { exampleInFake } from './example-workbook';

const WITH_PROTECTION = { protection: true, addNames: true };

async function score(store: FakeWorkbook, caps = EXCEL_API_1_1_ONLY) {
  return scoreInExcel(contextFor(store), caps, scoreWorkbook);
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

  it('protected sheet found only by AccessDenied (ExcelApi 1.1): rolls back what was written', async () => {
    const store = exampleInFake();
    store.findSheet('评价结果')!.protected = true;
    const before = store.dump();
    const result = await score(store);
    expect(result.hostError && result.hostError.code).toBe('protectedSheet');
    expect(hostErrorMessage(result.hostError!)).toContain('工作表受保护');
    expect(store.writes.length).toBeGreaterThan(0); // sheets before the protected one were written, then restored
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
      (e) => toHostError(e, { what: '不存在' }),
    );
    expect(hostErrorMessage(error!)).toBe('找不到“不存在”，可能已被删除或重命名。请检查后重试。');
  });
});
