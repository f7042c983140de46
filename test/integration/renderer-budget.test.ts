// The renderer's production build is minified: the JavaScript the page loads first (its module scripts and
// their modulepreloads) stays within 150 KiB gzip. Built with the project's electron-vite config into a
// temporary folder, so the project's out/ is left alone.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = makeTempDir('reqbridge-renderer-');
afterAll(() => temp.cleanup());
const BUDGET_BYTES = 150 * 1024;

describe('the renderer production build', () => {
  it('loads at most 150 KiB gzip of JavaScript first, minified and without source maps', () => {
    const build = spawnSync(
      join(root, 'node_modules', '.bin', 'electron-vite'),
      ['build', '--outDir', join(temp.path, 'out'), '--logLevel', 'warn'],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(build.status, build.stderr).toBe(0);
    const dir = join(temp.path, 'out', 'renderer');
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g)].map(
      (m) => m[1] ?? m[2]!,
    );
    expect(initial.length).toBeGreaterThan(0);
    const sizes = initial.map((file) => ({ file, gzip: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length }));
    const total = sizes.reduce((n, s) => n + s.gzip, 0);
    console.log(`renderer initial JS: ${(total / 1024).toFixed(1)} KiB gzip (${sizes.map((s) => s.file).join(', ')})`);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.map'))).toEqual([]);
    // Minified: long lines, not the hundreds of thousands of short ones of an unminified bundle.
    const main = readFileSync(join(dir, initial[0]!), 'utf8');
    expect(main.split('\n').length).toBeLessThan(100);
  }, 150_000);
});
