import type { CliIo } from '../../src/cli/run';
import type { FileSystem } from '../../src/cli/file-system';

/**
 * An in-memory folder for runCli. With `fault`, every write fails after
 * `failAfter` bytes reached the "disk" (the partial file stays, as on a real
 * disk), with the given system error code.
 */
export function memoryFs(files: Map<string, Uint8Array>, fault?: { failAfter: number; code: string }): FileSystem {
  return {
    async readFile(p) {
      const f = files.get(p);
      if (!f) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return f;
    },
    async writeFile(p, data) {
      if (fault) {
        files.set(p, data.subarray(0, fault.failAfter));
        throw Object.assign(new Error('write failed'), { code: fault.code });
      }
      files.set(p, data);
    },
    async rename(from, to) {
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    async remove(p) {
      files.delete(p);
    },
    async exists(p) {
      return files.has(p);
    },
    async realPath(p) {
      return p;
    },
  };
}

/** CliIo over a file system, collecting stdout into `out` and stderr into `err` (by default `out` too). */
export function memoryIo(fs: FileSystem, out: string[], err: string[] = out): CliIo {
  return { fs, stdout: (t) => out.push(t), stderr: (t) => err.push(t), version: 'test', tempTag: () => 'tag' };
}
