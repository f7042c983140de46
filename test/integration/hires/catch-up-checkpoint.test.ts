// Where a catch-up looks and what it tells the log, through the real service against the fake Lever:
// the first poll looks back 30 days, the next from the newest hire found minus an hour of overlap, a poll
// that finds nothing leaves no checkpoint; a listing that holds more than hires (Lever not applying its
// archive-reason filter) yields only the hires; confidential hires are read when the key may, and a key that
// may not gets a warning and the others; any other Lever refusal fails the catch-up; a slow listing
// reports what it read so far; and a cancel says how far it got.
import { afterEach, describe, expect, it } from 'vitest';
import type { CatchUpProgress } from '../../../src/shared/api/hires-views.ts';
import { valueOf } from '../../support/test-core.ts';
import { catchUp, catchUpLog, hiredSince, openOtherProcess } from './catch-up-world.ts';
import type { HiresWorld } from './support.ts';
import { editOpportunity, NOW, PROFILE, startHiresWorld } from './support.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
let world: HiresWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The time in the summary line `Catch-up: N hired since <ISO>, M processed`. */
function sinceOf(line: string | undefined): number {
  const iso = /^Catch-up: \d+ hired since (\S+), \d+ processed$/.exec(line ?? '')?.[1];
  return iso ? Date.parse(iso) : Number.NaN;
}

/** Records the catch-up progress of the profile's phase `phase`. */
function progressOf(w: HiresWorld, phase: CatchUpProgress['phase']): CatchUpProgress[] {
  const seen: CatchUpProgress[] = [];
  w.main.api.on('catch-up:progress', (p) => {
    if (p.phase === phase) seen.push(p);
  });
  return seen;
}

describe('the catch-up checkpoint', () => {
  it('looks back 30 days first, then from the newest hire found minus an hour, re-finding only that overlap', async () => {
    world = await startHiresWorld();
    const finds = hiredSince(world, NOW - 30 * DAY);
    const started = world.clock.now();
    const first = await catchUp(world);
    const ended = world.clock.now();
    expect(first).toMatchObject({ found: finds.length, processed: finds.length, cancelled: false });
    const firstLine = catchUpLog(world).at(-1);
    expect(firstLine).toBe(
      `Catch-up: ${finds.length} hired since ${new Date(sinceOf(firstLine)).toISOString()}, ${finds.length} processed`,
    );
    expect(sinceOf(firstLine)).toBeGreaterThanOrEqual(started - 30 * DAY);
    expect(sinceOf(firstLine)).toBeLessThanOrEqual(ended - 30 * DAY);

    const newest = Math.max(...finds.map((f) => f.archivedAt));
    const overlap = hiredSince(world, newest - HOUR);
    const second = await catchUp(world);
    expect(second).toEqual({ found: overlap.length, processed: 0, decisions: {}, cancelled: false });
    expect(catchUpLog(world).at(-1)).toBe(`Catch-up: ${overlap.length} hired since ${new Date(newest - HOUR).toISOString()}, 0 processed`);
  });

  it('a poll that finds nothing sets no checkpoint: the next one looks back the whole window again', async () => {
    world = await startHiresWorld({ hires: { catchUp: { lookbackDays: 0 } } });
    const started = world.clock.now();
    expect(await catchUp(world)).toEqual({ found: 0, processed: 0, decisions: {}, cancelled: false });
    expect(await catchUp(world)).toEqual({ found: 0, processed: 0, decisions: {}, cancelled: false });
    const lines = catchUpLog(world);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toBe(`Catch-up: 0 hired since ${new Date(sinceOf(line)).toISOString()}, 0 processed`);
      expect(sinceOf(line)).toBeGreaterThanOrEqual(started);
    }
  });
});

