import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src/shared/api/sync-views.ts';
import { AppError } from '../../../src/main/core/errors.ts';
import { createScheduleService } from '../../../src/main/core/schedule/schedule-service.ts';
import { createRunLog } from '../../../src/main/core/sync/run-log.ts';
import type { ScheduledJobs } from '../../../src/main/core/schedule/schedule-service.ts';
import type { FeedEvent } from '../../../src/main/core/schedule/change-watcher.ts';
import { createManualSchedulerClock } from '../../support/manual-scheduler-clock.ts';
import type { TestCore } from '../../support/test-core.ts';
import { startTestCore, valueOf } from '../../support/test-core.ts';

const HOUR = 3_600_000;
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const flush = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
};

let t: TestCore;
beforeEach(() => {
  t = startTestCore();
});
afterEach(() => t.dispose());

function recordingJobs(events: FeedEvent[] = []) {
  const calls: string[] = [];
  const jobs: ScheduledJobs = {
    metrics: async (id) => void calls.push(`metrics:${id}`),
    hiresFlowSetUp: async () => true,
    hiresCatchUp: async (id) => void calls.push(`hires:${id}`),
    sync: async (id, options) => void calls.push(`sync:${id}:${options.trigger}${options.jobIds ? `:${options.jobIds.join('+')}` : ''}`),
    reconcile: async (id) => void calls.push(`reconcile:${id}`),
    readEvents: async function* (_id, from) {
      yield* events.filter((e) => e.at >= from);
    },
  };
  return { jobs, calls };
}

/** The clock times at which the service read ChartHop's events feed. */
function recordReads(jobs: ScheduledJobs, clock: { now(): Date }): number[] {
  const reads: number[] = [];
  const readEvents = jobs.readEvents;
  jobs.readEvents = (id, from) => {
    reads.push(clock.now().getTime());
    return readEvents(id, from);
  };
  return reads;
}

