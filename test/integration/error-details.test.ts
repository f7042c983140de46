// Error details through the real service against the embedded Sandbox: a vendor call that fails
// gives an error envelope (or a failed run) whose details name the status, the call (vendor and
// endpoint template), attempts, the time and the request id the fake server sent — the same id its
// request log holds — and never the credential. The browser host's HTTP path passes them unchanged.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/shared/api/envelope.ts';
import type { EmbeddedSandbox } from '../../src/main/host/embedded-sandbox.ts';
import type { HostServer } from '../../src/main/host/host-server.ts';
import { startHostServer } from '../../src/main/host/host-server.ts';
import type { SandboxCore } from '../support/sandbox-core.ts';
import { startSandboxCore } from '../support/sandbox-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { valueOf } from '../support/test-core.ts';

const WRONG_LEVER_KEY = 'lvr_wrong_key_9f8e7d6c5b4a3210';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let t: SandboxCore;
let embedded: EmbeddedSandbox;
let host: HostServer;
const renderer = makeTempDir('reqbridge-renderer-');

beforeAll(async () => {
  t = await startSandboxCore({ lever: { rateLimit: false } });
  ({ embedded } = t);
  mkdirSync(join(renderer.path, 'assets'));
  writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>ReqBridge</title>');
  host = await startHostServer({
    dispatch: t.core.service.dispatch,
    events: t.core.events,
    logger: t.core.logger,
    rendererDir: renderer.path,
  });
});
afterAll(async () => {
  await host.close();
  await t.dispose();
  renderer.cleanup();
});

/** A client profile on the sandbox's servers with a Lever key the fake Lever does not know. */
async function profileWithWrongKey(): Promise<string> {
  const { leverBaseUrl, charthopBaseUrl, charthopOrg } = embedded.runtime.endpoints;
  const profile = valueOf(await t.api.invoke('profiles:create', { name: `Wrong Key ${Math.random().toString(36).slice(2, 8)}` }));
  valueOf(
    await t.api.invoke('settings:update', {
      profileId: profile.id,
      patch: { lever: { environment: 'custom', baseUrl: leverBaseUrl }, charthop: { baseUrl: charthopBaseUrl, org: charthopOrg } },
    }),
  );
  valueOf(
    await t.api.invoke('secrets:set', { profileId: profile.id, name: 'charthopToken', value: embedded.runtime.secrets.charthopToken! }),
  );
  valueOf(await t.api.invoke('secrets:set', { profileId: profile.id, name: 'leverApiKey', value: WRONG_LEVER_KEY }));
  return profile.id;
}

/** The Lever request-log entries the fake answered 401, as `requestId → "METHOD path"`. */
function lever401s(): Map<string, string> {
  const entries = embedded.sandbox.control.lever.requestLog({ status: 401 });
  return new Map(entries.map((e) => [e.requestId ?? '', `${e.method} ${e.path}`]));
}

describe('error details of a failed vendor call', () => {
  it("a wrong Lever key: the plan's error envelope carries status, call, attempts, time and the fake's request id — never the key", async () => {
    const profileId = await profileWithWrongKey();
    embedded.sandbox.control.lever.clearRequestLog();
    const envelope = await t.api.invoke('sync:plan', { profileId, mode: 'sync' });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('sync.listing_failed');
    expect(envelope.error.message).toMatch(/Lever rejected the Lever API key \(401/);
    const details = envelope.error.details!;
    expect(details).toMatchObject({
      vendor: 'lever',
      status: 401,
      attempts: 1,
      endpoint: expect.stringMatching(/^GET \/[a-z_/]+$/),
      at: expect.stringMatching(ISO),
    });
    expect(Object.keys(details).sort()).toEqual(['at', 'attempts', 'endpoint', 'requestId', 'status', 'vendor']);
    // The id is the one the fake Lever sent (and logged) for that very call.
    const answered = lever401s();
    expect(answered.has(details.requestId!)).toBe(true);
    expect(answered.get(details.requestId!)).toBe(`GET /v1${details.endpoint!.slice('GET '.length)}`);
    const json = JSON.stringify(envelope);
    expect(json).not.toContain(WRONG_LEVER_KEY);
    expect(json).not.toContain(Buffer.from(`${WRONG_LEVER_KEY}:`).toString('base64'));
    expect(json).not.toContain(embedded.runtime.secrets.charthopToken!);
  });

  it("the browser host's HTTP path passes the details through unchanged", async () => {
    const profileId = await profileWithWrongKey();
    embedded.sandbox.control.lever.clearRequestLog();
    const response = await fetch(`${host.origin}/api/sync:plan`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ profileId, mode: 'sync' }),
    });
    const text = await response.text();
    const envelope = JSON.parse(text) as Envelope<unknown>;
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.details).toMatchObject({ vendor: 'lever', status: 401, attempts: 1, at: expect.stringMatching(ISO) });
    expect(lever401s().has(envelope.error.details!.requestId!)).toBe(true);
    expect(text).not.toContain(WRONG_LEVER_KEY);
  });

  it('an error without a vendor call has the time only', async () => {
    const envelope = await t.api.invoke('settings:get', { profileId: 'nobody' });
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'profiles.not_found', message: expect.any(String), details: { at: expect.stringMatching(ISO) } },
    });
  });

  it("a run that failed on a ChartHop call keeps the call's details in the run log (a fault injected in the fake)", async () => {
    const charthop = embedded.sandbox.control.charthop;
    charthop.clearRequestLog();
    const fault = charthop.setFault({ method: 'GET', path: '/v2/org/:org/job', action: { kind: 'status', status: 403 } });
    try {
      const run = valueOf(await t.api.invoke('sync:run', { profileId: 'sandbox' }));
      expect(run.status).toBe('failed');
      expect(run.error).toMatch(/ChartHop/);
      expect(run.errorDetails).toMatchObject({
        vendor: 'charthop',
        status: 403,
        endpoint: 'GET /v2/org/:org/job',
        attempts: 1,
        at: expect.stringMatching(ISO),
      });
      const refused = charthop.requestLog({ status: 403 }).filter((e) => e.fault === 'status');
      expect(refused.map((e) => e.requestId)).toContain(run.errorDetails?.requestId);
      // The stored run says the same, in the list and in the detail.
      const detail = valueOf(await t.api.invoke('runs:get', { profileId: 'sandbox', runId: run.id }));
      expect(detail.errorDetails).toEqual(run.errorDetails);
      const listed = valueOf(await t.api.invoke('runs:list', { profileId: 'sandbox', limit: 5 })).find((r) => r.id === run.id);
      expect(listed?.errorDetails).toEqual(run.errorDetails);
      expect(JSON.stringify(detail)).not.toContain(embedded.runtime.secrets.charthopToken!);
      expect(JSON.stringify(detail)).not.toContain(embedded.runtime.secrets.leverApiKey!);
    } finally {
      charthop.clearFault(fault.id);
    }
    // A run that succeeds has no error details.
    const next = valueOf(await t.api.invoke('sync:run', { profileId: 'sandbox', confirmLargeChange: true }));
    expect(next.errorDetails).toBeNull();
  });
});
