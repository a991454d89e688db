import { abort } from './file-error';
import { readZipDirectory, u16, u32, type ZipEntry } from './read-zip-directory';
import { zipCodec, type ZipOptions } from './zip-deflate';

/** An opened .xlsx package: its zip entries, looked up case-insensitively (OPC part names are), inflated on demand. */
export interface Package {
  bytes: Uint8Array;
  entries: ZipEntry[];
  comment: Uint8Array;
  byKey: Map<string, ZipEntry>;
  inflated: Map<string, Uint8Array>;
  /** Inflate, deflate and CRC-32 as the host gave them (node:zlib in the CLI, fflate elsewhere). */
  codec: Required<ZipOptions>;
}

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const LOCAL_SIG = 0x04034b50;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** True when `EncryptionInfo` appears in UTF-16LE (an OLE2 directory entry name) anywhere in the file. */
function hasEncryptionInfoStream(bytes: Uint8Array): boolean {
  const name = 'EncryptionInfo';
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    if (bytes[i] !== pattern[0]) continue;
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Opens the zip: sniffs OLE2 files (encrypted workbooks and old .xls), reads
 * the central directory with its limits. Throws a FileErrorAbort.
 */
export function openPackage(bytes: Uint8Array, options: ZipOptions = {}): Package {
  if (startsWith(bytes, OLE2_SIGNATURE)) return abort(hasEncryptionInfoStream(bytes) ? 'encrypted' : 'xls');
  const directory = readZipDirectory(bytes);
  const byKey = new Map<string, ZipEntry>();
  for (const entry of directory.entries) byKey.set(entry.name.toLowerCase(), entry);
  return { bytes, entries: directory.entries, comment: directory.comment, byKey, inflated: new Map(), codec: zipCodec(options) };
}

export function findEntry(pkg: Package, name: string): ZipEntry | undefined {
  return pkg.byKey.get(name.toLowerCase());
}

/** The compressed bytes of an entry as stored (for copying it unchanged). */
export function rawEntryData(pkg: Package, entry: ZipEntry): Uint8Array {
  const { bytes } = pkg;
  const at = entry.localHeaderOffset;
  if (!(at + 30 <= bytes.length) || u32(bytes, at) !== LOCAL_SIG) abort('corruptZip', { part: entry.name });
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (!(end <= bytes.length)) abort('corruptZip', { part: entry.name });
  return bytes.subarray(start, end);
}

/** The uncompressed bytes of an entry, CRC-checked. Throws a FileErrorAbort (`corruptZip`, `unsupportedZip`). */
export function inflateEntry(pkg: Package, entry: ZipEntry): Uint8Array {
  const cached = pkg.inflated.get(entry.name);
  if (cached) return cached;
  if (entry.flags & 1) abort('unsupportedZip', { part: entry.name });
  const raw = rawEntryData(pkg, entry);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (raw.length !== entry.size) abort('corruptZip', { part: entry.name });
    data = raw;
  } else if (entry.method === 8) {
    try {
      // A fixed output buffer: a stream that inflates to more than its declared size cannot grow memory;
      // it is cut off and then fails the CRC check.
      data = pkg.codec.inflate(raw, entry.size);
    } catch {
      return abort('corruptZip', { part: entry.name });
    }
    if (data.length !== entry.size) abort('corruptZip', { part: entry.name });
  } else {
    return abort('unsupportedZip', { part: entry.name });
  }
  if (pkg.codec.crc32(data) !== entry.crc) abort('corruptZip', { part: entry.name });
  pkg.inflated.set(entry.name, data);
  return data;
}

/** The uncompressed bytes of a part, or undefined when the package has no such part. */
export function readPart(pkg: Package, name: string): Uint8Array | undefined {
  const entry = findEntry(pkg, name);
  return entry ? inflateEntry(pkg, entry) : undefined;
}
