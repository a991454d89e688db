import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { applyPlanToFile, readAllCells } from '../../../src/hosts/xlsx';
import type { CellInput } from '../../../src/workbook/cells';
import type { CellWrite, PlannedValue } from '../../../src/workbook/plan';
import { bookParts, buildXlsx, REL, SML, worksheetXml, zipParts, type BookSpec } from '../../support/xlsx-build';
import { sameBytes } from '../../support/xlsx-compare';
import { fileErrorText } from '../../../src/messages/file-errors';

const num = (text: string): PlannedValue => ({ kind: 'number', text });
const txt = (text: string): PlannedValue => ({ kind: 'text', text });

function write(sheet: string, ref: string, value: PlannedValue, numberFormat?: string): CellWrite {
  const m = /^([A-Z]+)([0-9]+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { address: { sheet, row: Number(m[2]) - 1, col: col - 1 }, value, numberFormat };
}

function apply(bytes: Uint8Array, ...writes: CellWrite[]): Uint8Array {
  const r = applyPlanToFile(bytes, { writes });
  if (!r.ok) throw new Error(`${r.error.code}: ${fileErrorText(r.error)}`);
  return r.value;
}

function part(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes)[name]);
}

function cellsOf(bytes: Uint8Array, sheet = 'S'): Map<string, CellInput> {
  const r = readAllCells(bytes);
  if (!r.ok) throw new Error(fileErrorText(r.error));
  return r.value.get(sheet)!;
}

/** The <sheetData> of the first worksheet. */
function sheetData(bytes: Uint8Array, name = 'xl/worksheets/sheet1.xml'): string {
  const xml = part(bytes, name);
  return xml.slice(xml.indexOf('<sheetData'), xml.indexOf('</sheetData>') + 12);
}

const book = (rows: string, extra: Partial<BookSpec> = {}) => buildXlsx({ sheets: [{ name: 'S', rows }], ...extra });

