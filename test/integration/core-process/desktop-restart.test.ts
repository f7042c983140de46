// The desktop app's engine (the fake electron's utilityProcess.fork: a real process with Electron's parentPort,
// behind the UtilityProcess adapter) killed with a real SIGKILL in the middle of a run against fakes that outlive
// it: the call in flight answers the restart sentence, a new process takes over and says so, and the run that was
// going is marked interrupted by the new process before anything else runs.
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import { CORE_RESTARTED_TEXT } from '../../../src/main/core/process/core-process-client.ts';
import type { EventPayload } from '../../../src/shared/api/contract.ts';
import type { RunProgress } from '../../../src/shared/api/sync-views.ts';
import type { DesktopEngine } from '../../support/desktop-engine.ts';
import { startDesktopEngine } from '../../support/desktop-engine.ts';
import { valueOf } from '../../support/test-core.ts';
import { CHARTHOP_TOKEN, LEVER_KEY } from '../sync/seeds.ts';
import { syncScene, waitFor } from './support.ts';

let desktop: DesktopEngine | null = null;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  await desktop?.close();
  desktop = null;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the desktop app's engine process dies mid-run", () => {
  it('is restarted, says so, answers the call in flight, and the run that was going is marked interrupted', async () => {
    const s = await syncScene(12, cleanups);
    // Lever writes paced at 3 a second, so the kill lands with most of the creates still to go.
    const env = {
      REQBRIDGE_PROFILE: s.profileId,
      REQBRIDGE_LEVER_KEY: LEVER_KEY,
      REQBRIDGE_CHARTHOP_TOKEN: CHARTHOP_TOKEN,
      REQBRIDGE_LEVER_RATE: '3',
      REQBRIDGE_LEVER_BURST: '1',
    };
    desktop = await startDesktopEngine(s.dataDir, { env });
    const api = createInProcessClient(desktop.engine.dispatch, desktop.engine.events);
    const progress: RunProgress[] = [];
    const restarted: EventPayload<'app:core-restarted'>[] = [];
    api.on('run:progress', (p) => progress.push(p));
    api.on('app:core-restarted', (notice) => restarted.push(notice));

    const inFlight = api.invoke('sync:run', { profileId: s.profileId });
    await waitFor(() => (progress.some((p) => p.phase === 'applying' && p.done >= 2) ? true : undefined), 30_000, 'two applied records');
    const first = desktop.state.utilityForks[0]!.child;
    process.kill(first.pid!, 'SIGKILL');

    expect(await inFlight).toEqual({ ok: false, error: { code: 'core.restarted', message: CORE_RESTARTED_TEXT } });
    await waitFor(() => restarted[0], 20_000, 'app:core-restarted');
    expect(restarted[0]?.message).toMatch(/restarted.*marked interrupted/);
    expect(desktop.state.utilityForks).toHaveLength(2);
    expect(desktop.state.utilityForks[1]?.args).toEqual(desktop.state.utilityForks[0]?.args);
    const [killed] = valueOf(await api.invoke('runs:list', { profileId: s.profileId }));
    expect(killed).toMatchObject({ status: 'failed', error: expect.stringContaining('Interrupted') });
  }, 90_000);
});
