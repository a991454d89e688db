import * as path from 'path';
import type { UsageProblem } from '../messages/cli';
import type { FileSystem } from './file-system';

const MACRO = '.xlsm';
const PLAIN = '.xlsx';

/**
 * The extension the scored copy must have. The xlsx host copies
 * [Content_Types].xml unchanged, so the copy keeps the input's workbook
 * content type: macro-enabled for an .xlsm, which Excel refuses to open
 * under an .xlsx name (and the other way round). The kind is read from the
 * input's name; any other name is taken as an .xlsx.
 */
export function workbookExtension(input: string): string {
  return path.extname(input).toLowerCase() === MACRO ? MACRO : PLAIN;
}

/**
 * `自评表.xlsx` → `自评表.scored.xlsx` beside it; `宏.xlsm` → `宏.scored.xlsm`; `下载.zip` → `下载.zip.scored.xlsx`.
 * `selfeval name` writes `自评表.named.xlsx` (tag `named`).
 */
export function defaultOutput(input: string, tag: 'scored' | 'named' = 'scored'): string {
  const ext = path.extname(input);
  const known = [PLAIN, MACRO].includes(ext.toLowerCase());
  const base = known ? path.basename(input, ext) : path.basename(input);
  return path.join(path.dirname(input), base + '.' + tag + workbookExtension(input));
}

/** `自评表.xlsx` → `自评表.自评报告.docx` beside it (`.md`, `.txt` for those formats). */
export function defaultReportOutput(input: string, extension: string, suffix: string): string {
  const ext = path.extname(input);
  const known = [PLAIN, MACRO].includes(ext.toLowerCase());
  const base = known ? path.basename(input, ext) : path.basename(input);
  return path.join(path.dirname(input), base + suffix + extension);
}

/**
 * Whether the scored workbook may replace what stands at `target`. The write
 * renames a temporary file over the target, and a rename replaces any
 * directory entry: over a device it would replace the device itself (as root,
 * /dev/null), over a symbolic link the link, not the file it points at. So
 * only a new path or a regular file is accepted: an existing one with --force
 * (or --in-place), never the input itself unless --in-place. Its name must
 * end in the input's workbook extension (compared without regard to case, as
 * Windows and Excel do). The checks go from the most fundamental problem to
 * the least, so /dev/null is refused as a device, not for its name. May throw
 * the file system's error (no permission to look), which the caller reports.
 */
export async function targetProblem(
  fs: FileSystem,
  input: string,
  target: string,
  mode: { inPlace: boolean; force: boolean; /** The extension a report must have (selfeval report); a workbook's otherwise. */ report?: string },
): Promise<UsageProblem | null> {
  const at = await fs.inspect(target);
  if (mode.inPlace) {
    if (at.link) return { code: 'inPlaceLink', file: target, real: await fs.realPath(target).catch(() => target) };
    if (at.kind !== 'file' && at.kind !== 'missing') return { code: 'inPlaceNotRegular', file: target, kind: at.kind };
    return null;
  }
  if (at.link) return { code: 'outputLink', file: target };
  if (at.kind !== 'file' && at.kind !== 'missing') return { code: 'notRegularFile', file: target, kind: at.kind };
  if (mode.report !== undefined) {
    if (path.extname(target).toLowerCase() !== mode.report) return { code: 'reportOutputName', file: target, expected: mode.report };
  } else {
    const expected = workbookExtension(input);
    if (path.extname(target).toLowerCase() !== expected) return { code: 'outputName', file: target, expected, macro: expected === MACRO };
  }
  if (at.kind === 'missing') return null;
  if (at.id === (await fs.inspect(input)).id) return { code: 'sameFile', file: target };
  if (!mode.force) return { code: 'outputExists', file: target };
  return null;
}
