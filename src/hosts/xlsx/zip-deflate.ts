import { deflateSync, inflateSync } from 'fflate';
import { crc32 } from './crc32';

/** Raw deflate (no zlib header) at a level 0-9. */
export type Deflate = (data: Uint8Array, level: number) => Uint8Array;

/**
 * Raw inflate into at most `size` bytes (the entry's declared size): a stream
 * that inflates to more must not grow memory — it is cut off or refused, and
 * then fails the size or CRC check. Throws on a damaged stream.
 */
export type Inflate = (data: Uint8Array, size: number) => Uint8Array;

/** CRC-32 (ISO-HDLC, as in zip) as an unsigned 32-bit number. */
export type Crc32 = (data: Uint8Array) => number;

/**
 * fflate and our own CRC-32: pure JavaScript, the same in the browser and in
 * Node, and the default. The Node CLI passes node:zlib's (native, several
 * times faster there). Only the compressed bytes of the changed parts may
 * differ: their contents, CRCs and every copied entry stay the same.
 */
export const fflateDeflate: Deflate = (data, level) => deflateSync(data, { level: level as 6 });
export const fflateInflate: Inflate = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

/** How the package reader and writer may be set up by their host. */
export interface ZipOptions {
  deflate?: Deflate;
  inflate?: Inflate;
  crc32?: Crc32;
}

/** Every function of the options, the pure-JavaScript ones where the host gave none. */
export function zipCodec(options: ZipOptions = {}): Required<ZipOptions> {
  return { deflate: options.deflate ?? fflateDeflate, inflate: options.inflate ?? fflateInflate, crc32: options.crc32 ?? crc32 };
}
