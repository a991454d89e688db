import { deflateSync } from 'fflate';

/** Raw deflate (no zlib header) at a level 0-9. */
export type Deflate = (data: Uint8Array, level: number) => Uint8Array;

/**
 * fflate: pure JavaScript, the same in the browser and in Node, and the
 * default. The Node CLI passes node:zlib's (about five times faster there).
 * Only the compressed bytes of the changed parts differ: their contents,
 * CRCs and every copied entry stay the same.
 */
export const fflateDeflate: Deflate = (data, level) => deflateSync(data, { level: level as 6 });

/** How the writer may be set up by its host. */
export interface WriteOptions {
  deflate?: Deflate;
}
