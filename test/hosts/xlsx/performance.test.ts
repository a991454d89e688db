import { applyPlanToFile, readAllCells, readWorkbookFile } from '../../../src/hosts/xlsx';
import { buildXlsx, definedName } from '../../support/xlsx-build';

/** A 100,000-row × 10-column sheet (≈ 39 MB of XML): the reader streams it with SAX callbacks. */
function bigBook(): Uint8Array {
  const rows: string[] = [];
  for (let r = 1; r <= 100_000; r++) {
    let row = `<row r="${r}" spans="1:10">`;
    for (let c = 0; c < 10; c++) {
      const ref = String.fromCharCode(65 + c) + r;
      row += c % 3 === 0 ? `<c r="${ref}" t="s"><v>${r % 50}</v></c>` : `<c r="${ref}" s="1"><v>${r * 1.5 + c}</v></c>`;
    }
    rows.push(row + '</row>');
  }
  return buildXlsx({
    sheets: [{ name: 'S', rows: rows.join('') }],
    sharedStrings: Array.from({ length: 50 }, (_, i) => `项目${i}`),
    names: definedName('绩效指标', 'S!$A:$J') + definedName('评价结果', 'S!$L$1:$M$9'),
  });
}

describe('a 100,000-row sheet', () => {
  const bytes = bigBook();
  // Speed is measured by `npm run bench`; here only that it works (jest's timeout guards against a hang).
  const timed = <T>(_label: string, work: () => T): T => work();

  it('reads a whole-column name', () => {
    const r = timed('readWorkbookFile', () => readWorkbookFile(bytes));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const range = r.value['绩效指标'];
    expect(range.kind === 'range' && range.range).toEqual({ sheet: 'S', row: 0, col: 0, rows: 100_000, cols: 10 });
    expect(range.kind === 'range' && range.cells[99_999].map((c) => c.value)).toEqual(['项目0', 150001, 150002, '项目0', 150004, 150005, '项目0', 150007, 150008, '项目0']);
  });

  it('reads every cell', () => {
    const r = timed('readAllCells', () => readAllCells(bytes));
    expect(r.ok && r.value.get('S')!.size).toBe(1_000_000);
  });

  it('writes into it', () => {
    const r = timed('applyPlanToFile', () =>
      applyPlanToFile(bytes, {
        writes: [
          { address: { sheet: 'S', row: 50_000, col: 10 }, value: { kind: 'number', text: '0.5' }, numberFormat: '0.00%' },
          { address: { sheet: 'S', row: 100_001, col: 0 }, value: { kind: 'text', text: '合计' } },
        ],
      }),
    );
    expect(r.ok).toBe(true);
  });
});
