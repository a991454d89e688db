import { deflateSync, strToU8 } from 'fflate';
import { applyPlanToFile, readAllCells, readWorkbookFile, type XlsxResult } from '../../../src/hosts/xlsx';
import type { FileErrorCode } from '../../../src/messages/file-errors';
import type { WritePlan } from '../../../src/workbook/plan';
import { bookParts, definedName, worksheetXml, zipParts } from '../../support/xlsx-build';
import { readCorpus } from '../../support/xlsx-compare';
import { storedZip } from '../../support/xlsx-zip';
import { fileErrorText } from '../../../src/messages/file-errors';

const PLAN: WritePlan = { writes: [{ address: { sheet: '评价', row: 1, col: 1 }, value: { kind: 'number', text: '1' } }] };
const CJK = /[\u4e00-\u9fff]/;

/** Runs the three entry points; none may throw, and they must agree on the error. */
function expectError(bytes: Uint8Array, code: FileErrorCode, part?: string): void {
  const results: XlsxResult<unknown>[] = [readWorkbookFile(bytes), readAllCells(bytes), applyPlanToFile(bytes, PLAN)];
  for (const r of results) {
    expect(r.ok).toBe(false);
    if (r.ok) continue;
    expect(r.error.code).toBe(code);
    if (part !== undefined) expect(r.error.part).toBe(part);
    expect(fileErrorText(r.error)).toMatch(CJK);
    expect(fileErrorText(r.error)).not.toMatch(/Error|at .*\(|undefined|\[object/);
  }
}

describe('broken and encrypted corpus files', () => {
  it.each([
    ['BadWorkbook.xlsx', 'noSheets', undefined],
    ['clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx', 'corruptZip', undefined],
    // Bad CRC-32 in _rels/.rels (the chart parts are broken too, but _rels/.rels is read first).
    ['clusterfuzz-testcase-minimized-POIXSSFFuzzer-5265527465181184.xlsx', 'corruptZip', '_rels/.rels'],
    // One corrupt worksheet: every worksheet part is CRC-checked on opening, even one no name refers to.
    ['clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx', 'corruptZip', 'xl/worksheets/sheet8.xml'],
    ['poc-xmlbomb.xlsx', 'xmlDoctype', 'xl/sharedStrings.xml'],
    ['invalid-xml.xlsx', 'xmlMalformed', 'xl/worksheets/sheet1.xml'],
    ['xlsx-corrupted.xlsx', 'xmlMalformed', '_rels/.rels'],
    ['invalid.xlsx', 'notXlsx', '[Content_Types].xml'],
    ['encryptSHA512.xlsx', 'encrypted', undefined],
    ['encryptAES.xlsx', 'encrypted', undefined],
  ] as const)('%s → %s', (file, code, part) => {
    expectError(readCorpus(file), code, part);
  });

  it('gives the encrypted message the user can act on', () => {
    const r = readWorkbookFile(readCorpus('encryptAES.xlsx'));
    expect(!r.ok && fileErrorText(r.error)).toBe(
      '工作簿已加密（设置了打开密码），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存，再重试。',
    );
  });
});

describe('mutations of a good workbook', () => {
  const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>总分</t></is></c><c r="B1"><v>81.53</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>';
  const spec = { sheets: [{ name: '评价', rows }], sharedStrings: ['等级'], names: definedName('评价结果', "'评价'!$A$1:$B$2") };
  const parts = bookParts(spec);
  const good = zipParts(parts);

  it('reads the unmutated workbook', () => {
    expect(readWorkbookFile(good).ok).toBe(true);
    expect(applyPlanToFile(good, PLAN).ok).toBe(true);
  });

  it('refuses truncated files at every length without throwing', () => {
    for (let length = 0; length < good.length; length += Math.max(1, Math.floor(good.length / 97))) {
      const r = readWorkbookFile(good.slice(0, length));
      expect([length, r.ok || r.error.code]).toEqual([length, length < 4 ? 'notZip' : 'corruptZip']);
    }
  });

  it('never throws on flipped bytes; every failure is a known code', () => {
    const allowed = new Set<string>(['corruptZip', 'notZip', 'unsupportedZip', 'xmlMalformed', 'notXlsx', 'noSheets', 'partMissing', 'duplicateEntry', 'tooLarge', 'zipBomb', 'badDimension', 'sheetMissing', 'notWorksheet']);
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const codes = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const bytes = good.slice();
      const at = Math.floor(random() * bytes.length);
      bytes[at] ^= 1 + Math.floor(random() * 255);
      for (const r of [readWorkbookFile(bytes), readAllCells(bytes), applyPlanToFile(bytes, PLAN)]) {
        const code = r.ok ? 'ok' : r.error.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (!r.ok) {
          expect([r.error.code, allowed.has(r.error.code)]).toEqual([r.error.code, true]);
          expect(fileErrorText(r.error)).toMatch(CJK);
        }
      }
    }
    expect(codes.get('corruptZip')).toBeGreaterThan(0);
  });

  it('reports dropped parts', () => {
    const without = (name: string) => {
      const copy = { ...parts };
      delete copy[name];
      return zipParts(copy);
    };
    expectError(without('[Content_Types].xml'), 'notXlsx', '[Content_Types].xml');
    expectError(without('_rels/.rels'), 'notXlsx', 'xl/workbook.xml');
    expectError(without('xl/workbook.xml'), 'notXlsx', 'xl/workbook.xml');
    expectError(without('xl/worksheets/sheet1.xml'), 'partMissing', 'xl/worksheets/sheet1.xml');
    // Parts the reader can do without: styles (all General) and shared strings (their cells read as empty).
    const noStyles = readAllCells(without('xl/styles.xml'));
    expect(noStyles.ok && noStyles.value.get('评价')!.get('B1')).toEqual({ value: 81.53, numberFormat: 'General', formula: false });
    const noStrings = readAllCells(without('xl/sharedStrings.xml'));
    expect(noStrings.ok && noStrings.value.get('评价')!.get('A2')!.value).toBeNull();
  });

  it('refuses any DOCTYPE, without expanding entities', () => {
    const doctype = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>';
    for (const name of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels', '_rels/.rels']) {
      const text = parts[name] as string;
      const at = text.indexOf('?>') + 2;
      const mutated = { ...parts, [name]: text.slice(0, at) + doctype + text.slice(at).replace('总分', '&lol2;') };
      expectError(zipParts(mutated), 'xmlDoctype', name);
    }
  });

  it('names the part that is not well-formed', () => {
    const mutated = { ...parts, 'xl/styles.xml': (parts['xl/styles.xml'] as string).replace('</cellXfs>', '</cellXf>') };
    expectError(zipParts(mutated), 'xmlMalformed', 'xl/styles.xml');
    const unbound = { ...parts, 'xl/worksheets/sheet1.xml': worksheetXml('<row r="1"><q:c r="A1"/></row>') };
    expectError(zipParts(unbound), 'xmlMalformed', 'xl/worksheets/sheet1.xml');
    const badUtf8 = { ...parts, 'xl/worksheets/sheet1.xml': new Uint8Array([...strToU8(worksheetXml('')), 0xff, 0xfe]) };
    expectError(zipParts(badUtf8), 'xmlMalformed', 'xl/worksheets/sheet1.xml');
  });

  it('refuses cell references beyond XFD1048576', () => {
    for (const ref of ['XFE1', 'A1048577', 'XFD1048577']) {
      const mutated = { ...parts, 'xl/worksheets/sheet1.xml': worksheetXml(`<row r="1"><c r="${ref}"><v>1</v></c></row>`) };
      expectError(zipParts(mutated), 'badDimension', 'xl/worksheets/sheet1.xml');
    }
    const farRow = { ...parts, 'xl/worksheets/sheet1.xml': worksheetXml('<row r="1048577"><c><v>1</v></c></row>') };
    expectError(zipParts(farRow), 'badDimension');
  });

  it('refuses duplicate entries, also differing only in case', () => {
    const entries = Object.entries(parts).map(([n, d]) => [n, typeof d === 'string' ? strToU8(d) : d] as [string, Uint8Array]);
    expect(readWorkbookFile(storedZip(entries)).ok).toBe(true);
    expectError(storedZip([...entries, ['xl/workbook.xml', strToU8('<x/>')]]), 'duplicateEntry', 'xl/workbook.xml');
    expectError(storedZip([...entries, ['XL/Workbook.xml', strToU8('<x/>')]]), 'duplicateEntry', 'XL/Workbook.xml');
  });

  it('checks sizes from the central directory before inflating (zip bombs)', () => {
    const entries = Object.entries(parts).map(([n, d]) => [n, typeof d === 'string' ? strToU8(d) : d] as [string, Uint8Array]);
    // A central directory that claims 300 MiB for one entry.
    const huge = storedZip(entries, (cv, i) => i === 0 && cv.setUint32(24, 300 * 1024 * 1024, true));
    const r = readWorkbookFile(huge);
    expect(!r.ok && [r.error.code, fileErrorText(r.error).includes('200 MB')]).toEqual(['tooLarge', true]);
    // A real high-ratio entry: 4 MiB of spaces deflates to a few KB.
    const bomb = zipParts({ ...parts, 'xl/media/padding.bin': new Uint8Array(4 * 1024 * 1024).fill(32) });
    const b = readWorkbookFile(bomb);
    expect(!b.ok && [b.error.code, b.error.part, fileErrorText(b.error).includes('200 倍')]).toEqual(['zipBomb', 'xl/media/padding.bin', true]);
    // Below 1 MiB any ratio is fine.
    expect(readWorkbookFile(zipParts({ ...parts, 'xl/media/padding.bin': new Uint8Array(512 * 1024) })).ok).toBe(true);
    // An entry whose deflate stream inflates to more than it claims is cut off (no memory growth) and refused.
    const workbook = entries.findIndex(([n]) => n === 'xl/workbook.xml');
    const real = entries[workbook][1];
    const padded = new Uint8Array([...real, ...new Uint8Array(200_000).fill(32)]);
    const lying = entries.map(([n, d], i) => [n, i === workbook ? deflateSync(padded) : d] as [string, Uint8Array]);
    const liar = storedZip(lying, (cv, i) => {
      if (i !== workbook) return;
      cv.setUint16(10, 8, true);
      cv.setUint32(24, real.length, true);
    });
    expectError(liar, 'corruptZip', 'xl/workbook.xml');
  });

  it('refuses what is not a zip, and old .xls files', () => {
    expectError(strToU8('name,score\n张三,90\n'), 'notZip');
    expectError(new Uint8Array(0), 'notZip');
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    xls.set(Array.from('Workbook').flatMap((ch) => [ch.charCodeAt(0), 0]), 1024);
    expectError(xls, 'xls');
    xls.set(Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]), 1200);
    expectError(xls, 'encrypted');
  });

  it('refuses zip-level encryption and unknown compression methods on parts it needs', () => {
    const entries = Object.entries(parts).map(([n, d]) => [n, typeof d === 'string' ? strToU8(d) : d] as [string, Uint8Array]);
    const workbook = entries.findIndex(([n]) => n === 'xl/workbook.xml');
    expectError(storedZip(entries, (cv, i) => i === workbook && cv.setUint16(8, 1, true)), 'unsupportedZip', 'xl/workbook.xml');
    expectError(storedZip(entries, (cv, i) => i === workbook && cv.setUint16(10, 14, true)), 'unsupportedZip', 'xl/workbook.xml');
  });

  it('has no prototype pollution from names like __proto__ and constructor', () => {
    const names = definedName('__proto__', "'评价'!$A$1") + definedName('constructor', "'评价'!$A$1") + definedName('polluted', '1') + definedName('评价结果', "'评价'!$A$1:$B$2");
    const bytes = zipParts(bookParts({ ...spec, names }));
    const r = readWorkbookFile(bytes);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    // A sheet called __proto__ works like any other.
    const proto = zipParts(bookParts({ sheets: [{ name: '__proto__', rows }], names: definedName('评价结果', '__proto__!$A$1:$B$1') }));
    const p = readWorkbookFile(proto);
    expect(p.ok && p.value['评价结果']).toMatchObject({ kind: 'range', range: { sheet: '__proto__', rows: 1, cols: 2 } });
    const written = applyPlanToFile(proto, { writes: [{ address: { sheet: '__proto__', row: 0, col: 1 }, value: { kind: 'number', text: '2' } }] });
    expect(written.ok).toBe(true);
  });
});
