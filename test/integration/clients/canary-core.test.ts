// Credentials never appear in the run log or anything sent to the renderer: a client profile holds
// canary secrets (a Lever key and a ChartHop token the fakes accept, a webhook signature token and
// an ngrok authtoken), the real core runs every feature that touches them, and every response
// envelope, every event on the core's bus and every byte of the data folder is searched for them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import { startCore } from '../../../src/main/core/bootstrap.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { createMemorySecretStore } from '../../../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../../../src/main/core/settings/conf-backing.ts';
import { startEmbeddedSandbox } from '../../../src/main/host/embedded-sandbox.ts';
import type { RequestChannel } from '../../../src/shared/api/contract.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const LEVER_CANARY = 'canary-lever-key-Zq81';
const CHARTHOP_CANARY = 'canary-charthop-token-Vx27';
const WEBHOOK_CANARY = 'canary-webhook-signature-Kp93';
const NGROK_CANARY = 'canary-ngrok-authtoken-Hd46';
const CANARIES = [LEVER_CANARY, CHARTHOP_CANARY, WEBHOOK_CANARY, NGROK_CANARY];

/** A secret and the encodings it would travel in (Basic auth, plain base64). */
function forms(secret: string): string[] {
  return [secret, Buffer.from(`${secret}:`).toString('base64'), Buffer.from(secret).toString('base64')];
}
const NEEDLES = CANARIES.flatMap(forms);

function leaks(text: string): string[] {
  return NEEDLES.filter((n) => text.includes(n));
}

