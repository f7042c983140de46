import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/bootstrap.ts';
import { startBackground } from '../../../src/main/core/background.ts';
import type { Background } from '../../../src/main/core/background.ts';
import type { SandboxCore } from '../../support/sandbox-core.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import type { EmbeddedSandbox } from '../../../src/main/host/embedded-sandbox.ts';
import { createManualSchedulerClock } from '../../support/manual-scheduler-clock.ts';
import { createLinksStore } from '../../../src/main/core/sync/links-store.ts';
import { valueOf } from '../../support/test-core.ts';

let background: Background;
let t: SandboxCore;
let embedded: EmbeddedSandbox;
let core: Core;

beforeAll(async () => {
  t = await startSandboxCore({ lever: { rateLimit: false } });
  ({ embedded, core } = t);
});
afterAll(async () => {
  await background?.stop();
  await t.dispose();
});

// The scheduler's clock is manual; ChartHop stamps events with real time, as a real server would.
const clock = createManualSchedulerClock(new Date());
const POLL = 30_000;

const settle = async () => {
  for (let i = 0; i < 50; i += 1) await new Promise((r) => setTimeout(r, 20));
};

describe('Sync On Change against the sandbox', () => {
  it("an Active job's new title reaches its Lever requisition within one poll interval, touching only that job", async () => {
    const api = t.api;
    valueOf(
      await api.invoke('settings:update', {
        profileId: 'sandbox',
        patch: { options: { runDaily: false, syncOnChange: true, reconciliation: false } },
      }),
    );
    valueOf(await api.invoke('sync:run', { profileId: 'sandbox' })); // links the open jobs first

    background = await startBackground(core, { clock, pollIntervalMs: POLL });
    clock.advance(POLL); // the first poll sets the events cursor
    await settle();

    const runsBefore = valueOf(await api.invoke('runs:list', { profileId: 'sandbox' })).length;
    const links = createLinksStore(core.service.deps.stateDbs.forProfile('sandbox')).all();
    const openJobs = new Set(
      embedded.sandbox.control.charthop
        .jobs(embedded.sandbox.charthop.org)
        .filter((j) => j.open === 'open' && j.recruit === 'Active')
        .map((j) => String(j.id)),
    );
    const jobId = links.find((l) => openJobs.has(l.jobId))?.jobId;
    expect(jobId).toBeDefined();
    const { charthopBaseUrl, charthopOrg } = embedded.runtime.endpoints;
    const patch = await fetch(`${charthopBaseUrl}/v2/org/${charthopOrg}/job/${jobId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${embedded.runtime.secrets.charthopToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Principal Platform Engineer' }),
    });
    expect(patch.status).toBe(200);

    embedded.sandbox.control.lever.clearRequestLog();
    clock.advance(POLL);
    await settle();

    const runs = valueOf(await api.invoke('runs:list', { profileId: 'sandbox' }));
    expect(runs.length).toBe(runsBefore + 1);
    expect(runs[0]).toMatchObject({ trigger: 'change', status: 'succeeded' });
    const writes = embedded.sandbox.control.lever.requestLog().filter((e) => e.method !== 'GET');
    expect(writes).toHaveLength(1);
    const requisition = embedded.sandbox.control.lever.state().requisitions.find((r) => writes[0]!.path.endsWith(r.id));
    expect(requisition?.name).toBe('Principal Platform Engineer');
  });

  it('refuses Sync On Change together with Reverse Sync', async () => {
    const api = t.api;
    const refused = await api.invoke('settings:update', {
      profileId: 'sandbox',
      patch: { sourceOfTruth: 'lever', options: { reverseSync: true } },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'settings.exclusive_options' } });
  });
});
