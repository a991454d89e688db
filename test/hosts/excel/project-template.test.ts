/**
 * The 项目支出 template (forms issue §2): assets/模板-项目支出.xlsx
 * (scripts/make-assets.js) with sheet-scoped names on a blank project sheet
 * and an example sheet, and 插入模板 → 项目支出 in Excel, which adds one
 * such sheet per click (the same layout, src/hosts/excel/template-layout.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { insertProjectSheet, insertTemplate, projectTemplate, scoreInExcel } from '../../../src/hosts/excel';
import { hostErrorMessage } from '../../../src/messages/excel-ui';
import { openWorkbookFile } from '../../../src/hosts/xlsx';
import { fileErrorText } from '../../../src/messages/file-errors';
import { a1, formatRange, parseA1 } from '../../../src/workbook/address';
import { CONTRACT_NAMES } from '../../../src/workbook/cells';
import { scoreBook } from '../../../src/workbook/score-book';
import { capabilitiesOf, contextFor, FakeWorkbook } from '../../fakes/office';
import { ROOT } from '../../support/paths';
import { cellsOf, exampleInFake } from './example-workbook';
import { EXPECTED } from '../../support/national-book';

const PROJECT_TEMPLATE = path.join(ROOT, 'assets', '模板-项目支出.xlsx');
const templateBytes = () => new Uint8Array(fs.readFileSync(PROJECT_TEMPLATE));
/** The example project of the template is the seed's 社区工资社保及工作经费项目, worked out in test/support/national-book.ts. */
const SOCIAL = EXPECTED.find((e) => e.scope === '社区工资社保')!;

function opened() {
  const file = openWorkbookFile(templateBytes());
  if (!file.ok) throw new Error(fileErrorText(file.error));
  return file.value;
}

