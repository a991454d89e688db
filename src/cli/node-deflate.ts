import { deflateRawSync } from 'zlib';
import type { Deflate } from '../hosts/xlsx';

/** node:zlib's raw deflate for the xlsx writer: native, about five times faster than fflate in Node. */
export const nodeDeflate: Deflate = (data, level) => {
  const out = deflateRawSync(data, { level });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
