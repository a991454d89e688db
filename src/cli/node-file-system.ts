import { promises as fs, type BigIntStats } from 'fs';
import type { FileSystem, PathInfo, PathKind } from './file-system';

/** The real file system, with writes flushed (fsync) before a rename may replace anything. */
export const nodeFileSystem: FileSystem = {
  async readFile(path) {
    return new Uint8Array(await fs.readFile(path));
  },
  async writeFile(path, data) {
    // 'wx': O_CREAT | O_EXCL, so a file, device or link someone put at the temporary name is never written through.
    const handle = await fs.open(path, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fs.rename(from, to),
  async remove(path) {
    await fs.rm(path, { force: true });
  },
  inspect,
  realPath: (path) => fs.realpath(path),
};

async function inspect(path: string): Promise<PathInfo> {
  let own: BigIntStats;
  try {
    own = await fs.lstat(path, { bigint: true });
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return { link: false, kind: 'missing' };
    throw e;
  }
  if (!own.isSymbolicLink()) return info(false, own);
  try {
    return info(true, await fs.stat(path, { bigint: true }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ELOOP') return { link: true, kind: 'missing' };
    throw e;
  }
}

function info(link: boolean, stats: BigIntStats): PathInfo {
  return { link, kind: kindOf(stats), id: `${stats.dev}:${stats.ino}` };
}

function kindOf(s: BigIntStats): PathKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  return 'other';
}
