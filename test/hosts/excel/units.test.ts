/** Small pure pieces of the Excel host. */
import { localAddress } from '../../../src/hosts/excel/excel-address';
import { freeSheetName } from '../../../src/hosts/excel/insert-template';
import { excelText, groupWrites, toExcelValue } from '../../../src/hosts/excel/write-blocks';

describe('Excel addresses', () => {
  it('writes local addresses', () => {
    expect(localAddress({ row: 3, col: 11, rows: 8, cols: 3 })).toBe('L4:N11');
    expect(localAddress({ row: 0, col: 0, rows: 1, cols: 1 })).toBe('A1');
  });
});

describe('values for Excel', () => {
  it('turns the plan decimal text into a number only here', () => {
    expect(toExcelValue({ kind: 'number', text: '0.9316' })).toBe(0.9316);
    expect(toExcelValue({ kind: 'empty' })).toBe('');
  });

  it.each([
    ['良', '良'], ['=1+1', "'=1+1"], ['12', "'12"], ['1,234.5', "'1,234.5"], ['95%', "'95%"], ['2023-1-1', "'2023-1-1"],
    ['TRUE', "'TRUE"], ['完成值 95% 高于指标值', '完成值 95% 高于指标值'], ['-', "'-"],
  ])('protects text %s from re-interpretation', (text, expected) => {
    expect(excelText(text)).toBe(expected);
  });
});

describe('groupWrites', () => {
  const w = (sheet: string, row: number, col: number, format?: string) => ({
    address: { sheet, row, col }, value: { kind: 'number' as const, text: String(row * 10 + col) }, numberFormat: format,
  });

  it('joins contiguous cells into rectangles, sheet by sheet', () => {
    const blocks = groupWrites({
      writes: [w('A', 3, 11, '0.00%'), w('A', 3, 12, '0.00'), w('A', 4, 11, '0.00%'), w('A', 4, 12, '0.00'), w('A', 6, 11), w('B', 0, 0)],
    });
    expect(blocks.map((b) => [b.sheet, b.row, b.col, b.rows, b.cols])).toEqual([
      ['A', 3, 11, 2, 2], ['A', 6, 11, 1, 1], ['B', 0, 0, 1, 1],
    ]);
    expect(blocks[0].values).toEqual([[41, 42], [51, 52]]);
    expect(blocks[0].numberFormat).toEqual([['0.00%', '0.00'], ['0.00%', '0.00']]);
    expect(blocks[1].numberFormat).toBeNull();
  });
});

describe('插入模板 sheet names', () => {
  it('never reuses an existing sheet name', () => {
    expect(freeSheetName('预算执行', ['Sheet1'])).toBe('预算执行');
    expect(freeSheetName('预算执行', ['预算执行', '预算执行 (2)'])).toBe('预算执行 (3)');
  });
});
