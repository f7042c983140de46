// Catch up now through the real service (the in-process contract client) against the sandbox's demo
// hires: `catch-up:progress` events in order — reading Lever, then hire N of M with an ETA once a few
// are processed — ending at the total, `catch-up:finished` last; and `hires:cancel-catch-up`, which stops
// between two hires (the one under way completes), leaves nothing queued or half-created, keeps the
// checkpoint, and lets the next catch-up finish the work.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatchUpFinished, CatchUpProgress, HireView } from '../../../src/shared/api/hires-views.ts';
import { CATCH_UP_ETA_AFTER } from '../../../src/main/core/hires/catch-up.ts';
import { valueOf } from '../../support/test-core.ts';
import type { HiresWorld } from './support.ts';
import { charthopCounts, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

/** Records the catch-up events of the profile, in arrival order. */
function listen(): { progress: CatchUpProgress[]; finished: CatchUpFinished[]; order: string[] } {
  const seen = { progress: [] as CatchUpProgress[], finished: [] as CatchUpFinished[], order: [] as string[] };
  world.main.api.on('catch-up:progress', (p) => {
    seen.progress.push(p);
    seen.order.push('progress');
  });
  world.main.api.on('catch-up:finished', (f) => {
    seen.finished.push(f);
    seen.order.push('finished');
  });
  return seen;
}

/** Every hire of the profile (newest first). */
async function hires(): Promise<HireView[]> {
  return valueOf(await world.main.api.invoke('hires:list', { profileId: PROFILE, limit: 1000 }));
}

/** Each hire ReqBridge says it created has its person and one active hire change in ChartHop: nothing half-done. */
function expectCreatedHiresComplete(views: HireView[]): void {
  const state = world.sandbox.control.charthop.state();
  for (const view of views.filter((v) => v.decision === 'created')) {
    expect(view.personId, view.opportunityId).toBeTruthy();
    expect(
      state.persons.filter((p) => p.id === view.personId),
      view.opportunityId,
    ).toHaveLength(1);
    expect(
      state.changes.filter((c) => c.type === 'HIRE' && c.status === 'ACTIVE' && c.personId === view.personId),
      view.opportunityId,
    ).toHaveLength(1);
  }
}

/** Slows each hire down (Lever's opportunity is re-read for every one) so a cancel lands between two of them. */
function slowEachHire(ms: number): void {
  world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities/:id', action: { kind: 'delay', ms } });
}

describe('catch-up progress', () => {
  it('reports reading, then processing hire N of M with an ETA after a few, ending at the total, then finished', async () => {
    slowEachHire(40);
    const seen = listen();
    const result = valueOf(await world.main.api.invoke('hires:catch-up', { profileId: PROFILE }));
    expect(result).toMatchObject({ cancelled: false });
    expect(result.found).toBeGreaterThanOrEqual(5);
    expect(result.processed).toBe(result.found);

    const { progress } = seen;
    expect(progress.every((p) => p.profileId === PROFILE)).toBe(true);
    // Phases in order: reading (with an unknown total), then processing.
    const phases = progress.map((p) => p.phase);
    const firstProcessing = phases.indexOf('processing');
    expect(phases[0]).toBe('reading');
    expect(firstProcessing).toBeGreaterThan(0);
    expect(phases.slice(firstProcessing).every((phase) => phase === 'processing')).toBe(true);
    expect(progress.slice(0, firstProcessing).every((p) => p.total === 0 && p.etaSeconds === null)).toBe(true);
    expect(progress[0]).toMatchObject({ done: 0, total: 0 });

    // Processing: hire N of M, never backwards, ending at M = every hire found.
    const processing = progress.slice(firstProcessing);
    expect(processing[0]).toMatchObject({ done: 0, total: result.found, etaSeconds: null, current: null });
    expect(processing.every((p) => p.total === result.found)).toBe(true);
    for (let i = 1; i < processing.length; i += 1) expect(processing[i]!.done).toBeGreaterThanOrEqual(processing[i - 1]!.done);
    expect(processing.at(-1)).toMatchObject({ done: result.found, total: result.found, etaSeconds: 0 });
    // The ETA waits for a few hires, then follows the pace.
    for (const p of processing.filter((e) => e.done < CATCH_UP_ETA_AFTER)) expect(p.etaSeconds).toBeNull();
    for (const p of processing.filter((e) => e.done >= CATCH_UP_ETA_AFTER)) expect(p.etaSeconds).toEqual(expect.any(Number));
    // A processed hire is named by its candidate.
    expect(processing.some((p) => typeof p.current === 'string' && p.current.length > 0)).toBe(true);

    // `catch-up:finished` comes last, with the same result.
    expect(seen.order.at(-1)).toBe('finished');
    expect(seen.finished).toEqual([{ profileId: PROFILE, result, error: null }]);
    expect((await hires()).every((h) => h.decision !== 'pending')).toBe(true);
  });

  it('counts each hire as it is decided, however fast they go: one event per hire, never behind the decisions in the list', async () => {
    const seen = listen();
    const decided = new Set<string>();
    const countsAtEvents: Array<{ done: number; decided: number }> = [];
    world.main.api.on('hire:received', (hire) => {
      if (hire.decision !== 'pending' && hire.opportunityId) decided.add(hire.opportunityId);
    });
    world.main.api.on('catch-up:progress', (p) => {
      if (p.phase === 'processing') countsAtEvents.push({ done: p.done, decided: decided.size });
    });
    const result = valueOf(await world.main.api.invoke('hires:catch-up', { profileId: PROFILE }));
    expect(result.found).toBeGreaterThanOrEqual(5);
    // Unthrottled while processing: 0, 1, 2, … up to every hire found, each once.
    const done = seen.progress.filter((p) => p.phase === 'processing').map((p) => p.done);
    expect(done).toEqual(Array.from({ length: result.found + 1 }, (_, n) => n));
    // Each count is sent once its hire's decision is out: the bar and the list agree.
    expect(countsAtEvents.map((c) => c.done)).toEqual(countsAtEvents.map((c) => c.decided));
  });

  it('a failed catch-up still ends with catch-up:finished, saying why', async () => {
    world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/archive_reasons', action: { kind: 'status', status: 401 } });
    const seen = listen();
    const envelope = await world.main.api.invoke('hires:catch-up', { profileId: PROFILE });
    expect(envelope.ok).toBe(false);
    expect(seen.finished).toHaveLength(1);
    expect(seen.finished[0]).toMatchObject({ profileId: PROFILE, result: null, error: expect.any(String) });
    expect(seen.order.at(-1)).toBe('finished');
  });
});

describe('cancelling a catch-up', () => {
  it('stops between two hires: the one under way completes, the rest are not queued, and the next catch-up finishes the work', async () => {
    slowEachHire(300);
    const before = charthopCounts(world.sandbox);
    const seen = listen();
    let cancelAnswer: Promise<{ cancelled: boolean }> | null = null;
    world.main.api.on('catch-up:progress', (p) => {
      if (p.phase === 'processing' && p.done >= 2 && !cancelAnswer)
        cancelAnswer = world.main.api.invoke('hires:cancel-catch-up', { profileId: PROFILE }).then(valueOf);
    });

    const first = valueOf(await world.main.api.invoke('hires:catch-up', { profileId: PROFILE }));
    expect(await cancelAnswer).toEqual({ cancelled: true });
    const total = seen.progress.filter((p) => p.phase === 'processing')[0]!.total;
    expect(first.cancelled).toBe(true);
    expect(first.found).toBe(total);
    // It stopped between hires: at least the two reported, at most one more (the one under way when asked), never all.
    expect(first.processed).toBeGreaterThanOrEqual(2);
    expect(first.processed).toBeLessThanOrEqual(3);
    expect(first.processed).toBeLessThan(total);
    const lastProcessing = seen.progress.filter((p) => p.phase === 'processing').at(-1)!;
    expect(lastProcessing.done).toBe(first.processed);
    expect(seen.finished).toEqual([{ profileId: PROFILE, result: first, error: null }]);

    // Exactly the processed hires are in the log, each decided; none queued or in progress; nothing half-created.
    const afterFirst = await hires();
    expect(afterFirst).toHaveLength(first.processed);
    expect(afterFirst.every((h) => h.source === 'catch-up' && h.decision !== 'pending' && h.decidedAt !== null)).toBe(true);
    expectCreatedHiresComplete(afterFirst);
    const created = afterFirst.filter((h) => h.decision === 'created').length;
    expect(Object.values(first.decisions).reduce((a, b) => a + (b ?? 0), 0)).toBe(first.processed);
    expect(first.decisions.created ?? 0).toBe(created);
    expect(charthopCounts(world.sandbox)).toMatchObject({ persons: before.persons + created, hires: before.hires + created });

    // No catch-up is running now: a second cancel says so.
    expect(valueOf(await world.main.api.invoke('hires:cancel-catch-up', { profileId: PROFILE }))).toEqual({ cancelled: false });

    // The checkpoint did not move: the next catch-up finds the same hires and processes exactly the rest.
    const second = valueOf(await world.main.api.invoke('hires:catch-up', { profileId: PROFILE }));
    expect(second).toMatchObject({ cancelled: false, found: first.found, processed: total - first.processed });
    const all = await hires();
    expect(all).toHaveLength(total);
    expect(new Set(all.map((h) => h.opportunityId)).size).toBe(total);
    expectCreatedHiresComplete(all);
    expect(
      all
        .filter((h) => h.decision === 'created')
        .map((h) => h.opportunityId)
        .sort(),
    ).toEqual([...world.sandbox.facts.hires.toProcess].sort());
    expect(charthopCounts(world.sandbox)).toMatchObject({
      persons: before.persons + world.sandbox.facts.hires.toProcess.length,
      hires: before.hires + world.sandbox.facts.hires.toProcess.length,
    });
  });

  it('while Lever is being read: the listing is dropped, nothing is queued or written', async () => {
    world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities', times: 1, action: { kind: 'delay', ms: 1500 } });
    const before = charthopCounts(world.sandbox);
    let cancelAnswer: Promise<{ cancelled: boolean }> | null = null;
    world.main.api.on('catch-up:progress', (p) => {
      if (p.phase === 'reading' && !cancelAnswer)
        cancelAnswer = world.main.api.invoke('hires:cancel-catch-up', { profileId: PROFILE }).then(valueOf);
    });
    const started = Date.now();
    const result = valueOf(await world.main.api.invoke('hires:catch-up', { profileId: PROFILE }));
    expect(await cancelAnswer).toEqual({ cancelled: true });
    expect(result).toEqual({ found: 0, processed: 0, decisions: {}, cancelled: true });
    // The slow listing was aborted, not waited for.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await hires()).toEqual([]);
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });
});
