/**
 * openWorkbookFile's sheetFacts: for every sheet that holds a contract
 * range, its merged areas and whether it is protected, read in the same
 * pass as its cells (the workbook layer warns about writes they would
 * spoil).
 */
import { openWorkbookFile } from '../../../src/hosts/xlsx';
import { buildXlsx, definedName, SML, REL } from '../../support/xlsx-build';
import { fileErrorText } from '../../../src/messages/file-errors';

function sheet(rows: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SML}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

const ROWS = '<row r="1"><c r="A1"><v>1</v></c></row>';

function facts(sheets: { name: string; xml: string }[], names: string) {
  const r = openWorkbookFile(buildXlsx({ sheets, names }));
  if (!r.ok) throw new Error(fileErrorText(r.error));
  return r.value.sheetFacts;
}

describe('sheetFacts', () => {
  it('collects merges and protection of the sheets that hold contract ranges, and only of those', () => {
    const got = facts(
      [
        {
          name: '绩效指标',
          xml: sheet(ROWS, '<sheetProtection sheet="1" objects="1" scenarios="1"/><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="$D$5:C3"/></mergeCells>'),
        },
        { name: '评价结果', xml: sheet(ROWS, '<mergeCells count="1"><mergeCell ref="F9"/></mergeCells>') },
        { name: '说明', xml: sheet(ROWS, '<sheetProtection sheet="1"/><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>') },
      ],
      definedName('绩效指标', "'绩效指标'!$A$1:$H$9") + definedName('预算执行', "'绩效指标'!$A$20:$D$25") + definedName('评价结果', "'评价结果'!$A$1:$B$9"),
    );
    expect(Object.getPrototypeOf(got)).toBeNull();
    expect(Object.keys(got)).toEqual(['绩效指标', '评价结果']);
    expect(got['绩效指标']).toEqual({
      merges: [
        { sheet: '绩效指标', row: 0, col: 0, rows: 2, cols: 2 },
        { sheet: '绩效指标', row: 2, col: 2, rows: 3, cols: 2 },
      ],
      protected: true,
    });
    expect(got['评价结果']).toEqual({ merges: [{ sheet: '评价结果', row: 8, col: 5, rows: 1, cols: 1 }], protected: false });
  });

  it('reads sheet="true" as protected and sheet="0", "false" or no sheet attribute as not', () => {
    const cases: [string, boolean][] = [
      ['<sheetProtection sheet="true"/>', true],
      ['<sheetProtection sheet="1"/>', true],
      ['<sheetProtection sheet="0" objects="1"/>', false],
      ['<sheetProtection sheet="false"/>', false],
      ['<sheetProtection objects="1" scenarios="1"/>', false],
      ['', false],
    ];
    for (const [protection, expected] of cases) {
      const got = facts([{ name: 'S', xml: sheet(ROWS, protection) }], definedName('评价结果', 'S!$A$1:$B$2'));
      expect([protection, got['S'].protected]).toEqual([protection, expected]);
    }
  });

  it('keys by the sheet name the ranges carry (a name written in another case, a sheet called __proto__)', () => {
    const got = facts(
      [
        { name: 'Data', xml: sheet(ROWS, '<mergeCells><mergeCell ref="B2:B3"/></mergeCells>') },
        { name: '__proto__', xml: sheet(ROWS, '<sheetProtection sheet="1"/>') },
      ],
      definedName('绩效指标', 'data!$A$1:$H$9') + definedName('评价结果', '__proto__!$A$1:$B$2'),
    );
    expect(Object.keys(got)).toEqual(['Data', '__proto__']);
    expect(got['Data'].merges).toEqual([{ sheet: 'Data', row: 1, col: 1, rows: 2, cols: 1 }]);
    expect(Object.prototype.hasOwnProperty.call(got, '__proto__') && got['__proto__'].protected).toBe(true);
    expect(({} as Record<string, unknown>).protected).toBeUndefined();
  });

  it('has no entry when no name refers to a worksheet', () => {
    expect(Object.keys(facts([{ name: 'S', xml: sheet(ROWS, '<sheetProtection sheet="1"/>') }], definedName('评价结果', '1')))).toEqual([]);
  });
});
