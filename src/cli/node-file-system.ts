import { promises as fs } from 'fs';
import type { FileSystem } from './file-system';

/** The real file system, with writes flushed (fsync) before a rename may replace anything. */
export const nodeFileSystem: FileSystem = {
  async readFile(path) {
    return new Uint8Array(await fs.readFile(path));
  },
  async writeFile(path, data) {
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
  async exists(path) {
    try {
      await fs.access(path);
      return true;
    } catch {
      return false;
    }
  },
  realPath: (path) => fs.realpath(path),
};
