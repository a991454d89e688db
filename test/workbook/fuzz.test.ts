/**
 * Fuzzing as a test (issue: hardening): random contract workbooks — cells of
 * the seed replaced by random contents, headers renamed or shuffled, names
 * missing or broken — through the whole pipeline. It never throws, every
 * issue carries a cell or a name, and on any error nothing is planned.
 * `npm run fuzz` runs the same property with FUZZ_RUNS=10000.
 */
import fc from 'fast-check';
import type { CellInput, ContractName, WorkbookInput } from '../../src/workbook/cells';
import { CONTRACT_NAMES } from '../../src/workbook/cells';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { checkInvariants, err, fmt, fx, pct, seedWorkbook } from '../support/grid';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const textPool = [
  '', ' ', '合计', '小计', '年度资金总额', '基本支出', '项目支出', '≥95%', '≤4135.45万元', '100人', '4,135.45', '12,5', '约95%',
  '达到预期', '部分达成', '未完成', '达成年度指标', '好', '定性', '≥', '≤', '=', '以内', '%', '万元', '是', '否', '比值', '零分',
  '偏差扣分', '99%', '-3', '１２３', '０.５', '不超过10天', '10天以内', 'abc', '__proto__', 'constructor', '٣', '1e5', '∞',
  '指标值', '三级指标', '分值', '实际完成值', '完成率', '得分', '计算说明', '人工得分', '执行率', '全年预算数',
];

const cellArb: fc.Arbitrary<CellInput> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...textPool).map((v) => fmt(v, 'General')) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => fmt(v, 'General')) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 200 }).map((v) => fmt(v, 'General')) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 2, noNaN: true }).map((v) => pct(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((v) => fmt(v, '@')) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1e-7, 123456789.123, Number.MAX_SAFE_INTEGER, 1e21, -0).map((v) => fmt(v, '0.00')) },
  { weight: 1, arbitrary: fc.constantFrom(true, false).map((v) => fmt(v, 'General')) },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#REF!').map(err) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.integer(), fc.constantFrom('x', '')).map((v) => fx(v)) },
  { weight: 2, arbitrary: fc.constant(fmt(null, 'General')) },
);

type Edit =
  | { kind: 'cell'; name: ContractName; row: number; col: number; cell: CellInput }
  | { kind: 'resolution'; name: ContractName; to: 'missing' | 'notRange' | 'multiArea' }
  | { kind: 'dropRow'; name: ContractName; row: number }
  | { kind: 'swapColumns'; name: ContractName; a: number; b: number };

const nameArb = fc.constantFrom(...CONTRACT_NAMES);
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('cell' as const), name: nameArb, row: fc.nat(30), col: fc.nat(20), cell: cellArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolution' as const), name: nameArb, to: fc.constantFrom('missing' as const, 'notRange' as const, 'multiArea' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dropRow' as const), name: nameArb, row: fc.nat(30) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swapColumns' as const), name: nameArb, a: fc.nat(20), b: fc.nat(20) }) },
);

function apply(wb: WorkbookInput, edit: Edit): void {
  const res = wb[edit.name];
  if (edit.kind === 'resolution') {
    wb[edit.name] = edit.to === 'missing' ? { kind: 'missing' } : { kind: edit.to, formula: '#REF!' };
    return;
  }
  if (res.kind !== 'range') return;
  const { rows, cols } = res.range;
  if (edit.kind === 'cell') {
    res.cells[edit.row % rows][edit.col % cols] = edit.cell;
  } else if (edit.kind === 'dropRow') {
    // Blank out a whole row (the range keeps its size, as in Excel when a row is cleared).
    res.cells[edit.row % rows] = res.cells[edit.row % rows].map(() => fmt(null, 'General'));
  } else {
    const a = edit.a % cols;
    const b = edit.b % cols;
    for (const line of res.cells) [line[a], line[b]] = [line[b], line[a]];
  }
}

test(`random contract workbooks (${RUNS} cases): never throws, every issue has a cell or a name, errors ⇒ nothing planned`, () => {
  let scored = 0;
  let refused = 0;
  fc.assert(
    fc.property(fc.array(editArb, { minLength: 1, maxLength: 25 }), (edits) => {
      const wb = seedWorkbook();
      for (const e of edits) apply(wb, e);
      const outcome = scoreWorkbook(wb);
      for (const issue of [...outcome.errors, ...outcome.warnings]) {
        expect('cell' in issue || 'name' in issue).toBe(true);
      }
      checkInvariants(wb, outcome);
      if (outcome.errors.length === 0) {
        scored++;
        // Scores are decimal strings with exactly 小数位数 places, never floats in disguise.
        for (const i of outcome.summary!.indicators) expect(i.score).toMatch(/^\d+(\.\d+)?$/);
      } else refused++;
    }),
    { numRuns: RUNS },
  );
  // Both paths were exercised (the generator is not all-error or all-clean).
  expect(scored).toBeGreaterThan(0);
  expect(refused).toBeGreaterThan(0);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
