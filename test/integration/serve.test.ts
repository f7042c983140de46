// `reqbridge serve` as a real child process: it starts every profile's background work with secrets from
// REQBRIDGE_SECRETS_FILE, answers a signed delivery on the profile's listener, runs a due daily run on a
// clock placed just before it (REQBRIDGE_SERVE_FAKE_NOW), and stops cleanly on SIGTERM with the delivery
// stored. A secrets file other users can read is refused with the command to fix it.
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';
import { postJson, signed } from './hires/http-support.ts';

const bin = fileURLToPath(new URL('../../bin/reqbridge.js', import.meta.url));
const temp = makeTempDir('reqbridge-serve-');
afterAll(() => temp.cleanup());
const SIGNATURE_TOKEN = 'sig-token-for-serve-0123456789';
const LEVER_KEY = 'lever-key-for-serve-abcdefghij';

function baseEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: home };
  for (const key of Object.keys(env)) if (key.startsWith('REQBRIDGE_') && key !== 'REQBRIDGE_HOME') delete env[key];
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return env;
}

function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Stands in for Lever and ChartHop: every request waits 2 s, then gets a 503, so the profile's work is
 * still under way when the test stops serve. It stops itself after 200 requests or 60 s.
 */
async function slowApi(): Promise<{ port: number; close: () => void }> {
  let count = 0;
  const server = createServer((_req, res) => {
    count += 1;
    if (count >= 200) server.close();
    const timer = setTimeout(() => res.writeHead(503, { 'content-type': 'application/json' }).end('{}'), 2_000);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const lifetime = setTimeout(() => server.close(), 60_000);
  lifetime.unref();
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      clearTimeout(lifetime);
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('reqbridge serve (real process)', () => {
  it('serves the listener, runs the due daily run on its clock and stops cleanly on SIGTERM', async () => {
    const home = join(temp.path, 'home');
    const env = baseEnv(home);
    const api = await slowApi();
    const port = api.port;
    const secrets = join(temp.path, 'secrets.json');
    writeFileSync(secrets, '{}', { mode: 0o600 });
    env.REQBRIDGE_SECRETS_FILE = secrets;
    expect((await cli(env, 'profile', 'create', 'Acme')).code).toBe(0);
    const set = await cli(
      env,
      'profile',
      'set',
      'acme',
      'lever.environment=custom',
      `lever.baseUrl=http://127.0.0.1:${port}/v1`,
      `charthop.baseUrl=http://127.0.0.1:${port}`,
      'charthop.org=acme',
      'options.runDaily=true',
      'dailyRunTime=10:00',
    );
    expect(set.code, set.stderr).toBe(0);
    writeFileSync(
      secrets,
      JSON.stringify({
        Acme: { leverApiKey: LEVER_KEY, charthopToken: 'charthop-token-for-serve-xyz', leverWebhookSignatureToken: SIGNATURE_TOKEN },
      }),
    );
    chmodSync(secrets, 0o600);
    const dailyAt = new Date();
    dailyAt.setHours(10, 0, 0, 0);
    const fakeNow = new Date(dailyAt.getTime() - 3_000);

    const child = spawn(process.execPath, [bin, 'serve', '--json'], {
      env: { ...env, REQBRIDGE_SECRETS_FILE: secrets, REQBRIDGE_SERVE_FAKE_NOW: fakeNow.toISOString() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const stdout: string[] = [];
    const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      for (const w of waiters.splice(0)) {
        if (w.pattern.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    });
    const lineMatching = (pattern: RegExp): Promise<string> =>
      new Promise((resolve) => {
        const seen = stdout.find((l) => pattern.test(l));
        if (seen) resolve(seen);
        else waiters.push({ pattern, resolve });
      });
    try {
      const ready = JSON.parse(await lineMatching(/^\{"ready":true/)) as {
        secrets: string;
        profiles: Array<{ id: string; listenerUrl: string | null; nextRuns: string[] }>;
      };
      expect(ready.secrets).toBe('file');
      const acme = ready.profiles.find((p) => p.id === 'acme');
      expect(acme?.listenerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/lever\/[A-Za-z0-9_-]{22}$/);
      expect(acme?.nextRuns[0]).toBe(dailyAt.toISOString());

      const url = new URL(acme!.listenerUrl!);
      expect((await postJson(Number(url.port), url.pathname, signed('not-the-token', { triggeredAt: Date.now() }))).status).toBe(401);
      const delivery = signed(SIGNATURE_TOKEN, {
        triggeredAt: Date.now(),
        data: { opportunityId: 'opp-serve-1', candidateId: 'opp-serve-1', contactId: 'contact-1' },
      });
      expect((await postJson(Number(url.port), url.pathname, delivery)).status).toBe(202);

      // The fake clock reaches 10:00 three seconds after start: the scheduled run fires; stop it while its API calls wait.
      await lineMatching(/Daily run of Acme \(scheduled\) started\./);
      child.kill('SIGTERM');
      expect(await exited, stderr).toBe(0);
      expect(stdout.at(-1)).toMatch(/INFO Stopped\.$/);
      // The run under way ended before the databases closed: its remaining step was skipped, not failed on a closed database.
      const finished = stdout.findIndex((l) => /Daily run of Acme \(scheduled\): .*metrics skipped/.test(l));
      expect(finished).toBeGreaterThan(stdout.findIndex((l) => l.includes('Stopping:')));
      expect(finished).toBeLessThan(stdout.length - 1);
      expect(stdout.join('\n')).not.toContain('database is not open');
      expect(stdout.join('\n')).not.toContain(LEVER_KEY);
      expect(stdout.join('\n')).not.toContain(SIGNATURE_TOKEN);
    } finally {
      clearTimeout(killer);
      child.kill('SIGKILL');
      api.close();
    }
    // After the stop, the delivery is stored and the daily run's steps are in the run log.
    const hires = await cli({ ...env, REQBRIDGE_SECRETS_FILE: secrets }, 'hires', 'list', '--profile', 'acme', '--json');
    expect(hires.stdout).toContain('opp-serve-1');
  }, 60_000);

  it('refuses a secrets file other users can read, saying what to run', async () => {
    const home = join(temp.path, 'home-open');
    const secrets = join(temp.path, 'open-secrets.json');
    writeFileSync(secrets, JSON.stringify({ Acme: { leverApiKey: LEVER_KEY } }));
    chmodSync(secrets, 0o644);
    const result = await cli({ ...baseEnv(home), REQBRIDGE_SECRETS_FILE: secrets }, 'serve', '--json');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`The secrets file ${secrets} can be read by other users; run chmod 600 ${secrets} and start again.`);
    expect(result.stdout).not.toContain('"ready"');
    expect(result.stderr + result.stdout).not.toContain(LEVER_KEY);
  });
});
