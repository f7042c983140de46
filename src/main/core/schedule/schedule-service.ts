/**
 * Everything that runs without a click: Run Daily for every profile that has
 * it, in this order — the direction's sync (the inbound flow for Lever-as-truth
 * profiles; a reconciliation, applied with the engine's safety stop, when
 * Reconciliation is on), then the new-hire catch-up when the profile's new-hire
 * flow is set up, then candidate metrics always, so the day's metrics cover
 * what the day linked — and Sync On Change watchers for outbound profiles. Runs of one
 * profile and direction never overlap: triggers coalesce.
 *
 * No daily failure goes unseen: a step that fails before it recorded a run of
 * its own (a missing key, a locked keychain, a refused reconcile, a failed
 * catch-up) is recorded as a failed run of that step in the profile's run log,
 * with `run:finished`, as every run is — so the Home page, the tray and the
 * desktop notification show it.
 */
import type { RunSummary, SyncDirection } from '../../../shared/api/sync-views.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import type { EventBus } from '../api/event-bus.ts';
import { isAppError } from '../errors.ts';
import { NEW_HIRE_FLOW_NOT_SET_UP } from '../hires/flow-setup.ts';
import { errorDetailsOf, httpFailureBehind } from '../http/error-details.ts';
import type { Logger } from '../logging/logger.ts';
import type { Redactor } from '../logging/redactor.ts';
import type { ProfilesRepository } from '../settings/profiles-repository.ts';
import type { StateDbs } from '../state/state-db.ts';
import { createRunLog } from '../sync/run-log.ts';
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
  /** Whether the profile's new-hire flow is set up: the daily catch-up runs only then (`newHireFlowSetUp`). */
  hiresFlowSetUp(profileId: string): Promise<boolean>;
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
  /** When each watching profile's Sync On Change last read ChartHop's changes. */
  lastPolls(): Array<{ profileId: string; at: Date }>;
  /** Run the daily work of a profile now (also what the schedule calls). */
  runDaily(profileId: string, reason: DailyReason | 'manual'): Promise<DailyOutcome>;
  /**
   * For hosts without a timer (`reqbridge daily` under cron): run, and wait for, the daily work of
   * each Run Daily profile (or `only`) whose run today is due and not done; `force` ignores that.
   */
  runDue(options?: { only?: string; force?: boolean }): Promise<DailyOutcome[]>;
  /**
   * Resolves once the daily runs and change syncs under way are over. After `stop()`, a daily run
   * under way finishes its current step and skips the rest, so a host can stop cleanly.
   */
  settled(): Promise<void>;
}

/** Why a daily step did not run: the host stopped during the daily run. */
export const STOPPED_DURING_DAILY_RUN = 'ReqBridge was stopping during the daily run; this step runs with the next daily run.';

/** The steps of a daily run (run as: inbound or reconcile, hires, metrics). */
export type DailyStepName = 'metrics' | 'hires' | 'inbound' | 'reconcile';

/** One step of a daily run. */
export interface DailyStep {
  step: DailyStepName;
  /** False when the step threw or the run it recorded failed. */
  ok: boolean;
  /** Why it failed (as the run log says it), or null. */
  error: string | null;
  /** Why the step did not run (the catch-up of a profile whose new-hire flow is not set up), or null. */
  skipped: string | null;
}

/** What a daily run did, step by step. */
export interface DailyOutcome {
  profileId: string;
  reason: DailyReason | 'manual';
  steps: DailyStep[];
}

/** How the run log records each step's runs, and what the step does, for a failure's sentence. */
const STEP_RUNS: Record<DailyStepName, { direction: SyncDirection; doing: string }> = {
  metrics: { direction: 'metrics', doing: 'pull candidate metrics' },
  hires: { direction: 'hires', doing: 'catch up new hires' },
  inbound: { direction: 'inbound', doing: 'sync Lever → ChartHop' },
  reconcile: { direction: 'reconcile', doing: 'reconcile ChartHop → Lever' },
};

/** What a step's work returns when it did not run, with why. */
class StepSkipped {
  readonly why: string;
  constructor(why: string) {
    this.why = why;
  }
}

/** The sentence the run log keeps for a daily step that failed before recording a run of its own. */
function failureText(step: DailyStepName, error: unknown): string {
  const why = isAppError(error)
    ? error.message
    : 'Something went wrong inside ReqBridge; the details are in the log. Try again, and report it if it persists.';
  return `The daily run could not ${STEP_RUNS[step].doing}: ${why}`;
}

const LAST_DAILY = 'schedule.daily.lastRunDay';
const EVENTS_CURSOR = 'schedule.charthop.eventsCursor';

