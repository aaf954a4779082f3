// Draws the add-in's icon (a green check over a table) at the sizes Office asks for and writes them as PNGs to
// assets/. No image package: shapes are rasterised with 4×4 supersampling and encoded with node's zlib.
//   npx tsx scripts/make-icons.ts
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** 16/32/80: ribbon button; 32: IconUrl; 64: HighResolutionIconUrl; 128: store listings and docs. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type RGBA = [number, number, number, number];

const SLATE: RGBA = [0x44, 0x54, 0x6a, 255];
const PAPER: RGBA = [255, 255, 255, 255];
const BAND: RGBA = [0xd6, 0xdc, 0xe4, 255];
const GREEN: RGBA = [0x10, 0x7c, 0x10, 255];
const WHITE: RGBA = [255, 255, 255, 255];

/** Distance from p to the segment a–b. */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const cx = ax + t * dx - px;
  const cy = ay + t * dy - py;
  return Math.sqrt(cx * cx + cy * cy);
}

/** Signed distance to a rounded rectangle (negative inside). */
function roundRect(
  px: number,
  py: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): number {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(px - cx) - hx;
  const qy = Math.abs(py - cy) - hy;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** The colour of the point (x, y) in the unit square; `px` is one pixel in unit lengths (keeps thin lines visible). */
function shade(x: number, y: number, px: number): RGBA | null {
  const line = Math.max(0.05, 1.1 * px);
  // The check badge, drawn over the table, with a white ring that separates it from the grid.
  const bx = 0.7;
  const by = 0.7;
  const br = 0.28;
  const d = Math.hypot(x - bx, y - by);
  if (d <= br) {
    const stroke = Math.max(0.075, 1.6 * px);
    const onCheck =
      segDist(x, y, 0.565, 0.705, 0.665, 0.805) <= stroke / 2 ||
      segDist(x, y, 0.665, 0.805, 0.845, 0.605) <= stroke / 2;
    return onCheck ? WHITE : GREEN;
  }
  if (d <= br + Math.max(0.04, px)) return WHITE;
  // The table: a sheet with a header band, three rows and two columns.
  const x0 = 0.06;
  const y0 = 0.1;
  const x1 = 0.86;
  const y1 = 0.82;
  const outer = roundRect(x, y, x0, y0, x1, y1, 0.08);
  if (outer > 0) return null;
  if (outer > -line) return SLATE;
  const header = y0 + 0.2;
  if (y < header) return SLATE;
  const rows = [header + (y1 - header) / 3, header + (2 * (y1 - header)) / 3];
  const cols = [x0 + (x1 - x0) * 0.38];
  for (const r of rows) if (Math.abs(y - r) <= line / 2) return SLATE;
  for (const c of cols) if (Math.abs(x - c) <= line / 2) return SLATE;
  return x < cols[0] ? BAND : PAPER;
}

/** RGBA pixels of the icon at `size` × `size`, anti-aliased by 4×4 supersampling. */
export function drawIcon(size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  const px = 1 / size;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sj = 0; sj < n; sj++) {
        for (let si = 0; si < n; si++) {
          const c = shade((i + (si + 0.5) / n) / size, (j + (sj + 0.5) / n) / size, px);
          if (!c) continue;
          // Premultiplied accumulation so that edges blend towards transparency, not black.
          r += c[0];
          g += c[1];
          b += c[2];
          a += c[3];
        }
      }
      const k = (j * size + i) * 4;
      const cover = a / 255;
      out[k] = cover ? Math.round(r / cover) : 0;
      out[k + 1] = cover ? Math.round(g / cover) : 0;
      out[k + 2] = cover ? Math.round(b / cover) : 0;
      out[k + 3] = Math.round(a / (n * n));
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of `rgba` pixels. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main(): void {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) main();
