// The app's icons are made by scripts/make-icons.ts: the checked-in build/ files are exactly its output, each
// file is the format its OS reads (PNG, ICNS of PNGs, ICO of PNGs), and the macOS tray template is black on
// transparency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeIcons } from '../../scripts/make-icons.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = makeTempDir();
afterAll(() => temp.cleanup());
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer): number => png.readUInt32BE(16);

describe('app icons', () => {
  it("are what the script makes, in each OS's format", () => {
    const names = makeIcons(temp.path);
    for (const name of names)
      expect(
        readFileSync(join(root, 'build', name)).equals(readFileSync(join(temp.path, name))),
        `build/${name} is stale: run npm run icons`,
      ).toBe(true);
    const png = readFileSync(join(temp.path, 'icon.png'));
    expect(png.subarray(0, 8).equals(PNG)).toBe(true);
    expect(pngSize(png)).toBe(1024);
    const icns = readFileSync(join(temp.path, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.toString('latin1', 8, 12)).toBe('ic07');
    const ico = readFileSync(join(temp.path, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 7]);
    const first = ico.readUInt32LE(6 + 12);
    expect(ico.subarray(first, first + 8).equals(PNG)).toBe(true);
    for (const [name, size] of [
      ['trayTemplate.png', 16],
      ['trayTemplate@2x.png', 32],
    ] as const)
      expect(pngSize(readFileSync(join(temp.path, name))), name).toBe(size);
  }, 60_000);

  it('draws the tray template in black only, with the arrows opaque and the background clear', async () => {
    const { renderIcon } = await import('../../scripts/make-icons.ts');
    const pixels = renderIcon(32, true);
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      expect(pixels[i]! + pixels[i + 1]! + pixels[i + 2]!).toBe(0);
      if (pixels[i + 3]! > 200) opaque += 1;
    }
    expect(opaque).toBeGreaterThan(50);
    expect(pixels[3]).toBe(0);
  });
});
