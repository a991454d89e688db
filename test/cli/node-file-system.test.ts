/**
 * The real file system adapter on real special files (a temporary folder,
 * /dev/null, a FIFO, a socket, links), and runCli over it where only a real
 * file system can show the case (a hard link to the input).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { nodeFileSystem } from '../../src/cli/node-file-system';
import { runCli } from '../../src/cli/run';
import { memoryIo } from '../support/memory-fs';
import { EXAMPLE } from '../support/paths';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-fs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);

test('inspect tells a regular file, a folder, a device, a FIFO and a socket apart', async () => {
  fs.writeFileSync(at('a.xlsx'), 'x');
  fs.mkdirSync(at('folder'));
  expect(spawnSync('mkfifo', [at('pipe')]).status).toBe(0);
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(at('sock'), resolve));
  try {
    const kinds = await Promise.all(['a.xlsx', 'folder', 'pipe', 'sock', 'missing'].map(async (n) => (await nodeFileSystem.inspect(at(n))).kind));
    expect(kinds).toEqual(['file', 'directory', 'fifo', 'socket', 'missing']);
    expect(await nodeFileSystem.inspect('/dev/null')).toMatchObject({ link: false, kind: 'device' });
  } finally {
    server.close();
  }
});

test('inspect reports a link as a link, with what it points at', async () => {
  fs.writeFileSync(at('real.xlsx'), 'x');
  fs.symlinkSync(at('real.xlsx'), at('to-file'));
  fs.symlinkSync('/dev/null', at('to-device'));
  fs.symlinkSync(dir, at('to-folder'));
  fs.symlinkSync(at('nothing'), at('dangling'));
  fs.symlinkSync(at('loop-b'), at('loop-a'));
  fs.symlinkSync(at('loop-a'), at('loop-b'));
  const real = await nodeFileSystem.inspect(at('real.xlsx'));
  expect(await nodeFileSystem.inspect(at('to-file'))).toEqual({ link: true, kind: 'file', id: real.id });
  expect(await nodeFileSystem.inspect(at('to-device'))).toMatchObject({ link: true, kind: 'device' });
  expect(await nodeFileSystem.inspect(at('to-folder'))).toMatchObject({ link: true, kind: 'directory' });
  expect(await nodeFileSystem.inspect(at('dangling'))).toEqual({ link: true, kind: 'missing' });
  expect(await nodeFileSystem.inspect(at('loop-a'))).toEqual({ link: true, kind: 'missing' });
});

test('inspect: a hard link has the same id; another file a different one; a file as a folder is an error', async () => {
  fs.writeFileSync(at('a.xlsx'), 'x');
  fs.writeFileSync(at('b.xlsx'), 'x');
  fs.linkSync(at('a.xlsx'), at('hard.xlsx'));
  const [a, b, hard] = await Promise.all(['a.xlsx', 'b.xlsx', 'hard.xlsx'].map((n) => nodeFileSystem.inspect(at(n))));
  expect(hard.id).toBe(a.id);
  expect(b.id).not.toBe(a.id);
  await expect(nodeFileSystem.inspect(path.join(at('a.xlsx'), 'x.xlsx'))).rejects.toMatchObject({ code: 'ENOTDIR' });
});

test('writeFile only creates: it neither replaces a file nor writes through a link', async () => {
  fs.writeFileSync(at('old'), 'keep');
  fs.symlinkSync(at('target'), at('link'));
  await expect(nodeFileSystem.writeFile(at('old'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'EEXIST' });
  await expect(nodeFileSystem.writeFile(at('link'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'EEXIST' });
  expect(fs.readFileSync(at('old'), 'utf8')).toBe('keep');
  expect(fs.existsSync(at('target'))).toBe(false);
});

test('runCli over the real file system: -o a hard link of the input is the input itself, even with --force', async () => {
  fs.copyFileSync(EXAMPLE, at('a.xlsx'));
  fs.linkSync(at('a.xlsx'), at('hard.xlsx'));
  const out: string[] = [];
  const io = { ...memoryIo(nodeFileSystem, out), tempTag: () => 'test' };
  expect(await runCli(['score', at('a.xlsx'), '-o', at('hard.xlsx'), '--force'], io)).toBe(2);
  expect(out.join('')).toContain(`${at('hard.xlsx')} 就是输入文件`);
  expect(fs.readdirSync(dir).sort()).toEqual(['a.xlsx', 'hard.xlsx']);
  expect(fs.readFileSync(at('a.xlsx'))).toEqual(fs.readFileSync(EXAMPLE));
});
