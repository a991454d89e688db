/**
 * Several evaluations in one workbook (forms issue §1), at the contract
 * level: which evaluations a workbook holds, whose names each uses, and that
 * they are scored together — any error anywhere, nothing written.
 */
import type { BookInput, NameResolution, WorkbookInput } from '../../src/workbook/cells';
import { scoreBook } from '../../src/workbook/score-book';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { issueText } from '../../src/messages/issues';
import { render, seedWorkbook, setCell, where } from '../support/grid';

const MISSING: NameResolution = { kind: 'missing' };

/** The seed workbook's names moved to another sheet (as a copied project sheet has them), as sheet-scoped names. */
function seedOnSheet(sheet: string, edit?: (wb: WorkbookInput) => void): Partial<WorkbookInput> {
  const wb = seedWorkbook();
  if (edit) edit(wb);
  const moved: Partial<WorkbookInput> = {};
  for (const [name, res] of Object.entries(wb) as Array<[keyof WorkbookInput, NameResolution]>) {
    moved[name] = res.kind === 'range' ? { ...res, range: { ...res.range, sheet } } : res;
  }
  return moved;
}

function workbookWithout(...names: Array<keyof WorkbookInput>): WorkbookInput {
  const wb = seedWorkbook();
  for (const n of names) wb[n] = MISSING;
  return wb;
}

const scopesOf = (book: BookInput) => scoreBook(book).evaluations.map((e) => e.scope);

describe('which evaluations a workbook holds', () => {
  test('a v1 workbook is one evaluation of the workbook-scoped names, scored exactly as v1', () => {
    const wb = seedWorkbook();
    const outcome = scoreBook({ workbook: wb, sheets: [] });
    expect(outcome.evaluations.map((e) => e.scope)).toEqual([null]);
    const { scope: _scope, ...only } = outcome.evaluations[0];
    expect(only).toEqual(scoreWorkbook(wb));
    expect(outcome.plan).toEqual(scoreWorkbook(wb).plan);
  });

  test('every visible sheet with its own 绩效指标 is one evaluation; the workbook-scoped one is one more, first', () => {
    const book: BookInput = {
      workbook: seedWorkbook(),
      sheets: [
        { sheet: '项目1', hidden: false, names: seedOnSheet('项目1') },
        { sheet: '项目2', hidden: false, names: seedOnSheet('项目2') },
      ],
    };
    expect(scopesOf(book)).toEqual([null, '项目1', '项目2']);
    const outcome = scoreBook(book);
    expect(outcome.errors).toEqual([]);
    expect(outcome.evaluations.map((e) => e.summary!.total)).toEqual(['81.53', '81.53', '81.53']);
    // One plan for all: each evaluation's writes on its own sheet.
    const sheets = new Set(outcome.plan.writes.map((w) => w.address.sheet));
    expect(sheets).toEqual(new Set(['预算执行', '绩效指标', '评价结果', '项目1', '项目2']));
  });

  test('without a workbook-scoped 绩效指标 only the sheets are evaluations', () => {
    const book: BookInput = {
      workbook: { ...workbookWithout('预算执行', '项目支出', '绩效指标', '评价结果'), 绩效指标: { kind: 'sheetScopedOnly', sheets: ['项目1'] } },
      sheets: [{ sheet: '项目1', hidden: false, names: seedOnSheet('项目1') }],
    };
    expect(scopesOf(book)).toEqual(['项目1']);
    expect(scoreBook(book).errors).toEqual([]);
  });

  test('a hidden sheet is no evaluation, and the result says it was left out', () => {
    const book: BookInput = {
      workbook: seedWorkbook(),
      sheets: [{ sheet: '项目1（备份）', hidden: true, names: seedOnSheet('项目1（备份）') }],
    };
    const outcome = scoreBook(book);
    expect(outcome.evaluations.map((e) => e.scope)).toEqual([null]);
    expect(outcome.book.warnings.map((w) => w.code)).toEqual(['hiddenSheetSkipped']);
    expect(issueText(outcome.book.warnings[0], 'cli')).toContain('项目1（备份）');
    expect(outcome.errors).toEqual([]);
  });
});

