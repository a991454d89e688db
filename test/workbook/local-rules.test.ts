/**
 * The local rules through the whole contract, on the seed example (81.53 良):
 * 执行率总分上限 and 偏离扣分 with their explanations in 计算说明, 总分说明,
 * the warnings and the written cells; 一级指标分值; 偏差原因必填 with the
 * budget table's optional 偏差原因 column and 偏差原因字数上限.
 */
import type { WorkbookInput } from '../../src/workbook/cells';
import { charCount } from '../../src/workbook/text-limits';
import {
  type CellSpec,
  appendColumn,
  appendRows,
  errorsOf,
  msg,
  num,
  score,
  seedWorkbook,
  setCell,
  txt,
  warningsOf,
  writesOf,
} from '../support/grid';

type Edit = (wb: WorkbookInput) => void;

/** The seed with 评分规则 rows appended (row 12 on) and other edits. */
function run(rules: Array<[string, CellSpec]>, ...edits: Edit[]) {
  const wb = seedWorkbook();
  appendRows(wb, '评分规则', rules);
  for (const e of edits) e(wb);
  return score(wb);
}
const cell = (name: Parameters<typeof setCell>[1], a1: string, value: CellSpec): Edit => (wb) => setCell(wb, name, a1, value);
/** 全年执行数 of the total row (budget 4978.49). */
const executed = (value: number): Edit => cell('预算执行', 'D5', value);
/** 评价结果 gains a 总分说明 row (B24). */
const withTotalNote: Edit = (wb) => appendRows(wb, '评价结果', [['总分说明']]);

describe('执行率总分上限 on the whole workbook', () => {
  const CAPS: [string, CellSpec] = ['执行率总分上限', '80%:89;70%:79;60%:69;50%:59'];

  test('the seed (93.16%) is under no bound: v1 result, no adjustment', () => {
    const o = run([CAPS]);
    expect([o.summary!.total, o.summary!.adjustments, warningsOf(o)]).toEqual(['81.53', [], []]);
  });

  test('a cap that bites: total, grade, 总分说明, the warning; the other figures stay', () => {
    // 3400 ÷ 4978.49 = 0.68293… → 68.29%; 10 × 0.68293… = 6.83; 6.83 + 72.21 = 79.04 > 79 → 79.00 (中).
    const o = run([CAPS], executed(3400), withTotalNote);
    expect(errorsOf(o)).toEqual([]);
    const s = o.summary!;
    expect([s.execution.rate, s.execution.score, s.indicatorTotal, s.total, s.grade]).toEqual(['0.6829', '6.83', '72.21', '79.00', '中']);
    const note = '预算执行率 68.29% 低于 70%，总分上限 79 分：由 79.04 调为 79.00';
    expect(s.adjustments).toEqual([{ rule: 'executionCap', before: '79.04', after: '79.00', note }]);
    expect(warningsOf(o)).toEqual([['breakdownMismatch', "'预算执行'!D5"], ['totalCapped', "'预算执行'!D5"]]);
    expect(msg(o.warnings[1])).toBe(`'预算执行'!D5 的${note}（评分规则“执行率总分上限”）。`);
    const w = writesOf(o);
    expect(w["'评价结果'!B17"]).toEqual(num('79.00', '0.00'));
    expect(w["'评价结果'!B16"]).toEqual(num('72.21', '0.00'));
    expect(w["'评价结果'!B19"]).toEqual(txt('中'));
    expect(w["'评价结果'!B24"]).toEqual(txt(`预算执行率得分 6.83 + 指标得分合计 72.21 = 79.04；${note}。`));
    expect(w["'评价结果'!B23"]).toEqual({ kind: 'number', text: '2' });
  });

  test('a cap above the total changes nothing', () => {
    // 3950 ÷ 4978.49 = 0.79341… → 79.34%, below 80% (cap 89); 7.93 + 72.21 = 80.14 < 89: unchanged.
    const o = run([CAPS], executed(3950));
    expect([o.summary!.execution.rate, o.summary!.total, o.summary!.adjustments]).toEqual(['0.7934', '80.14', []]);
    expect(warningsOf(o).map((w) => w[0])).not.toContain('totalCapped');
  });

  test('a rate exactly at a bound (70.00%) is not below it', () => {
    // 3484.943 ÷ 4978.49 = 0.7 exactly; 10 × 0.7 = 7.00; 7 + 72.21 = 79.21 under the 80% pair's 89.
    const o = run([CAPS], executed(3484.943));
    expect([o.summary!.execution.rate, o.summary!.total, o.summary!.adjustments]).toEqual(['0.7000', '79.21', []]);
  });

  test('总分说明 without any adjustment says how the total is made', () => {
    const o = run([], withTotalNote);
    expect(writesOf(o)["'评价结果'!B24"]).toEqual(txt('预算执行率得分 9.32 + 指标得分合计 72.21 = 81.53。'));
  });
});

