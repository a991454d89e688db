/** What stands at a path. `missing` includes the target of a dangling symbolic link. */
export type PathKind = 'missing' | 'file' | 'directory' | 'device' | 'fifo' | 'socket' | 'other';

export interface PathInfo {
  /** The path itself is a symbolic link (lstat); `kind` and `id` are then what it points at. */
  link: boolean;
  kind: PathKind;
  /** Identity of the file (device and inode): two paths with the same id are one file (links, hard links). */
  id?: string;
}

/**
 * The file operations the CLI needs, as an interface so tests can inject
 * faults (a write that fails half way, a full disk) or special files (a
 * device, a FIFO, a symbolic link) without touching a disk.
 */
export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /** Creates a new file (never replaces one) with the whole data, flushed to disk before resolving. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** What stands at the path, without following a final symbolic link for `link`. */
  inspect(path: string): Promise<PathInfo>;
  realPath(path: string): Promise<string>;
}