describe('assets/模板-项目支出.xlsx', () => {
  it('has no workbook-scoped names; each project sheet has its own 预算执行 and 绩效指标', () => {
    const { book } = opened();
    expect(CONTRACT_NAMES.map((n) => [n, book.workbook[n].kind])).toEqual([
      ['预算执行', 'sheetScopedOnly'], ['项目支出', 'missing'], ['绩效指标', 'sheetScopedOnly'], ['评分规则', 'missing'], ['评价结果', 'missing'],
    ]);
    expect(book.sheets.map((s) => [s.sheet, s.hidden, Object.keys(s.names).sort()])).toEqual([
      ['项目1', false, ['绩效指标', '预算执行']],
      ['示例-社区工资社保', false, ['绩效指标', '预算执行']],
    ]);
  });

  it('the example sheet scores as worked out by hand (93.17, 优); the blank one lists what to fill in', () => {
    const outcome = scoreBook(opened().book);
    const [blank, example] = outcome.evaluations;
    expect(example.errors).toEqual([]);
    expect([example.summary!.total, example.summary!.grade, example.summary!.execution.rate]).toEqual([SOCIAL.total, SOCIAL.grade, SOCIAL.executionRate]);
    expect(example.summary!.indicators.map((i) => i.score)).toEqual(SOCIAL.indicatorScores);
    expect(blank.errors.map((e) => e.code)).toEqual(['valueRequired', 'valueRequired', 'noIndicators']);
  });

  it.each([
    ['blank', '项目1'],
    ['example', '示例-社区工资社保'],
  ] as const)('the %s sheet holds exactly the cells and merges 插入模板 adds', (kind, sheetName) => {
    const file = cellsOf(templateBytes()).get(sheetName)!;
    const layout = projectTemplate(kind, sheetName);
    const total = Number(/(\d+)$/.exec(layout.names[1].range)![1]);
    // A cell covered by a merge but not its top-left shows nothing: ExcelJS gives it the top-left's style, Excel ignores it.
    const covered = (r: number, c: number) =>
      layout.merges.some((m) => {
        const [from, to] = m.split(':').map((x) => parseA1(x)!);
        return r >= from.row && r <= to.row && c >= from.col && c <= to.col && (r !== from.row || c !== from.col);
      });
    for (let r = 0; r < total; r++) {
      for (let c = 0; c < 9; c++) {
        const mine = layout.sheet.cells[r + ',' + c] || {};
        const theirs = file.get(a1(r, c));
        const format = (f: string | undefined) => (covered(r, c) ? '(covered)' : f || 'General');
        expect([a1(r, c), mine.value === undefined ? null : mine.value, format(mine.numberFormat)]).toEqual([
          a1(r, c), theirs ? theirs.value : null, format(theirs && theirs.numberFormat),
        ]);
      }
    }
    const merges = opened().sheetFacts[sheetName].merges.map((m) => formatRange(m).replace(/^'[^']*'!/, ''));
    expect(merges.sort()).toEqual(layout.merges.slice().sort());
    const names = opened().book.sheets.find((s) => s.sheet === sheetName)!.names;
    const refOf = (name: string) => {
      const res = names[name as keyof typeof names];
      return res && res.kind === 'range' ? formatRange(res.range) : null;
    };
    expect(layout.names.map((n) => [n.name, refOf(n.name)])).toEqual(layout.names.map((n) => [n.name, `'${sheetName}'!${n.range}`]));
  });
});

describe('插入模板 → 项目支出 in Excel', () => {
  function workbook(): FakeWorkbook {
    const store = new FakeWorkbook();
    store.excelApi = '1.4';
    store.fill('Sheet1', 'A1', [['我的数据']]);
    return store;
  }

  it('adds one sheet 项目1 with its two sheet-scoped names, and touches nothing else (2 syncs)', async () => {
    const store = workbook();
    const before = store.dump();
    const result = await insertProjectSheet(contextFor(store), capabilitiesOf(store), 'blank');
    expect(result).toEqual({ ok: true, sheets: ['项目1'] });
    expect(store.syncCount).toBe(2);
    expect(store.names).toEqual([]);
    expect(store.findSheet('项目1')!.names.map((n) => [n.name, n.formula])).toEqual([
      ['预算执行', '=项目1!$A$5:$H$9'],
      ['绩效指标', '=项目1!$A$12:$I$26'],
    ]);
    expect(store.dump()['Sheet1']).toEqual(before['Sheet1']);
  });

  it('each click adds one more: 项目2, 项目3 …, whatever the earlier ones are called now', async () => {
    const store = workbook();
    const caps = capabilitiesOf(store);
    await insertProjectSheet(contextFor(store), caps, 'blank');
    store.addSheet('项目3');
    expect(await insertProjectSheet(contextFor(store), caps, 'example')).toEqual({ ok: true, sheets: ['项目2'] });
    expect(await insertProjectSheet(contextFor(store), caps, 'blank')).toEqual({ ok: true, sheets: ['项目4'] });
  });

  it('the example, then 计算得分: 93.17 优 in at most 3 syncs, the total in the form’s 总分 row', async () => {
    const store = workbook();
    await insertProjectSheet(contextFor(store), capabilitiesOf(store), 'example');
    store.syncCount = 0;
    const result = await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
    expect(result.outcome!.errors).toEqual([]);
    expect(result.outcome!.evaluations.map((e) => [e.scope, e.summary!.total, e.summary!.grade])).toEqual([['项目1', SOCIAL.total, SOCIAL.grade]]);
    expect(store.findSheet('项目1')!.peek(20, 7).value).toBe(93.17);
    expect(store.syncCount).toBeLessThanOrEqual(3);
  });

  it('beside the department’s template: two evaluations, 部门整体 and 项目1', async () => {
    const store = exampleInFake();
    store.excelApi = '1.4';
    const result = await insertProjectSheet(contextFor(store), capabilitiesOf(store), 'example');
    expect(result).toEqual({ ok: true, sheets: ['项目1'] });
    const scored = await scoreInExcel(contextFor(store), capabilitiesOf(store), scoreBook);
    expect(scored.outcome!.evaluations.map((e) => [e.scope, e.summary!.total])).toEqual([[null, '81.53'], ['项目1', '93.17']]);
  });

  it('the department’s template still refuses when its names exist; the project sheet never needs to', async () => {
    const store = exampleInFake();
    store.excelApi = '1.4';
    expect((await insertTemplate(contextFor(store), capabilitiesOf(store), 'blank')).ok).toBe(false);
    expect((await insertProjectSheet(contextFor(store), capabilitiesOf(store), 'blank')).ok).toBe(true);
  });

  it('needs ExcelApi 1.4 (Worksheet.names.add) and says so, adding nothing', async () => {
    const store = workbook();
    store.excelApi = '1.3';
    const before = store.dump();
    const result = await insertProjectSheet(contextFor(store), capabilitiesOf(store), 'blank');
    expect(result.ok).toBe(false);
    expect(hostErrorMessage((result as { error: Parameters<typeof hostErrorMessage>[0] }).error)).toContain('ExcelApi 1.4');
    expect(store.dump()).toEqual(before);
  });
});