describe("a sheet's evaluation uses that sheet's own names, and only 评分规则 falls back to the workbook's", () => {
  test("a project with its own 预算执行 never scores the department's budget, nor writes into its results", () => {
    const project = seedOnSheet('项目1', (wb) => setCell(wb, '预算执行', 'D5', 2000));
    const outcome = scoreBook({ workbook: seedWorkbook(), sheets: [{ sheet: '项目1', hidden: false, names: project }] });
    const [department, own] = outcome.evaluations;
    expect(department.summary!.execution.actual).toBe('4637.81');
    expect(own.summary!.execution.actual).toBe('2000');
    expect(own.plan.writes.every((w) => w.address.sheet === '项目1')).toBe(true);
  });

  test('a sheet evaluation without its own 预算执行 (or 评价结果) is an error naming the sheet; nothing is written anywhere', () => {
    const names = seedOnSheet('项目1');
    delete names['预算执行'];
    delete names['评价结果'];
    const outcome = scoreBook({ workbook: seedWorkbook(), sheets: [{ sheet: '项目1', hidden: false, names }] });
    expect(outcome.errors.map((e) => [e.code, 'name' in e ? e.name : null, 'scope' in e ? e.scope : null])).toEqual([
      ['nameMissing', '预算执行', '项目1'],
      ['nameMissing', '评价结果', '项目1'],
    ]);
    expect(issueText(outcome.errors[0], 'cli')).toContain('工作表“项目1”');
    expect(outcome.plan.writes).toEqual([]);
    // The department's evaluation itself was fine: its result is there, held back with the rest.
    expect(outcome.evaluations[0].errors).toEqual([]);
    expect(outcome.evaluations[0].summary!.total).toBe('81.53');
  });

  test("评分规则 at workbook scope applies to a sheet that has none of its own; a sheet's own wins", () => {
    const wb = seedWorkbook();
    setCell(wb, '评分规则', 'B8', 1); // 小数位数 1
    const noRules = seedOnSheet('项目1');
    delete noRules['评分规则'];
    const ownRules = seedOnSheet('项目2');
    const outcome = scoreBook({
      workbook: wb,
      sheets: [
        { sheet: '项目1', hidden: false, names: noRules },
        { sheet: '项目2', hidden: false, names: ownRules },
      ],
    });
    expect(outcome.errors).toEqual([]);
    // 小数位数 1 by hand: 9.3 + 0 + 12 + 9.4 + 8 + 10.0 + 15 + 7.8 + 10 = 81.5.
    expect(outcome.evaluations.map((e) => e.summary!.total)).toEqual(['81.5', '81.5', '81.53']);
  });

  test("a sheet's own name without a 绩效指标 of its own belongs to no evaluation: a warning", () => {
    const names: Partial<WorkbookInput> = { 预算执行: seedOnSheet('说明')['预算执行'] };
    const outcome = scoreBook({ workbook: seedWorkbook(), sheets: [{ sheet: '说明', hidden: false, names }] });
    expect(outcome.book.warnings.map((w) => [w.code, 'scope' in w ? w.scope : null])).toEqual([['nameUnused', '说明']]);
    expect(outcome.errors).toEqual([]);
  });
});

describe('all evaluations are scored together', () => {
  test('an error in one evaluation stops every write', () => {
    const broken = seedOnSheet('项目1', (wb) => setCell(wb, '绩效指标', 'J4', '八分'));
    const outcome = scoreBook({ workbook: seedWorkbook(), sheets: [{ sheet: '项目1', hidden: false, names: broken }] });
    expect(outcome.errors.map(where)).toEqual([['notANumber', "'项目1'!J4"]]);
    expect(outcome.plan.writes).toEqual([]);
  });

  test('two evaluations that would write the same cell are an error naming it', () => {
    // A sheet whose own 评价结果 is the department's block.
    const names = seedOnSheet('项目1');
    names['评价结果'] = seedWorkbook()['评价结果'];
    const outcome = scoreBook({ workbook: seedWorkbook(), sheets: [{ sheet: '项目1', hidden: false, names }] });
    expect(outcome.book.errors.map((e) => e.code)).toContain('outputShared');
    const shared = outcome.book.errors[0];
    expect('cell' in shared && render(shared.cell)).toBe("'评价结果'!B14");
    expect(issueText(shared, 'cli')).toContain('部门整体评价和工作表“项目1”的评价');
    expect(outcome.plan.writes).toEqual([]);
  });
});
