import type { CliIo } from '../../src/cli/run';
import type { FileSystem, PathKind } from '../../src/cli/file-system';

/** A path that is not a regular file: a folder, a device, a FIFO, a socket, or a symbolic link to `target`. */
export type MemoryNode = { kind: 'directory' | 'device' | 'fifo' | 'socket' } | { kind: 'symlink'; target: string };

const fail = (code: string, what: string) => Object.assign(new Error(`${code}: ${what}`), { code });

/**
 * An in-memory folder for runCli: regular files in `files`, anything else
 * in `nodes`. With `fault`, every write fails after `failAfter` bytes
 * reached the "disk" (the partial file stays, as on a real disk), with the
 * given system error code. Like a real rename, a rename replaces whatever
 * entry stands at the target (a device, a link) except a folder.
 */
export function memoryFs(
  files: Map<string, Uint8Array>,
  fault?: { failAfter: number; code: string },
  nodes: Map<string, MemoryNode> = new Map(),
): FileSystem {
  /** Follows symbolic links (as open() and stat() do). */
  const resolve = (p: string): string => {
    for (let hops = 0; hops < 40; hops++) {
      const node = nodes.get(p);
      if (node?.kind !== 'symlink') return p;
      p = node.target;
    }
    throw fail('ELOOP', p);
  };
  return {
    async readFile(p) {
      const real = resolve(p);
      const f = files.get(real);
      if (f) return f;
      if (nodes.get(real)?.kind === 'directory') throw fail('EISDIR', p);
      throw fail('ENOENT', p);
    },
    async writeFile(p, data) {
      if (files.has(p) || nodes.has(p)) throw fail('EEXIST', p);
      if (fault) {
        files.set(p, data.subarray(0, fault.failAfter));
        throw fail(fault.code, p);
      }
      files.set(p, data);
    },
    async rename(from, to) {
      if (nodes.get(to)?.kind === 'directory') throw fail('EISDIR', to);
      nodes.delete(to);
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    async remove(p) {
      files.delete(p);
    },
    async inspect(p) {
      const link = nodes.get(p)?.kind === 'symlink';
      const real = resolve(p);
      const node = nodes.get(real);
      if (files.has(real)) return { link, kind: 'file', id: real };
      return node ? { link, kind: node.kind as PathKind, id: real } : { link, kind: 'missing' };
    },
    async realPath(p) {
      return resolve(p);
    },
  };
}

/** CliIo over a file system, collecting stdout into `out` and stderr into `err` (by default `out` too). */
export function memoryIo(fs: FileSystem, out: string[], err: string[] = out): CliIo {
  return { fs, stdout: (t) => out.push(t), stderr: (t) => err.push(t), version: 'test', tempTag: () => 'tag' };
}
