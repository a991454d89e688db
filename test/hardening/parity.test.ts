/**
 * Idempotence and cross-host parity over a generated set of contract
 * workbooks, each a real .xlsx file written by ExcelJS (test/hardening/contract-books.ts).
 *
 * (a) CLI path (readWorkbookFile → scoreWorkbook → applyPlanToFile): the same
 *     input scored twice gives the same bytes, and scoring the output again
 *     gives the output byte for byte; runCli writes exactly those bytes.
 * (b) The same workbook in the strict office.js fake, scored through the Excel
 *     host: the same outcome and write plan as the xlsx host, and afterwards
 *     every cell (value and number format) equals what readAllCells reads from
 *     the xlsx output; scoring twice leaves identical cell states.
 * (c) Books with errors: exit 1 and no file written (CLI), no range written (fake).
 */
import { unzipSync } from 'fflate';
import { nodeZip } from '../../src/cli/node-zip';
import { runCli } from '../../src/cli/run';
import { memoryFs, memoryIo } from '../support/memory-fs';
import { scoreInExcel } from '../../src/hosts/excel';
import { applyPlanToFile, readWorkbookFile } from '../../src/hosts/xlsx';
import { a1 } from '../../src/workbook/address';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { contextFor } from '../fakes/office';
import { sameBytes } from '../support/xlsx-compare';
import { makeBook, toFake, toXlsx } from './contract-books';
import { fakeCells, fileCells } from '../support/cell-maps';
import { fileErrorText, type FileError } from '../../src/messages/file-errors';
import { scoreBook } from '../../src/workbook/score-book';

/** Every entry's name and uncompressed bytes, in order. */
const entriesOf = (zip: Uint8Array) => Object.entries(unzipSync(zip)).map(([name, data]) => [name, Buffer.from(data).toString('base64')]);

/** A v1 workbook is one evaluation of the workbook's names: its outcome as scoreWorkbook gives it. */
function onlyEvaluation(outcome: { evaluations: Array<{ scope: string | null }> } | null): unknown {
  if (!outcome || outcome.evaluations.length !== 1 || outcome.evaluations[0].scope !== null) return outcome;
  const { scope: _scope, ...only } = outcome.evaluations[0];
  return only;
}

const BOOKS = Array.from({ length: 42 }, (_, i) => makeBook(i));
const CAPS = { protection: true, addNames: true };





function expectOk<T>(r: { ok: true; value: T } | { ok: false; error: FileError }): T {
  if (!r.ok) throw new Error(fileErrorText(r.error));
  return r.value;
}

describe('the generated set', () => {
  it('covers what it claims: counts 1–300, clean books and every error kind', () => {
    const counts = new Set(BOOKS.map((b) => b.indicators));
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(300);
    expect(BOOKS.filter((b) => b.error === null).length).toBeGreaterThan(30);
    expect(new Set(BOOKS.map((b) => b.error).filter((e) => e !== null)).size).toBe(6);
    expect(BOOKS.some((b) => b.sheets.some((s) => s.merges.length > 0))).toBe(true);
    const clean = BOOKS.filter((b) => b.error === null);
    const settings = clean.map((b) => b.settings);
    expect(settings).toContain(null);
    expect(new Set(settings.map((s) => s?.decimals))).toEqual(new Set([undefined, 0, 2, 3]));
    expect(new Set(settings.map((s) => s?.reverseMode))).toEqual(new Set([undefined, '偏差扣分', '比值', '零分']));
    expect(settings.some((s) => s?.roundFirst === '是')).toBe(true);
    expect(new Set(clean.flatMap((b) => b.kinds))).toEqual(new Set(['pct', 'amount', 'equal', 'qual', 'count']));
    for (const header of ['指标性质', '调整后指标值', '人工得分', '责任处室']) expect(clean.some((b) => b.columns.includes(header))).toBe(true);
    expect(clean.some((b) => !b.columns.includes('指标性质'))).toBe(true);
    expect(new Set(clean.map((b) => b.sheets.map((s) => s.name).join('|'))).size).toBeGreaterThanOrEqual(4);
  });
});

