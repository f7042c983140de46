// Runs: cancellation between records and while reading, one run per profile (in this process and
// across processes), progress and finish events, plan expiry, and CSV/JSON export of a run.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunProgress, RunSummary } from '../../../src/shared/api/sync-views.ts';
import type { JournalHooks } from '../../../src/main/core/sync/journal.ts';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { activeJobs, charthopSeed, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Hooks whose behaviour a test sets after the world (and its engine) exist. */
function lateHooks(): { hooks: JournalHooks; set(fn: NonNullable<JournalHooks['at']>): void } {
  let current: JournalHooks['at'];
  return { hooks: { at: (point, info) => current?.(point, info) }, set: (fn) => void (current = fn) };
}

describe('cancellation', () => {
  it('stops cleanly between records: the record in flight completes, the rest are recorded as cancelled, and the next run finishes the work', async () => {
    const late = lateHooks();
    world = await startWorld({ charthop: charthopSeed(activeJobs(10)), lever: leverSeed(), hooks: late.hooks });
    const w = world;
    late.set((point, info) => {
      if (point === 'after_planned' && info.index === 3) expect(w.engine.cancel(w.profileId)).toBe(true);
    });
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run).toMatchObject({
      status: 'cancelled',
      error: 'Cancelled: the records not yet written are listed as cancelled and are planned again next time.',
      counts: expect.objectContaining({ created: 4, failed: 0 }),
    });
    const items = w.engine.runs.get(w.profileId, run.id).items;
    expect(items.filter((i) => i.outcome === 'cancelled')).toHaveLength(6);
    // The run's counts name its cancelled records, in the summary and in the history.
    expect(run.counts.cancelled).toBe(6);
    expect(w.engine.runs.list(w.profileId, 1)[0]?.counts.cancelled).toBe(6);
    expect(items.find((i) => i.outcome === 'cancelled')?.error).toContain('cancelled');
    expect(w.lever.control.state().requisitions).toHaveLength(4);
    expect(w.engine.cancel(w.profileId)).toBe(false);

    late.set(() => undefined);
    const next = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(next.counts.created).toBe(6);
    expect(new Set(w.lever.control.state().requisitions.map((r) => r.requisitionCode)).size).toBe(10);
    expect(w.lever.control.state().requisitions).toHaveLength(10);
  });

  it('cancels while reading: nothing is written and the run says so', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(5)), lever: leverSeed() });
    const w = world;
    const stop = w.test.core.events.on('run:progress', (p) => {
      if (p.phase === 'reading') w.engine.cancel(w.profileId);
    });
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    stop();
    expect(run).toMatchObject({ status: 'cancelled', error: 'Cancelled before anything was written.' });
    expect(w.leverWrites()).toEqual([]);
  });
});

describe('one run per profile', () => {
  it('refuses a second run while one is going, with a clear error', async () => {
    const late = lateHooks();
    world = await startWorld({ charthop: charthopSeed(activeJobs(3)), lever: leverSeed(), hooks: late.hooks });
    const w = world;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const inside = new Promise<void>((resolve) => (reached = resolve));
    late.set(async (point, info) => {
      if (point === 'after_sent' && info.index === 0) {
        reached();
        await gate;
      }
    });
    const first = w.engine.run(w.profileId, { trigger: 'schedule' });
    await inside;
    expect(w.engine.isRunning(w.profileId)).toBe(true);
    await expect(w.engine.run(w.profileId, { trigger: 'manual' })).rejects.toMatchObject({
      code: 'sync.busy',
      message: expect.stringContaining('A sync run is already going for this profile'),
    });
    release();
    expect((await first).counts.created).toBe(3);
    expect(w.engine.isRunning(w.profileId)).toBe(false);
  });

  it('refuses while another live process holds the profile, and takes over the lock of a dead one', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed() });
    const meta = world.state().db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    meta.run('sync.run_lock', JSON.stringify({ pid: process.pid, owner: 'another-engine', at: '2026-01-05T09:00:00Z' }));
    await expect(world.engine.run(world.profileId, { trigger: 'cli' })).rejects.toMatchObject({
      code: 'sync.busy',
      message: expect.stringContaining('in another ReqBridge process'),
    });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    meta.run('sync.run_lock', JSON.stringify({ pid: dead, owner: 'crashed-engine', at: '2026-01-05T09:00:00Z' }));
    expect((await world.engine.run(world.profileId, { trigger: 'cli' })).status).toBe('succeeded');
    expect(world.state().db.prepare("SELECT value FROM meta WHERE key = 'sync.run_lock'").get()).toBeUndefined();
  });
});