describe('cells', () => {
  it('writes numbers with the exact decimal text and text as inline strings', () => {
    const bytes = book('<row r="4" spans="9:10"><c r="I4" s="4" t="s"><v>0</v></c><c r="J4" s="4"><v>1</v></c></row>', { sharedStrings: ['x'] });
    const out = apply(bytes, write('S', 'J4', num('0.93160'), '0.00%'), write('S', 'I4', txt('良')));
    expect(sheetData(out)).toBe(
      '<sheetData><row r="4" spans="9:10"><c r="I4" s="4" t="inlineStr"><is><t>良</t></is></c><c r="J4" s="5"><v>0.93160</v></c></row></sheetData>',
    );
    expect(cellsOf(out).get('J4')).toEqual({ value: 0.9316, numberFormat: '0.00%', formula: false });
    expect(cellsOf(out).get('I4')).toEqual({ value: '良', numberFormat: 'General', formula: false });
    // sharedStrings.xml is untouched.
    expect(part(out, 'xl/sharedStrings.xml')).toBe(part(bytes, 'xl/sharedStrings.xml'));
  });

  it('escapes text and keeps spaces, line breaks and control characters', () => {
    const texts = ['a<b>&"c"\'', '  两端空格 ', 'line1\nline2', 'cr\r\nlf', 'tab\there', 'bell\u0007', 'lit _x0041_ eral', '𠀀 astral'];
    const writes = texts.map((t, i) => write('S', `A${i + 1}`, txt(t)));
    const out = apply(book(''), ...writes);
    const cells = cellsOf(out);
    texts.forEach((t, i) => expect(cells.get(`A${i + 1}`)!.value).toBe(t));
    const data = sheetData(out);
    expect(data).toContain('<t xml:space="preserve">  两端空格 </t>');
    expect(data).toContain('<t>a&lt;b&gt;&amp;&quot;c&quot;\'</t>');
    expect(data).toContain('bell_x0007_');
    expect(data).toContain('lit _x005F_x0041_ eral');
  });

  it('keeps the other attributes of a replaced cell and drops its old type and value metadata', () => {
    const out = apply(book('<row r="1"><c r="A1" s="2" t="e" vm="1" ph="1"><v>#N/A</v></c></row>'), write('S', 'A1', num('5')));
    expect(sheetData(out)).toBe('<sheetData><row r="1"><c r="A1" s="2" ph="1"><v>5</v></c></row></sheetData>');
  });

  it('clears a cell for an empty value, keeping its style; clearing a missing cell writes nothing', () => {
    const bytes = book('<row r="1"><c r="A1" s="1"><v>0.5</v></c></row>');
    const out = apply(bytes, write('S', 'A1', { kind: 'empty' }), write('S', 'B7', { kind: 'empty' }));
    expect(sheetData(out)).toBe('<sheetData><row r="1"><c r="A1" s="1"/></row></sheetData>');
    const formatted = apply(bytes, write('S', 'B1', { kind: 'empty' }, '0.00%'));
    // B1 had no style (xf 0, General): it gets a copy of xf 0 with the format.
    expect(sheetData(formatted)).toBe('<sheetData><row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="5"/></row></sheetData>');
  });

  it('refuses to overwrite a formula, also inside an array formula, and writes nothing', () => {
    const rows =
      '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f t="shared" si="0" ref="B1:B2">A1</f><v>2</v></c><c r="C1"><f t="array" ref="C1:D2">A1:B2*2</f><v>4</v></c><c r="D1"><v>4</v></c></row>' +
      '<row r="2"><c r="B2"><f t="shared" si="0"/><v>0</v></c><c r="C2"><v>0</v></c><c r="D2"><v>0</v></c></row>';
    const bytes = book(rows);
    for (const ref of ['A1', 'B2', 'C1', 'D1', 'D2']) {
      const r = applyPlanToFile(bytes, { writes: [write('S', 'E1', num('1')), write('S', ref, num('1'))] });
      expect([ref, !r.ok && r.error.code]).toEqual([ref, 'formulaCell']);
      expect(!r.ok && fileErrorText(r.error)).toContain(`'S'!${ref}`);
    }
  });

  it('refuses writes to a missing sheet, a chartsheet, bad numbers and addresses off the sheet', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S' }, { name: 'Chart', chart: true }] });
    const code = (w: CellWrite) => {
      const r = applyPlanToFile(bytes, { writes: [w] });
      return !r.ok && r.error.code;
    };
    expect(code(write('Nope', 'A1', num('1')))).toBe('sheetMissing');
    expect(code(write('Chart', 'A1', num('1')))).toBe('notWorksheet');
    for (const bad of ['1,5', 'NaN', '', '0x10', '1e', '--1', ' 1']) expect([bad, code(write('S', 'A1', num(bad)))]).toEqual([bad, 'invalidWrite']);
    expect(code({ address: { sheet: 'S', row: 1048576, col: 0 }, value: num('1') })).toBe('invalidWrite');
    expect(code({ address: { sheet: 'S', row: 0, col: -1 }, value: num('1') })).toBe('invalidWrite');
    // Sheet names match case-insensitively, as in Excel.
    expect(code(write('s', 'A1', num('1')))).toBe(false);
  });
});

