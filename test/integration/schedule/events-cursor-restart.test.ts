// Sync On Change across a restart: the events cursor is kept in the profile's SQLite file, so a
// ChartHop edit made while ReqBridge was closed is pushed to Lever by the first poll of the next start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeApi } from '../../../src/shared/api/channels.ts';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import { startBackground } from '../../../src/main/core/background.ts';
import type { Core } from '../../../src/main/core/bootstrap.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { createLinksStore } from '../../../src/main/core/sync/links-store.ts';
import type { EmbeddedSandbox } from '../../../src/main/host/embedded-sandbox.ts';
import { startEmbeddedSandbox } from '../../../src/main/host/embedded-sandbox.ts';
import { createManualSchedulerClock } from '../../support/manual-scheduler-clock.ts';
import { startCoreOnSandbox } from '../../support/sandbox-core.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';

let home: ReturnType<typeof makeTempDir>;
let embedded: EmbeddedSandbox;
const cores: Core[] = [];

/** A core on the data dir, as one launch of the app: the sandbox servers (ChartHop and Lever) outlive it. */
function launch(): { core: Core; api: BridgeApi } {
  const core = startCoreOnSandbox(home.path, embedded);
  cores.push(core);
  return { core, api: createInProcessClient(core.service.dispatch, core.events) };
}

beforeAll(async () => {
  home = makeTempDir();
  embedded = await startEmbeddedSandbox(home.path, createLogger({ redactor: createRedactor(), sink: () => {} }), {
    lever: { rateLimit: false },
  });
});
afterAll(async () => {
  cores.at(-1)?.close();
  await embedded.close();
  home.cleanup();
});

const settle = async () => {
  for (let i = 0; i < 50; i += 1) await new Promise((r) => setTimeout(r, 20));
};

const CURSOR = 'schedule.charthop.eventsCursor';
const cursorOf = (core: Core) =>
  (
    core.service.deps.stateDbs.forProfile('sandbox').db.prepare('SELECT value FROM cursors WHERE name = ?').get(CURSOR) as
      { value: string } | undefined
  )?.value ?? null;

describe('Sync On Change across a restart (the events cursor is persisted)', () => {
  it('a ChartHop edit made while ReqBridge was closed reaches Lever with the first poll after the next start', async () => {
    // First launch: Sync On Change on (default interval, 30 s); link the open jobs; one poll sets the cursor.
    const first = launch();
    valueOf(
      await first.api.invoke('settings:update', {
        profileId: 'sandbox',
        patch: { options: { runDaily: false, syncOnChange: true, reconciliation: false } },
      }),
    );
    expect(valueOf(await first.api.invoke('settings:get', { profileId: 'sandbox' })).syncOnChangeIntervalSeconds).toBe(30);
    valueOf(await first.api.invoke('sync:run', { profileId: 'sandbox' }));
    // The scheduler's clock is manual; ChartHop stamps events with real time, as a real server would.
    const clock1 = createManualSchedulerClock(new Date());
    const background1 = await startBackground(first.core, { clock: clock1 });
    expect(cursorOf(first.core)).toBeNull();
    clock1.advance(30_000);
    await settle();
    const saved = cursorOf(first.core);
    expect(saved).not.toBeNull();
    await background1.stop();
    first.core.close();

    // While the app is closed, a consultant retitles an Active, linked job in ChartHop.
    const second = launch();
    const links = createLinksStore(second.core.service.deps.stateDbs.forProfile('sandbox')).all();
    const openJobs = new Set(
      embedded.sandbox.control.charthop
        .jobs(embedded.sandbox.charthop.org)
        .filter((j) => j.open === 'open' && j.recruit === 'Active')
        .map((j) => String(j.id)),
    );
    const link = links.find((l) => openJobs.has(l.jobId));
    expect(link).toBeDefined();
    const { charthopBaseUrl, charthopOrg } = embedded.runtime.endpoints;
    const patch = await fetch(`${charthopBaseUrl}/v2/org/${charthopOrg}/job/${link!.jobId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${embedded.runtime.secrets.charthopToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Staff Data Engineer (edited while closed)' }),
    });
    expect(patch.status).toBe(200);

    // Next launch: a new core and a new scheduler on the same data dir read the saved cursor.
    expect(cursorOf(second.core)).toBe(saved);
    const runsBefore = valueOf(await second.api.invoke('runs:list', { profileId: 'sandbox' })).length;
    embedded.sandbox.control.lever.clearRequestLog();
    const clock2 = createManualSchedulerClock(new Date());
    const background2 = await startBackground(second.core, { clock: clock2 });
    try {
      clock2.advance(30_000); // one interval
      await settle();
      const runs = valueOf(await second.api.invoke('runs:list', { profileId: 'sandbox' }));
      expect(runs.length).toBe(runsBefore + 1);
      expect(runs[0]).toMatchObject({ trigger: 'change', direction: 'outbound', status: 'succeeded' });
      // Only that requisition is written (the launch also re-registers the new-hire webhook: not a sync write).
      const writes = embedded.sandbox.control.lever.requestLog().filter((e) => e.method !== 'GET' && e.path.includes('/requisitions'));
      expect(writes.map((w) => [w.method, w.path])).toEqual([['PUT', `/v1/requisitions/${link!.requisitionId}`]]);
      const requisition = embedded.sandbox.control.lever.state().requisitions.find((r) => r.id === link!.requisitionId);
      expect(requisition?.name).toBe('Staff Data Engineer (edited while closed)');
      expect(Number(cursorOf(second.core))).toBeGreaterThan(Number(saved));
    } finally {
      await background2.stop();
    }
  });
});