describe('偏离扣分 on the whole workbook', () => {
  const V1_NOTE = '实际完成值 130人 达到指标值 100人，得满分 15 分。';

  test('v1 (no penalty): the overachieved indicator keeps its v1 note and warning', () => {
    const o = run([], cell('绩效指标', 'I10', 130));
    const ind = o.summary!.indicators[6];
    expect([ind.score, ind.note, ind.adjustments]).toEqual(['15.00', V1_NOTE, []]);
    expect(msg(o.warnings[0])).toContain('得分仍以分值 15 为上限');
  });

  test('偏离扣分 0 explicitly: the same note as v1', () => {
    const o = run([['偏离扣分', 0]], cell('绩效指标', 'I10', 130));
    expect(o.summary!.indicators[6].note).toBe(V1_NOTE);
  });

  test('2 points off: score, note, adjustment, warning, total', () => {
    const o = run([['偏离扣分', 2]], cell('绩效指标', 'I10', 130));
    const ind = o.summary!.indicators[6];
    const step = '偏离扣分：实际完成值 130人 不低于指标值 × (1 + 30%) = 130人，扣 2 分：由 15.00 调为 13.00';
    expect([ind.score, ind.ruleScore]).toEqual(['13.00', '13.00']);
    expect(ind.note).toBe(`实际完成值 130人 达到指标值 100人，得满分 15 分；${step}。`);
    expect(ind.adjustments).toEqual([{ rule: 'deviationPenalty', before: '15.00', after: '13.00', note: step }]);
    expect(writesOf(o)["'绩效指标'!M10"]).toEqual(num('13.00', '0.00'));
    // 72.21 − 7.80 + 13.00 = 77.41; 9.32 + 77.41 = 86.73.
    expect([o.summary!.indicatorTotal, o.summary!.total]).toEqual(['77.41', '86.73']);
    expect(msg(o.warnings[0])).toContain('已按评分规则“偏离扣分”扣 2 分，见计算说明');
  });

  test('a percentage target: the bound shown as a percentage; a penalty larger than the weight stops at 0', () => {
    // 受益人员满意度 ≥ 95%, weight 10: 95% × 1.3 = 123.5%; actual 125%.
    const o = run([['偏离扣分', 12]], cell('绩效指标', 'I11', 125));
    const ind = o.summary!.indicators[7];
    expect(ind.score).toBe('0.00');
    expect(ind.adjustments[0].note).toBe('偏离扣分：实际完成值 125% 不低于指标值 × (1 + 30%) = 123.5%，扣 12 分：由 10.00 调为 0.00（扣分后不低于 0 分）');
  });

  test('with a manual score, the manual score stands; the note shows the penalised rule score', () => {
    const o = run([['偏离扣分', 2]], cell('绩效指标', 'I10', 130), cell('绩效指标', 'K10', 15));
    const ind = o.summary!.indicators[6];
    expect([ind.score, ind.ruleScore]).toEqual(['15.00', '13.00']);
    expect(ind.note).toMatch(/扣 2 分：由 15\.00 调为 13\.00；采用人工得分 15\.00 分（规则得分 13\.00 分）。$/);
    expect(warningsOf(o).map((w) => w[0])).toEqual(['overachievement', 'manualDiffers']);
  });
});