describe('rows, order, dimension and spans', () => {
  it('keeps rows and cells sorted, inserting between existing ones', () => {
    const bytes = book('<row r="2" spans="2:4"><c r="B2"><v>1</v></c><c r="D2"><v>2</v></c></row><row r="5"><c r="A5"><v>3</v></c></row>');
    const out = apply(bytes, write('S', 'F2', num('9')), write('S', 'A2', num('7')), write('S', 'C2', num('8')), write('S', 'A1', num('6')), write('S', 'B3', num('5')), write('S', 'A9', num('4')));
    expect(sheetData(out)).toBe(
      '<sheetData><row r="1"><c r="A1"><v>6</v></c></row>' +
        '<row r="2" spans="1:6"><c r="A2"><v>7</v></c><c r="B2"><v>1</v></c><c r="C2"><v>8</v></c><c r="D2"><v>2</v></c><c r="F2"><v>9</v></c></row>' +
        '<row r="3"><c r="B3"><v>5</v></c></row>' +
        '<row r="5"><c r="A5"><v>3</v></c></row>' +
        '<row r="9"><c r="A9"><v>4</v></c></row></sheetData>',
    );
    expect(part(out, 'xl/worksheets/sheet1.xml')).toContain('<dimension ref="A1:F9"/>');
  });

  it('opens self-closing rows and sheetData, and drops spans lists that no longer cover the row', () => {
    const out = apply(book('<row r="1" spans="1:2 4:5" ht="20" customHeight="1"/>'), write('S', 'H1', num('1')));
    expect(sheetData(out)).toBe('<sheetData><row r="1" ht="20" customHeight="1"><c r="H1"><v>1</v></c></row></sheetData>');
    const xml = worksheetXml('', '<dimension ref="A1"/>').replace('<sheetData></sheetData>', '<sheetData/>');
    const empty = apply(buildXlsx({ sheets: [{ name: 'S', xml }] }), write('S', 'B2', txt('x')));
    expect(sheetData(empty)).toBe('<sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>');
    expect(part(empty, 'xl/worksheets/sheet1.xml')).toContain('<dimension ref="A1:B2"/>');
  });

  it('leaves the dimension alone when the writes are inside it', () => {
    const xml = worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<dimension ref="A1:C3"/>');
    const out = apply(buildXlsx({ sheets: [{ name: 'S', xml }] }), write('S', 'B2', num('1')));
    expect(part(out, 'xl/worksheets/sheet1.xml')).toContain('<dimension ref="A1:C3"/>');
  });

  it('splices pretty-printed CRLF parts with a BOM, keeping the BOM and every other byte', () => {
    const xml = worksheetXml('\r\n  <row r="1" >\r\n    <c r="A1" s = \'1\' >\r\n      <v>1</v>\r\n    </c>\r\n  </row>\r\n').replace(/></g, '>\r\n<');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]);
    const parts = bookParts({ sheets: [{ name: 'S' }] });
    parts['xl/worksheets/sheet1.xml'] = bom;
    const out = apply(zipParts(parts), write('S', 'A1', num('2')), write('S', 'B1', num('3')));
    const bytes = unzipSync(out)['xl/worksheets/sheet1.xml'];
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    // The replaced cell keeps its start tag's spacing and quotes; the new cell goes just before </row>.
    const expected = xml
      .replace(/<c r="A1" s = '1' >\r\n      <v>1<\/v>\r\n    <\/c>/, "<c r=\"A1\" s = '1' ><v>2</v></c>")
      .replace('</row>', '<c r="B1"><v>3</v></c></row>')
      .replace('<dimension ref="A1"/>', '<dimension ref="A1:B1"/>');
    expect(text).toBe(expected);
    expect(cellsOf(out).get('A1')).toEqual({ value: 2, numberFormat: '0.00%', formula: false });
  });

  it('handles rows and cells without r attributes', () => {
    const out = apply(book('<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'), write('S', 'B1', num('9')), write('S', 'C2', num('8')), write('S', 'A4', num('7')));
    expect([...cellsOf(out)].map(([k, v]) => `${k}=${v.value}`)).toEqual(['A1=1', 'B1=9', 'A2=3', 'C2=8', 'A4=7']);
  });

  it('gives new cells the style of their row (customFormat) or column', () => {
    const xml = worksheetXml('<row r="2" s="4" customFormat="1"><c r="A2"><v>1</v></c></row>', '<dimension ref="A2"/><cols><col min="3" max="5" width="9" style="2"/></cols>');
    const out = apply(buildXlsx({ sheets: [{ name: 'S', xml }] }), write('S', 'B2', txt('r')), write('S', 'D7', num('1')));
    expect(sheetData(out)).toContain('<c r="B2" s="4" t="inlineStr">');
    expect(sheetData(out)).toContain('<c r="D7" s="2"><v>1</v></c>');
  });

  it('uses the part\'s namespace prefix for new elements', () => {
    const parts = bookParts({ sheets: [{ name: 'S' }] });
    parts['xl/worksheets/sheet1.xml'] = `<x:worksheet xmlns:x="${SML}"><x:dimension ref="A1"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    parts['xl/workbook.xml'] = `<x:workbook xmlns:x="${SML}" xmlns:r="${REL}"><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
    const out = apply(zipParts(parts), write('S', 'B1', txt('t')), write('S', 'A3', num('2'), '0.00%'));
    expect(part(out, 'xl/worksheets/sheet1.xml')).toBe(
      `<x:worksheet xmlns:x="${SML}"><x:dimension ref="A1:B3"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>t</x:t></x:is></x:c></x:row>` +
        '<x:row r="3"><x:c r="A3" s="5"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
    expect(part(out, 'xl/workbook.xml')).toBe(`<x:workbook xmlns:x="${SML}" xmlns:r="${REL}"><x:sheets><x:sheet name="S" sheetId="1" r:id="rId1"/></x:sheets><x:calcPr fullCalcOnLoad="1"/></x:workbook>`);
    expect(cellsOf(out).get('A3')).toEqual({ value: 2, numberFormat: '0.00%', formula: false });
  });
});

