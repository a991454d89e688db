import { abort } from './file-error';

/** One entry of the zip central directory, with everything needed to read it or copy it unchanged. */
export interface ZipEntry {
  /** The entry name as decoded (UTF-8). */
  name: string;
  /** The raw name bytes, written back unchanged. */
  rawName: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  internalAttributes: number;
  externalAttributes: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  comment: Uint8Array;
}

/** Limits against zip bombs (checked on the central directory, before anything is inflated). */
export const MAX_TOTAL_SIZE = 200 * 1024 * 1024;
export const MAX_RATIO = 200;
export const RATIO_CHECK_ABOVE = 1024 * 1024;
export const MAX_ENTRIES = 65535;

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;

const utf8 = new TextDecoder('utf-8');

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

/** Reads a little-endian 64-bit number; values past 2^53 are returned as Infinity (they fail every bound check). */
function u64(b: Uint8Array, i: number): number {
  const high = u32(b, i + 4);
  if (high >= 0x200000) return Infinity;
  return high * 0x100000000 + u32(b, i);
}

export { u16, u32 };

/** The last end-of-central-directory record whose comment fits in the file (an exact fit preferred). */
function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let loose = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && u32(bytes, i) === EOCD_SIG) {
      const end = i + 22 + u16(bytes, i + 20);
      if (end === bytes.length) return i;
      if (end < bytes.length && loose < 0) loose = i;
    }
  }
  return loose;
}

/**
 * Parses the end-of-central-directory record and the central directory, and
 * checks the size limits and duplicate names. Throws a FileErrorAbort
 * (`notZip`, `corruptZip`, `tooLarge`, `zipBomb`, `duplicateEntry`).
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) {
    const looksLikeZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
    return abort(looksLikeZip ? 'corruptZip' : 'notZip');
  }
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  const comment = bytes.slice(eocd + 22, eocd + 22 + u16(bytes, eocd + 20));
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR_SIG) abort('corruptZip');
    const record = u64(bytes, locator + 8);
    if (!(record + 56 <= bytes.length) || u32(bytes, record) !== ZIP64_EOCD_SIG) abort('corruptZip');
    count = u64(bytes, record + 32);
    cdSize = u64(bytes, record + 40);
    cdOffset = u64(bytes, record + 48);
  }
  if (!(cdOffset + cdSize <= bytes.length)) abort('corruptZip');
  if (count > MAX_ENTRIES) abort('tooLarge', { limit: 'entryCount' });

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  const end = cdOffset + cdSize;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || u32(bytes, p) !== CENTRAL_SIG) abort('corruptZip');
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > end) abort('corruptZip');
    const rawName = bytes.slice(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: utf8.decode(rawName),
      rawName,
      versionMadeBy: u16(bytes, p + 4),
      versionNeeded: u16(bytes, p + 6),
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      internalAttributes: u16(bytes, p + 36),
      externalAttributes: u32(bytes, p + 38),
      localHeaderOffset: u32(bytes, p + 42),
    };
    readZip64Extra(bytes, p + 46 + nameLength, extraLength, entry);
    const key = entry.name.toLowerCase();
    if (seen.has(key)) abort('duplicateEntry', { part: entry.name });
    seen.add(key);
    total += entry.size;
    if (total > MAX_TOTAL_SIZE) abort('tooLarge', { limit: 'totalSize' });
    if (entry.size > RATIO_CHECK_ABOVE && entry.size > entry.compressedSize * MAX_RATIO) {
      abort('zipBomb', { part: entry.name, limit: 'ratio' });
    }
    entries.push(entry);
    p = next;
  }
  return { entries, comment };
}

/** Replaces 0xFFFFFFFF sizes/offsets by their values from a Zip64 extended-information extra field. */
function readZip64Extra(bytes: Uint8Array, start: number, length: number, entry: ZipEntry): void {
  if (entry.size !== 0xffffffff && entry.compressedSize !== 0xffffffff && entry.localHeaderOffset !== 0xffffffff) return;
  let p = start;
  const end = start + length;
  while (p + 4 <= end) {
    const id = u16(bytes, p);
    const size = u16(bytes, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const stop = Math.min(end, q + size);
      if (entry.size === 0xffffffff && q + 8 <= stop) {
        entry.size = u64(bytes, q);
        q += 8;
      }
      if (entry.compressedSize === 0xffffffff && q + 8 <= stop) {
        entry.compressedSize = u64(bytes, q);
        q += 8;
      }
      if (entry.localHeaderOffset === 0xffffffff && q + 8 <= stop) entry.localHeaderOffset = u64(bytes, q);
      return;
    }
    p += 4 + size;
  }
}
