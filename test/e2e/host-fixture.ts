/**
 * Each test gets its own browser host (a child process on port 0) with its own
 * data directory, and a page that has opened the host's tokened address.
 * Secrets go to the OS keychain: run the tests inside a private gnome-keyring
 * D-Bus session (see .ci/run).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import type { RequestChannel, RequestInput, RequestOutput } from '../../src/shared/api/contract.ts';
import type { Envelope } from '../../src/shared/api/envelope.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOST_MAIN = join(ROOT, 'src/main/host/main.ts');
const RENDERER_INDEX = join(ROOT, 'out/renderer/index.html');

/** Environment variables that would override what the tests set up through the UI. */
const OVERRIDES = [
  'REQBRIDGE_PROFILE',
  'REQBRIDGE_LEVER_KEY',
  'REQBRIDGE_CHARTHOP_TOKEN',
  'REQBRIDGE_LEVER_URL',
  'REQBRIDGE_CHARTHOP_URL',
  'REQBRIDGE_CHARTHOP_ORG',
];

/** The embedded Sandbox's fake servers, reachable on their `/__sandbox/…` control surface with `controlToken`. */
export interface SandboxInfo {
  /** Lever API base URL, including `/v1`. */
  leverUrl: string;
  charthopUrl: string;
  org: string;
  controlToken: string;
}

/** What the host printed: where it listens and where it keeps its data, and the Sandbox's servers. */
export interface HostInfo {
  url: string;
  origin: string;
  dataDir: string;
  /** Present when the host printed its sandbox URLs (it was started with `--sandbox-control-token`). */
  sandbox?: SandboxInfo;
  /** Present when the host could not start its core: the sentence its failure page shows. */
  startupError?: string;
  /** The host process's id (its core process is its child). */
  pid?: number;
}

/**
 * A bad start to prepare before the host starts (`test.use({ badStart: … })`): a settings file that
 * is not JSON, a state database written by a newer ReqBridge, or a data folder that cannot be used
 * (a file in its place, which even root cannot write into).
 */
export type BadStart = 'none' | 'corrupt-settings' | 'newer-database' | 'unusable-folder';

async function prepareBadStart(kind: BadStart, dataDir: string): Promise<string> {
  switch (kind) {
    case 'none':
      return dataDir;
    case 'corrupt-settings':
      await writeFile(join(dataDir, 'settings.json'), '{"profiles": [', { mode: 0o600 });
      return dataDir;
    case 'newer-database': {
      await mkdir(join(dataDir, 'state'), { recursive: true });
      const { DatabaseSync } = await import('node:sqlite');
      const db = new DatabaseSync(join(dataDir, 'state', 'sandbox.sqlite'));
      db.exec('PRAGMA user_version = 999');
      db.close();
      return dataDir;
    }
    case 'unusable-folder': {
      const file = join(dataDir, 'not-a-folder');
      await writeFile(file, 'a file where the data folder should be');
      return file;
    }
  }
}

/** The host's `--json` line: the sandbox part comes without the token (the test chose it). */
type HostLine = Omit<HostInfo, 'sandbox'> & { sandbox?: Omit<SandboxInfo, 'controlToken'> };

/** Read the host's one JSON line from stdout, or fail with what it said on stderr. */
function readHostLine(child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<HostLine> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => fail(new Error(`The host printed nothing within ${timeoutMs} ms.`)), timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(new Error(`${error.message}\nHost stderr:\n${stderr()}`));
    }
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(buffer.slice(0, newline)) as HostLine);
      } catch {
        fail(new Error(`The host printed something other than JSON: ${buffer.slice(0, newline)}`));
      }
    });
    child.once('exit', (code) => fail(new Error(`The host exited (code ${code}) before printing its address.`)));
    child.once('error', (error) => fail(error));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The access token the host printed in its address's fragment. */
export function hostTokenOf(host: HostInfo): string {
  return decodeURIComponent(new URL(host.url).hash.replace(/^#token=/, ''));
}

/** Call a contract channel over the host's HTTP API with the access token in the Authorization header; throws on an error envelope. */
export async function api<C extends RequestChannel>(
  page: Page,
  host: HostInfo,
  channel: C,
  input: RequestInput<C>,
): Promise<RequestOutput<C>> {
  const response = await page.request.post(`${host.origin}/api/${channel}`, {
    data: input,
    headers: { authorization: `Bearer ${hostTokenOf(host)}` },
  });
  const envelope = (await response.json()) as Envelope<RequestOutput<C>>;
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

/** The raw envelope of a call, for tests that expect an error. */
export async function apiEnvelope<C extends RequestChannel>(
  page: Page,
  host: HostInfo,
  channel: C,
  input: RequestInput<C>,
): Promise<Envelope<RequestOutput<C>>> {
  const response = await page.request.post(`${host.origin}/api/${channel}`, {
    data: input,
    headers: { authorization: `Bearer ${hostTokenOf(host)}` },
  });
  return (await response.json()) as Envelope<RequestOutput<C>>;
}

/**
 * Tests get `host` (a fresh host and data dir) and `page` already on the app's Home. `hostEnv`
 * (an option: `test.use({ hostEnv: { … } })`) adds environment variables to the host's process;
 * `badStart` prepares a start-up failure (then `page` is on the host's failure page).
 */
export const test = base.extend<{ host: HostInfo; hostEnv: Record<string, string>; badStart: BadStart }>({
  hostEnv: [{}, { option: true }],
  badStart: ['none', { option: true }],
  host: async ({ hostEnv, badStart }, use, testInfo) => {
    if (!existsSync(RENDERER_INDEX)) throw new Error('The renderer is not built: run `npm run build` (electron-vite build) first.');
    const dataDir = await mkdtemp(join(tmpdir(), 'reqbridge-e2e-'));
    const home = await prepareBadStart(badStart, dataDir);
    const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: home };
    for (const name of OVERRIDES) delete env[name];
    Object.assign(env, hostEnv);
    // process.execPath is the project's Node 24 when Playwright runs through npm (node_modules/.bin first on PATH).
    // The control token opens the fakes' /__sandbox/… surface so tests can play Lever (mark a candidate hired, add faults).
    const controlToken = randomBytes(16).toString('hex');
    const child = spawn(process.execPath, [HOST_MAIN, '--json', '--port', '0', '--sandbox-control-token', controlToken], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    try {
      const { sandbox, ...info } = await readHostLine(child, () => stderr, 20_000);
      await use({
        ...info,
        dataDir,
        ...(child.pid ? { pid: child.pid } : {}),
        ...(sandbox ? { sandbox: { ...sandbox, controlToken } } : {}),
      });
    } finally {
      await stopChild(child);
      if (testInfo.status !== testInfo.expectedStatus && stderr)
        await testInfo.attach('host-stderr', { body: stderr, contentType: 'text/plain' });
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  page: async ({ page, host }, use) => {
    await page.goto(host.url);
    if (!host.startupError) await expect(page.getByTestId('current-profile')).not.toHaveText('…');
    await use(page);
  },
});

export { expect };