describe('schedule service (fake clock, real settings and state files)', () => {
  it('Run Daily pulls metrics and runs the catch-up every morning; inbound profiles also sync; Reconciliation reconciles', async () => {
    const outbound = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    valueOf(
      await t.api.invoke('settings:update', { profileId: outbound.id, patch: { options: { runDaily: true, reconciliation: true } } }),
    );
    const inbound = valueOf(await t.api.invoke('profiles:create', { name: 'Globex' }));
    valueOf(
      await t.api.invoke('settings:update', {
        profileId: inbound.id,
        patch: { sourceOfTruth: 'lever', dailyRunTime: '07:00', options: { syncOnChange: false, runDaily: true, reverseSync: true } },
      }),
    );
    valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { options: { runDaily: false } } }));
    const clock = createManualSchedulerClock(new Date(2026, 2, 1, 0, 0));
    const { jobs, calls } = recordingJobs();
    const service = createScheduleService({
      clock,
      settings: t.core.service.deps.settings,
      stateDbs: t.core.service.deps.stateDbs,
      events: t.core.service.deps.events,
      redactor: t.core.service.deps.redactor,
      jobs,
      logger,
    });
    service.start();
    expect(service.nextRuns().map((n) => n.profileId)).toEqual(['acme', 'globex']);
    clock.advance(24 * HOUR);
    await flush();
    const of = (id: string) => calls.filter((c) => c.split(':')[1] === id);
    expect(of('acme')).toEqual(['reconcile:acme', 'hires:acme', 'metrics:acme']);
    expect(of('globex')).toEqual(['sync:globex:schedule', 'hires:globex', 'metrics:globex']);
    clock.advance(24 * HOUR);
    await flush();
    expect(calls).toHaveLength(12);
    service.stop();
  });

  it('a restart the same day does not repeat the daily run (the last run day is persisted)', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { options: { runDaily: true } } }));
    valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { options: { runDaily: false } } }));
    const clock = createManualSchedulerClock(new Date(2026, 2, 1, 5, 0));
    const first = recordingJobs();
    const a = createScheduleService({
      clock,
      settings: t.core.service.deps.settings,
      stateDbs: t.core.service.deps.stateDbs,
      events: t.core.service.deps.events,
      redactor: t.core.service.deps.redactor,
      jobs: first.jobs,
      logger,
    });
    a.start();
    clock.advance(4 * HOUR); // the 06:00 run happens
    await flush();
    expect(first.calls).toEqual(['hires:acme', 'metrics:acme']);
    a.stop();
    const second = recordingJobs();
    const b = createScheduleService({
      clock,
      settings: t.core.service.deps.settings,
      stateDbs: t.core.service.deps.stateDbs,
      events: t.core.service.deps.events,
      redactor: t.core.service.deps.redactor,
      jobs: second.jobs,
      logger,
    });
    b.start();
    await flush();
    expect(second.calls).toEqual([]);
    b.stop();
  });

  it("a start after a missed morning runs the daily work once (last run day in the profile's state DB); a second start that day runs nothing", async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { options: { runDaily: true } } }));
    valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { options: { runDaily: false } } }));
    const deps = t.core.service.deps;
    deps.stateDbs
      .forProfile(acme.id)
      .db.prepare('INSERT INTO cursors (name, value, updated_at) VALUES (?, ?, ?)')
      .run('schedule.daily.lastRunDay', '2026-03-01', new Date(2026, 2, 1, 6, 0).toISOString());
    const make = (at: Date) => {
      const { jobs, calls } = recordingJobs();
      const service = createScheduleService({
        clock: createManualSchedulerClock(at),
        settings: deps.settings,
        stateDbs: deps.stateDbs,
        events: deps.events,
        redactor: deps.redactor,
        jobs,
        logger,
      });
      return { service, calls };
    };
    const first = make(new Date(2026, 2, 2, 11, 0));
    first.service.start();
    await flush();
    expect(first.calls).toEqual(['hires:acme', 'metrics:acme']);
    first.service.stop();
    const second = make(new Date(2026, 2, 2, 16, 0));
    second.service.start();
    await flush();
    expect(second.calls).toEqual([]);
    second.service.stop();
  });

  it('Sync On Change watches outbound profiles only and runs the changed jobs; paused schedules watch nothing', async () => {
    valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { options: { runDaily: false, syncOnChange: true } } }));
    const inbound = valueOf(await t.api.invoke('profiles:create', { name: 'Inbound' }));
    valueOf(
      await t.api.invoke('settings:update', {
        profileId: inbound.id,
        patch: { sourceOfTruth: 'lever', options: { syncOnChange: false, reverseSync: true } },
      }),
    );
    const clock = createManualSchedulerClock(new Date(2026, 2, 1, 12, 0));
    const events: FeedEvent[] = [];
    const { jobs, calls } = recordingJobs(events);
    const service = createScheduleService({
      clock,
      settings: t.core.service.deps.settings,
      stateDbs: t.core.service.deps.stateDbs,
      events: t.core.service.deps.events,
      redactor: t.core.service.deps.redactor,
      jobs,
      logger,
      pollIntervalMs: 30_000,
    });
    service.start();
    clock.advance(30_000); // first poll sets the cursor at now
    await flush();
    events.push({ at: clock.now().getTime() + 1, code: 'job.update', entityType: 'job', entityId: 'job-7' });
    clock.advance(60_000);
    await flush();
    expect(calls).toEqual(['sync:sandbox:change:job-7']);
    service.setPaused(true);
    events.push({ at: clock.now().getTime() + 1, code: 'job.update', entityType: 'job', entityId: 'job-8' });
    clock.advance(10 * 60_000);
    await flush();
    expect(calls).toHaveLength(1);
    service.stop();
  });
});

