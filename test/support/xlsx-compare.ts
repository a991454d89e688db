import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';

/** The repository root and the shared corpus beside it (`../shared`), wherever CI cloned the repo. */
export const REPO_ROOT = path.resolve(__dirname, '../..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus/xlsx');
export const PYTHON = '/usr/bin/python3';

/** Files of the corpus README marked malformed or encrypted. */
export const BROKEN_FILES = new Set([
  'BadWorkbook.xlsx',
  'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx',
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5265527465181184.xlsx',
  'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx',
  'poc-xmlbomb.xlsx',
  'invalid-xml.xlsx',
  'xlsx-corrupted.xlsx',
  'invalid.xlsx',
  'encryptSHA512.xlsx',
  'encryptAES.xlsx',
]);

export function corpusFiles(): string[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort();
}

export function readCorpus(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, file)));
}

/** Entry names in zip order with their uncompressed bytes (fflate as an independent unzipper). */
export function unzipEntries(bytes: Uint8Array): [string, Uint8Array][] {
  return Object.entries(unzipSync(bytes));
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export type OpenpyxlCell = [kind: string, value: unknown, numberFormat: string];
export type OpenpyxlDump = { ok: true; sheets: Record<string, Record<string, OpenpyxlCell>> } | { ok: false; error: string };

/** True when /usr/bin/python3 can import openpyxl. */
export function openpyxlAvailable(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs test/support/openpyxl_dump.py on files (one process for all). */
export function openpyxlDump(files: string[]): Record<string, OpenpyxlDump> {
  const script = path.join(REPO_ROOT, 'test/support/openpyxl_dump.py');
  const out = execFileSync(PYTHON, [script, ...files], { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, OpenpyxlDump>;
}
