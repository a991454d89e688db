/**
 * Hostile files not covered by test/hosts/xlsx/malformed.test.ts, in Node
 * and through the built CLI binary:
 *
 * - the total-size cap on its own (entries each under the ratio cap) and the
 *   entry-count cap (a Zip64 directory claiming 70,000 entries);
 * - DOCTYPE with an external entity (XXE), in [Content_Types].xml too, and an
 *   undeclared entity reference: refused, never resolved;
 * - a <dimension> beyond XFD1048576 (read and write paths);
 * - a 100,000-row indicator table through the whole CLI pipeline: it works;
 * - names and sheets called __proto__ / constructor / toString / hasOwnProperty
 *   through every entry point and both hosts: Object.prototype unchanged;
 * - the built binary on hostile files: exit 2, one Chinese line naming the
 *   limit, no stack trace, no output file.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, unzipSync } from 'fflate';
import { runCli } from '../../src/cli/run';
import { memoryFs, memoryIo } from '../support/memory-fs';
import { scoreInExcel } from '../../src/hosts/excel';
import { applyPlanToFile, readAllCells, readWorkbookFile, type XlsxResult } from '../../src/hosts/xlsx';
import type { FileErrorCode } from '../../src/messages/file-errors';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import type { WritePlan } from '../../src/workbook/plan';
import { contextFor, workbookFromCells } from '../fakes/office';
import { CLI } from '../support/paths';
import { bookParts, definedName, worksheetXml, zipParts } from '../support/xlsx-build';
import { storedZip } from '../support/xlsx-zip';
import { bigBook } from './big-book';
import { fileErrorText } from '../../src/messages/file-errors';
import { scoreBook } from '../../src/workbook/score-book';

/** A v1 workbook is one evaluation of the workbook's names: its outcome as scoreWorkbook gives it. */
function onlyEvaluation(outcome: { evaluations: Array<{ scope: string | null }> } | null): unknown {
  if (!outcome || outcome.evaluations.length !== 1 || outcome.evaluations[0].scope !== null) return outcome;
  const { scope: _scope, ...only } = outcome.evaluations[0];
  return only;
}

const CJK = /[\u4e00-\u9fff]/;
const PLAN: WritePlan = { writes: [{ address: { sheet: '评价', row: 1, col: 1 }, value: { kind: 'number', text: '1' } }] };

function expectError(bytes: Uint8Array, code: FileErrorCode, part?: string): string {
  const results: XlsxResult<unknown>[] = [readWorkbookFile(bytes), readAllCells(bytes), applyPlanToFile(bytes, PLAN)];
  let message = '';
  for (const r of results) {
    expect(r.ok).toBe(false);
    if (r.ok) continue;
    expect(r.error.code).toBe(code);
    if (part !== undefined) expect(r.error.part).toBe(part);
    expect(fileErrorText(r.error)).toMatch(CJK);
    message = fileErrorText(r.error);
  }
  return message;
}

const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>总分</t></is></c><c r="B1"><v>81.53</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>';
const spec = { sheets: [{ name: '评价', rows }], sharedStrings: ['等级'], names: definedName('评价结果', "'评价'!$A$1:$B$2") };
const parts = bookParts(spec);
const entries = (): [string, Uint8Array][] => Object.entries(parts).map(([n, d]) => [n, typeof d === 'string' ? strToU8(d) : d]);

/** Deterministic incompressible bytes. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The total-size cap alone: three stored 512 KiB entries claiming 80 MiB each (ratio 160, under 200; total 240 MiB). */
function totalSizeBomb(): Uint8Array {
  const base = entries();
  const pad: [string, Uint8Array][] = [0, 1, 2].map((i) => [`xl/media/image${i}.bin`, noise(512 * 1024, i + 1)]);
  return storedZip([...base, ...pad], (cv, i) => {
    if (i >= base.length) cv.setUint32(24, 80 * 1024 * 1024, true);
  });
}

