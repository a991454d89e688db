import { readAllCells, readWorkbookFile } from '../../../src/hosts/xlsx';
import { EMPTY_CELL, type CellInput, type NameResolution } from '../../../src/workbook/cells';
import { buildXlsx, definedName, REL, SML, worksheetXml, zipParts, bookParts } from '../../support/xlsx-build';
import { fileErrorText } from '../../../src/messages/file-errors';

function cells(bytes: Uint8Array, sheet = 'S'): Map<string, CellInput> {
  const result = readAllCells(bytes);
  if (!result.ok) throw new Error(fileErrorText(result.error));
  return result.value.get(sheet)!;
}

function names(bytes: Uint8Array) {
  const result = readWorkbookFile(bytes);
  if (!result.ok) throw new Error(result.error.code + ' ' + fileErrorText(result.error));
  return result.value;
}

const n = (value: CellInput['value'], numberFormat = 'General', formula = false): CellInput => ({ value, numberFormat, formula });

describe('cell types', () => {
  const rows =
    '<row r="1">' +
    '<c r="A1" t="s"><v>0</v></c>' +
    '<c r="B1" t="s"><v>1</v></c>' +
    '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> 良 </t></is></c>' +
    '<c r="D1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></is></c>' +
    '<c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
    '<c r="F1" t="b"><v>1</v></c>' +
    '<c r="G1" t="b"><v>0</v></c>' +
    '<c r="H1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
    '<c r="I1" t="d"><v>2023-05-01T00:00:00</v></c>' +
    '<c r="J1"><v>0.9316</v></c>' +
    '<c r="K1" t="n"><v>-1.5E-3</v></c>' +
    '<c r="L1" s="1"/>' +
    '<c r="M1"><f>SUM(J1:K1)</f><v>0.9301</v></c>' +
    '<c r="N1" t="s"><v>2</v></c>' +
    '<c r="O1" t="inlineStr"><is><t>a_x000D_b_x005F_x0041_</t></is></c>' +
    '</row>' +
    '<row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="0">J1*2</f><v>1.8632</v></c></row>' +
    '<row r="3"><c r="A3"><f t="shared" si="0"/><v>0</v></c></row>';
  const ssXml =
    `<sst xmlns="${SML}"><si><t>预算执行</t></si>` +
    '<si><r><t>年初</t></r><r><rPr><i/></rPr><t xml:space="preserve">预算 </t></r></si>' +
    '<si><t>課</t><rPh sb="0" eb="1"><t>か</t></rPh><phoneticPr fontId="1"/></si></sst>';
  const book = buildXlsx({ sheets: [{ name: 'S', rows }], sharedStringsXml: ssXml });

  it('reads every kind of cell', () => {
    const c = cells(book);
    expect(c.get('A1')).toEqual(n('预算执行'));
    expect(c.get('B1')).toEqual(n('年初预算 '));
    expect(c.get('C1')).toEqual(n(' 良 '));
    expect(c.get('D1')).toEqual(n('富文本'));
    expect(c.get('E1')).toEqual(n('ab', 'General', true));
    expect(c.get('F1')).toEqual(n(true));
    expect(c.get('G1')).toEqual(n(false));
    expect(c.get('H1')).toEqual({ value: '#DIV/0!', numberFormat: 'General', formula: true, error: true });
    expect(c.get('I1')).toEqual(n('2023-05-01T00:00:00'));
    expect(c.get('J1')).toEqual(n(0.9316));
    expect(c.get('K1')).toEqual(n(-0.0015));
    expect(c.get('L1')).toEqual(n(null, '0.00%'));
    expect(c.get('M1')).toEqual(n(0.9301, 'General', true));
    expect(c.get('N1')).toEqual(n('課'));
    expect(c.get('O1')).toEqual(n('a\rb_x0041_'));
    expect(c.get('A2')).toEqual(n(1.8632, 'General', true));
    expect(c.get('A3')).toEqual(n(0, 'General', true));
    expect(c.size).toBe(17);
  });
});

