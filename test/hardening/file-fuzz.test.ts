/**
 * File-level fuzzing (fast-check): random mutations of real corpus files, of
 * the example and template workbooks and of a generated contract workbook —
 * truncation, byte flips, a dropped part, a duplicated part, corrupted XML in
 * one part. readWorkbookFile / readAllCells / applyPlanToFile never throw;
 * each returns ok or a known FileErrorCode with a Chinese message. When a
 * mutated file reads and scores cleanly, the file written from it reads
 * back. `FUZZ_RUNS=10000 npx jest test/hardening/file-fuzz.test.ts` runs longer.
 */
import * as fs from 'fs';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { applyPlanToFile, readAllCells, readWorkbookFile, type XlsxResult } from '../../src/hosts/xlsx';
import type { FileErrorCode } from '../../src/messages/file-errors';
import type { WritePlan } from '../../src/workbook/plan';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { EXAMPLE, TEMPLATE } from '../support/paths';
import { readCorpus } from '../support/xlsx-compare';
import { storedZip } from '../support/xlsx-zip';
import { makeBook, toXlsx } from './contract-books';
import { fileErrorText } from '../../src/messages/file-errors';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** Every file error code (a Record so that a new code fails to compile here until it is listed). */
const KNOWN: Record<FileErrorCode, true> = {
  notZip: true, encrypted: true, xls: true, corruptZip: true, unsupportedZip: true, notXlsx: true, noSheets: true,
  partMissing: true, xmlMalformed: true, xmlDoctype: true, tooLarge: true, zipBomb: true, duplicateEntry: true,
  badDimension: true, cellPosition: true, formulaCell: true, sheetMissing: true, notWorksheet: true, invalidWrite: true, rangeTooLarge: true,
};
const CJK = /[\u4e00-\u9fff]/;

const CORPUS = ['Book1.xlsx', 't02.xlsx', 'InlineStrings.xlsx', 'google-sheets.xlsx', 'testNames.xlsm', 'rph.xlsx', 'MergeCell.xlsx', 'SharedStrings.xlsx', 'right-to-left.xlsx', '64473.xlsx'];

interface Base {
  name: string;
  bytes: Uint8Array;
  entries: [string, Uint8Array][];
}

const bases: Base[] = [];
beforeAll(async () => {
  const files: [string, Uint8Array][] = [
    ['示例', new Uint8Array(fs.readFileSync(EXAMPLE))],
    ['模板', new Uint8Array(fs.readFileSync(TEMPLATE))],
    ['generated', await toXlsx(makeBook(4))],
    ...CORPUS.map((f) => [f, readCorpus(f)] as [string, Uint8Array]),
  ];
  for (const [name, bytes] of files) bases.push({ name, bytes, entries: Object.entries(unzipSync(bytes)) });
});

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: { at: number; xor: number }[] }
  | { kind: 'drop'; part: number }
  | { kind: 'duplicate'; part: number; caseOnly: boolean }
  | { kind: 'xml'; part: number; at: number; edit: number };

const XML_EDITS = ['<', '>', '</x>', '&bogus;', '<!DOCTYPE x [<!ENTITY e "e">]>', '"', '\u0000', '<c r="XFE1"><v>1</v></c>', '<row r="0">', ']]>', '<?xml version="1.0"?>'];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('drop' as const), part: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), part: fc.nat(), caseOnly: fc.boolean() }),
  fc.record({ kind: fc.constant('xml' as const), part: fc.nat(), at: fc.nat(), edit: fc.nat(XML_EDITS.length * 2 - 1) }),
);

function rezip(entries: [string, Uint8Array][]): Uint8Array {
  const z: Zippable = {};
  for (const [n, d] of entries) z[n] = [d, { mtime: new Date(2020, 0, 1) }];
  return zipSync(z, { level: 1 });
}

function mutate(base: Base, m: Mutation): Uint8Array {
  const { bytes, entries } = base;
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, m.at % bytes.length);
    case 'flip': {
      const out = bytes.slice();
      for (const f of m.flips) out[f.at % out.length] ^= f.xor;
      return out;
    }
    case 'drop':
      return rezip(entries.filter((_, i) => i !== m.part % entries.length));
    case 'duplicate': {
      const [name, data] = entries[m.part % entries.length];
      return storedZip([...entries, [m.caseOnly ? name.toUpperCase() : name, data]]);
    }
    case 'xml': {
      const xml = entries.filter(([n]) => /\.(xml|rels)$/i.test(n));
      const [name, data] = xml[m.part % xml.length];
      const text = new TextDecoder().decode(data);
      const at = m.at % (text.length + 1);
      const edit = XML_EDITS[m.edit % XML_EDITS.length];
      // Even edits insert, odd edits replace the character at `at` (or cut the text there for the last one).
      const changed = m.edit < XML_EDITS.length ? text.slice(0, at) + edit + text.slice(at) : text.slice(0, at) + edit + text.slice(at + 1);
      return rezip(entries.map(([n, d]) => [n, n === name ? strToU8(changed) : d]));
    }
  }
}

const PLAN: WritePlan = { writes: [{ address: { sheet: 'Sheet1', row: 0, col: 0 }, value: { kind: 'text', text: '评分' } }] };

function check(result: XlsxResult<unknown>, codes: Map<string, number>): void {
  const code = result.ok ? 'ok' : result.error.code;
  codes.set(code, (codes.get(code) ?? 0) + 1);
  if (result.ok) return;
  expect([result.error.code, Object.prototype.hasOwnProperty.call(KNOWN, result.error.code)]).toEqual([result.error.code, true]);
  expect(fileErrorText(result.error)).toMatch(CJK);
  expect(fileErrorText(result.error)).not.toMatch(/undefined|\[object|NaN|Error:/);
}

test(`mutated real files (${RUNS} cases): never a throw, always ok or a known error in Chinese`, () => {
  const codes = new Map<string, number>();
  let rewritten = 0;
  fc.assert(
    fc.property(fc.nat(), mutationArb, (which, m) => {
      const base = bases[which % bases.length];
      const bytes = mutate(base, m);
      const read = readWorkbookFile(bytes);
      check(read, codes);
      check(readAllCells(bytes), codes);
      let plan = PLAN;
      if (read.ok) {
        const outcome = scoreWorkbook(read.value);
        if (outcome.errors.length === 0 && outcome.plan.writes.length > 0) plan = outcome.plan;
      }
      const written = applyPlanToFile(bytes, plan);
      check(written, codes);
      if (written.ok && plan !== PLAN) {
        // What we write from a file we could read, we can read back.
        expect(readWorkbookFile(written.value).ok).toBe(true);
        rewritten++;
      }
    }),
    { numRuns: RUNS },
  );
  // The mutations reach both outcomes and several kinds of damage.
  expect(codes.get('ok') ?? 0).toBeGreaterThan(0);
  expect(codes.size).toBeGreaterThan(4);
  if (RUNS >= 300) expect(rewritten).toBeGreaterThan(0);
  if (process.env.FUZZ_RUNS) process.stdout.write(`[file fuzz] ${RUNS} cases: ${JSON.stringify(Object.fromEntries(codes))}, ${rewritten} rescored files read back\n`);
});