/** A Zip64 end record claiming 70,000 entries (more than the 65,535 cap). */
function tooManyEntries(): Uint8Array {
  const zip = storedZip(entries());
  const eocd = zip.length - 22;
  const ev = new DataView(zip.buffer, zip.byteOffset + eocd, 22);
  const cdSize = ev.getUint32(12, true);
  const cdOffset = ev.getUint32(16, true);
  const record = new Uint8Array(56);
  const rv = new DataView(record.buffer);
  rv.setUint32(0, 0x06064b50, true);
  rv.setBigUint64(4, 44n, true);
  rv.setUint16(12, 45, true);
  rv.setUint16(14, 45, true);
  rv.setBigUint64(24, 70000n, true);
  rv.setBigUint64(32, 70000n, true);
  rv.setBigUint64(40, BigInt(cdSize), true);
  rv.setBigUint64(48, BigInt(cdOffset), true);
  const locator = new Uint8Array(20);
  const lv = new DataView(locator.buffer);
  lv.setUint32(0, 0x07064b50, true);
  lv.setBigUint64(8, BigInt(eocd), true);
  lv.setUint32(16, 1, true);
  const end = zip.slice(eocd);
  const endView = new DataView(end.buffer);
  endView.setUint16(8, 0xffff, true);
  endView.setUint16(10, 0xffff, true);
  const out = new Uint8Array(eocd + 56 + 20 + 22);
  out.set(zip.subarray(0, eocd), 0);
  out.set(record, eocd);
  out.set(locator, eocd + 56);
  out.set(end, eocd + 76);
  return out;
}

function withPart(name: string, text: string): Uint8Array {
  return zipParts({ ...parts, [name]: text });
}

function afterDeclaration(text: string, insert: string): string {
  const at = text.indexOf('?>') + 2;
  return text.slice(0, at) + insert + text.slice(at);
}

describe('zip limits, each on its own, naming the limit', () => {
  it('total uncompressed size over 200 MB (no entry over the ratio cap): tooLarge', () => {
    expect(expectError(totalSizeBomb(), 'tooLarge')).toContain('200 MB');
  });

  it('more than 65,535 entries (Zip64 directory): tooLarge', () => {
    expect(expectError(tooManyEntries(), 'tooLarge')).toContain('65,535');
  });
});

describe('XML: no DOCTYPE, no entity is ever resolved', () => {
  const xxe = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
  it('[Content_Types].xml is never parsed (only its presence is checked): a DOCTYPE there is not expanded, and the part is copied byte for byte', () => {
    const name = '[Content_Types].xml';
    const text = afterDeclaration(parts[name] as string, xxe);
    const bytes = withPart(name, text);
    expect(readWorkbookFile(bytes).ok).toBe(true);
    const written = applyPlanToFile(bytes, PLAN);
    if (!written.ok) throw new Error(fileErrorText(written.error));
    expect(new TextDecoder().decode(unzipSync(written.value)[name])).toBe(text);
  });

  it.each(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels'])('an external entity (XXE) in %s: xmlDoctype', (name) => {
    const text = parts[name] as string;
    const mutated = afterDeclaration(text, xxe).replace('总分', '&xxe;').replace('等级', '&xxe;');
    expect(expectError(withPart(name, mutated), 'xmlDoctype', name)).toContain('DOCTYPE');
  });

  it('a DOCTYPE with only an external DTD (no internal subset): xmlDoctype', () => {
    const name = 'xl/sharedStrings.xml';
    expectError(withPart(name, afterDeclaration(parts[name] as string, '<!DOCTYPE sst SYSTEM "http://example.invalid/x.dtd">')), 'xmlDoctype', name);
  });

  it('an entity reference without any declaration: xmlMalformed (not passed through)', () => {
    const name = 'xl/sharedStrings.xml';
    expectError(withPart(name, (parts[name] as string).replace('等级', '&xxe;')), 'xmlMalformed', name);
  });
});

describe('<dimension> beyond Excel\'s limits', () => {
  it.each(['A1:XFE1', 'A1:A1048577', 'A1:ZZZZ99999999', 'XFD1048577'])('ref="%s": badDimension on reading and on writing', (ref) => {
    const mutated = withPart('xl/worksheets/sheet1.xml', worksheetXml(rows, `<dimension ref="${ref}"/>`));
    expect(expectError(mutated, 'badDimension', 'xl/worksheets/sheet1.xml')).toContain(ref);
  });

  it('the largest legal dimension is fine (it is a hint; nothing is sized from it)', () => {
    const legal = withPart('xl/worksheets/sheet1.xml', worksheetXml(rows, '<dimension ref="A1:XFD1048576"/>'));
    expect(readWorkbookFile(legal).ok).toBe(true);
    const written = applyPlanToFile(legal, PLAN);
    expect(written.ok).toBe(true);
  });

  it('a dimension in another sheet, one no name refers to, is refused too', () => {
    const two = zipParts(
      bookParts({
        ...spec,
        sheets: [{ name: '评价', rows }, { name: '其他', xml: worksheetXml('', '<dimension ref="A1:XFE9"/>') }],
      }),
    );
    expectError(two, 'badDimension', 'xl/worksheets/sheet2.xml');
  });
});

