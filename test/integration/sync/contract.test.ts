// The sync contract through the real service (dispatcher, zod inputs, envelopes, events): the
// handlers are thin translations to the engine the service owns.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunProgress, RunSummary } from '../../../src/shared/api/sync-views.ts';
import { valueOf } from '../../support/test-core.ts';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { activeJobs, charthopSeed, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('sync contract', () => {
  it('plans, applies selected rows, runs, lists, gets and exports runs through the channels', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(4)), lever: leverSeed(), noLeverRateLimit: true });
    const { api } = world.test;
    const profileId = world.profileId;
    const finished: RunSummary[] = [];
    const phases = new Set<RunProgress['phase']>();
    api.on('run:finished', (s) => finished.push(s));
    api.on('run:progress', (p) => phases.add(p.phase));

    const plan = valueOf(await api.invoke('sync:plan', { profileId, mode: 'sync' }));
    expect(plan.counts.create).toBe(4);
    const applied = valueOf(await api.invoke('sync:apply', { profileId, planId: plan.planId, rowIds: [plan.rows[0]?.id ?? ''] }));
    expect(applied).toMatchObject({ trigger: 'manual', direction: 'outbound', status: 'succeeded', counts: { created: 1 } });
    expect(world.lever.control.state().requisitions).toHaveLength(1);

    const again = await api.invoke('sync:apply', { profileId, planId: plan.planId, rowIds: [] });
    expect(again).toEqual({
      ok: false,
      error: { code: 'sync.plan_expired', message: expect.stringContaining('Compute the plan again'), details: { at: expect.any(String) } },
    });

    const run = valueOf(await api.invoke('sync:run', { profileId }));
    expect(run).toMatchObject({ trigger: 'manual', status: 'succeeded', counts: { created: 3 } });
    expect(finished.map((s) => s.id)).toEqual([applied.id, run.id]);
    expect([...phases]).toEqual(['reading', 'planning', 'applying', 'finishing']);

    const list = valueOf(await api.invoke('runs:list', { profileId, limit: 10 }));
    expect(list.map((r) => r.id)).toEqual([run.id, applied.id]);
    const detail = valueOf(await api.invoke('runs:get', { profileId, runId: run.id }));
    expect(detail.items).toHaveLength(3);
    const csv = valueOf(await api.invoke('runs:export', { profileId, runId: run.id, format: 'csv' }));
    expect(csv.content.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(await api.invoke('runs:get', { profileId, runId: 42 })).toMatchObject({ ok: false, error: { code: 'runs.not_found' } });
    expect(valueOf(await api.invoke('sync:cancel', { profileId }))).toEqual({ cancelled: false });
    expect(await api.invoke('sync:plan', { profileId, mode: 'sideways' } as never)).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_input' },
    });
  });

  it('refuses profiles that cannot run, with a sentence that says what to do', async () => {
    world = await startWorld({ charthop: charthopSeed([]), lever: leverSeed(), noLeverRateLimit: true });
    const { api } = world.test;
    // Saving Reverse Sync on a ChartHop-truth profile is refused, and nothing changes …
    expect(
      await api.invoke('settings:update', { profileId: world.profileId, patch: { options: { syncOnChange: false, reverseSync: true } } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'settings.direction_conflict',
        message: expect.stringContaining('Reverse Sync makes Lever the system of record, but ChartHop is the source of truth'),
      },
    });
    expect(valueOf(await api.invoke('settings:get', { profileId: world.profileId })).options.reverseSync).toBe(false);
    // … and a settings file that already holds the contradiction (an older version wrote it) loads, but cannot run.
    const file = join(world.test.dataDir, 'settings.json');
    const document = JSON.parse(readFileSync(file, 'utf8')) as { profiles: Record<string, { options: Record<string, boolean> }> };
    Object.assign(document.profiles[world.profileId]!.options, { syncOnChange: false, reverseSync: true });
    writeFileSync(file, JSON.stringify(document));
    expect(await api.invoke('sync:run', { profileId: world.profileId })).toEqual({
      ok: false,
      error: {
        code: 'sync.invalid_profile',
        message: expect.stringContaining('Reverse Sync makes Lever the system of record, but ChartHop is the source of truth'),
        details: { at: expect.any(String) },
      },
    });
    const bare = valueOf(await api.invoke('profiles:create', { name: 'No Keys' }));
    expect(await api.invoke('sync:plan', { profileId: bare.id, mode: 'sync' })).toMatchObject({
      ok: false,
      error: { code: 'sync.no_lever_key', message: expect.stringContaining('Setup → Connect') },
    });
    expect(await api.invoke('runs:list', { profileId: 'nobody', limit: 5 })).toMatchObject({
      ok: false,
      error: { code: 'profiles.not_found' },
    });
  });
});
