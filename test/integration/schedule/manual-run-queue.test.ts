// A Sync now (from the app or `reqbridge sync`) and the scheduler on one profile: a second Sync now
// during a run is refused with `sync.busy`, saying what to do; a scheduled or change trigger that
// arrives during it waits for it and runs after it — it is neither refused nor dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledJobsFor } from '../../../src/main/core/background.ts';
import type { Core } from '../../../src/main/core/bootstrap.ts';
import { syncEngineFor } from '../../../src/main/core/sync/engine.ts';
import { createLinksStore } from '../../../src/main/core/sync/links-store.ts';
import type { SandboxCore } from '../../support/sandbox-core.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import { createManualSchedulerClock } from '../../support/manual-scheduler-clock.ts';
import { valueOf } from '../../support/test-core.ts';

let t: SandboxCore;
let core: Core;

beforeAll(async () => {
  t = await startSandboxCore({ lever: { rateLimit: false } });
  ({ core } = t);
  valueOf(
    await t.api.invoke('settings:update', {
      profileId: 'sandbox',
      patch: { options: { runDaily: false, syncOnChange: true, reconciliation: false } },
    }),
  );
});
afterAll(async () => {
  await t.dispose();
});

const tick = () => new Promise((r) => setTimeout(r, 10));

/** Drive the scheduler's manual clock (the trigger re-checks every 500 ms) until `promise` settles. */
async function driveUntilSettled<T>(clock: ReturnType<typeof createManualSchedulerClock>, promise: Promise<T>): Promise<T> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < 2000 && !settled; i += 1) {
    clock.advance(500);
    await tick();
  }
  return promise;
}

describe('scheduled and change triggers during a Sync now', () => {
  it('a second Sync now is refused saying what to do; a change trigger waits for the Sync now and runs after it', async () => {
    const engine = syncEngineFor(core.service.deps);
    const clock = createManualSchedulerClock(new Date());
    const jobs = scheduledJobsFor(core, clock);

    const manual = t.api.invoke('sync:run', { profileId: 'sandbox' }); // the first run links every open job: it takes a while
    for (let i = 0; i < 500 && !engine.isRunning('sandbox'); i += 1) await new Promise((r) => setImmediate(r));
    expect(engine.isRunning('sandbox')).toBe(true);

    const refused = await t.api.invoke('sync:run', { profileId: 'sandbox' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'sync.busy' } });
    if (!refused.ok)
      expect(refused.error.message).toMatch(
        /^A sync run is already going for this profile \(.+\)\. Wait for it to finish, or cancel it, then try again\.$/,
      );

    let changeDone = false;
    const change = jobs.sync('sandbox', { trigger: 'change' }).finally(() => (changeDone = true));
    const first = valueOf(await manual);
    expect(changeDone).toBe(false); // still waiting for its turn, not refused
    const after = await driveUntilSettled(clock, change);
    expect(after).toMatchObject({ trigger: 'change', status: 'succeeded' });

    const runs = valueOf(await t.api.invoke('runs:list', { profileId: 'sandbox' }));
    expect(runs.slice(0, 2).map((r) => [r.id, r.trigger])).toEqual([
      [(after as { id: number }).id, 'change'],
      [first.id, 'manual'],
    ]);
  });

  it('a scheduled trigger waits while another ReqBridge process (reqbridge sync) holds the profile, then runs once', async () => {
    const clock = createManualSchedulerClock(new Date());
    const jobs = scheduledJobsFor(core, clock);
    const state = core.service.deps.stateDbs.forProfile('sandbox');
    // `reqbridge sync` in a terminal: its lock row names a live process that is not this engine.
    state.db
      .prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('sync.run_lock', JSON.stringify({ pid: process.pid, owner: 'the-cli-process', at: new Date().toISOString() }));
    const refused = await t.api.invoke('sync:run', { profileId: 'sandbox' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'sync.busy' } });
    if (!refused.ok) expect(refused.error.message).toContain('in another ReqBridge process');

    const runsBefore = valueOf(await t.api.invoke('runs:list', { profileId: 'sandbox' })).length;
    // A real change, so the change run has something to write (a change with nothing to do records no run).
    const { embedded } = t;
    const openJobs = new Set(
      embedded.sandbox.control.charthop
        .jobs(embedded.sandbox.charthop.org)
        .filter((j) => j.open === 'open' && j.recruit === 'Active')
        .map((j) => String(j.id)),
    );
    const jobId = createLinksStore(state)
      .all()
      .find((l) => openJobs.has(l.jobId))!.jobId;
    const { charthopBaseUrl, charthopOrg } = embedded.runtime.endpoints;
    const patch = await fetch(`${charthopBaseUrl}/v2/org/${charthopOrg}/job/${jobId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${embedded.runtime.secrets.charthopToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Principal Platform Engineer' }),
    });
    expect(patch.status).toBe(200);
    let done = false;
    const change = jobs.sync('sandbox', { trigger: 'change', jobIds: [jobId] }).finally(() => (done = true));
    for (let i = 0; i < 20; i += 1) {
      clock.advance(500);
      await tick();
    }
    expect(done).toBe(false);
    expect(valueOf(await t.api.invoke('runs:list', { profileId: 'sandbox' }))).toHaveLength(runsBefore);

    state.db.prepare('DELETE FROM meta WHERE key = ?').run('sync.run_lock'); // the CLI's run ends
    const run = await driveUntilSettled(clock, change);
    expect(run).toMatchObject({ trigger: 'change', status: 'succeeded' });
    expect(valueOf(await t.api.invoke('runs:list', { profileId: 'sandbox' }))).toHaveLength(runsBefore + 1);
  });
});
