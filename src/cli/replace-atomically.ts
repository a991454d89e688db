import * as path from 'path';
import type { FileSystem } from './file-system';

/**
 * Writes a temporary file in the target's folder, then renames it over the
 * target: the target is either the old file or the complete new one, never
 * half-written; on any failure the temporary file is removed.
 */
export async function replaceAtomically(fs: FileSystem, target: string, data: Uint8Array, tag: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${tag}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.remove(temp).catch(() => undefined);
    throw e;
  }
}