/** Every file under `dir` (relative paths). */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('canary credentials through the whole core', () => {
  it('appear in no response, no event and no byte of the data folder', { timeout: 60_000 }, async () => {
    const home = makeTempDir();
    cleanups.push(() => home.cleanup());
    const embedded = await startEmbeddedSandbox(home.path, createLogger({ redactor: createRedactor(), sink: () => {} }));
    let embeddedOpen = true;
    cleanups.push(async () => {
      if (embeddedOpen) await embedded.close();
    });
    const { sandbox } = embedded;
    // The fakes accept the canaries as a full-permission Lever key and an owner ChartHop token.
    const leverState = sandbox.control.lever.state();
    const fullKey = leverState.keys.find((k) => k.secret === sandbox.credentials.leverKeys.full)!;
    leverState.keys.push({ ...fullKey, id: 'key-canary', secret: LEVER_CANARY });
    sandbox.control.lever.seed(leverState);
    const charthopState = sandbox.control.charthop.state();
    const owner = charthopState.tokens.find((t) => t.token === sandbox.credentials.charthopToken)!;
    charthopState.tokens.push({ ...owner, token: CHARTHOP_CANARY });
    sandbox.control.charthop.seed(charthopState);

    const logLines: string[] = [];
    const core = startCore({
      dataDir: home.path,
      host: 'test',
      version: '0.0.0-test',
      settingsBacking: createConfBacking(home.path),
      secretStore: createMemorySecretStore(),
      env: {},
      logSink: (record) => logLines.push(JSON.stringify(record)),
      sandbox: embedded.runtime,
    });
    let coreOpen = true;
    cleanups.push(() => {
      if (coreOpen) core.close();
    });
    const events: { event: string; payload: unknown }[] = [];
    core.events.onAny((event, payload) => events.push({ event, payload }));
    const api = createInProcessClient(core.service.dispatch, core.events);

    const responses: { channel: string; envelope: unknown }[] = [];
    const call = async (channel: RequestChannel, input: unknown): Promise<unknown> => {
      const envelope = await api.invoke(channel, input as never);
      responses.push({ channel, envelope });
      return envelope;
    };
    const ok = <T>(envelope: unknown): T => {
      expect(envelope).toMatchObject({ ok: true });
      return (envelope as { value: T }).value;
    };

    const created = ok<{ id: string }>(await call('profiles:create', { name: 'Canary Client' }));
    const profileId = created.id;
    ok(
      await call('settings:update', {
        profileId,
        patch: {
          lever: { environment: 'custom', baseUrl: sandbox.lever.url },
          charthop: { baseUrl: sandbox.charthop.url, org: sandbox.charthop.org },
        },
      }),
    );
    ok(await call('secrets:set', { profileId, name: 'leverApiKey', value: LEVER_CANARY }));
    ok(await call('secrets:set', { profileId, name: 'charthopToken', value: CHARTHOP_CANARY }));
    ok(await call('secrets:set', { profileId, name: 'leverWebhookSignatureToken', value: WEBHOOK_CANARY }));
    ok(await call('secrets:set', { profileId, name: 'ngrokAuthtoken', value: NGROK_CANARY }));

    // The canaries work: the doctor gets past the Lever key and the ChartHop token.
    const report = ok<{ checks: { id: string; status: string }[] }>(await call('doctor:run', { profileId }));
    expect(report.checks.find((c) => c.id === 'lever.key')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'charthop.token')?.status).toBe('pass');

    // Runs that really read and write both systems with the canaries (and log what they did).
    expect(ok<{ status: string }>(await call('sync:run', { profileId, confirmLargeChange: true })).status).toBe('succeeded');
    expect(ok<{ status: string }>(await call('metrics:run', { profileId })).status).toBe('succeeded');
    expect(ok<{ processed: number }>(await call('hires:catch-up', { profileId })).processed).toBeGreaterThan(0);
    const runs = ok<{ id: number }[]>(await call('runs:list', { profileId }));
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      await call('runs:get', { profileId, runId: run.id });
      await call('runs:export', { profileId, runId: run.id, format: 'json' });
      await call('runs:export', { profileId, runId: run.id, format: 'csv' });
    }
    const statuses = ok<{ name: string; set: boolean }[]>(await call('secrets:status', { profileId }));
    expect(
      statuses
        .filter((s) => s.set)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['charthopToken', 'leverApiKey', 'leverWebhookSignatureToken', 'ngrokAuthtoken']);
    await call('settings:get', { profileId });
    await call('webhook:status', { profileId });
    await call('profiles:export', { id: profileId });
    await call('profiles:list', {});

    // Something real happened: the fake Lever saw calls with the canary key.
    expect(sandbox.control.lever.requestLog().length).toBeGreaterThan(10);
    expect(events.length).toBeGreaterThan(0);

    for (const { channel, envelope } of responses) expect(leaks(JSON.stringify(envelope)), channel).toEqual([]);
    for (const { event, payload } of events) expect(leaks(JSON.stringify(payload)), event).toEqual([]);
    expect(leaks(logLines.join('\n')), 'log').toEqual([]);
    // The stores while the core is still open (the WAL may hold the latest pages).
    const open = walk(home.path).filter((f) => /\.(db|sqlite)/.test(f));
    expect(open.length).toBeGreaterThan(0);
    for (const file of open) expect(leaks(readFileSync(file).toString('latin1')), relative(home.path, file)).toEqual([]);

    // Stop the core and the sandbox (which saves sandbox/state.json), then read the data folder.
    core.close();
    coreOpen = false;
    await embedded.close();
    embeddedOpen = false;
    const files = walk(home.path);
    const stores = files.filter((f) => /\.(db|sqlite)/.test(f));
    expect(stores.length).toBeGreaterThan(0);
    expect(files.map((f) => relative(home.path, f))).toEqual(expect.arrayContaining(['settings.json', join('sandbox', 'state.json')]));
    for (const file of files) {
      const name = relative(home.path, file);
      const bytes = readFileSync(file);
      if (name === join('sandbox', 'state.json')) {
        // The fake servers' own credential tables must hold the keys they accept; nothing else may.
        const state = JSON.parse(bytes.toString('utf8')) as { lever: { keys?: unknown }; charthop: { tokens?: unknown } };
        delete state.lever.keys;
        delete state.charthop.tokens;
        expect(leaks(JSON.stringify(state)), name).toEqual([]);
        expect(bytes.includes(WEBHOOK_CANARY) || bytes.includes(NGROK_CANARY), name).toBe(false);
        // Positive control: the scan does see a secret where one really is.
        expect(bytes.includes(LEVER_CANARY) && bytes.includes(CHARTHOP_CANARY), name).toBe(true);
        continue;
      }
      // Binary-safe: search the raw bytes (SQLite pages, WAL) as latin1 text.
      expect(leaks(bytes.toString('latin1')), name).toEqual([]);
    }
  });
});
