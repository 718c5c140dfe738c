/**
 * Draws assets/icon.png (512x512): a blue rounded square with a white ledger page, three ruled lines
 * and a rising bar chart with a red last bar. Written with zlib alone so it needs no image library;
 * the PNG is committed, rerun only to change the design: `npx tsx assets/makeIcon.ts`.
 * electron-builder turns this PNG into the Windows .ico and the Linux icon set.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4x4 supersampling for smooth edges

type RGBA = [number, number, number, number];
interface Shape {
  inside: (x: number, y: number) => boolean;
  color: (x: number, y: number) => RGBA;
}

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const solid = (c: RGBA) => () => c;

const shapes: Shape[] = [
  // background: blue, a little lighter at the top
  {
    inside: roundedRect(16, 16, 496, 496, 104),
    color: (_x, y) => {
      const t = y / SIZE;
      return [Math.round(0x2f + (0x1a - 0x2f) * t), Math.round(0x7d + (0x56 - 0x7d) * t), Math.round(0xd8 + (0xa8 - 0xd8) * t), 255];
    },
  },
  { inside: roundedRect(120, 88, 392, 424, 28), color: solid([255, 255, 255, 255]) }, // the page
  { inside: roundedRect(160, 136, 352, 156, 10), color: solid([0x1f, 0x5f, 0xae, 255]) }, // title line
  { inside: roundedRect(160, 184, 320, 198, 7), color: solid([0xa9, 0xbd, 0xd6, 255]) },
  { inside: roundedRect(160, 220, 336, 234, 7), color: solid([0xa9, 0xbd, 0xd6, 255]) },
  { inside: roundedRect(168, 316, 208, 384, 6), color: solid([0x2f, 0x7d, 0xd8, 255]) }, // bars
  { inside: roundedRect(236, 286, 276, 384, 6), color: solid([0x2f, 0x7d, 0xd8, 255]) },
  { inside: roundedRect(304, 256, 344, 384, 6), color: solid([0xd9, 0x36, 0x2b, 255]) },
];

function pixel(px: number, py: number): RGBA {
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      let c: RGBA = [0, 0, 0, 0];
      for (const s of shapes) if (s.inside(x, y)) c = s.color(x, y);
      // premultiplied accumulation keeps the transparent edge free of dark fringes
      sum[0]! += c[0] * c[3];
      sum[1]! += c[1] * c[3];
      sum[2]! += c[2] * c[3];
      sum[3]! += c[3];
    }
  }
  const a = sum[3]!;
  if (a === 0) return [0, 0, 0, 0];
  return [Math.round(sum[0]! / a), Math.round(sum[1]! / a), Math.round(sum[2]! / a), Math.round(a / (SAMPLES * SAMPLES))];
}

function png(width: number, height: number, rgba: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = rgba(x, y);
      raw.set([r, g, b, a], y * (width * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

const out = path.join(__dirname, 'icon.png');
fs.writeFileSync(out, png(SIZE, SIZE, pixel));
console.log(`已生成 ${out}`);