describe('一级指标分值', () => {
  test.each<[CellSpec, Array<[string, string]>]>([
    // The seed's blocks: 产出指标 rows 4–9 (8+12+12+8+10+15 = 65), 效益指标 row 10 (15), 满意度指标 row 11 (10).
    ['产出指标:65;效益指标:15;满意度指标:10', []],
    ['产出指标:50;效益指标:30;满意度指标:10', [['blockWeightMismatch', "'绩效指标'!J4"], ['blockWeightMismatch', "'绩效指标'!J10"]]],
    ['满意度指标:10;决策指标:5', [['blockMissing', '绩效指标']]],
  ])('%p', (value, warnings) => {
    const o = run([['一级指标分值', value]]);
    expect(errorsOf(o)).toEqual([]);
    expect(warningsOf(o)).toEqual(warnings);
    expect(o.summary!.total).toBe('81.53');
  });

  test('the message names every 分值 cell of the block (a run as a range) and the expected sum', () => {
    const o = run([['一级指标分值', '产出指标:50']], cell('绩效指标', 'A7', '产出指标'));
    expect(msg(o.warnings[0])).toBe("'绩效指标'!J4：一级指标“产出指标”各指标分值之和为 65（'绩效指标'!J4:J9），应为 50（评分规则“一级指标分值”）。请核对这些分值。");
  });

  test('blocks are matched like headers: 产出指标（50分） is 产出指标', () => {
    const o = run([['一级指标分值', '产出指标:65']], cell('绩效指标', 'A4', '产出指标（65分）'));
    expect(warningsOf(o)).toEqual([]);
  });

  test('a block split over two places in the table still sums as one', () => {
    // Row 10 (效益指标, 15) relabelled 产出指标: 65 + 15 = 80.
    const o = run([['一级指标分值', '产出指标:80']], cell('绩效指标', 'A10', '产出指标'), cell('绩效指标', 'A11', '满意度指标'));
    expect(warningsOf(o)).toEqual([]);
  });
});

