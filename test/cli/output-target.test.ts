/**
 * Where the scored workbook may go, through runCli with the in-memory file
 * system: only a regular file (or a new path) named .xlsx (.xlsm for a macro
 * workbook); never a device, a folder, a FIFO, a socket, a symbolic link or
 * the input itself (without --in-place). A refusal writes nothing at all.
 */
import * as fs from 'fs';
import { runCli } from '../../src/cli/run';
import { memoryFs, memoryIo, type MemoryNode } from '../support/memory-fs';
import { EXAMPLE } from '../support/paths';

const example = new Uint8Array(fs.readFileSync(EXAMPLE));
const PREVIOUS = new TextEncoder().encode('previous contents');

interface World {
  files: Map<string, Uint8Array>;
  nodes: Map<string, MemoryNode>;
}

async function score(args: string[], world: World) {
  const out: string[] = [];
  const code = await runCli(['score', ...args], memoryIo(memoryFs(world.files, undefined, world.nodes), out));
  return { code, text: out.join('') };
}

function world(files: Record<string, Uint8Array>, nodes: Record<string, MemoryNode> = {}): World {
  return { files: new Map(Object.entries(files)), nodes: new Map(Object.entries(nodes)) };
}

/** Nothing in the world changed: same files with the same bytes, same nodes. */
function expectUntouched(w: World, files: Record<string, Uint8Array>, nodes: Record<string, MemoryNode> = {}) {
  expect(Object.fromEntries(w.files)).toEqual(files);
  expect(Object.fromEntries(w.nodes)).toEqual(nodes);
}

describe.each([
  ['a character device', '/dev/null', { kind: 'device' }, '是设备文件，不是普通文件'],
  ['a folder', '/w/out', { kind: 'directory' }, '是文件夹，不是普通文件'],
  ['a FIFO', '/w/pipe.xlsx', { kind: 'fifo' }, '是命名管道（FIFO），不是普通文件'],
  ['a socket', '/w/s.xlsx', { kind: 'socket' }, '是套接字，不是普通文件'],
] as const)('-o pointing at %s is refused, with or without --force', (_, target, node, text) => {
  test.each([[[]], [['--force']]])('%j', async (extra) => {
    const w = world({ '/w/a.xlsx': example }, { [target]: node });
    const r = await score(['/w/a.xlsx', '-o', target, ...extra], w);
    expect(r.code).toBe(2);
    expect(r.text).toContain(`${target} ${text}`);
    expect(r.text).toContain('--force 也不会替换它');
    expectUntouched(w, { '/w/a.xlsx': example }, { [target]: node });
  });
});

test('a folder named like a workbook is refused too (the name check is not enough)', async () => {
  const w = world({ '/w/a.xlsx': example }, { '/w/out.xlsx': { kind: 'directory' } });
  const r = await score(['/w/a.xlsx', '-o', '/w/out.xlsx', '--force'], w);
  expect(r.code).toBe(2);
  expect(r.text).toContain('/w/out.xlsx 是文件夹');
  expectUntouched(w, { '/w/a.xlsx': example }, { '/w/out.xlsx': { kind: 'directory' } });
});

test('the default output path is checked the same way', async () => {
  const w = world({ '/w/a.xlsx': example }, { '/w/a.scored.xlsx': { kind: 'directory' } });
  const r = await score(['/w/a.xlsx', '--force'], w);
  expect(r.code).toBe(2);
  expect(r.text).toContain('/w/a.scored.xlsx 是文件夹');
  expectUntouched(w, { '/w/a.xlsx': example }, { '/w/a.scored.xlsx': { kind: 'directory' } });
});

