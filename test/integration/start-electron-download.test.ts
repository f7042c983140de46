// `npm start`'s first use: the Electron binary is fetched through the electron package's own install.js
// from a local mirror (a stub "electron" that records its launch), and without a usable mirror the start
// script falls back to the browser host with the reason. An isolated copy of the electron package is used.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';
import { zipStored } from '../support/zip-writer.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const realPackage = join(root, 'node_modules', 'electron');
const version = (JSON.parse(readFileSync(join(realPackage, 'package.json'), 'utf8')) as { version: string }).version;
const temp = makeTempDir();
afterAll(() => temp.cleanup());
const supported = process.platform === 'linux';
if (!supported)
  console.log('start-electron-download: the stub Electron is a shell script named "electron", so this test runs on Linux only');

/** A copy of the electron package with no binary, so the real one is never written. */
function isolatedElectronPackage(name: string): string {
  const dir = join(temp.path, name, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'index.js', 'install.js', 'checksums.json']) copyFileSync(join(realPackage, file), join(dir, file));
  return dir;
}

/** A mirror serving the stub zip and its SHASUMS256.txt; it stops itself after 20 requests or 60 s. */
async function startMirror(zip: Buffer): Promise<{ url: string; requests: string[]; close: () => void }> {
  const fileName = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${fileName}\n`;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (requests.length >= 20) server.close();
    if (req.url === `/v${version}/${fileName}`) res.writeHead(200, { 'content-type': 'application/zip' }).end(zip);
    else if (req.url === `/v${version}/SHASUMS256.txt`) res.writeHead(200).end(sums);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => server.close(), 60_000);
  timer.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    close: () => {
      clearTimeout(timer);
      server.close();
    },
  };
}

/** The start script's environment: nothing from the machine's electron settings, data in the temp folder. */
function startEnv(packageDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(npm_(package_)?config_electron|electron_|ELECTRON_)/i.test(key)) delete env[key];
  return {
    ...env,
    REQBRIDGE_ELECTRON_PACKAGE: packageDir,
    NODE_PATH: join(root, 'node_modules'),
    REQBRIDGE_HOME: join(temp.path, 'home'),
    electron_config_cache: join(temp.path, 'cache'),
    ...extra,
  };
}

/** Runs scripts/start.ts until it exits or prints `until`; then stops it. */
function runStart(env: NodeJS.ProcessEnv, until?: RegExp): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, [join(root, 'scripts', 'start.ts')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (until?.test(output)) child.kill('SIGTERM');
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.runIf(supported)('npm start gets Electron on first use', () => {
  it('downloads the stub from the mirror with remote checksums, then launches it on the project', async () => {
    const realPathTxt = existsSync(join(realPackage, 'path.txt'));
    const marker = join(temp.path, 'launched.txt');
    const stub = Buffer.from('#!/bin/sh\nprintf "%s|%s" "$*" "$PWD" > "$REQBRIDGE_STUB_MARKER"\nexit 0\n');
    const mirror = await startMirror(
      zipStored([
        { name: 'electron', data: stub, mode: 0o755 },
        { name: 'version', data: Buffer.from(`v${version}`) },
      ]),
    );
    const packageDir = isolatedElectronPackage('with-mirror');
    try {
      const result = await runStart(
        startEnv(packageDir, { ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1', REQBRIDGE_STUB_MARKER: marker }),
      );
      expect(result.output).toContain('Getting Electron');
      expect(result.code).toBe(0);
      expect(mirror.requests).toEqual(
        expect.arrayContaining([
          `/v${version}/electron-v${version}-${process.platform}-${process.arch}.zip`,
          `/v${version}/SHASUMS256.txt`,
        ]),
      );
      expect(readFileSync(marker, 'utf8')).toBe(`.|${root.replace(/\/$/, '')}`);
      expect(readFileSync(join(packageDir, 'path.txt'), 'utf8')).toBe('electron');
      expect(existsSync(join(temp.path, 'cache'))).toBe(true);
      expect(existsSync(join(realPackage, 'path.txt'))).toBe(realPathTxt);
    } finally {
      mirror.close();
    }
  });

  it('falls back to the browser host with the reason, quickly, when the download fails', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const started = Date.now();
    const result = await runStart(
      startEnv(isolatedElectronPackage('offline'), { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }),
      /browser host\)/,
    );
    expect(result.output).toMatch(
      /ReqBridge desktop cannot open here: the Electron download failed \(127.0.0.1:\d+ could not be reached: check the internet connection or ELECTRON_MIRROR\)\./,
    );
    expect(result.output).toContain('Starting the same app in your browser instead');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', async () => {
    const result = await runStart(
      startEnv(isolatedElectronPackage('skip'), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_MIRROR: 'http://127.0.0.1:9/' }),
      /browser host\)/,
    );
    expect(result.output).toContain('cannot open here: ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(result.output).not.toContain('Getting Electron');
  });
});
