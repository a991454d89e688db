import * as zlib from 'zlib';
import type { ZipOptions } from '../hosts/xlsx';

function bytes(out: Buffer): Uint8Array {
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * The smallest deflate window that holds the whole part (9 to 15 bits): zlib
 * then finds the same matches and writes the same bytes as with its 32 KB
 * default, but a small part no longer pays for setting up the large window
 * (an 8 KB sheet deflates in about 60 µs instead of 85). zlib keeps 262 bytes
 * of look-ahead out of the window, hence the margin.
 */
export function windowBitsFor(size: number): number {
  let bits = 9;
  while (bits < 15 && 2 ** bits < size + 262) bits++;
  return bits;
}

/**
 * node:zlib for the xlsx reader and writer: native deflate and inflate (about
 * five and three times faster than fflate in Node) and, where this Node has
 * it (20.15 and later), native CRC-32; otherwise the reader's own.
 * maxOutputLength keeps a stream that inflates to more than its declared size
 * from growing memory: zlib refuses it, and the entry is damaged (corruptZip).
 */
export const nodeZip: ZipOptions = {
  deflate: (data, level) => bytes(zlib.deflateRawSync(data, { level, windowBits: windowBitsFor(data.length) })),
  inflate: (data, size) => bytes(zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) })),
  crc32: typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (data) => (zlib as unknown as { crc32(d: Uint8Array): number }).crc32(data) >>> 0 : undefined,
};