// ---------------------------------------------------------------------------


describe('100,000 indicator rows through the whole CLI pipeline', () => {
  it('scores and writes them all (no limit is hit below 2,000,000 cells per named range)', async () => {
    const n = 100_000;
    const files = new Map([['/w/大表.xlsx', bigBook(n)]]);
    const out: string[] = [];
    const code = await runCli(['score', '/w/大表.xlsx', '--json'], memoryIo(memoryFs(files), out, []));
    expect(code).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.errors).toEqual([]);
    expect(json.indicators).toHaveLength(n);
    const written = readAllCells(files.get('/w/大表.scored.xlsx')!);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    const sheet = written.value.get('绩效指标')!;
    // 完成率 E, 得分 F, 计算说明 G of the last row; the user's column H untouched.
    expect(sheet.get(`F${n + 1}`)).toMatchObject({ numberFormat: '0.00' });
    expect(typeof sheet.get(`G${n + 1}`)!.value).toBe('string');
    expect(sheet.get('H2')!.value).toBe('备注');
    expect(written.value.get('评价结果')!.get('B2')!.value).toBe(json.grade);
  });
});

// ---------------------------------------------------------------------------

const PROTO_WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

function prototypeState(): string {
  const describe = (o: object) =>
    Object.getOwnPropertyNames(o)
      .sort()
      .map((k) => {
        const d = Object.getOwnPropertyDescriptor(o, k)!;
        return `${k}:${typeof d.value}:${String(d.get)}:${d.writable}:${d.enumerable}`;
      })
      .join('|');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Map.prototype].map(describe).join('\n');
}