describe('偏差原因必填', () => {
  /** The budget table gains a 偏差原因 column (I4:I9); the total row's reason in I5. */
  const budgetReasons = (total: CellSpec): Edit => (wb) => appendColumn(wb, '预算执行', ['偏差原因', total, null, null, null, null]);

  test('否 (default): nothing is asked', () => {
    const o = run([], executed(3400), cell('绩效指标', 'O4', null));
    expect(warningsOf(o).map((w) => w[0])).toEqual(['breakdownMismatch']);
  });

  // 全年执行数 of the total row and of 项目支出 (基本支出 3632.36 + 项目支出 = the total, so the breakdown still adds up).
  test.each<[string, number, number, CellSpec, Array<[string, string]>]>([
    // rate below 执行率说明阈值 (90%) without a 偏差原因 column: on the total row's 全年执行数
    ['no column', 4300, 667.64, undefined, [['reasonMissingWarning', "'预算执行'!D5"]]],
    // with the column, blank: on the reason cell
    ['blank reason', 4300, 667.64, null, [['reasonMissingWarning', "'预算执行'!I5"]]],
    ['reason given', 4300, 667.64, '项目审批延迟。', []],
    // 4480.641 ÷ 4978.49 = 0.9 exactly: not below 90%, nothing asked
    ['exactly 90.00%', 4480.641, 848.281, null, []],
    // 4480.64 ÷ 4978.49 = 0.899999… → 90.00% as written: compared as written, not below
    ['89.99999…% written 90.00%', 4480.64, 848.28, null, []],
    // 4480 ÷ 4978.49 = 0.89987… → 89.99%: below
    ['89.99%', 4480, 847.64, null, [['reasonMissingWarning', "'预算执行'!I5"]]],
  ])('提示, 预算执行率: %s', (_why, actual, projects, reason, expected) => {
    const edits: Edit[] = [executed(actual), cell('预算执行', 'D9', projects)];
    if (reason !== undefined) edits.push(budgetReasons(reason));
    const o = run([['偏差原因必填', '提示']], ...edits);
    expect(errorsOf(o)).toEqual([]);
    expect(warningsOf(o).filter((w) => w[0] !== 'projectSumMismatch')).toEqual(expected);
  });

  test('the message says why and what to do', () => {
    const [noColumn] = run([['偏差原因必填', '提示']], executed(4300)).warnings.filter((w) => w.code === 'reasonMissingWarning');
    expect(msg(noColumn)).toBe(
      "'预算执行'!D5：预算执行率 86.37% 低于执行率说明阈值 90%，需说明原因（评分规则“偏差原因必填”），但“预算执行”表中没有“偏差原因”列。请在表头中加入“偏差原因”列，在年度资金总额行填写原因。",
    );
    const o = run([['偏差原因必填', '错误']], cell('绩效指标', 'O10', ' '));
    expect(errorsOf(o)).toEqual([['reasonMissing', "'绩效指标'!O10"]]);
    expect(msg(o.errors[0])).toBe("'绩效指标'!O10 的偏差原因为空：指标“解决就业人数”未达到指标值，需填写偏差原因（评分规则“偏差原因必填”）。请在该单元格中填写。");
    expect(o.plan.writes).toEqual([]);
  });

  test('indicators: only those short of their targets; in the table order', () => {
    // Clear every reason: rows 4 (0%), 6 (78.48%), 8 (99.93%), 10 (52%) fall short; 5, 7, 9, 11 are met.
    const clear: Edit = (wb) => { for (const r of [4, 5, 6, 7, 8, 9, 10, 11]) setCell(wb, '绩效指标', `O${r}`, null); };
    const o = run([['偏差原因必填', '提示']], clear);
    expect(warningsOf(o)).toEqual([4, 6, 8, 10].map((r) => ['reasonMissingWarning', `'绩效指标'!O${r}`]));
  });

  test('a qualitative indicator in tier B needs a reason; without a 偏差原因 column the name cell is named', () => {
    const o = run(
      [['偏差原因必填', '错误']],
      (wb) => setCell(wb, '绩效指标', 'O3', '备注'), // no 偏差原因 column any more
      cell('绩效指标', 'E7', '达到预期'), cell('绩效指标', 'D7', '定性'), cell('绩效指标', 'I7', '部分达成'), cell('绩效指标', 'K7', 6),
    );
    expect(errorsOf(o)).toEqual([4, 6, 7, 8, 10].map((r) => ['reasonMissing', `'绩效指标'!C${r}`]));
    expect(msg(o.errors[2])).toContain('“绩效指标”表中没有“偏差原因”列');
  });

  test('偏差原因字数上限: punctuation counts, whitespace does not; at the limit is fine', () => {
    const reason = (n: number) => '因，'.repeat(n / 2) + ' \n\u3000';
    const atLimit = run([['偏差原因字数上限', 100]], cell('绩效指标', 'O4', reason(100)));
    expect(warningsOf(atLimit)).toEqual([]);
    const over = run([['偏差原因字数上限', 100]], cell('绩效指标', 'O4', reason(102)));
    expect(warningsOf(over)).toEqual([['reasonTooLongWarning', "'绩效指标'!O4"]]);
    expect(msg(over.warnings[0])).toBe("'绩效指标'!O4 的偏差原因有 102 字，超过偏差原因字数上限 100 字（空白不计，标点计入）。请精简到 100 字以内。");
    // Under 错误 the same is an error, and nothing is written; a met indicator's long reason counts too.
    const strict = run([['偏差原因必填', '错误'], ['偏差原因字数上限', 100]], cell('绩效指标', 'O5', reason(102)));
    expect(errorsOf(strict)).toEqual([['reasonTooLong', "'绩效指标'!O5"]]);
  });

  test('the budget total row’s reason is limited too', () => {
    const o = run([['偏差原因字数上限', '10字']], (wb) => appendColumn(wb, '预算执行', ['原因', '部分项目在审批中，未能完全支付。', null, null, null, null]));
    expect(warningsOf(o)).toEqual([['reasonTooLongWarning', "'预算执行'!I5"], ['reasonTooLongWarning', "'绩效指标'!O4"], ['reasonTooLongWarning', "'绩效指标'!O5"], ['reasonTooLongWarning', "'绩效指标'!O6"], ['reasonTooLongWarning', "'绩效指标'!O10"]]);
  });

  test('the 偏差原因 column of 预算执行 is input only: never written, and the plan is v1’s without the rules', () => {
    const plain = run([]);
    const withColumn = run([], (wb) => appendColumn(wb, '预算执行', ['偏差原因', '说明', null, null, null, null]));
    expect(withColumn.plan).toEqual(plain.plan);
  });
});

describe('字数 (charCount)', () => {
  test.each([
    ['', 0],
    ['预算执行率', 5],
    ['项目审批延迟，资金未能支付。', 14], // punctuation counts
    ['a b\tc\n d\u3000e\u00a0', 5], // whitespace of every kind does not
    ['９０％', 3], // full-width forms are one each (NFKC)
    ['𠀀𠀁', 2], // characters outside the BMP are one each, not two
  ])('%p → %s', (text, n) => {
    expect(charCount(text)).toBe(n);
  });
});
