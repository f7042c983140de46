// `npm run pack` against a stub Electron distribution (REQBRIDGE_ELECTRON_DIST): app.asar holds only the built
// app and production dependencies, keytar's native module is unpacked, the fuses are flipped, and the main
// bundle extracted from the archive boots under Node with the faked electron module (test/support/fake-electron.ts),
// whose utilityProcess.fork really forks the engine's bundle (out/main/core.js) from the archive, so no runtime
// import of either can be left in devDependencies. The stub carries only the fuse wire electron-builder flips.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAll, listPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS } from '../../src/shared/api/channels.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = makeTempDir('reqbridge-pack-');
afterAll(() => temp.cleanup());
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const supported = process.platform === 'linux';
if (!supported) console.log('packaging test: the stub Electron distribution is a Linux one, so this test runs on Linux only');

/** A Linux Electron distribution with a shell script for a binary, carrying an all-unflipped fuse wire. */
function stubElectronDist(): string {
  const dir = join(temp.path, 'electron-dist');
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([Buffer.from(`#!/bin/sh\nexit 0\n# `), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10101010\n')]),
    { mode: 0o755 },
  );
  writeFileSync(join(dir, 'version'), 'v45.5.0');
  return dir;
}

/** The names of the packages the lockfile installs for production (not dev-only). */
function productionPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const names = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    // devOptional: needed by an optional production dependency (localtunnel) as well as by dev tooling.
    if (!path.includes('node_modules/') || entry.dev) continue;
    names.add(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  }
  return names;
}

describe.runIf(supported)('npm run pack (stub Electron distribution)', () => {
  it('packs only out/** and production dependencies, keytar unpacked, fuses flipped, and the packaged main boots', () => {
    const output = join(temp.path, 'release');
    const pack = spawnSync('npm', ['run', 'pack', '--', `-c.directories.output=${output}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, REQBRIDGE_ELECTRON_DIST: stubElectronDist() },
    });
    expect(pack.status, `${pack.stdout}\n${pack.stderr}`).toBe(0);
    const appDir = join(output, 'linux-unpacked');
    const asar = join(appDir, 'resources', 'app.asar');
    const entries = listPackage(asar, { isPack: false }).map((p) => p.replaceAll('\\', '/'));

    // Only the built app, package.json and production dependencies: no sources, tests, benches, source maps or tooling.
    const own = entries.filter((p) => !p.startsWith('/node_modules'));
    expect(own.filter((p) => !(p === '/out' || p.startsWith('/out/') || p === '/package.json'))).toEqual([]);
    expect(own).toEqual(
      expect.arrayContaining(['/out/main/index.js', '/out/main/core.js', '/out/preload/index.cjs', '/out/renderer/index.html']),
    );
    expect(entries.filter((p) => p.endsWith('.map'))).toEqual([]);
    const production = productionPackages();
    const packaged = new Set(
      entries.flatMap((p) => [...p.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((m) => m[1]!)).filter((n) => !/^@[^/]+$/.test(n)),
    );
    expect([...packaged].filter((name) => !production.has(name))).toEqual([]);
    for (const dev of [
      'electron',
      'electron-builder',
      'electron-store',
      'vite',
      'vitest',
      'typescript',
      'react',
      '@playwright/test',
      'node',
    ])
      expect(packaged.has(dev), dev).toBe(false);
    expect(packaged.has('keytar')).toBe(true);
    expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'))).toBe(
      true,
    );
    for (const icon of ['icon.png', 'trayTemplate.png', 'trayTemplate@2x.png'])
      expect(existsSync(join(appDir, 'resources', 'icons', icon)), icon).toBe(true);

    // The fuses: RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on, app only from asar.
    const binary = readFileSync(join(appDir, 'reqbridge'));
    const wire = binary
      .subarray(binary.indexOf(SENTINEL) + SENTINEL.length + 2, binary.indexOf(SENTINEL) + SENTINEL.length + 8)
      .toString('latin1');
    expect(wire).toBe('010011');

    // The main bundle from the archive, with the archive's dependencies, boots under Node with the faked electron.
    const extracted = join(temp.path, 'app');
    extractAll(asar, extracted);
    const home = join(temp.path, 'home');
    const boot = spawnSync(
      process.execPath,
      [join(root, 'test', 'support', 'boot-main-bundle.ts'), join(extracted, 'out', 'main', 'index.js')],
      {
        cwd: extracted,
        encoding: 'utf8',
        timeout: 90_000,
        env: { ...process.env, REQBRIDGE_HOME: home, XDG_CONFIG_HOME: home, NODE_PATH: '' },
      },
    );
    expect(boot.status, boot.stderr).toBe(0);
    const wired = JSON.parse(boot.stdout.trim().split('\n').at(-1)!) as {
      handlers: string[];
      windows: number;
      loaded: string;
      webPreferences: Record<string, unknown>;
      tray: number;
      trayLabels: string[];
      engines: Array<{ modulePath: string; args: string[]; serviceName: string; exitCode: number | null }>;
    };
    expect(wired.handlers).toEqual([...REQUEST_CHANNELS].sort());
    expect(wired).toMatchObject({
      windows: 1,
      loaded: 'app://reqbridge/index.html',
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(wired.tray).toBeGreaterThan(0);
    // The tray was built from the engine's answers; the engine is the archive's core.js, forked once, stopped cleanly.
    expect(wired.trayLabels).toContain('Sync now (Sandbox)');
    expect(wired.engines).toEqual([
      {
        modulePath: join(extracted, 'out', 'main', 'core.js'),
        args: ['--host', 'electron', '--app-version', '9.9.9'],
        serviceName: 'ReqBridge engine',
        exitCode: 0,
      },
    ]);
  }, 300_000);
});