describe('number formats', () => {
  it('maps cellXfs to custom and built-in format codes', () => {
    const rows =
      '<row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>3</v></c><c r="C1" s="3"><v>45000</v></c>' +
      '<c r="D1" s="4"><v>1</v></c><c r="E1" s="99"><v>1</v></c><c r="F1" s="5"><v>1</v></c><c r="G1" s="6"><v>1</v></c><c r="H1" s="7"><v>1</v></c></row>';
    const styles =
      `<styleSheet xmlns="${SML}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00&quot;万元&quot;"/><numFmt numFmtId="9" formatCode="0.0%"/></numFmts>` +
      '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="49"/><xf numFmtId="9"/><xf numFmtId="31"/><xf numFmtId="4"/></cellXfs></styleSheet>';
    const c = cells(buildXlsx({ sheets: [{ name: 'S', rows }], styles }));
    expect([...c.values()].map((x) => x.numberFormat)).toEqual([
      '0.00%',
      '#,##0.00"万元"',
      'mm-dd-yy',
      '@',
      'General', // s out of range
      '0.0%', // a <numFmt> overrides a built-in id
      'General', // locale-dependent built-in id
      '#,##0.00',
    ]);
  });

  it('reads a workbook without styles.xml as General', () => {
    const c = cells(buildXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" s="3"><v>1</v></c></row>' }], styles: null }));
    expect(c.get('A1')).toEqual(n(1));
  });
});

describe('positions', () => {
  it('places cells and rows without r attributes by order', () => {
    const rows = '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row r="4"><c><v>7</v></c></row><row><c r="C5"><v>8</v></c><c><v>9</v></c></row>';
    const c = cells(buildXlsx({ sheets: [{ name: 'S', rows }] }));
    expect([...c.entries()].map(([k, v]) => k + '=' + v.value)).toEqual(['A1=1', 'B1=2', 'E1=5', 'F1=6', 'A4=7', 'C5=8', 'D5=9']);
  });

  it('refuses a cell beyond Excel limits', () => {
    for (const ref of ['XFE1', 'A1048577', 'A0', '1A', 'AAAA1']) {
      const r = readAllCells(buildXlsx({ sheets: [{ name: 'S', rows: `<row r="1"><c r="${ref}"><v>1</v></c></row>` }] }));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('badDimension');
        expect(fileErrorText(r.error)).toContain(ref);
      }
    }
    const row = readAllCells(buildXlsx({ sheets: [{ name: 'S', rows: '<row r="1048577"><c><v>1</v></c></row>' }] }));
    expect(row.ok || row.error.code).toBe('badDimension');
  });
});