describe("Sync On Change interval (the profile's syncOnChangeIntervalSeconds)", () => {
  it('with 45 s the first poll comes at 45 s, not 30 s; a new interval takes effect without a restart', async () => {
    valueOf(
      await t.api.invoke('settings:update', {
        profileId: 'sandbox',
        patch: { options: { runDaily: false, syncOnChange: true }, syncOnChangeIntervalSeconds: 45 },
      }),
    );
    const deps = t.core.service.deps;
    const clock = createManualSchedulerClock(new Date(2026, 2, 1, 12, 0));
    // A cursor kept from an earlier session, and a change after it: every poll reads the feed.
    deps.stateDbs
      .forProfile('sandbox')
      .db.prepare('INSERT INTO cursors (name, value, updated_at) VALUES (?, ?, ?)')
      .run('schedule.charthop.eventsCursor', String(clock.now().getTime() - 1000), clock.now().toISOString());
    const events: FeedEvent[] = [{ at: clock.now().getTime() - 500, code: 'job.update', entityType: 'job', entityId: 'job-1' }];
    const { jobs, calls } = recordingJobs(events);
    const reads = recordReads(jobs, clock);
    const start = clock.now().getTime();
    const service = createScheduleService({
      clock,
      settings: deps.settings,
      stateDbs: deps.stateDbs,
      events: deps.events,
      redactor: deps.redactor,
      jobs,
      logger,
    });
    service.start();
    clock.advance(30_000);
    await flush();
    expect(reads).toEqual([]);
    expect(calls).toEqual([]);
    clock.advance(15_000);
    await flush();
    expect(reads).toEqual([start + 45_000]);
    expect(calls).toEqual(['sync:sandbox:change:job-1']);

    // 20 s from now on: the host calls refresh() on settings:changed; the watcher restarts with it.
    valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { syncOnChangeIntervalSeconds: 20 } }));
    service.refresh();
    const changedAt = clock.now().getTime();
    events.push({ at: clock.now().getTime() + 1, code: 'job.update', entityType: 'job', entityId: 'job-2' });
    clock.advance(20_000);
    await flush();
    expect(reads).toEqual([start + 45_000, changedAt + 20_000]);
    expect(calls).toEqual(['sync:sandbox:change:job-1', 'sync:sandbox:change:job-2']);
    service.stop();
  });

  it('an interval longer than the idle cap is kept while nothing changes (never polled more often than asked)', async () => {
    valueOf(
      await t.api.invoke('settings:update', {
        profileId: 'sandbox',
        patch: { options: { runDaily: false, syncOnChange: true }, syncOnChangeIntervalSeconds: 600 },
      }),
    );
    const deps = t.core.service.deps;
    const clock = createManualSchedulerClock(new Date(2026, 2, 1, 12, 0));
    const { jobs } = recordingJobs();
    const reads = recordReads(jobs, clock);
    const start = clock.now().getTime();
    const service = createScheduleService({
      clock,
      settings: deps.settings,
      stateDbs: deps.stateDbs,
      events: deps.events,
      redactor: deps.redactor,
      jobs,
      logger,
    });
    service.start();
    for (let i = 0; i < 4; i += 1) {
      clock.advance(10 * 60_000);
      await flush();
    }
    // The first poll sets the cursor; the quiet ones after it stay 10 minutes apart.
    expect(reads).toEqual([start + 20 * 60_000, start + 30 * 60_000, start + 40 * 60_000]);
    service.stop();
  });
});

