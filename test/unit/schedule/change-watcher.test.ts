import { describe, expect, it } from 'vitest';
import { NOT_CONNECTED, createChangeWatcher, jobOfEvent } from '../../../src/main/core/schedule/change-watcher.ts';
import type { FeedEvent } from '../../../src/main/core/schedule/change-watcher.ts';
import { createManualSchedulerClock } from '../../support/manual-scheduler-clock.ts';
import { AppError } from '../../../src/main/core/errors.ts';

const logger = { debug() {}, info() {}, warn() {}, error() {} };

function setup(events: FeedEvent[], options: { fail?: () => boolean; maxIdle?: number } = {}) {
  const clock = createManualSchedulerClock(new Date(1_000_000));
  let cursor: number | null = null;
  const handed: string[][] = [];
  const reads: number[] = [];
  const watcher = createChangeWatcher({
    clock,
    cursor: { get: () => cursor, set: (v) => void (cursor = v) },
    readEvents: async function* (from) {
      reads.push(from);
      if (options.fail?.()) throw new Error('ChartHop is down');
      yield* events.filter((e) => e.at >= from);
    },
    onJobsChanged: async (ids) => void handed.push(ids),
    logger,
    intervalMs: 30_000,
    maxIntervalMs: 240_000,
    maxIdleIntervalMs: options.maxIdle ?? 240_000,
    initialLookbackMs: 600_000,
  });
  return { clock, watcher, handed, reads, cursor: () => cursor };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('Sync On Change watcher', () => {
  it('reads only job events, hands each changed job once, and moves the cursor past them', async () => {
    const events: FeedEvent[] = [];
    const t = setup(events);
    await t.watcher.pollNow(); // first start: cursor set to now less the look-back, history not replayed
    expect(t.cursor()).toBe(1_000_000 - 600_000);
    events.push(
      { at: 1_000_100, code: 'job.update', entityType: 'job', entityId: 'j1' },
      { at: 1_000_200, code: 'change.create.update', entityType: 'change', entityId: 'c9', jobId: 'j1' },
      { at: 1_000_300, code: 'person.update', entityType: 'person', entityId: 'p1' },
      { at: 1_000_400, code: 'job.create', entityType: 'job', entityId: 'j2' },
    );
    expect(await t.watcher.pollNow()).toEqual(['j1', 'j2']);
    expect(t.handed).toEqual([['j1', 'j2']]);
    expect(t.cursor()).toBe(1_000_401);
    expect(await t.watcher.pollNow()).toEqual([]);
  });

  it('polls every interval, backs off while idle and on errors, and snaps back on a change', async () => {
    let failing = false;
    const events: FeedEvent[] = [];
    const t = setup(events, { fail: () => failing });
    await t.watcher.pollNow();
    t.watcher.start();
    t.clock.advance(30_000);
    await flush();
    expect(t.reads).toHaveLength(1);
    expect(t.watcher.currentInterval()).toBe(60_000);
    failing = true;
    t.clock.advance(60_000);
    await flush();
    expect(t.watcher.currentInterval()).toBe(120_000);
    t.clock.advance(120_000);
    await flush();
    expect(t.watcher.currentInterval()).toBe(240_000);
    failing = false;
    events.push({ at: t.clock.now().getTime(), code: 'job.update', entityType: 'job', entityId: 'j7' });
    t.clock.advance(240_000);
    await flush();
    expect(t.handed).toEqual([['j7']]);
    expect(t.watcher.currentInterval()).toBe(30_000);
    t.watcher.stop();
    t.clock.advance(10 * 240_000);
    await flush();
    expect(t.reads).toHaveLength(4);
  });

  it('backs off less while idle than on errors: quiet polls stop at the idle cap, failures go on to the error cap', async () => {
    let failing = false;
    const t = setup([], { fail: () => failing, maxIdle: 60_000 });
    await t.watcher.pollNow();
    t.watcher.start();
    for (const wait of [30_000, 60_000, 60_000]) {
      t.clock.advance(wait);
      await flush();
    }
    expect(t.watcher.currentInterval()).toBe(60_000);
    failing = true;
    for (const [wait, next] of [
      [60_000, 120_000],
      [120_000, 240_000],
      [240_000, 240_000],
    ] as const) {
      t.clock.advance(wait);
      await flush();
      expect(t.watcher.currentInterval()).toBe(next);
    }
    // ChartHop answers again: a quiet poll drops straight back to the idle cap.
    failing = false;
    t.clock.advance(240_000);
    await flush();
    expect(t.watcher.currentInterval()).toBe(60_000);
    t.watcher.stop();
  });

  it('keeps the cursor when the run fails, so the change is retried', async () => {
    const clock = createManualSchedulerClock(new Date(0));
    let cursor: number | null = 10;
    let attempts = 0;
    const watcher = createChangeWatcher({
      clock,
      cursor: { get: () => cursor, set: (v) => void (cursor = v) },
      readEvents: async function* () {
        yield { at: 20, code: 'job.update', entityType: 'job', entityId: 'j1' };
      },
      onJobsChanged: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('Lever unavailable');
      },
      logger,
    });
    await expect(watcher.pollNow()).rejects.toThrow('Lever unavailable');
    expect(cursor).toBe(10);
    expect(await watcher.pollNow()).toEqual(['j1']);
    expect(cursor).toBe(21);
  });

  it('recognises job events in their different shapes', () => {
    expect(jobOfEvent({ at: 1, jobId: 'a' })).toBe('a');
    expect(jobOfEvent({ at: 1, entityType: 'JOB', entityId: 'b' })).toBe('b');
    expect(jobOfEvent({ at: 1, code: 'job.delete', entityId: 'c' })).toBe('c');
    expect(jobOfEvent({ at: 1, code: 'person.create', entityType: 'person', entityId: 'p' })).toBeNull();
  });
});

describe('Sync On Change watcher of a profile not yet connected', () => {
  it('says once, at info level, that it waits for the token and org, warns on real failures, and says it again after a success', async () => {
    const said: { level: string; message: string }[] = [];
    const record = (level: string) => (message: string) => void said.push({ level, message });
    const clock = createManualSchedulerClock(new Date(1_000_000));
    let connected = false;
    let down = false;
    const watcher = createChangeWatcher({
      clock,
      cursor: { get: () => 0, set: () => undefined },
      readEvents: async function* () {
        if (!connected)
          throw new AppError(NOT_CONNECTED, 'Sync On Change for "Acme" needs the ChartHop token and org. Set them in Setup → Connect.');
        if (down) throw new Error('ChartHop is down');
        yield* [];
      },
      onJobsChanged: async () => undefined,
      logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
      intervalMs: 30_000,
      maxIntervalMs: 240_000,
      maxIdleIntervalMs: 240_000,
    });
    watcher.start();
    for (let i = 0; i < 4; i += 1) {
      clock.advance(watcher.currentInterval());
      await flush();
    }
    expect(said).toEqual([{ level: 'info', message: expect.stringContaining('needs the ChartHop token and org') }]);
    connected = true;
    down = true;
    clock.advance(watcher.currentInterval());
    await flush();
    expect(said.map((s) => s.level)).toEqual(['info', 'warn']);
    watcher.stop();
  });
});