describe('symbolic links are never written to, whatever they point at', () => {
  test.each([
    ['a regular file', { '/w/real.xlsx': PREVIOUS }, {}],
    ['a device', {}, { '/w/real.xlsx': { kind: 'device' } }],
    ['a folder', {}, { '/w/real.xlsx': { kind: 'directory' } }],
    ['nothing (a dangling link)', {}, {}],
  ] as const)('-o a link to %s', async (_, targetFiles, targetNodes) => {
    const files = { '/w/a.xlsx': example, ...targetFiles };
    const nodes: Record<string, MemoryNode> = { '/w/link.xlsx': { kind: 'symlink', target: '/w/real.xlsx' }, ...targetNodes };
    const w = world(files, nodes);
    const r = await score(['/w/a.xlsx', '-o', '/w/link.xlsx', '--force'], w);
    expect(r.code).toBe(2);
    expect(r.text).toContain('/w/link.xlsx 是符号链接');
    expectUntouched(w, files, nodes);
  });

  test('-o a link to the input itself', async () => {
    const nodes: Record<string, MemoryNode> = { '/w/link.xlsx': { kind: 'symlink', target: '/w/a.xlsx' } };
    const w = world({ '/w/a.xlsx': example }, nodes);
    const r = await score(['/w/a.xlsx', '-o', '/w/link.xlsx', '--force'], w);
    expect(r.code).toBe(2);
    expect(r.text).toContain('/w/link.xlsx 是符号链接');
    expectUntouched(w, { '/w/a.xlsx': example }, nodes);
  });

  test('--in-place on a link: the link would be replaced, not the file it points at, so it is refused', async () => {
    const nodes: Record<string, MemoryNode> = { '/w/link.xlsx': { kind: 'symlink', target: '/w/a.xlsx' } };
    const w = world({ '/w/a.xlsx': example }, nodes);
    const r = await score(['/w/link.xlsx', '--in-place'], w);
    expect(r.code).toBe(2);
    expect(r.text).toContain('/w/link.xlsx 是符号链接');
    expect(r.text).toContain('/w/a.xlsx'); // says which file to use instead
    expectUntouched(w, { '/w/a.xlsx': example }, nodes);
  });

  test('reading through a link is fine: scoring a link writes <link name>.scored.xlsx beside it', async () => {
    const w = world({ '/w/a.xlsx': example }, { '/w/link.xlsx': { kind: 'symlink', target: '/w/a.xlsx' } });
    const r = await score(['/w/link.xlsx'], w);
    expect(r.code).toBe(0);
    expect([...w.files.keys()].sort()).toEqual(['/w/a.xlsx', '/w/link.scored.xlsx']);
  });
});

test('the output may not be the input (without --in-place), even with --force', async () => {
  const w = world({ '/w/a.xlsx': example });
  const r = await score(['/w/a.xlsx', '-o', '/w/a.xlsx', '--force'], w);
  expect(r.code).toBe(2);
  expect(r.text).toContain('/w/a.xlsx 就是输入文件');
  expect(r.text).toContain('--in-place');
  expectUntouched(w, { '/w/a.xlsx': example });
});

test('--force replaces an existing regular file', async () => {
  const w = world({ '/w/a.xlsx': example, '/w/b.xlsx': PREVIOUS });
  expect((await score(['/w/a.xlsx', '-o', '/w/b.xlsx'], w)).code).toBe(2);
  expect(w.files.get('/w/b.xlsx')).toBe(PREVIOUS);
  expect((await score(['/w/a.xlsx', '-o', '/w/b.xlsx', '--force'], w)).code).toBe(0);
  expect(Buffer.from(w.files.get('/w/b.xlsx')!.subarray(0, 2)).toString()).toBe('PK');
  expect([...w.files.keys()].sort()).toEqual(['/w/a.xlsx', '/w/b.xlsx']);
});

describe('output names', () => {
  test.each(['/w/out', '/w/out.xls', '/w/out.xlsx.bak', '/w/out.zip', '/w/out.xlsm'])('an .xlsx input written to %s is refused', async (target) => {
    const w = world({ '/w/a.xlsx': example });
    const r = await score(['/w/a.xlsx', '-o', target], w);
    expect(r.code).toBe(2);
    expect(r.text).toContain(target);
    expect(r.text).toContain('必须以 .xlsx 结尾');
    expectUntouched(w, { '/w/a.xlsx': example });
  });

  test('the extension is compared without regard to case', async () => {
    const w = world({ '/w/a.xlsx': example });
    expect((await score(['/w/a.xlsx', '-o', '/w/OUT.XLSX'], w)).code).toBe(0);
    expect(w.files.has('/w/OUT.XLSX')).toBe(true);
  });

  test.each([
    ['/w/a.xlsx', '/w/a.scored.xlsx'],
    ['/w/A.XLSX', '/w/A.scored.xlsx'],
    ['/w/自评表', '/w/自评表.scored.xlsx'],
    ['/w/下载.zip', '/w/下载.zip.scored.xlsx'],
    ['/w/宏.xlsm', '/w/宏.scored.xlsm'],
    ['/w/宏.XLSM', '/w/宏.scored.xlsm'],
  ])('the default output of %s is %s', async (input, output) => {
    const w = world({ [input]: example });
    const r = await score([input], w);
    expect(r.code).toBe(0);
    expect([...w.files.keys()].sort()).toEqual([input, output].sort());
  });

  test('a macro workbook (.xlsm) may only be written to an .xlsm name: the package keeps its macro content type', async () => {
    const w = world({ '/w/宏.xlsm': example });
    const r = await score(['/w/宏.xlsm', '-o', '/w/结果.xlsx'], w);
    expect(r.code).toBe(2);
    expect(r.text).toContain('/w/结果.xlsx');
    expect(r.text).toContain('必须以 .xlsm 结尾');
    expectUntouched(w, { '/w/宏.xlsm': example });
    expect((await score(['/w/宏.xlsm', '-o', '/w/结果.xlsm'], w)).code).toBe(0);
    expect(w.files.has('/w/结果.xlsm')).toBe(true);
  });
});