describe('trigger coalescing through the schedule service', () => {
  /** jobs.sync held open until the test releases it; every call is recorded. */
  function gatedSync(jobs: ScheduledJobs, calls: string[]) {
    const gates: Array<() => void> = [];
    jobs.sync = (id, options) => {
      calls.push(`sync:${id}:${options.trigger}${options.jobIds ? `:${options.jobIds.join('+')}` : ''}`);
      return new Promise<void>((resolve) => gates.push(resolve));
    };
    return {
      release: async () => {
        gates.shift()?.();
        await flush();
      },
      waiting: () => gates.length,
    };
  }

  it('three daily triggers fired together for one profile → one sync runs, one is queued, none dropped or duplicated', async () => {
    valueOf(
      await t.api.invoke('settings:update', {
        profileId: 'sandbox',
        patch: { options: { runDaily: false, syncOnChange: false, reconciliation: false } },
      }),
    );
    const globex = valueOf(await t.api.invoke('profiles:create', { name: 'Globex' }));
    valueOf(
      await t.api.invoke('settings:update', {
        profileId: globex.id,
        patch: { sourceOfTruth: 'lever', options: { syncOnChange: false, runDaily: true, reverseSync: true } },
      }),
    );
    const deps = t.core.service.deps;
    const { jobs, calls } = recordingJobs();
    const gate = gatedSync(jobs, calls);
    const service = createScheduleService({
      clock: createManualSchedulerClock(new Date(2026, 2, 1, 12, 0)),
      settings: deps.settings,
      stateDbs: deps.stateDbs,
      events: deps.events,
      redactor: deps.redactor,
      jobs,
      logger,
    });
    // The timer's run, a catch-up on wake and a run asked for by hand, all at once.
    let settled = 0;
    const outcomes = [
      service.runDaily(globex.id, 'scheduled'),
      service.runDaily(globex.id, 'catch-up'),
      service.runDaily(globex.id, 'manual'),
    ].map((p) => p.finally(() => void (settled += 1)));
    await flush();
    expect(calls.filter((c) => c.startsWith('sync:'))).toEqual(['sync:globex:schedule']);
    expect(gate.waiting()).toBe(1);
    await gate.release(); // the first run ends; the one queued run starts
    expect(calls.filter((c) => c.startsWith('sync:'))).toEqual(['sync:globex:schedule', 'sync:globex:schedule']);
    expect(settled).toBe(1);
    await gate.release();
    const done = await Promise.all(outcomes);
    expect(settled).toBe(3);
    expect(done.map((o) => o.steps.map((s) => `${s.step}:${s.ok}`))).toEqual(Array(3).fill(['inbound:true', 'hires:true', 'metrics:true']));
    expect(calls.filter((c) => c.startsWith('sync:'))).toHaveLength(2);
  });

  it('changes that arrive during a change run are taken by one run after it, with every changed job', async () => {
    valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { options: { runDaily: false, syncOnChange: true } } }));
    const deps = t.core.service.deps;
    const clock = createManualSchedulerClock(new Date(2026, 2, 1, 12, 0));
    const events: FeedEvent[] = [];
    const { jobs, calls } = recordingJobs(events);
    const gate = gatedSync(jobs, calls);
    const service = createScheduleService({
      clock,
      settings: deps.settings,
      stateDbs: deps.stateDbs,
      events: deps.events,
      redactor: deps.redactor,
      jobs,
      logger,
      pollIntervalMs: 30_000,
    });
    service.start();
    clock.advance(30_000); // the first poll sets the cursor
    await flush();
    events.push({ at: clock.now().getTime() + 1, code: 'job.update', entityType: 'job', entityId: 'job-1' });
    clock.advance(30_000);
    await flush();
    expect(calls).toEqual(['sync:sandbox:change:job-1']);
    // Two more edits while that run is going, and several intervals pass: nothing is stacked.
    events.push({ at: clock.now().getTime() + 2, code: 'job.update', entityType: 'job', entityId: 'job-3' });
    events.push({ at: clock.now().getTime() + 3, code: 'job.update', entityType: 'job', entityId: 'job-2' });
    clock.advance(5 * 60_000);
    await flush();
    expect(calls).toEqual(['sync:sandbox:change:job-1']);
    await gate.release();
    clock.advance(30_000);
    await flush();
    expect(calls).toEqual(['sync:sandbox:change:job-1', 'sync:sandbox:change:job-2+job-3']);
    await gate.release();
    clock.advance(5 * 60_000);
    await flush();
    expect(calls).toHaveLength(2);
    service.stop();
  });
});

