// The core's process killed (real SIGKILL) in the middle of a run against fakes that outlive it: the call
// in flight answers the restart sentence, a new process takes over and says so, the run is marked
// interrupted as soon as it is up, and a new run converges with no duplicate requisition.
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreProcess } from '../../../src/main/core/process/core-process-client.ts';
import { CORE_RESTARTED_TEXT } from '../../../src/main/core/process/core-process-client.ts';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import type { EventPayload } from '../../../src/shared/api/contract.ts';
import type { RunProgress } from '../../../src/shared/api/sync-views.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';
import { CHARTHOP_TOKEN, LEVER_KEY } from '../sync/seeds.ts';
import type { CoreForks } from './support.ts';
import { coreForks, startCoreProcess, syncScene, waitFor } from './support.ts';

const JOBS = 12;
let forks: CoreForks | null = null;
let core: CoreProcess | null = null;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  await core?.close();
  core = null;
  await forks?.killAll();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the core process dies', () => {
  it('is restarted, the run is marked interrupted, the call in flight gets the sentence, and a new run converges', async () => {
    const s = await syncScene(JOBS, cleanups);
    forks = coreForks();
    // Lever writes paced at 3 a second, so the kill lands with most of the creates still to go.
    const env = {
      REQBRIDGE_PROFILE: s.profileId,
      REQBRIDGE_LEVER_KEY: LEVER_KEY,
      REQBRIDGE_CHARTHOP_TOKEN: CHARTHOP_TOKEN,
      REQBRIDGE_LEVER_RATE: '3',
      REQBRIDGE_LEVER_BURST: '1',
    };
    core = await startCoreProcess(forks.options(s.dataDir, ['--no-sandbox'], env));
    const api = createInProcessClient(core.dispatch, core.events);
    const progress: RunProgress[] = [];
    const restarted: EventPayload<'app:core-restarted'>[] = [];
    api.on('run:progress', (p) => progress.push(p));
    api.on('app:core-restarted', (notice) => restarted.push(notice));
    const firstPid = core.ready.pid;

    const inFlight = api.invoke('sync:run', { profileId: s.profileId });
    await waitFor(() => (progress.some((p) => p.phase === 'applying' && p.done >= 2) ? true : undefined), 30_000, 'two applied records');
    process.kill(firstPid, 'SIGKILL');

    expect(await inFlight).toEqual({ ok: false, error: { code: 'core.restarted', message: CORE_RESTARTED_TEXT } });
    await waitFor(() => restarted[0], 20_000, 'app:core-restarted');
    expect(restarted[0]?.message).toMatch(/restarted.*marked interrupted/);
    expect(core.current()?.pid).not.toBe(firstPid);
    expect(forks.children).toHaveLength(2);
    const createdBefore = s.lever.control.state().requisitions.length;
    expect(createdBefore).toBeGreaterThanOrEqual(1);
    expect(createdBefore).toBeLessThan(JOBS);

    // Before any new run: the new process marked the killed run interrupted at its start.
    const [killed] = valueOf(await api.invoke('runs:list', { profileId: s.profileId }));
    expect(killed).toMatchObject({ status: 'failed', error: expect.stringContaining('Interrupted') });

    const rerun = valueOf(await api.invoke('sync:run', { profileId: s.profileId }));
    expect(rerun.status).toBe('succeeded');
    const reqs = s.lever.control.state().requisitions;
    expect(reqs).toHaveLength(JOBS);
    expect(new Set(reqs.map((r) => r.requisitionCode)).size).toBe(JOBS);
    // A second run has nothing left to write.
    expect(valueOf(await api.invoke('sync:run', { profileId: s.profileId })).counts).toMatchObject({ created: 0, updated: 0 });
  }, 90_000);

  it('a finished Sandbox run survives the kill: the restarted Sandbox has its writes, and the next run has nothing to do', async () => {
    forks = coreForks();
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    core = await startCoreProcess(forks.options(temp.path));
    const api = createInProcessClient(core.dispatch, core.events);
    const first = valueOf(await api.invoke('sync:run', { profileId: 'sandbox' }));
    expect(first).toMatchObject({ status: 'succeeded' });
    expect(first.counts.created).toBeGreaterThan(0);
    const firstPid = core.ready.pid;
    process.kill(firstPid, 'SIGKILL');
    await waitFor(() => (core?.current() && core.current()?.pid !== firstPid ? true : undefined), 20_000, 'the restarted process');
    const again = valueOf(await api.invoke('sync:run', { profileId: 'sandbox' }));
    expect(again).toMatchObject({ status: 'succeeded', counts: { created: 0, updated: 0, linked: 0, attention: 0 } });
  }, 60_000);

  it('stays down after more restarts than the bound allows, with a clear error for every call', async () => {
    const s = await syncScene(JOBS, cleanups);
    forks = coreForks();
    const options = forks.options(s.dataDir, ['--no-sandbox']);
    core = await startCoreProcess({ ...options, restartLimit: { max: 1, windowMs: 60_000 } });
    const api = createInProcessClient(core.dispatch, core.events);
    const stopped: EventPayload<'app:core-stopped'>[] = [];
    api.on('app:core-stopped', (notice) => stopped.push(notice));

    const first = core.ready.pid;
    process.kill(first, 'SIGKILL');
    const second = await waitFor(
      () => {
        const now = core?.current();
        return now && now.pid !== first ? now : undefined;
      },
      20_000,
      'the restarted process',
    );
    valueOf(await api.invoke('profiles:list', {}));
    process.kill(second.pid, 'SIGKILL');
    await waitFor(() => stopped[0], 20_000, 'app:core-stopped');
    expect(stopped[0]?.message).toMatch(/not started again\. Quit ReqBridge and start it again/);
    expect(await api.invoke('profiles:list', {})).toMatchObject({
      ok: false,
      error: { code: 'core.stopped', message: stopped[0]?.message },
    });
    expect(forks.children).toHaveLength(2);
  }, 60_000);
});
