/**
 * Everything that runs without a click: Run Daily for every profile that has
 * it (candidate metrics and the new-hire catch-up always; the inbound flow for
 * Lever-as-truth profiles; a reconciliation, applied with the engine's safety
 * stop, when Reconciliation is on), and Sync On Change watchers for outbound
 * profiles. Runs of one profile and direction never overlap: triggers coalesce.
 */
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import type { Logger } from '../logging/logger.ts';
import type { ProfilesRepository } from '../settings/profiles-repository.ts';
import type { StateDbs } from '../state/state-db.ts';
import type { ChangeWatcher, FeedEvent } from './change-watcher.ts';
import { createChangeWatcher } from './change-watcher.ts';
import { createCoalescer } from './coalescer.ts';
import type { DailyReason, DailyScheduler, NextRun } from './daily-scheduler.ts';
import { createDailyScheduler } from './daily-scheduler.ts';
import { isDailyRunDue, localDay } from './daily-time.ts';
import type { SchedulerClock } from './timers.ts';

/** The work the scheduler starts; each is the same call a button makes. */
export interface ScheduledJobs {
  /** Pull candidate metrics into ChartHop. */
  metrics(profileId: string): Promise<unknown>;
  /** Poll Lever for hires missed while the laptop was closed. */
  hiresCatchUp(profileId: string): Promise<unknown>;
  /** A run of the profile's direction (`jobIds` limits an outbound run to those jobs). */
  sync(profileId: string, options: { trigger: 'schedule' | 'change'; jobIds?: string[] }): Promise<unknown>;
  /** A reconciliation applied directly (the engine stops past its safety limit). */
  reconcile(profileId: string, options: { trigger: 'schedule' }): Promise<unknown>;
  /** ChartHop's events feed from a timestamp, for Sync On Change. */
  readEvents(profileId: string, from: number): AsyncIterable<FeedEvent>;
}

/** The running scheduler of every profile. */
export interface ScheduleService {
  start(): void;
  stop(): void;
  /** After the computer wakes: missed daily runs once, timers re-armed. */
  resume(): void;
  /** Settings changed: re-read schedules and watchers. */
  refresh(): void;
  setPaused(paused: boolean): void;
  isPaused(): boolean;
  nextRuns(): NextRun[];
  /** Run the daily work of a profile now (also what the schedule calls). */
  runDaily(profileId: string, reason: DailyReason | 'manual'): Promise<DailyOutcome>;
  /**
   * For hosts without a timer (`reqbridge daily` under cron): run, and wait for, the daily work of
   * each Run Daily profile (or `only`) whose run today is due and not done; `force` ignores that.
   */
  runDue(options?: { only?: string; force?: boolean }): Promise<DailyOutcome[]>;
}

/** What a daily run did, step by step. */
export interface DailyOutcome {
  profileId: string;
  reason: DailyReason | 'manual';
  steps: Array<{ step: 'metrics' | 'hires' | 'inbound' | 'reconcile'; ok: boolean; error: string | null }>;
}

const LAST_DAILY = 'schedule.daily.lastRunDay';
const EVENTS_CURSOR = 'schedule.charthop.eventsCursor';

function readCursor(stateDbs: StateDbs, profileId: string, name: string): string | null {
  const row = stateDbs.forProfile(profileId).db.prepare('SELECT value FROM cursors WHERE name = ?').get(name) as { value: string } | undefined;
  return row?.value ?? null;
}