describe('daily step failures (fake jobs, real run log)', () => {
  it('records each failure once, redacted, with run:finished; a step that recorded its own run before throwing is not recorded again', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { options: { runDaily: true, reconciliation: true } } }));
    const deps = t.core.service.deps;
    const secret = 'lever-key-that-must-never-be-logged';
    deps.redactor.addSecret(secret);
    const finished: RunSummary[] = [];
    const stop = deps.events.on('run:finished', (run) => void finished.push(run));
    const { jobs } = recordingJobs();
    jobs.metrics = async (id) => {
      const log = createRunLog(deps.stateDbs.forProfile(id), id, deps.redactor.redact);
      const runId = log.start('schedule', 'metrics', new Date());
      log.finish(runId, { status: 'failed', at: new Date(), error: 'Metrics failed; see the items.' });
      throw new AppError('metrics.after_recording', 'thrown after the run was recorded');
    };
    jobs.hiresCatchUp = async () => {
      throw new AppError('lever.unauthorized', `Lever rejected the key ${secret}. Paste a valid key in Setup → Connect.`);
    };
    jobs.reconcile = async () => {
      throw new Error(`socket hang up while sending ${secret}`);
    };
    const service = createScheduleService({
      clock: createManualSchedulerClock(new Date(2026, 2, 1, 7, 0)),
      settings: deps.settings,
      stateDbs: deps.stateDbs,
      events: deps.events,
      redactor: deps.redactor,
      jobs,
      logger,
    });
    const [outcome] = await service.runDue({ only: acme.id, force: true });
    stop();

    expect(outcome?.steps.map((s) => `${s.step}:${s.ok}`)).toEqual(['reconcile:false', 'hires:false', 'metrics:false']);
    const runs = valueOf(await t.api.invoke('runs:list', { profileId: acme.id, limit: 10 }));
    expect(runs.map((r) => `${r.direction}:${r.trigger}:${r.status}`)).toEqual([
      'metrics:schedule:failed',
      'hires:schedule:failed',
      'reconcile:schedule:failed',
    ]);
    expect(runs.find((r) => r.direction === 'metrics')?.error).toBe('Metrics failed; see the items.');
    const hires = runs.find((r) => r.direction === 'hires');
    expect(hires?.error).toBe(
      'The daily run could not catch up new hires: Lever rejected the key [redacted]. Paste a valid key in Setup → Connect.',
    );
    expect(runs.find((r) => r.direction === 'reconcile')?.error).toMatch(
      /^The daily run could not reconcile ChartHop → Lever: Something went wrong inside ReqBridge; the details are in the log/,
    );
    expect(JSON.stringify([runs, outcome])).not.toContain(secret);
    expect(finished.map((r) => r.direction)).toEqual(['reconcile', 'hires']);
  });
});

describe('runDue (reqbridge daily under cron)', () => {
  it('runs each due Run Daily profile once and waits for it; a second call runs nothing; --force runs anyway', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    valueOf(await t.api.invoke('settings:update', { profileId: acme.id, patch: { options: { runDaily: true } } }));
    valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { options: { runDaily: false } } }));
    const clock = createManualSchedulerClock(new Date(2026, 2, 1, 7, 0));
    const { jobs, calls } = recordingJobs();
    const service = createScheduleService({
      clock,
      settings: t.core.service.deps.settings,
      stateDbs: t.core.service.deps.stateDbs,
      events: t.core.service.deps.events,
      redactor: t.core.service.deps.redactor,
      jobs,
      logger,
    });
    const first = await service.runDue();
    expect(first.map((o) => [o.profileId, o.steps.map((s) => s.step)])).toEqual([['acme', ['hires', 'metrics']]]);
    expect(await service.runDue()).toEqual([]);
    expect(calls).toEqual(['hires:acme', 'metrics:acme']);
    const forced = await service.runDue({ only: 'sandbox', force: true });
    expect(forced.map((o) => o.profileId)).toEqual(['sandbox']);
  });
});
