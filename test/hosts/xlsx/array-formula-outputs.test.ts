/**
 * An array formula (or a data table) entered elsewhere whose range covers
 * output cells: every cell inside the range holds a formula result, so the
 * reader reports it as a formula and the workbook layer refuses to score
 * (outputFormula, exit 1, the cell named), instead of the writer failing
 * later with a file error.
 */
import { runCli } from '../../../src/cli/run';
import { applyPlanToFile, openWorkbookFile, readAllCells } from '../../../src/hosts/xlsx';
import { formatCell } from '../../../src/workbook/address';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { memoryFs, memoryIo } from '../../support/memory-fs';
import { buildXlsx, definedName } from '../../support/xlsx-build';
import { issueText } from '../../../src/messages/issues';
import { fileErrorText } from '../../../src/messages/file-errors';

const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, n: number, s = 0) => `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${n}</v></c>`;

/**
 * One sheet 自评表: 预算执行 A1:D2, 绩效指标 A4:H6 (备注 in E, then the
 * outputs 完成率 F, 得分 G, 计算说明 H), 评价结果 A8:B11. `row5` and `row6`
 * are the cells of E5:H6.
 */
function book(row5: string, row6: string): Uint8Array {
  const rows =
    `<row r="1">${str('A1', '资金项目')}${str('B1', '全年预算数')}${str('C1', '全年执行数')}${str('D1', '执行率')}</row>` +
    `<row r="2">${str('A2', '年度资金总额')}${num('B2', 100)}${num('C2', 90)}</row>` +
    `<row r="4">${str('A4', '三级指标')}${str('B4', '指标值')}${str('C4', '实际完成值')}${str('D4', '分值')}${str('E4', '备注')}${str('F4', '完成率')}${str('G4', '得分')}${str('H4', '计算说明')}</row>` +
    `<row r="5">${str('A5', '指标1')}${str('B5', '≥95%')}${num('C5', 0.96, 1)}${num('D5', 45)}${row5}</row>` +
    `<row r="6">${str('A6', '指标2')}${str('B6', '≥90%')}${num('C6', 0.5, 1)}${num('D6', 45)}${row6}</row>` +
    `<row r="8">${str('A8', '总分')}</row><row r="9">${str('A9', '评价等级')}</row><row r="10">${str('A10', '预算执行率得分')}</row><row r="11">${str('A11', '指标得分合计')}</row>`;
  const names =
    definedName('预算执行', "'自评表'!$A$1:$D$2") + definedName('绩效指标', "'自评表'!$A$4:$H$6") + definedName('评价结果', "'自评表'!$A$8:$B$11");
  return buildXlsx({ sheets: [{ name: '自评表', rows }], names });
}

function outcome(bytes: Uint8Array) {
  const opened = openWorkbookFile(bytes);
  if (!opened.ok) throw new Error(fileErrorText(opened.error));
  return scoreWorkbook(opened.value.input);
}

/** The cells named by outputFormula errors (each message names its cell too). */
const outputFormulaCells = (bytes: Uint8Array) =>
  outcome(bytes)
    .errors.filter((e) => e.code === 'outputFormula')
    .map((e) => {
      const cell = 'cell' in e ? formatCell(e.cell) : '';
      expect(issueText(e, 'cli')).toContain(cell);
      return cell;
    });

describe('an array formula entered on 备注 (E5) over E5:G6 covers the 完成率 and 得分 cells', () => {
  const anchor = `<c r="E5"><f t="array" ref="E5:G6">{1,2,3;4,5,6}</f><v>1</v></c>`;

  it('(without it the workbook scores and writes F5:G6)', () => {
    const plain = outcome(book(str('E5', '见附件'), ''));
    expect(plain.errors).toEqual([]);
    expect(plain.plan.writes.map((w) => `${w.address.row},${w.address.col}`)).toEqual(expect.arrayContaining(['4,5', '4,6', '5,5', '5,6']));
  });

  it.each([
    ['with the covered cells holding their cached results', anchor + num('F5', 2) + num('G5', 3), num('E6', 4) + num('F6', 5) + num('G6', 6)],
    ['with the covered cells missing from the file', anchor, ''],
  ])('%s: outputFormula for every covered output cell, nothing to write', (_label, row5, row6) => {
    const bytes = book(row5, row6);
    const result = outcome(bytes);
    expect(outputFormulaCells(bytes).sort()).toEqual(["'自评表'!F5", "'自评表'!F6", "'自评表'!G5", "'自评表'!G6"]);
    expect(result.plan.writes).toEqual([]);
    expect(result.summary).toBeNull();
  });

  it('the command line exits 1 naming the cells, and writes no file', async () => {
    const files = new Map([['in.xlsx', book(anchor + num('F5', 2) + num('G5', 3), num('E6', 4) + num('F6', 5) + num('G6', 6))]]);
    const out: string[] = [];
    expect(await runCli(['score', 'in.xlsx'], memoryIo(memoryFs(files), out))).toBe(1);
    expect([...files.keys()]).toEqual(['in.xlsx']);
    expect(out.join('')).toContain("'自评表'!G6");
  });

  it('a data table over the 得分 column is refused the same way', () => {
    const table = `<c r="G5"><f t="dataTable" ref="G5:G6" dt2D="0" dtr="0" r1="D5"/><v>1</v></c>`;
    expect(outputFormulaCells(book(table, num('G6', 2))).sort()).toEqual(["'自评表'!G5", "'自评表'!G6"]);
  });

  it('the writer still refuses a write into the range (a safety net), naming the cell', () => {
    const bytes = book(anchor + num('F5', 2) + num('G5', 3), num('E6', 4) + num('F6', 5) + num('G6', 6));
    const r = applyPlanToFile(bytes, { writes: [{ address: { sheet: '自评表', row: 5, col: 6 }, value: { kind: 'number', text: '1' } }] });
    expect(r.ok || [r.error.code, fileErrorText(r.error).includes("'自评表'!G6")]).toEqual(['formulaCell', true]);
  });
});

describe('readAllCells reports every cell inside an array formula\'s range as a formula', () => {
  it('also the cells before the anchor in file order (an anchor that is not the top-left cell)', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>9</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><f t="array" ref="A1:B2">X</f><v>4</v></c></row>';
    const r = readAllCells(buildXlsx({ sheets: [{ name: 'S', rows }] }));
    if (!r.ok) throw new Error(fileErrorText(r.error));
    expect([...r.value.get('S')!].map(([ref, c]) => `${ref}:${c.formula}`)).toEqual(['A1:true', 'B1:true', 'C1:false', 'A2:true', 'B2:true']);
  });
});
