// `reqbridge webhook serve` and `reqbridge hires …`: in-process with an injected stop (the full
// path: a delivery is processed while serving), and as a real child process stopped with Ctrl+C.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHiresCommand } from '../../../src/main/cli/commands/hires.ts';
import { runWebhookCommand } from '../../../src/main/cli/commands/webhook.ts';
import type { CliOutput } from '../../../src/main/cli/output.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { postJson, signed } from './http-support.ts';
import type { HiresWorld } from './support.ts';
import { PROFILE, startHiresWorld } from './support.ts';

function capture(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, line: (t = '') => lines.push(t), json: (v) => lines.push(JSON.stringify(v)), error: (t) => errors.push(t) };
}

describe('webhook serve and hires list (in-process)', () => {
  let world: HiresWorld;
  beforeEach(async () => {
    world = await startHiresWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('serves until stopped, prints the URL and each decision, then stops the endpoint', async () => {
    const out = capture();
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const decided = new Promise<void>((resolve) => {
      world.main.core.events.on('hire:received', (v) => {
        if (v.decision !== 'pending') resolve();
      });
    });
    const running = runWebhookCommand(
      world.main.api,
      world.main.core.hires,
      { action: 'serve', profile: 'Acme', json: false },
      out,
      () => stopped,
    );
    for (let i = 0; i < 100 && !out.lines.some((l) => l.startsWith('Press Ctrl+C')); i += 1) await new Promise((r) => setImmediate(r));
    expect(out.lines[0]).toBe(`Listening on ${world.webhookUrl}`);
    expect(out.lines).toContain('Tunnel: none (Lever cannot reach this computer; choose a tunnel in Setup, or run your own proxy).');

    const id = world.sandbox.facts.hires.toProcess[0]!;
    const url = new URL(world.webhookUrl);
    expect(
      (
        await postJson(
          Number(url.port),
          url.pathname,
          signed(world.signatureToken, { triggeredAt: world.clock.now(), data: { opportunityId: id } }),
        )
      ).status,
    ).toBe(202);
    await decided;
    stop();
    expect(await running).toBe(0);
    expect(out.lines.some((l) => /^Hire #\d+ \(.+\): created — Created /.test(l))).toBe(true);
    expect(out.lines.at(-1)).toBe('Stopped.');
    await expect(postJson(Number(url.port), url.pathname, {})).rejects.toThrow();

    const list = capture();
    expect(await runHiresCommand(world.main.api, { action: 'list', rest: [], profile: PROFILE, json: false }, list)).toBe(0);
    expect(list.lines[0]).toMatch(/^#\s+RECEIVED\s+SOURCE\s+CANDIDATE\s+JOB\s+DECISION\s+REASON/);
    expect(list.lines[0]).toContain('webhook');
    expect(list.lines[0]).toContain('created');
    const status = capture();
    expect(await runWebhookCommand(world.main.api, world.main.core.hires, { action: 'status', profile: PROFILE, json: true }, status)).toBe(
      0,
    );
    expect(JSON.parse(status.lines[0]!)).toMatchObject({ profileId: PROFILE, signatureTokenSet: true });
  });

  it('refuses a missing profile or action with a usage error', async () => {
    await expect(
      runWebhookCommand(world.main.api, world.main.core.hires, { action: 'serve', profile: undefined, json: false }, capture()),
    ).rejects.toMatchObject({ code: 'cli.usage' });
    await expect(
      runHiresCommand(world.main.api, { action: 'frobnicate', rest: [], profile: PROFILE, json: false }, capture()),
    ).rejects.toMatchObject({ code: 'cli.usage' });
  });
});

describe('reqbridge webhook serve (real process)', () => {
  it('prints the listener and stops cleanly on Ctrl+C (SIGINT)', async () => {
    const home = makeTempDir('reqbridge-serve-');
    try {
      const bin = fileURLToPath(new URL('../../../bin/reqbridge.js', import.meta.url));
      const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: home.path };
      delete env.DBUS_SESSION_BUS_ADDRESS;
      const create = spawn(process.execPath, [bin, 'profile', 'create', 'Acme'], { env, stdio: 'ignore' });
      await new Promise((resolve) => create.once('exit', resolve));
      const child = spawn(process.execPath, [bin, 'webhook', 'serve', '--profile', 'acme'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr.resume();
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const seen: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const next = await lines.next();
        if (next.done) break;
        seen.push(next.value);
        if (next.value.startsWith('Press Ctrl+C')) break;
      }
      expect(seen[0]).toMatch(/^Listening on http:\/\/127\.0\.0\.1:\d+\/webhooks\/lever\/[A-Za-z0-9_-]{22}$/);
      expect(seen.some((l) => l.includes('signature token is not set'))).toBe(true);
      const url = new URL(seen[0]!.slice('Listening on '.length));
      // Without the signature token a delivery cannot be verified: 503, so Lever retries later.
      expect((await postJson(Number(url.port), url.pathname, signed('x', { triggeredAt: Date.now() }))).status).toBe(503);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      home.cleanup();
    }
  });
});