describe('reading Lever', () => {
  it('reads confidential hires when the key may', async () => {
    world = await startHiresWorld();
    const finds = hiredSince(world, NOW - 30 * DAY);
    editOpportunity(world.sandbox, world.sandbox.facts.hires.toProcess[0]!, (o) => {
      o.confidentiality = 'confidential';
    });
    expect(await catchUp(world)).toMatchObject({ found: finds.length, processed: finds.length, cancelled: false });
  });

  it('with a key without confidential access: warns, and catches up the non-confidential hires', async () => {
    world = await startHiresWorld();
    const finds = hiredSince(world, NOW - 30 * DAY);
    editOpportunity(world.sandbox, world.sandbox.facts.hires.toProcess[0]!, (o) => {
      o.confidentiality = 'confidential';
    });
    const key = world.sandbox.credentials.leverKeys.noConfidential;
    valueOf(await world.main.api.invoke('secrets:set', { profileId: PROFILE, name: 'leverApiKey', value: key }));
    const confidential = new Set(
      world.sandbox.control.lever
        .state()
        .opportunities.filter((o) => o.confidentiality === 'confidential')
        .map((o) => o.id),
    );
    const readable = finds.filter((f) => !confidential.has(f.id)).length;
    expect(readable).toBeLessThan(finds.length);
    expect(await catchUp(world)).toMatchObject({ found: readable, processed: readable, cancelled: false });
    const warning = world.main.logs.find((r) => r.level === 'warn' && r.message.startsWith('The Lever key cannot read'));
    expect(warning?.message).toMatch(
      /^The Lever key cannot read confidential candidates; catch-up covers non-confidential hires only \S+Error: .+$/,
    );
  });

  it('any other refusal of the listing fails the catch-up instead of reading less', async () => {
    world = await startHiresWorld();
    world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities', times: 1, action: { kind: 'status', status: 401 } });
    const envelope = await world.main.api.invoke('hires:catch-up', { profileId: PROFILE });
    expect(envelope.ok).toBe(false);
    expect(world.main.logs.some((r) => r.message.startsWith('The Lever key cannot read'))).toBe(false);
  });

  it('takes only opportunities archived with a hired reason, even when Lever lists others', async () => {
    world = await startHiresWorld();
    const lever = world.sandbox.lever.url;
    const auth = `Basic ${Buffer.from(`${world.sandbox.credentials.leverKeys.full}:`).toString('base64')}`;
    // Every opportunity, archived or not, as Lever renders them: what a Lever ignoring the filter would answer.
    const everything = (await (
      await fetch(`${lever}/opportunities?limit=100&confidentiality=all`, { headers: { authorization: auth } })
    ).json()) as { data: Array<{ id: string }> };
    const state = world.sandbox.control.lever.state();
    const hiredReasons = new Set(state.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
    const listed = new Set(everything.data.map((o) => o.id));
    const hires = state.opportunities.filter((o) => listed.has(o.id) && o.archived !== null && hiredReasons.has(o.archived.reason));
    const others = state.opportunities.filter((o) => listed.has(o.id) && !hires.includes(o));
    expect(others.some((o) => o.archived === null)).toBe(true);
    expect(others.some((o) => o.archived !== null)).toBe(true);
    world.sandbox.control.lever.setFault({
      method: 'GET',
      path: '/v1/opportunities',
      times: 1,
      action: { kind: 'status', status: 200, body: { data: everything.data, hasNext: false } },
    });
    const other = openOtherProcess(world);
    try {
      expect(await catchUp(world)).toMatchObject({ found: hires.length, processed: hires.length, cancelled: false });
      expect(others.filter((o) => other.inbox.forOpportunity(o.id).length > 0).map((o) => o.id)).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('a slow listing reports how many hires were read so far', async () => {
    world = await startHiresWorld();
    world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities', times: 1, action: { kind: 'delay', ms: 400 } });
    const reading = progressOf(world, 'reading');
    await catchUp(world);
    expect(reading.map((p) => [p.done, p.total])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('reads nothing when Lever has no hired archive reason', async () => {
    world = await startHiresWorld();
    const state = world.sandbox.control.lever.state();
    state.archiveReasons = state.archiveReasons.map((r) => ({ ...r, type: 'non-hired' as const }));
    world.sandbox.control.lever.seed(state);
    world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities', times: 1, action: { kind: 'delay', ms: 400 } });
    const reading = progressOf(world, 'reading');
    expect(await catchUp(world)).toEqual({ found: 0, processed: 0, decisions: {}, cancelled: false });
    expect(reading.map((p) => [p.done, p.total])).toEqual([[0, 0]]);
  });
});

describe('a cancelled catch-up tells the log how far it got', () => {
  it('cancelled before the first hire', async () => {
    world = await startHiresWorld();
    const w = world;
    const finds = hiredSince(w, NOW - 30 * DAY);
    w.main.api.on('catch-up:progress', (p) => {
      if (p.phase === 'processing' && p.done === 0) void w.main.api.invoke('hires:cancel-catch-up', { profileId: PROFILE });
    });
    expect(await catchUp(w)).toEqual({ found: finds.length, processed: 0, decisions: {}, cancelled: true });
    expect(catchUpLog(w)).toEqual([`Catch-up cancelled after 0 of ${finds.length} hires; the others are found again by the next catch-up`]);
  });

  it('cancelled while reading Lever', async () => {
    world = await startHiresWorld();
    const w = world;
    w.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities', times: 1, action: { kind: 'delay', ms: 1500 } });
    w.main.api.on('catch-up:progress', (p) => {
      if (p.phase === 'reading') void w.main.api.invoke('hires:cancel-catch-up', { profileId: PROFILE });
    });
    expect(await catchUp(w)).toEqual({ found: 0, processed: 0, decisions: {}, cancelled: true });
    expect(catchUpLog(w)).toEqual(['Catch-up cancelled while reading Lever; nothing was processed']);
  });
});