describe('namespace prefixes', () => {
  it('reads parts that use an x: prefix for SpreadsheetML', () => {
    const parts = bookParts({ sheets: [{ name: 'S' }], sharedStrings: ['x'] });
    parts['xl/workbook.xml'] =
      `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:r="${REL}" xmlns:x="${SML}"><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets>` +
      '<x:definedNames><x:definedName name="评价结果">S!$A$1:$B$2</x:definedName></x:definedNames><x:calcPr calcId="144525"/></x:workbook>';
    parts['xl/worksheets/sheet1.xml'] =
      `<x:worksheet xmlns:x="${SML}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"><x:v>0.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    parts['xl/sharedStrings.xml'] = `<x:sst xmlns:x="${SML}"><x:si><x:t>总分</x:t></x:si></x:sst>`;
    const result = names(zipParts(parts))['评价结果'];
    expect(result).toEqual({
      kind: 'range',
      range: { sheet: 'S', row: 0, col: 0, rows: 2, cols: 2 },
      cells: [
        [n('总分'), n(0.5, '0.00%')],
        [EMPTY_CELL, EMPTY_CELL],
      ],
    });
  });

  it('ignores elements of other namespaces with the same local names', () => {
    const xml = `<worksheet xmlns="${SML}" xmlns:o="urn:other"><sheetData><row r="1"><c r="A1"><v>1</v></c><o:c r="B1"><o:v>2</o:v></o:c></row></sheetData></worksheet>`;
    expect([...cells(buildXlsx({ sheets: [{ name: 'S', xml }] })).keys()]).toEqual(['A1']);
  });
});

describe('defined names', () => {
  const rows =
    '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>' +
    '<row r="3"><c r="A3"><v>3</v></c><c r="C3" s="1"/></row>' +
    '<row r="5"><c r="B5"><v>5</v></c></row>';
  const sheets = [
    { name: "It's 预算 sheet", rows },
    { name: 'Plain', rows: '<row r="2"><c r="B2"><v>7</v></c></row>' },
    { name: 'Chart', chart: true },
  ];
  const resolve = (formula: string, localSheetId?: number): NameResolution =>
    names(buildXlsx({ sheets, names: definedName('预算执行', formula, localSheetId) }))['预算执行'];

  it('resolves a quoted sheet name with spaces and doubled quotes', () => {
    const r = resolve("'It''s 预算 sheet'!$A$1:$B$3");
    expect(r.kind).toBe('range');
    if (r.kind !== 'range') return;
    expect(r.range).toEqual({ sheet: "It's 预算 sheet", row: 0, col: 0, rows: 3, cols: 2 });
    expect(r.cells.map((line) => line.map((c) => c.value))).toEqual([
      [1, 2],
      [null, null],
      [3, null],
    ]);
  });

  it('resolves unquoted names, single cells, reversed corners, a leading = and parentheses', () => {
    expect(resolve('Plain!B2')).toMatchObject({ kind: 'range', range: { sheet: 'Plain', row: 1, col: 1, rows: 1, cols: 1 }, cells: [[n(7)]] });
    expect(resolve('=plain!$C$3:$B$2')).toMatchObject({ range: { sheet: 'Plain', row: 1, col: 1, rows: 2, cols: 2 } });
    expect(resolve('(Plain!$B$2)')).toMatchObject({ kind: 'range', range: { row: 1, col: 1 } });
  });

  it('clamps whole columns and whole rows to the used cells', () => {
    expect(resolve("'It''s 预算 sheet'!$A:$B")).toMatchObject({ kind: 'range', range: { row: 0, col: 0, rows: 5, cols: 2 } });
    // C3 only has a style: not used.
    expect(resolve("'It''s 预算 sheet'!$C:$D")).toMatchObject({ kind: 'range', range: { row: 0, col: 2, rows: 1, cols: 2 } });
    expect(resolve("'It''s 预算 sheet'!$3:$5")).toMatchObject({ kind: 'range', range: { row: 2, col: 0, rows: 3, cols: 2 } });
    const r = resolve("'It''s 预算 sheet'!$B:$B");
    expect(r).toMatchObject({ kind: 'range', range: { row: 0, col: 1, rows: 5, cols: 1 } });
  });

  it('classifies multi-area, constants, formulas, #REF!, missing sheets and chartsheets', () => {
    expect(resolve('Plain!$A$1:$B$2,Plain!$D$1')).toEqual({ kind: 'multiArea', formula: 'Plain!$A$1:$B$2,Plain!$D$1' });
    expect(resolve("(Plain!$A$1,'It''s 预算 sheet'!$B$2)").kind).toBe('multiArea');
    for (const formula of ['42', '"text"', '{1,2,3}', 'OFFSET(Plain!$A$1,0,0,3,2)', '#REF!', 'Plain!#REF!', '#REF!$A$1', 'Nope!$A$1', 'Chart!$A$1', '[1]Plain!$A$1', 'Plain:Other!$A$1', 'Plain!$A$1 Plain!$B$1', 'Plain!$A$1:$B$2+1', "'Plain!$A$1", 'Plain!A1:B2:C3', 'SUM(Plain!A1,Plain!B2)']) {
      expect([formula, resolve(formula)]).toEqual([formula, { kind: 'notRange', formula }]);
    }
  });

  it('counts only workbook-scoped names; a sheet-scoped-only name is sheetScopedOnly', () => {
    const bytes = buildXlsx({
      sheets,
      names: definedName('绩效指标', 'Plain!$A$1', 1) + definedName('评价结果', 'Plain!$A$1', 0) + definedName('评价结果', 'Plain!$B$2:$B$2'),
    });
    const r = names(bytes);
    expect(r['预算执行']).toEqual({ kind: 'missing' });
    expect(r['项目支出']).toEqual({ kind: 'missing' });
    expect(r['评分规则']).toEqual({ kind: 'missing' });
    expect(r['绩效指标']).toEqual({ kind: 'sheetScopedOnly', sheets: ['Plain'] });
    expect(r['评价结果']).toMatchObject({ kind: 'range', range: { sheet: 'Plain', row: 1, col: 1, rows: 1, cols: 1 } });
  });

  it('resolves all five names from one sheet scan and ignores dangerous names', () => {
    const all = ['预算执行', '项目支出', '绩效指标', '评分规则', '评价结果'].map((x, i) => definedName(x, `Plain!$A$${i + 1}:$C$${i + 2}`)).join('');
    const bytes = buildXlsx({ sheets, names: all + definedName('__proto__', 'Plain!$A$1') + definedName('constructor', '{"polluted"}') + definedName('polluted', '1') });
    const r = names(bytes);
    // The five contract names and the optional 报告信息 (read for the 自评报告), nothing else.
    expect(Object.keys(r).sort()).toEqual(['项目支出', '预算执行', '绩效指标', '评分规则', '评价结果', '报告信息'].sort());
    expect(r['评价结果']).toMatchObject({ kind: 'range', range: { row: 4, rows: 2, cols: 3 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a name whose area is too large to read', () => {
    const r = readWorkbookFile(buildXlsx({ sheets, names: definedName('预算执行', 'Plain!$A$1:$XFD$1048576') }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('rangeTooLarge');
  });
});

describe('workbook structure', () => {
  it('finds the workbook part through _rels/.rels, wherever it is', () => {
    const parts = bookParts({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>4</v></c></row>' }], styles: null });
    const moved: Record<string, string | Uint8Array> = {};
    for (const [k, v] of Object.entries(parts)) {
      if (k === 'xl/workbook.xml') moved['book/main.xml'] = v;
      else if (k === 'xl/_rels/workbook.xml.rels') moved['book/_rels/main.xml.rels'] = (v as string).replace(/Target="/g, 'Target="../xl/');
      else if (k === '_rels/.rels') moved[k] = (v as string).replace('xl/workbook.xml', '/book/main.xml');
      else moved[k] = v;
    }
    expect(cells(zipParts(moved)).get('A1')).toEqual(n(4));
  });

  it('reports a workbook without sheets', () => {
    const parts = bookParts({ sheets: [] });
    const r = readWorkbookFile(zipParts(parts));
    expect(!r.ok && r.error.code).toBe('noSheets');
  });

  it('skips chartsheets in readAllCells', () => {
    const r = readAllCells(buildXlsx({ sheets: [{ name: 'S' }, { name: 'C', chart: true }] }));
    expect(r.ok && [...r.value.keys()]).toEqual(['S']);
  });

  it('accepts a worksheet written with a UTF-8 BOM or in UTF-16', () => {
    const xml = worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>预算</t></is></c></row>').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const parts = bookParts({ sheets: [{ name: 'S' }] });
    parts['xl/worksheets/sheet1.xml'] = utf16;
    expect(cells(zipParts(parts)).get('A1')).toEqual(n('预算'));
  });
});

describe('a workbook made by ExcelJS', () => {
  it('reads names, shared strings and formats, and ExcelJS reads our writes back', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('评价 结果');
    ws.getCell('A1').value = '总分';
    ws.getCell('B1').value = 81.53;
    ws.getCell('A2').value = '预算执行率';
    ws.getCell('B2').value = 0.9316;
    ws.getCell('B2').numFmt = '0.00%';
    ws.getCell('A3').value = { formula: 'B1*2', result: 163.06 };
    ws.getCell('A4').value = { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] };
    wb.definedNames.add("'评价 结果'!$A$1:$B$4", '评价结果');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = names(bytes)['评价结果'];
    expect(r.kind).toBe('range');
    if (r.kind !== 'range') return;
    expect(r.range).toEqual({ sheet: '评价 结果', row: 0, col: 0, rows: 4, cols: 2 });
    expect(r.cells.map((line) => line.map((c) => [c.value, c.numberFormat, c.formula]))).toEqual([
      [['总分', 'General', false], [81.53, 'General', false]],
      [['预算执行率', 'General', false], [0.9316, '0.00%', false]],
      [[163.06, 'General', true], [null, 'General', false]],
      [['富文本', 'General', false], [null, 'General', false]],
    ]);

    const { applyPlanToFile } = await import('../../../src/hosts/xlsx');
    const out = applyPlanToFile(bytes, {
      writes: [
        { address: { sheet: '评价 结果', row: 0, col: 1 }, value: { kind: 'number', text: '90.25' }, numberFormat: '0.00' },
        { address: { sheet: '评价 结果', row: 4, col: 1 }, value: { kind: 'text', text: '优' } },
      ],
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(out.value) as unknown as ArrayBuffer);
    const sheet = back.getWorksheet('评价 结果')!;
    expect([sheet.getCell('B1').value, sheet.getCell('B1').numFmt, sheet.getCell('B5').value, sheet.getCell('B2').numFmt]).toEqual([90.25, '0.00', '优', '0.00%']);
  });
});
