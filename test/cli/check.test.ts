/**
 * --check reads, validates, scores and prints, and writes nothing: the file
 * system it is given refuses every write, rename and removal, so even a
 * temporary file would fail the test.
 */
import * as fs from 'fs';
import type { FileSystem } from '../../src/cli/file-system';
import { runCli } from '../../src/cli/run';
import { exampleWith } from '../support/fixtures';
import { memoryFs, memoryIo } from '../support/memory-fs';
import { EXAMPLE } from '../support/paths';

const example = new Uint8Array(fs.readFileSync(EXAMPLE));

/** A file system that may only be read: every attempt to change anything is recorded and fails. */
function readOnly(files: Map<string, Uint8Array>) {
  const attempts: string[] = [];
  const reads: string[] = [];
  const base = memoryFs(files);
  const refuse = (what: string) => async (...args: unknown[]) => {
    attempts.push(`${what} ${args.filter((a) => typeof a === 'string').join(' ')}`);
    throw Object.assign(new Error('read-only'), { code: 'EROFS' });
  };
  const fs: FileSystem = {
    ...base,
    readFile: (p) => (reads.push(p), base.readFile(p)),
    writeFile: refuse('writeFile'),
    rename: refuse('rename'),
    remove: refuse('remove'),
  };
  return { fs, attempts, reads };
}

async function run(argv: string[], files: Map<string, Uint8Array>) {
  const { fs, attempts, reads } = readOnly(files);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, memoryIo(fs, out, err));
  return { code, stdout: out.join(''), stderr: err.join(''), attempts, reads };
}

test('--check prints the scores and says nothing was written; nothing is', async () => {
  const files = new Map([['/w/a.xlsx', example]]);
  const r = await run(['score', '/w/a.xlsx', '--check'], files);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('总分 81.53 / 100');
  expect(r.stdout).toMatch(/未写入任何文件。\n$/);
  expect(r.stdout).not.toContain('已写入');
  expect(r.stderr).toBe('');
  expect(r.attempts).toEqual([]);
  expect([...files.keys()]).toEqual(['/w/a.xlsx']);
});

test('--check --json prints exactly the JSON a writing run prints, and nothing on stderr', async () => {
  const files = new Map([['/w/a.xlsx', example]]);
  const checked = await run(['score', '/w/a.xlsx', '--check', '--json'], files);
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map(files);
  expect(await runCli(['score', '/w/a.xlsx', '--json'], memoryIo(memoryFs(written), out, err))).toBe(0);
  expect(err.join('')).toBe('已写入：/w/a.scored.xlsx\n');
  expect(checked).toEqual({ code: 0, stdout: out.join(''), stderr: '', attempts: [], reads: ['/w/a.xlsx'] });
  expect(JSON.parse(checked.stdout).total).toBe('81.53');
});

test('--check does not mind an existing <name>.scored.xlsx: run twice, exit 0 twice', async () => {
  const files = new Map([['/w/a.xlsx', example], ['/w/a.scored.xlsx', example]]);
  for (let i = 0; i < 2; i++) expect((await run(['score', '/w/a.xlsx', '--check', '--json'], files)).code).toBe(0);
});

test('--check on a workbook with errors: exit 1, the errors with their cells, nothing written', async () => {
  const files = new Map([['/w/a.xlsx', exampleWith({ '绩效指标!I6': '七十八' })]]);
  const r = await run(['score', '/w/a.xlsx', '--check', '--json'], files);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout).errors.map((e: { cell: string }) => e.cell)).toEqual(["'绩效指标'!I6"]);
  expect(r.attempts).toEqual([]);
});

test('--check on a file that is not a workbook: exit 2, nothing written', async () => {
  const files = new Map([['/w/a.xlsx', new TextEncoder().encode('not a zip')]]);
  const r = await run(['score', '/w/a.xlsx', '--check'], files);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^错误：\/w\/a\.xlsx：/);
  expect(r.attempts).toEqual([]);
});

test.each([
  [['-o', '/w/b.xlsx'], '--check 与 -o/--output 不能同时使用'],
  [['--in-place'], '--check 与 --in-place 不能同时使用'],
  [['--force'], '--check 与 -f/--force 不能同时使用'],
])('--check with %j is a usage error (exit 2), before anything is read', async (extra, text) => {
  const files = new Map([['/w/a.xlsx', example]]);
  for (const argv of [['score', '/w/a.xlsx', '--check', ...extra], ['score', ...extra, '/w/a.xlsx', '--check']]) {
    const r = await run(argv, files);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`错误：${text}。--check 不写入任何文件；要写出评分后的工作簿，请去掉 --check。\n`);
    expect(r.attempts).toEqual([]);
    expect(r.reads).toEqual([]);
    const j = await run([...argv, '--json'], files);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).errors).toEqual([{ code: 'conflictingOptions', cell: null, message: `${text}。--check 不写入任何文件；要写出评分后的工作簿，请去掉 --check。` }]);
  }
});