describe.each(BOOKS.map((b) => [b.id, b] as const))('%s', (_id, book) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await toXlsx(book);
  });

  if (book.error === null) {
    it('(a) CLI path: scoring twice gives identical bytes; scoring the output again gives the output', async () => {
      const input = expectOk(readWorkbookFile(bytes));
      const outcome = scoreWorkbook(input);
      expect(outcome.errors).toEqual([]);
      const once = expectOk(applyPlanToFile(bytes, outcome.plan));
      const again = expectOk(applyPlanToFile(bytes, scoreWorkbook(expectOk(readWorkbookFile(bytes))).plan));
      expect(sameBytes(once, again)).toBe(true);

      const rescored = scoreWorkbook(expectOk(readWorkbookFile(once)));
      expect(rescored.errors).toEqual([]);
      expect(rescored.plan).toEqual(outcome.plan);
      expect(rescored.summary).toEqual(outcome.summary);
      const twice = expectOk(applyPlanToFile(once, rescored.plan));
      expect(sameBytes(twice, once)).toBe(true);

      // The CLI itself writes exactly these bytes (it compresses with node:zlib; the contents are the same either way).
      const files = new Map([['/w/in.xlsx', bytes]]);
      const out: string[] = [];
      expect(await runCli(['score', '/w/in.xlsx', '-o', '/w/out.xlsx'], memoryIo(memoryFs(files), out))).toBe(0);
      const cliBytes = expectOk(applyPlanToFile(bytes, outcome.plan, nodeZip));
      expect(sameBytes(files.get('/w/out.xlsx')!, cliBytes)).toBe(true);
      expect(entriesOf(cliBytes)).toEqual(entriesOf(once));
      expect([...files.keys()].sort()).toEqual(['/w/in.xlsx', '/w/out.xlsx']);
    });

    it('(b) Excel host in the strict fake: same plan, same cells as the file, idempotent', async () => {
      const fileOutcome = scoreWorkbook(expectOk(readWorkbookFile(bytes)));
      const written = expectOk(applyPlanToFile(bytes, fileOutcome.plan));

      const store = toFake(book, bytes);
      const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
      expect(result.hostError).toBeNull();
      expect(result.outcome!.plan).toEqual(fileOutcome.plan);
      expect(onlyEvaluation(result.outcome)).toEqual(fileOutcome);

      const mine = fakeCells(store);
      const theirs = fileCells(written);
      for (const w of fileOutcome.plan.writes) {
        const ref = a1(w.address.row, w.address.col);
        const fake = mine.get(w.address.sheet)!.get(ref) ?? ['', 'General'];
        const file = theirs.get(w.address.sheet)!.get(ref) ?? ['', 'General'];
        expect([w.address.sheet, ref, fake]).toEqual([w.address.sheet, ref, file]);
      }
      expect(mine).toEqual(theirs);

      const after = store.dump();
      const second = await scoreInExcel(contextFor(store), CAPS, scoreBook);
      expect(second.hostError).toBeNull();
      expect(onlyEvaluation(second.outcome)).toEqual(fileOutcome);
      expect(store.dump()).toEqual(after);
    });
  } else {
    it('(c) errors: the CLI exits 1 and writes no file; the Excel host writes no range', async () => {
      const outcome = scoreWorkbook(expectOk(readWorkbookFile(bytes)));
      expect(outcome.errors.length).toBeGreaterThan(0);
      expect(outcome.plan.writes).toEqual([]);
      for (const e of outcome.errors) expect('cell' in e || 'name' in e).toBe(true);

      const files = new Map([['/w/in.xlsx', bytes]]);
      const out: string[] = [];
      expect(await runCli(['score', '/w/in.xlsx'], memoryIo(memoryFs(files), out))).toBe(1);
      expect([...files.keys()]).toEqual(['/w/in.xlsx']);
      expect(files.get('/w/in.xlsx')).toBe(bytes);
      expect(out.join('')).toContain('未写入');

      const store = toFake(book, bytes);
      const before = store.dump();
      const result = await scoreInExcel(contextFor(store), CAPS, scoreBook);
      expect(result.hostError).toBeNull();
      expect(onlyEvaluation(result.outcome)).toEqual(outcome);
      expect(store.writes).toEqual([]);
      expect(store.dump()).toEqual(before);
    });
  }
});

test('every clean book scores without errors and every error book reports its error', async () => {
  const codes: Record<string, string[]> = {};
  for (const book of BOOKS) {
    const outcome = scoreWorkbook(expectOk(readWorkbookFile(await toXlsx(book))));
    codes[book.id] = outcome.errors.map((e) => e.code);
  }
  const expected: Record<string, string[]> = {};
  for (const book of BOOKS) {
    expected[book.id] =
      book.error === null
        ? []
        : ({
            badTarget: ['targetUnparsable'],
            zeroWeight: ['weightNotPositive'],
            outputFormula: ['outputFormula'],
            missingResults: ['nameMissing'],
            badDecimals: ['settingBadValue'],
            badThousands: ['badThousands'],
          } as Record<string, string[]>)[book.error];
  }
  expect(codes).toEqual(expected);
});
