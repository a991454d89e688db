import * as zlib from 'zlib';
import { nodeZip, windowBitsFor } from '../../src/cli/node-zip';

/**
 * The CLI deflates each part with the smallest window that holds it: the
 * bytes are the same as with zlib's default 32 KB window (so the choice
 * only saves set-up time), and they inflate back to the part.
 */

/** Sheet-like text of `size` bytes: repetitive XML with varying numbers and some Chinese, as parts are. */
function part(size: number, seed: number): Uint8Array {
  let text = '';
  let x = seed;
  while (Buffer.byteLength(text) < size) {
    x = (x * 1103515245 + 12345) % 2147483648;
    text += `<c r="B${x % 997}" s="${x % 7}"><v>${(x % 100000) / 100}</v></c>${x % 5 === 0 ? '<is><t>说明</t></is>' : ''}`;
  }
  return new Uint8Array(Buffer.from(text).subarray(0, size));
}

describe('windowBitsFor', () => {
  it('is the smallest window of 9 to 15 bits that holds the part and zlib’s look-ahead', () => {
    expect(windowBitsFor(0)).toBe(9);
    expect(windowBitsFor(512 - 262)).toBe(9);
    expect(windowBitsFor(512 - 261)).toBe(10);
    expect(windowBitsFor(16384 - 262)).toBe(14);
    expect(windowBitsFor(16384 - 261)).toBe(15);
    expect(windowBitsFor(10_000_000)).toBe(15);
  });

  it('gives the bytes of the default window, at every size around each window’s edge and at levels 4 and 6', () => {
    const sizes = [0, 1, 100];
    for (let bits = 9; bits <= 15; bits++) for (const d of [-263, -262, -261, -1, 0, 1]) sizes.push(2 ** bits + d);
    sizes.push(40_000, 300_000);
    for (const size of sizes) {
      const data = part(size, size + 1);
      for (const level of [4, 6]) {
        const ours = nodeZip.deflate!(data, level);
        const standard = zlib.deflateRawSync(data, { level });
        expect({ size, level, same: Buffer.from(ours).equals(standard) }).toEqual({ size, level, same: true });
        expect(Buffer.from(zlib.inflateRawSync(ours)).equals(Buffer.from(data))).toBe(true);
      }
    }
  });
});
