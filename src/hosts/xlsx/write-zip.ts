import { zipCodec, type ZipOptions } from './zip-deflate';
import type { ZipEntry } from './read-zip-directory';

/** An entry of the zip to write: either copied as stored, or new data to compress. */
export type OutputEntry =
  | { kind: 'copy'; entry: ZipEntry; raw: Uint8Array }
  | { kind: 'data'; entry: ZipEntry; data: Uint8Array };

/** Constant date/time for entries that did not exist (1980-01-01 00:00, the DOS epoch, as Excel stamps). */
export const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Above this size a part is deflated at level 4: about half the time of level
 * 6 in both codecs (the 470 KB sheet of 2,000 indicators: node:zlib 3.7 → 1.9 ms, fflate 13 → 7 ms)
 * for 1.5% (zlib) to 5% (fflate) more bytes. Small parts keep level 6.
 */
const LARGE_PART = 256 * 1024;

function put16(b: Uint8Array, i: number, v: number): void {
  b[i] = v & 0xff;
  b[i + 1] = (v >>> 8) & 0xff;
}

function put32(b: Uint8Array, i: number, v: number): void {
  b[i] = v & 0xff;
  b[i + 1] = (v >>> 8) & 0xff;
  b[i + 2] = (v >>> 16) & 0xff;
  b[i + 3] = (v >>> 24) & 0xff;
}

/**
 * Writes a zip in the given entry order. Copied entries keep their
 * compressed bytes, CRC, method, times and attributes; new data is deflated
 * (level 6, or 4 for large parts). Headers carry no extra fields and no data descriptors, so the
 * output is a fixed point: the same entries always give the same bytes.
 */
export function writeZip(entries: OutputEntry[], comment: Uint8Array, options: ZipOptions = {}): Uint8Array {
  const { deflate, crc32 } = zipCodec(options);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const item of entries) {
    const e = item.entry;
    let raw: Uint8Array;
    let crc: number;
    let size: number;
    let method: number;
    if (item.kind === 'copy') {
      raw = item.raw;
      crc = e.crc;
      size = e.size;
      method = e.method;
    } else {
      raw = deflate(item.data, item.data.length > LARGE_PART ? 4 : 6);
      crc = crc32(item.data);
      size = item.data.length;
      method = 8;
    }
    // Keep only the UTF-8 name flag and the deflate option bits; drop the data-descriptor bit.
    const flags = e.flags & 0x0806;
    const versionNeeded = Math.max(20, e.versionNeeded === 45 ? 20 : e.versionNeeded);
    const name = e.rawName;
    const local = new Uint8Array(30 + name.length);
    put32(local, 0, 0x04034b50);
    put16(local, 4, versionNeeded);
    put16(local, 6, flags);
    put16(local, 8, method);
    put16(local, 10, e.time);
    put16(local, 12, e.date);
    put32(local, 14, crc);
    put32(local, 18, raw.length);
    put32(local, 22, size);
    put16(local, 26, name.length);
    put16(local, 28, 0);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    put32(central, 0, 0x02014b50);
    put16(central, 4, e.versionMadeBy);
    put16(central, 6, versionNeeded);
    put16(central, 8, flags);
    put16(central, 10, method);
    put16(central, 12, e.time);
    put16(central, 14, e.date);
    put32(central, 16, crc);
    put32(central, 20, raw.length);
    put32(central, 24, size);
    put16(central, 28, name.length);
    put16(central, 36, e.internalAttributes);
    put32(central, 38, e.externalAttributes);
    put32(central, 42, offset);
    central.set(name, 46);
    locals.push(local, raw);
    centrals.push(central);
    offset += local.length + raw.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22 + comment.length);
  put32(end, 0, 0x06054b50);
  put16(end, 8, entries.length);
  put16(end, 10, entries.length);
  put32(end, 12, centralSize);
  put32(end, 16, offset);
  put16(end, 20, comment.length);
  end.set(comment, 22);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