function writeCursor(stateDbs: StateDbs, profileId: string, name: string, value: string, now: Date): void {
  stateDbs
    .forProfile(profileId)
    .db.prepare('INSERT INTO cursors (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(name, value, now.toISOString());
}

/** True when a profile should watch ChartHop for changes (outbound with Sync On Change). */
export function watchesChanges(profile: ProfileSettings): boolean {
  return profile.options.syncOnChange && !profile.options.reverseSync && profile.sourceOfTruth === 'charthop';
}

/** Create the schedule service. */
export function createScheduleService(deps: {
  clock: SchedulerClock;
  settings: ProfilesRepository;
  stateDbs: StateDbs;
  jobs: ScheduledJobs;
  logger: Logger;
  pollIntervalMs?: number;
}): ScheduleService {
  const profiles = () => deps.settings.list().profiles.map((p) => deps.settings.get(p.id));
  // One run per profile and direction at a time. A change trigger carries job ids; a scheduled
  // run covers every job (null), and queued triggers merge into one run.
  const syncs = createCoalescer<unknown, { trigger: 'schedule' | 'change'; jobIds: Set<string> | null }>(
    (profileId, payload) =>
      deps.jobs.sync(profileId, payload?.jobIds ? { trigger: payload.trigger, jobIds: [...payload.jobIds].sort() } : { trigger: payload?.trigger ?? 'schedule' }),
    (queued, incoming) => {
      if (!queued) return incoming;
      if (!incoming) return queued;
      const jobIds = queued.jobIds && incoming.jobIds ? new Set([...queued.jobIds, ...incoming.jobIds]) : null;
      return { trigger: jobIds ? 'change' : 'schedule', jobIds };
    },
  );

  async function runDaily(profileId: string, reason: DailyReason | 'manual'): Promise<DailyOutcome> {
    const profile = deps.settings.get(profileId);
    const steps: DailyOutcome['steps'] = [];
    const step = async (name: DailyOutcome['steps'][number]['step'], work: () => Promise<unknown>) => {
      try {
        await work();
        steps.push({ step: name, ok: true, error: null });
      } catch (error) {
        deps.logger.error(`Daily run of ${profile.name}: ${name} failed`, error);
        steps.push({ step: name, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    };
    await step('metrics', () => deps.jobs.metrics(profileId));
    await step('hires', () => deps.jobs.hiresCatchUp(profileId));
    if (profile.sourceOfTruth === 'lever') await step('inbound', () => syncs.trigger(profileId, { trigger: 'schedule', jobIds: null }));
    if (profile.options.reconciliation && !profile.options.reverseSync) await step('reconcile', () => deps.jobs.reconcile(profileId, { trigger: 'schedule' }));
    return { profileId, reason, steps };
  }

  const daily: DailyScheduler = createDailyScheduler({
    clock: deps.clock,
    schedules: () => profiles().map((p) => ({ profileId: p.id, profileName: p.name, enabled: p.options.runDaily, time: p.dailyRunTime })),
    lastRun: {
      get: (profileId) => readCursor(deps.stateDbs, profileId, LAST_DAILY),
      set: (profileId, day) => writeCursor(deps.stateDbs, profileId, LAST_DAILY, day, deps.clock.now()),
    },
    runDaily,
    logger: deps.logger,
  });

  const watchers = new Map<string, ChangeWatcher>();
  let started = false;
  let paused = false;

  function syncWatchers(): void {
    const wanted = new Set(started && !paused ? profiles().filter(watchesChanges).map((p) => p.id) : []);
    for (const [profileId, watcher] of watchers) {
      if (!wanted.has(profileId)) {
        watcher.stop();
        watchers.delete(profileId);
      }
    }
    for (const profileId of wanted) {
      if (watchers.has(profileId)) continue;
      const watcher = createChangeWatcher({
        clock: deps.clock,
        readEvents: (from) => deps.jobs.readEvents(profileId, from),
        cursor: {
          get: () => {
            const value = readCursor(deps.stateDbs, profileId, EVENTS_CURSOR);
            return value === null ? null : Number(value);
          },
          set: (value) => writeCursor(deps.stateDbs, profileId, EVENTS_CURSOR, String(value), deps.clock.now()),
        },
        onJobsChanged: (jobIds) => syncs.trigger(profileId, { trigger: 'change', jobIds: new Set(jobIds) }),
        logger: deps.logger,
        ...(deps.pollIntervalMs ? { intervalMs: deps.pollIntervalMs } : {}),
      });
      watchers.set(profileId, watcher);
      watcher.start();
    }
  }

  return {
    start() {
      started = true;
      daily.start();
      syncWatchers();
    },
    stop() {
      started = false;
      daily.stop();
      syncWatchers();
    },
    resume() {
      daily.resume();
    },
    refresh() {
      daily.refresh();
      syncWatchers();
    },
    setPaused(value) {
      paused = value;
      daily.setPaused(value);
      syncWatchers();
    },
    isPaused: () => paused,
    nextRuns: () => daily.nextRuns(),
    runDaily,
    async runDue(options = {}) {
      const outcomes: DailyOutcome[] = [];
      const now = deps.clock.now();
      for (const profile of profiles()) {
        if (options.only && profile.id !== options.only) continue;
        if (!options.force && !(profile.options.runDaily && isDailyRunDue(now, profile.dailyRunTime, readCursor(deps.stateDbs, profile.id, LAST_DAILY)))) continue;
        writeCursor(deps.stateDbs, profile.id, LAST_DAILY, localDay(now), now);
        outcomes.push(await runDaily(profile.id, options.force ? 'manual' : 'catch-up'));
      }
      return outcomes;
    },
  };
}
