/**
 * Faults while writing, through runCli with an injected file system: a write
 * that fails half way and a full disk. The original is intact and no
 * temporary file remains.
 */
import * as fs from 'fs';
import { runCli } from '../../src/cli/run';
import type { FileSystem } from '../../src/cli/file-system';
import { memoryFs, memoryIo as io } from '../support/memory-fs';
import { EXAMPLE } from '../support/paths';

const original = new Uint8Array(fs.readFileSync(EXAMPLE));

test.each([
  ['a write interrupted half way', { failAfter: 1000, code: 'EIO' }, '写入'],
  ['a full disk', { failAfter: 0, code: 'ENOSPC' }, '磁盘空间不足'],
])('--in-place with %s: exit 2, original intact, no temp file left', async (_, fault, text) => {
  const files = new Map([['/w/自评表.xlsx', original]]);
  const out: string[] = [];
  const code = await runCli(['score', '/w/自评表.xlsx', '--in-place'], io(memoryFs(files, fault), out));
  expect(code).toBe(2);
  expect([...files.keys()]).toEqual(['/w/自评表.xlsx']);
  expect(files.get('/w/自评表.xlsx')).toBe(original);
  expect(out.join('')).toContain(text);
  expect(out.join('')).toContain('原文件未被修改');
});

test('-o with a failing write leaves neither the output nor a temp file', async () => {
  const files = new Map([['/w/a.xlsx', original]]);
  const code = await runCli(['score', '/w/a.xlsx', '-o', '/w/b.xlsx'], io(memoryFs(files, { failAfter: 10, code: 'EACCES' }), []));
  expect(code).toBe(2);
  expect([...files.keys()]).toEqual(['/w/a.xlsx']);
});

test('the happy path through the same seam writes via a temp file and a rename', async () => {
  const files = new Map([['/w/a.xlsx', original]]);
  const seen: string[] = [];
  const base = memoryFs(files);
  const spy: FileSystem = { ...base, rename: async (a, b) => (seen.push(`${a} -> ${b}`), base.rename(a, b)) };
  expect(await runCli(['score', '/w/a.xlsx', '--in-place'], io(spy, []))).toBe(0);
  expect(seen).toEqual(['/w/.a.xlsx.tag.tmp -> /w/a.xlsx']);
  expect([...files.keys()]).toEqual(['/w/a.xlsx']);
});
