/**
 * The file operations the CLI needs, as an interface so tests can inject
 * faults (a write that fails half way, a full disk) without touching a disk.
 */
export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /** Writes the whole file, flushing it to disk before resolving. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  realPath(path: string): Promise<string>;
}
