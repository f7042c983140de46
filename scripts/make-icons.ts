/**
 * Makes the app's icons from its icon design (the renderer's favicon: a blue rounded square with
 * two white arrows, on a 32-unit grid) without any image tool: `node scripts/make-icons.ts [DIR]`
 * writes DIR (default build/): icon.png (1024), icon.icns (macOS), icon.ico (Windows), and the
 * macOS tray template images trayTemplate.png / trayTemplate@2x.png (black arrows on transparency).
 * electron-builder takes icon.* from build/ (directories.buildResources).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Segment = readonly [number, number, number, number];

/** The two arrows of the icon (the favicon's path), as stroke segments on the 32-unit grid. */
const ARROWS: readonly Segment[] = [
  [9, 12, 22, 12],
  [18, 8, 22, 12],
  [22, 12, 18, 16],
  [23, 20, 10, 20],
  [14, 16, 10, 20],
  [10, 20, 14, 24],
];
const BLUE = [0x24, 0x56, 0xc9] as const;

function segmentDistance(x: number, y: number, [ax, ay, bx, by]: Segment): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 32 - radius);
  const cy = Math.min(Math.max(y, radius), 32 - radius);
  return x >= 0 && x <= 32 && y >= 0 && y <= 32 && Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels of the icon at `size`, 4×4 supersampled. `template`: black arrows only, for the macOS tray. */
export function renderIcon(size: number, template = false): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  const halfStroke = template ? 1.9 : 1.25;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let background = 0;
      let arrow = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = ((px + (sx + 0.5) / samples) / size) * 32;
          const y = ((py + (sy + 0.5) / samples) / size) * 32;
          if (!template && insideRoundedSquare(x, y, 8)) background += 1;
          if (ARROWS.some((s) => segmentDistance(x, y, s) <= halfStroke)) arrow += 1;
        }
      }
      const n = samples * samples;
      const at = (py * size + px) * 4;
      if (template) {
        pixels[at + 3] = Math.round((arrow / n) * 255);
        continue;
      }
      // White arrows over the blue square; coverage blends them.
      const a = arrow / n;
      const b = background / n;
      const alpha = Math.max(a, b);
      for (let c = 0; c < 3; c += 1) pixels[at + c] = alpha === 0 ? 0 : Math.round((255 * a + BLUE[c]! * Math.max(0, b - a)) / alpha);
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of RGBA pixels. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .icns of PNG entries (ic07–ic10: 128–1024 px). */
export function encodeIcns(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const types: Array<[string, number]> = [
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
  ];
  const entries = types.map(([type, size]) => {
    const png = pngs.get(size)!;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/** An .ico of PNG entries (16–256 px). */
export function encodeIco(pngs: ReadonlyMap<number, Buffer>): Buffer {
  const sizes = [16, 24, 32, 48, 64, 128, 256];
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const at = 6 + 16 * i;
    header[at] = size === 256 ? 0 : size;
    header[at + 1] = size === 256 ? 0 : size;
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(pngs.get(size)!.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += pngs.get(size)!.length;
  });
  return Buffer.concat([header, ...sizes.map((s) => pngs.get(s)!)]);
}

/** Writes every icon file into `dir`; returns their names. */
export function makeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const pngs = new Map<number, Buffer>();
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) pngs.set(size, encodePng(size, renderIcon(size)));
  const files: Array<[string, Buffer]> = [
    ['icon.png', pngs.get(1024)!],
    ['icon.icns', encodeIcns(pngs)],
    ['icon.ico', encodeIco(pngs)],
    ['trayTemplate.png', encodePng(16, renderIcon(16, true))],
    ['trayTemplate@2x.png', encodePng(32, renderIcon(32, true))],
  ];
  for (const [name, data] of files) writeFileSync(join(dir, name), data);
  return files.map(([name]) => name);
}

if (import.meta.main) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../build', import.meta.url));
  console.log(`Wrote ${makeIcons(dir).join(', ')} to ${dir}`);
}