describe('events, plans and exports', () => {
  it('reports progress by phase with done/total and an ETA, then run:finished with the summary', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(8)), lever: leverSeed() });
    const progress: RunProgress[] = [];
    const finished: RunSummary[] = [];
    world.test.core.events.on('run:progress', (p) => progress.push(p));
    world.test.core.events.on('run:finished', (s) => finished.push(s));
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['reading', 'planning', 'applying', 'finishing']);
    const applying = progress.filter((p) => p.phase === 'applying');
    expect(applying[0]).toMatchObject({ done: 0, total: 8, etaSeconds: null, runId: run.id, profileId: world.profileId });
    expect(applying.at(-1)).toMatchObject({ done: 8, total: 8, etaSeconds: 0 });
    expect(finished).toEqual([run]);
  });

  it('an expired or unknown plan asks to plan again', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed(), planTtlMs: 1 });
    const plan = await world.engine.plan(world.profileId, 'sync');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(world.engine.apply(world.profileId, plan.planId)).rejects.toMatchObject({
      code: 'sync.plan_expired',
      message: expect.stringContaining('Compute the plan again'),
    });
    await expect(world.engine.apply(world.profileId, 'no-such-plan')).rejects.toMatchObject({ code: 'sync.plan_expired' });
    expect(world.leverWrites()).toEqual([]);
  });

  it('exports a run as CSV (quoted, formulas defused) and as JSON with the items and record ids', async () => {
    const specs = activeJobs(3, (i) => ({ title: ['Engineer, Platform', 'Say "hi"', '=HYPERLINK("x")'][i] as string }));
    world = await startWorld({ charthop: charthopSeed(specs), lever: leverSeed() });
    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    const csv = world.engine.runs.export(world.profileId, run.id, 'csv');
    expect(csv).toMatchObject({ fileName: `reqbridge-${world.profileId}-run-${run.id}.csv`, mimeType: 'text/csv' });
    const lines = csv.content.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'run_id,trigger,direction,run_status,item_id,record_key,title,action,outcome,reason,reason_text,job_id,requisition_id,requisition_code,changes,error,warnings',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',"Engineer, Platform",create,applied,job_active_unlinked,');
    expect(lines[2]).toContain(',"Say ""hi""",create,');
    expect(lines[3]).toContain(`,"'=HYPERLINK(""x"")",create,`);
    expect(lines[1]).toContain('Title: (empty) → Engineer, Platform');

    const json = world.engine.runs.export(world.profileId, run.id, 'json');
    expect(json).toMatchObject({ fileName: `reqbridge-${world.profileId}-run-${run.id}.json`, mimeType: 'application/json' });
    const parsed = JSON.parse(json.content) as RunSummary & {
      items: Array<{ requisitionCode: string; jobId: string; requisitionId: string }>;
    };
    expect(parsed).toMatchObject({ id: run.id, status: 'succeeded', counts: run.counts });
    const reqIds = new Set(world.lever.control.state().requisitions.map((r) => r.id));
    expect(parsed.items.map((i) => i.requisitionCode)).toEqual(['ENG-0001', 'ENG-0002', 'ENG-0003']);
    expect(parsed.items.every((i) => i.jobId !== null && i.requisitionCode !== null)).toBe(true);
    expect(reqIds.size).toBe(3);
    expect(() => world!.engine.runs.get(world!.profileId, 999)).toThrow(/There is no run #999/);
  });
});