function readCursor(stateDbs: StateDbs, profileId: string, name: string): string | null {
  const row = stateDbs.forProfile(profileId).db.prepare('SELECT value FROM cursors WHERE name = ?').get(name) as
    { value: string } | undefined;
  return row?.value ?? null;
}

function writeCursor(stateDbs: StateDbs, profileId: string, name: string, value: string, now: Date): void {
  stateDbs
    .forProfile(profileId)
    .db.prepare(
      'INSERT INTO cursors (name, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    )
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
  /** Where a recorded failure's `run:finished` goes (notifications, Home, the tray). */
  events: Pick<EventBus, 'emit'>;
  /** Masks secrets in a failure before it is logged or stored. */
  redactor: Pick<Redactor, 'redact'>;
  /** Overrides every profile's `syncOnChangeIntervalSeconds` (tests); hosts leave it out. */
  pollIntervalMs?: number;
  /** Called after each Sync On Change poll that read ChartHop's changes (Home shows its time). */
  onPolled?: (profileId: string) => void;
}): ScheduleService {
  const profiles = () => deps.settings.list().profiles.map((p) => deps.settings.get(p.id));
  /** Daily runs and change syncs under way, for `settled()`. */
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    work.then(
      () => inFlight.delete(work),
      () => inFlight.delete(work),
    );
    return work;
  }
  // One run per profile and direction at a time. A change trigger carries job ids; a scheduled
  // run covers every job (null), and queued triggers merge into one run.
  const syncs = createCoalescer<unknown, { trigger: 'schedule' | 'change'; jobIds: Set<string> | null }>(
    (profileId, payload) =>
      track(
        deps.jobs.sync(
          profileId,
          payload?.jobIds ? { trigger: payload.trigger, jobIds: [...payload.jobIds].sort() } : { trigger: payload?.trigger ?? 'schedule' },
        ),
      ),
    (queued, incoming) => {
      if (!queued) return incoming;
      if (!incoming) return queued;
      const jobIds = queued.jobIds && incoming.jobIds ? new Set([...queued.jobIds, ...incoming.jobIds]) : null;
      return { trigger: jobIds ? 'change' : 'schedule', jobIds };
    },
  );

  function runDaily(profileId: string, reason: DailyReason | 'manual'): Promise<DailyOutcome> {
    return track(runDailyNow(profileId, reason));
  }

  async function runDailyNow(profileId: string, reason: DailyReason | 'manual'): Promise<DailyOutcome> {
    const profile = deps.settings.get(profileId);
    deps.logger.info(`Daily run of ${profile.name} (${reason}) started.`);
    const runLog = createRunLog(deps.stateDbs.forProfile(profileId), profileId, deps.redactor.redact);
    const steps: DailyStep[] = [];
    /** The step's own scheduled runs recorded after the run `mark` (the engine and the metrics job record theirs). */
    const ownRuns = (name: DailyStepName, mark: number): RunSummary[] =>
      runLog.after(mark).filter((r) => r.trigger === 'schedule' && r.direction === STEP_RUNS[name].direction);
    const step = async (name: DailyStepName, work: () => Promise<unknown>) => {
      if (stopping) {
        steps.push({ step: name, ok: true, error: null, skipped: STOPPED_DURING_DAILY_RUN });
        return;
      }
      const mark = runLog.lastId();
      try {
        const result = await work();
        if (result instanceof StepSkipped) {
          deps.logger.info(`Daily run of ${profile.name}: ${result.why}`);
          steps.push({ step: name, ok: true, error: null, skipped: result.why });
          return;
        }
        const failed = ownRuns(name, mark).find((r) => r.status === 'failed');
        steps.push({ step: name, ok: !failed, error: failed ? failed.error : null, skipped: null });
      } catch (error) {
        const message = deps.redactor.redact(failureText(name, error));
        deps.logger.error(`Daily run of ${profile.name}: ${name} failed`, error);
        // A step that recorded its own run before it threw is in the log already; record the others.
        if (ownRuns(name, mark).length === 0) {
          const errorDetails = httpFailureBehind(error)
            ? errorDetailsOf(error, deps.clock.now(), (text) => deps.redactor.redact(text))
            : null;
          const run = runLog.recordFailure('schedule', STEP_RUNS[name].direction, deps.clock.now(), message, errorDetails);
          deps.events.emit('run:finished', run);
        }
        steps.push({ step: name, ok: false, error: message, skipped: null });
      }
    };
    // The sync first: the jobs it links today get today's hires and metrics.
    if (profile.sourceOfTruth === 'lever') await step('inbound', () => syncs.trigger(profileId, { trigger: 'schedule', jobIds: null }));
    if (profile.options.reconciliation && !profile.options.reverseSync)
      await step('reconcile', () => deps.jobs.reconcile(profileId, { trigger: 'schedule' }));
    // As at app start, only when the new-hire flow is set up: the first catch-up looks back 30 days,
    // and a profile used only for requisitions must not get ChartHop people for old Lever hires.
    await step('hires', async () =>
      (await deps.jobs.hiresFlowSetUp(profileId)) ? deps.jobs.hiresCatchUp(profileId) : new StepSkipped(NEW_HIRE_FLOW_NOT_SET_UP),
    );
    await step('metrics', () => deps.jobs.metrics(profileId));
    const done = `Daily run of ${profile.name} (${reason}): ${steps.map((s) => `${s.step} ${s.skipped ? 'skipped' : s.ok ? 'done' : 'failed'}`).join(', ')}`;
    if (steps.every((s) => s.ok)) deps.logger.info(done);
    else
      deps.logger.warn(
        `${done}. ${steps
          .filter((s) => !s.ok)
          .map((s) => s.error)
          .join(' ')}`,
      );
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

  /** The running watchers, with the poll interval each was started with. */
  const watchers = new Map<string, { watcher: ChangeWatcher; intervalMs: number }>();
  let started = false;
  let paused = false;

  /** The profile's poll interval: its `syncOnChangeIntervalSeconds`, unless the host overrides it. */
  const intervalOf = (profile: ProfileSettings): number => deps.pollIntervalMs ?? profile.syncOnChangeIntervalSeconds * 1000;

  function syncWatchers(): void {
    const wanted = new Map(
      started && !paused
        ? profiles()
            .filter(watchesChanges)
            .map((p) => [p.id, intervalOf(p)] as const)
        : [],
    );
    for (const [profileId, running] of watchers) {
      // A changed interval takes effect at once: the watcher restarts with it (the cursor is kept).
      if (wanted.get(profileId) !== running.intervalMs) {
        running.watcher.stop();
        watchers.delete(profileId);
      }
    }
    for (const [profileId, intervalMs] of wanted) {
      if (watchers.has(profileId)) continue;
      const watcher = createChangeWatcher({
        clock: deps.clock,
        readEvents: (from) => deps.jobs.readEvents(profileId, from),
        cursor: {
          get: () => {
            const value = readCursor(deps.stateDbs, profileId, EVENTS_CURSOR);
            return value === null ? null : Number(value);
          },
          set: (value) => {
            writeCursor(deps.stateDbs, profileId, EVENTS_CURSOR, String(value), deps.clock.now());
            deps.onPolled?.(profileId);
          },
        },
        onJobsChanged: (jobIds) => syncs.trigger(profileId, { trigger: 'change', jobIds: new Set(jobIds) }),
        logger: deps.logger,
        intervalMs,
        // While nothing changes the polls stretch to 2 minutes, or stay at a longer interval.
        maxIdleIntervalMs: Math.max(intervalMs, 2 * 60_000),
      });
      watchers.set(profileId, { watcher, intervalMs });
      watcher.start();
    }
  }

  return {
    start() {
      started = true;
      stopping = false;
      daily.start();
      syncWatchers();
    },
    stop() {
      started = false;
      stopping = true;
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
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    nextRuns: () => daily.nextRuns(),
    lastPolls() {
      const polls: Array<{ profileId: string; at: Date }> = [];
      for (const profileId of watchers.keys()) {
        const row = deps.stateDbs.forProfile(profileId).db.prepare('SELECT updated_at FROM cursors WHERE name = ?').get(EVENTS_CURSOR) as
          { updated_at: string } | undefined;
        if (row) polls.push({ profileId, at: new Date(row.updated_at) });
      }
      return polls;
    },
    runDaily,
    async runDue(options = {}) {
      const outcomes: DailyOutcome[] = [];
      const now = deps.clock.now();
      for (const profile of profiles()) {
        if (options.only && profile.id !== options.only) continue;
        if (
          !options.force &&
          !(profile.options.runDaily && isDailyRunDue(now, profile.dailyRunTime, readCursor(deps.stateDbs, profile.id, LAST_DAILY)))
        )
          continue;
        // The day is marked before the run, as the timer does: a failed daily run is that day's run
        // (its failures are in the run log), not retried by every later cron call.
        writeCursor(deps.stateDbs, profile.id, LAST_DAILY, localDay(now), now);
        outcomes.push(await runDaily(profile.id, options.force ? 'manual' : 'catch-up'));
      }
      return outcomes;
    },
  };
}