describe('styles', () => {
  const rows = '<row r="1"><c r="A1" s="4"><v>1</v></c><c r="B1" s="4"><v>2</v></c><c r="C1" s="1"><v>3</v></c><c r="D1"><v>4</v></c><c r="E1" s="2"><v>5</v></c></row>';
  const bytes = book(rows);

  it('clones the cell xf with the new format, once per (xf, format)', () => {
    const out = apply(bytes, write('S', 'A1', num('0.5'), '0.00%'), write('S', 'B1', num('0.5'), '0.00%'), write('S', 'D1', num('1.5'), '0.00'), write('S', 'A2', num('1'), '0.0000'), write('S', 'B2', num('1'), '0.000'));
    const styles = part(out, 'xl/styles.xml');
    expect(styles).toContain(
      '<cellXfs count="9">' +
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment horizontal="center"/></xf>' +
        '<xf numFmtId="10" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"><alignment horizontal="center"/></xf>' +
        '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '</cellXfs>',
    );
    expect(styles).toContain('<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0&quot;万元&quot;"/><numFmt numFmtId="165" formatCode="0.000"/><numFmt numFmtId="166" formatCode="0.0000"/></numFmts>');
    const cells = cellsOf(out);
    expect(['A1', 'B1', 'D1', 'A2', 'B2'].map((r) => cells.get(r)!.numberFormat)).toEqual(['0.00%', '0.00%', '0.00', '0.0000', '0.000']);
  });

  it('keeps s (and styles.xml) when the cell already shows the format', () => {
    const out = apply(bytes, write('S', 'C1', num('0.25'), '0.00%'));
    expect(part(out, 'xl/styles.xml')).toBe(part(bytes, 'xl/styles.xml'));
    expect(sheetData(out)).toContain('<c r="C1" s="1"><v>0.25</v></c>');
    // A format given by a custom <numFmt> with the same code counts too.
    const same = apply(bytes, write('S', 'E1', num('1'), '0.0"万元"'));
    expect(part(same, 'xl/styles.xml')).toBe(part(bytes, 'xl/styles.xml'));
  });

  it('adds <numFmts> when the styles part has none, and a styles part when the workbook has none', () => {
    const noFmts = book(rows, { styles: `<styleSheet xmlns="${SML}"><fonts count="1"><font/></fonts><cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs></styleSheet>` });
    const a = part(apply(noFmts, write('S', 'D1', num('1'), '0.0')), 'xl/styles.xml');
    expect(a).toBe(
      `<styleSheet xmlns="${SML}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts count="1"><font/></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    );
    const none = book(rows, { styles: null });
    const out = apply(none, write('S', 'D1', num('1'), '0.00%'), write('S', 'A3', txt('x')));
    const files = unzipSync(out);
    expect(Object.keys(files)).toContain('xl/styles.xml');
    expect(strFromU8(files['[Content_Types].xml'])).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
    expect(strFromU8(files['xl/_rels/workbook.xml.rels'])).toContain(`<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
    expect(cellsOf(out).get('D1')).toEqual({ value: 1, numberFormat: '0.00%', formula: false });
    expect(cellsOf(out).get('A1')!.numberFormat).toBe('General');
  });
});

describe('workbook.xml calcPr', () => {
  const rows = '<row r="1"><c r="A1"><v>1</v></c></row>';
  const w = write('S', 'B1', num('2'));
  it('adds fullCalcOnLoad to an existing calcPr', () => {
    const out = apply(book(rows, { afterNames: '<calcPr calcId="191029"/><extLst/>' }), w);
    expect(part(out, 'xl/workbook.xml')).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/><extLst/></workbook>');
  });
  it('inserts calcPr at its schema position', () => {
    const out = apply(book(rows, { afterNames: '<oleSize ref="A1"/><fileRecoveryPr/>' }), w);
    expect(part(out, 'xl/workbook.xml')).toContain('<calcPr fullCalcOnLoad="1"/><oleSize ref="A1"/><fileRecoveryPr/></workbook>');
    const plain = apply(book(rows), w);
    expect(part(plain, 'xl/workbook.xml')).toMatch(/<\/sheets><calcPr fullCalcOnLoad="1"\/><\/workbook>$/);
  });
  it('leaves workbook.xml alone when it is already set', () => {
    const bytes = book(rows, { afterNames: '<calcPr fullCalcOnLoad="1"/>' });
    expect(part(apply(bytes, w), 'xl/workbook.xml')).toBe(part(bytes, 'xl/workbook.xml'));
  });
});

describe('the package', () => {
  const bytes = book('<row r="1"><c r="A1" s="4"><v>1</v></c></row>', { sharedStrings: ['a'] });
  const writes = [write('S', 'A1', num('0.9316'), '0.00%'), write('S', 'B2', txt('良'))];

  it('is deterministic, and a fixed point when applied again', () => {
    const a = apply(bytes, ...writes);
    const b = apply(bytes, ...writes);
    expect(sameBytes(a, b)).toBe(true);
    expect(sameBytes(apply(a, ...writes), a)).toBe(true);
  });

  it('keeps every other entry byte-identical, in order, with its time stamp', () => {
    const out = apply(bytes, ...writes);
    const before = unzipSync(bytes);
    const after = unzipSync(out);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(before).filter((n) => !sameBytes(before[n], after[n]));
    expect(changed.sort()).toEqual(['xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const dates = (z: Uint8Array) => {
      const out: string[] = [];
      for (let i = 0; i + 4 < z.length; i++) if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 1 && z[i + 3] === 2) out.push(`${z[i + 12]},${z[i + 13]},${z[i + 14]},${z[i + 15]}`);
      return out;
    };
    expect(dates(out)).toEqual(dates(bytes));
  });

  it('opens in ExcelJS, another independent reader', async () => {
    const out = apply(bytes, ...writes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('S')!;
    expect(ws.getCell('A1').value).toBe(0.9316);
    expect(ws.getCell('A1').numFmt).toBe('0.00%');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').value).toBe('良');
  });
});

describe('round trips (property)', () => {
  const base = book('<row r="1"><c r="A1"><v>1</v></c></row>');

  it('reads back any text exactly as written', () => {
    const tricky = fc.constantFrom('_x0041_', '_x005F_', '\r', '\r\n', '\u0000', '\uFFFE', ' ', '&amp;', ']]>', '<t>', '\uD800');
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary' }), tricky), { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const out = apply(base, write('S', 'B2', txt(t)));
        expect(cellsOf(out).get('B2')!.value).toBe(t);
      }),
      { numRuns: 150 },
    );
  });

  it('reads back any decimal number text as that number', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
      .map(([neg, digits, scale]) => {
        const s = digits.toString().padStart(scale + 1, '0');
        return (neg ? '-' : '') + (scale ? s.slice(0, -scale) + '.' + s.slice(-scale) : s);
      });
    fc.assert(
      fc.property(decimal, (d) => {
        const out = apply(base, write('S', 'C3', num(d), '0.00'));
        expect(cellsOf(out).get('C3')).toEqual({ value: Number(d), numberFormat: '0.00', formula: false });
      }),
      { numRuns: 100 },
    );
  });
});