describe('no prototype pollution anywhere', () => {
  /** A contract workbook whose sheets, names, labels, headers and strings are prototype words. */
  function protoBook(): Uint8Array {
    const sheet = (r: string) => r;
    const cells = (list: (string | number)[][]) =>
      list
        .map(
          (line, r) =>
            `<row r="${r + 1}">` +
            line.map((v, c) => {
              const ref = String.fromCharCode(65 + c) + (r + 1);
              return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
            }).join('') +
            '</row>',
        )
        .join('');
    const budget = cells([['资金项目', '全年预算数', '全年执行数', '执行率', '__proto__'], ['年度资金总额', 100, 90, '', 'constructor']]);
    const indicators = cells([
      ['三级指标', '指标值', '实际完成值', '分值', '得分', 'toString', '__proto__'],
      ['__proto__', '≥95%', '99%', 45, '', 'x', 'y'],
      ['constructor', '达到预期', '达成年度指标', 45, '', 'x', 'y'],
    ]);
    const results = cells([['总分', ''], ['__proto__', ''], ['constructor', 1], ['提示', '']]);
    const settings = cells([['toString', 1], ['hasOwnProperty', 2], ['小数位数', 2]]);
    const names =
      PROTO_WORDS.map((w) => definedName(w, "'__proto__'!$A$1")).join('') +
      definedName('__proto__', "'constructor'!$A$1", 0) +
      definedName('预算执行', sheet("'__proto__'!$A$1:$E$2")) +
      definedName('绩效指标', "constructor!$A$1:$G$3") +
      definedName('评价结果', "toString!$A$1:$B$4") +
      definedName('评分规则', "hasOwnProperty!$A$1:$B$3");
    return zipParts(
      bookParts({
        sheets: [
          { name: '__proto__', rows: budget },
          { name: 'constructor', rows: indicators },
          { name: 'toString', rows: results },
          { name: 'hasOwnProperty', rows: settings },
        ],
        sharedStrings: PROTO_WORDS,
        names,
      }),
    );
  }

  it('through readWorkbookFile, scoreWorkbook, applyPlanToFile, readAllCells, runCli and the Excel host', async () => {
    const before = prototypeState();
    const bytes = protoBook();
    const read = readWorkbookFile(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value['绩效指标']).toMatchObject({ kind: 'range', range: { sheet: 'constructor', rows: 3, cols: 7 } });
    const outcome = scoreWorkbook(read.value);
    expect(outcome.errors).toEqual([]);
    expect(outcome.summary!.indicators.map((i) => i.name)).toEqual(['__proto__', 'constructor']);
    expect(outcome.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['settingUnknown', 'resultUnknownLabel']));
    const written = applyPlanToFile(bytes, outcome.plan);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    const cells = readAllCells(written.value);
    expect(cells.ok && [...cells.value.keys()]).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(cells.ok && cells.value.get('toString')!.get('B3')!.value).toBe(1); // the unknown label's value is left alone

    const files = new Map([['/w/__proto__.xlsx', bytes]]);
    expect(await runCli(['score', '/w/__proto__.xlsx', '--json'], memoryIo(memoryFs(files), []))).toBe(0);

    const all = readAllCells(bytes);
    if (!all.ok) throw new Error(fileErrorText(all.error));
    const store = workbookFromCells(all.value, [
      { name: '预算执行', formula: "='__proto__'!$A$1:$E$2" },
      { name: '绩效指标', formula: '=constructor!$A$1:$G$3' },
      { name: '评价结果', formula: '=toString!$A$1:$B$4' },
      { name: '评分规则', formula: '=hasOwnProperty!$A$1:$B$3' },
      ...PROTO_WORDS.map((w) => ({ name: w, formula: "='__proto__'!$A$1" })),
    ]);
    const excel = await scoreInExcel(contextFor(store), { protection: true, addNames: true }, scoreBook);
    expect(excel.hostError).toBeNull();
    expect(onlyEvaluation(excel.outcome)).toEqual(outcome);
    // Every planned cell reached the fake, on every sheet (a sheet named __proto__ included).
    for (const w of outcome.plan.writes) {
      const sheetCells = cells.ok ? cells.value.get(w.address.sheet)! : new Map();
      const file = sheetCells.get(String.fromCharCode(65 + w.address.col) + (w.address.row + 1));
      const fake = store.findSheet(w.address.sheet)!.peek(w.address.row, w.address.col);
      expect([w.address, fake.value, fake.numberFormat]).toEqual([w.address, file?.value ?? '', file?.numberFormat ?? 'General']);
    }

    expect(prototypeState()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

// ---------------------------------------------------------------------------

describe('the built CLI binary on hostile files', () => {
  const hasCli = fs.existsSync(CLI);
  const xls = (() => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    b.set(Array.from('Workbook').flatMap((ch) => [ch.charCodeAt(0), 0]), 1024);
    return b;
  })();
  const ratioBomb = zipParts({ ...parts, 'xl/media/padding.bin': new Uint8Array(4 * 1024 * 1024).fill(32) });
  const doctype = withPart('xl/sharedStrings.xml', afterDeclaration(parts['xl/sharedStrings.xml'] as string, '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'));
  const dimension = withPart('xl/worksheets/sheet1.xml', worksheetXml(rows, '<dimension ref="A1:XFE1048577"/>'));
  const duplicate = storedZip([...entries(), ['xl/workbook.xml', strToU8('<x/>')]]);
  const cases: [string, string, Uint8Array, RegExp][] = [
    ['an old .xls', 'old.xls', xls, /Excel 97-2003/],
    ['a per-entry ratio bomb', 'ratio.xlsx', ratioBomb, /200 倍/],
    ['a total-size bomb', 'total.xlsx', totalSizeBomb(), /200 MB/],
    ['too many entries', 'entries.xlsx', tooManyEntries(), /65,535/],
    ['a DOCTYPE', 'doctype.xlsx', doctype, /DOCTYPE/],
    ['a dimension beyond XFD1048576', 'dimension.xlsx', dimension, /XFE1048577/],
    ['a duplicate entry', 'duplicate.xlsx', duplicate, /重复/],
  ];
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-hostile-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  (hasCli ? it.each(cases) : it.skip.each(cases))('%s: exit 2, one Chinese line naming the problem, no stack trace, no output file', (_what, name, bytes, names) => {
    const sub = fs.mkdtempSync(path.join(dir, 'case-'));
    const file = path.join(sub, name);
    fs.writeFileSync(file, bytes);
    const r = spawnSync(process.execPath, [CLI, 'score', file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^错误：/);
    expect(r.stderr).toMatch(CJK);
    expect(r.stderr).toMatch(names);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*:\d+|Error:|内部错误/);
    const j = spawnSync(process.execPath, [CLI, 'score', file, '--json'], { encoding: 'utf8' });
    expect(j.status).toBe(2);
    expect(JSON.parse(j.stdout).errors).toHaveLength(1);
    expect(fs.readdirSync(sub)).toEqual([name]);
  });
});
