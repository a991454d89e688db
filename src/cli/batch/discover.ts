import { promises as fsp } from 'fs';
import * as path from 'path';
import type { SkipReason } from '../../messages/batch';

/** A workbook to score: where it is, and how the summary and --out-dir name it. */
export interface Found {
  path: string;
  /** Relative to the folder given, `/`-separated (`区县/单位1.xlsx`); with several inputs, under each one's name. */
  file: string;
}

export interface Skipped {
  file: string;
  reason: SkipReason;
}

export type Discovery = { ok: true; found: Found[]; skipped: Skipped[] } | { ok: false; input: string; error: unknown };

const WORKBOOK = /\.xls[xm]$/i;
const SCORED = /\.scored\.xls[xm]$/i;
const LOCK = '~$';

/** Why a file is not scored, from its name alone; null when it is a workbook to score. */
export function skipReason(name: string): SkipReason | null {
  if (name.startsWith(LOCK)) return 'lockFile';
  if (!WORKBOOK.test(name)) return 'notWorkbook';
  if (SCORED.test(name)) return 'scoredCopy';
  return null;
}

/** Code-unit order: the same on every machine (localeCompare depends on the ICU data Node was built with). */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The workbooks under the inputs: a folder recursively, in sorted order; a
 * file as it is. Lock files, scored copies, other files, folders reached
 * through a symbolic link, the summary file itself and the --out-dir folder
 * are skipped, each with its reason; a file reached twice is scored once.
 */
export async function discover(inputs: readonly string[], exclude: { files: readonly string[]; folder: string | null }): Promise<Discovery> {
  const found: Found[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const excludedFiles = new Set(exclude.files.map((f) => path.resolve(f)));
  const excludedFolder = exclude.folder === null ? null : path.resolve(exclude.folder);
  const several = inputs.length > 1;

  const consider = async (full: string, file: string, name: string) => {
    const reason = skipReason(name);
    if (reason) return skipped.push({ file, reason });
    if (excludedFiles.has(path.resolve(full))) return skipped.push({ file, reason: 'summary' });
    const real = await fsp.realpath(full).catch(() => path.resolve(full));
    if (seen.has(real)) return skipped.push({ file, reason: 'duplicate' });
    seen.add(real);
    found.push({ path: full, file });
  };

  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = (await fsp.readdir(dir, { withFileTypes: true })).sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const file = prefix === '' ? entry.name : prefix + '/' + entry.name;
      if (entry.isDirectory()) {
        if (excludedFolder !== null && path.resolve(full) === excludedFolder) skipped.push({ file: file + '/', reason: 'outDir' });
        else await walk(full, file);
      } else if (entry.isSymbolicLink()) {
        const stat = await fsp.stat(full).catch(() => null);
        if (stat && stat.isDirectory()) skipped.push({ file: file + '/', reason: 'linkedFolder' });
        else await consider(full, file, entry.name);
      } else if (entry.isFile()) await consider(full, file, entry.name);
      else skipped.push({ file, reason: 'notWorkbook' });
    }
  };

  for (const input of inputs) {
    try {
      const stat = await fsp.stat(input);
      const base = path.basename(path.resolve(input));
      if (stat.isDirectory()) await walk(input, several ? base : '');
      else await consider(input, base, base);
    } catch (error) {
      return { ok: false, input, error };
    }
  }
  return { ok: true, found, skipped };
}
