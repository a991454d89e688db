#!/usr/bin/env node
'use strict';
/**
 * Draws the add-in's ribbon and catalog icons (assets/icons/icon-<size>.png):
 * a teal rounded square with three white bars of a bar chart and a white
 * check mark above them. Pure Node: a 4×4 supersampled rasteriser and a
 * minimal PNG encoder (zlib from node). Run: node scripts/make-icons.js
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets', 'icons');
const TEAL = [0x0f, 0x7b, 0x6c];
const WHITE = [0xff, 0xff, 0xff];
const SS = 4; // samples per pixel along each axis

/** CRC-32 of a buffer (PNG chunk checksums). */
function crc32(buf) {
  let c = ~0;
  for (let i = 0; i < buf.length; i++) {
    c ^= buf[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (width × height × 4 bytes) as a PNG file. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Inside a rounded square spanning [m, 1 − m] with corner radius r (unit coordinates). */
function inRoundedSquare(x, y, m, r) {
  const lo = m + r;
  const hi = 1 - m - r;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  if (x < m || x > 1 - m || y < m || y > 1 - m) return false;
  return dx * dx + dy * dy <= r * r;
}

/** Distance from point p to segment a–b. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const cx = ax + t * vx - px;
  const cy = ay + t * vy - py;
  return Math.sqrt(cx * cx + cy * cy);
}

/** What colour the design has at unit point (x, y): null (transparent), TEAL or WHITE. */
function sample(x, y, size) {
  if (!inRoundedSquare(x, y, 0.04, 0.2)) return null;
  // Check mark: thicker at small sizes so it stays legible.
  const stroke = size <= 16 ? 0.11 : size <= 32 ? 0.085 : 0.07;
  const d = Math.min(
    segmentDistance(x, y, 0.24, 0.34, 0.42, 0.52),
    segmentDistance(x, y, 0.42, 0.52, 0.78, 0.18),
  );
  if (d <= stroke) return WHITE;
  // Bar chart behind the check (left out at 16 px where it would be noise).
  if (size > 16) {
    const bars = [
      [0.22, 0.7],
      [0.435, 0.62],
      [0.65, 0.5],
    ];
    for (const [left, top] of bars) {
      if (x >= left && x <= left + 0.13 && y >= top && y <= 0.82) {
        // keep a teal gap around the check mark so both read clearly
        if (d <= stroke * 2) return TEAL;
        return WHITE;
      }
    }
  }
  return TEAL;
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(path.relative(process.cwd(), file));
  }
}

if (require.main === module) main();

module.exports = { SIZES, drawIcon, encodePng };
