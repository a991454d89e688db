/**
 * Cases the fuzzers found, kept as regression tests once decided.
 */
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { checkInvariants, cell, seedWorkbook, setCell, setRow } from '../support/grid';

/**
 * `npm run fuzz` (10,000 cases) failed once, at case 1,261 (seed -1967172694):
 * the 预算执行 total row blanked, its 执行率 header replaced by the number 0
 * (so column F becomes the user's own), and text left only in that user
 * column. The parser treats row 5 as blank and makes 基本支出 (row 6) the
 * total row, writing 得分 to G6; the oracle in test/support/grid.ts
 * (allowedOutputs) counts a row with content in any non-output column as a
 * data row, so row 5 would be the total and G5 the only 得分 cell. The
 * contract does not say which: "Blank rows inside a table are skipped" /
 * "when no row carries such a label, the first data row is the total".
 * Decided (docs/contract-notes.md #22): a row whose contract input cells are
 * all empty is blank, whatever the user's own or output columns hold.
 */
test('fuzz counterexample: a row with content only in a user column is blank; the next row is the total', () => {
  const wb = seedWorkbook();
  setRow(wb, '预算执行', 5, { A: null, B: null, C: null, D: null, E: null, F: null, G: null, H: null });
  setCell(wb, '预算执行', 'F4', cell(0));
  setCell(wb, '预算执行', 'F5', '1e5');
  const outcome = scoreWorkbook(wb);
  checkInvariants(wb, outcome);
  expect(outcome.plan.writes.some((w) => w.address.sheet === '预算执行' && w.address.row === 5 && w.address.col === 6)).toBe(true); // G6
});
