// A profile id that is not (or no longer) a profile, as a stale window or a script may still send it:
// every new-hire operation answers that there is no such profile and does nothing else. No state
// database is created for it (a profile created later under that name would inherit its webhook
// secret and log), no catch-up is announced for it, and no empty hire list passes for an answer.
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatchUpFinished } from '../../../src/shared/api/hires-views.ts';
import { stateDbPath } from '../../../src/main/core/state/state-db.ts';
import type { HiresWorld } from './support.ts';
import { startHiresWorld } from './support.ts';

const GHOST = 'ghost';
const NO_PROFILE = { code: 'profiles.not_found', message: 'There is no profile "ghost". Pick one from the profile switcher or create it.' };

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

describe('a new-hire operation on a profile that does not exist', () => {
  it('is refused as an unknown profile, and leaves no database, listener or catch-up behind', async () => {
    const { api, core } = world.main;
    const finished: CatchUpFinished[] = [];
    api.on('catch-up:finished', (f) => finished.push(f));

    const answers = [
      await api.invoke('hires:list', { profileId: GHOST, limit: 10 }),
      await api.invoke('hires:replay', { profileId: GHOST, hireId: '1' }),
      await api.invoke('hires:job-match', { profileId: GHOST, hireId: '1' }),
      await api.invoke('hires:link-job', { profileId: GHOST, hireId: '1', jobId: 'job-1' }),
      await api.invoke('hires:catch-up', { profileId: GHOST }),
      await api.invoke('webhook:rotate-secret', { profileId: GHOST }),
      await api.invoke('webhook:test-delivery', { profileId: GHOST }),
    ];
    for (const answer of answers) expect(answer).toEqual({ ok: false, error: expect.objectContaining(NO_PROFILE) });
    const served = await core.hires.serve(GHOST).then(
      () => null,
      (e: unknown) => e as Error & { code: string },
    );
    expect({ code: served?.code, message: served?.message }).toEqual(NO_PROFILE);

    // Anything the refused calls had set off would have run by now.
    await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(stateDbPath(world.dataDir, GHOST))).toBe(false);
    expect(finished).toEqual([]);
  });
});
