/**
 * The work that runs without a click, for the hosts that stay up (the desktop
 * app and the browser host): the new-hire endpoints, and the scheduler wired to
 * the engine, the metrics job and the hires catch-up. The CLI runs none of it;
 * an operating-system scheduler calling `reqbridge sync` takes its place.
 */
import type { Core } from './bootstrap.ts';
import { AppError, isAppError } from './errors.ts';
import { NOT_CONNECTED } from './schedule/change-watcher.ts';
import { newHireFlowSetUp } from './hires/flow-setup.ts';
import { runMetricsJob } from './metrics/metrics-job.ts';
import type { ScheduleService, ScheduledJobs } from './schedule/schedule-service.ts';
import { createScheduleService } from './schedule/schedule-service.ts';
import type { SchedulerClock } from './schedule/timers.ts';
import { systemSchedulerClock } from './schedule/timers.ts';
import { profileClientsFor } from './clients/profile-clients.ts';
import { syncEngineFor } from './sync/engine.ts';
import { scheduleStatus } from './service/schedule-handlers.ts';
import type { SyncEngine } from './sync/engine.ts';

/** The background work of a host. */
export interface Background {
  schedule: ScheduleService;
  stop(): Promise<void>;
}

/** How long a scheduled or change run waits for another run of its profile before it gives up. */
const BUSY_WAIT_LIMIT_MS = 60 * 60_000;
const BUSY_POLL_MS = 500;

const sleep = (clock: SchedulerClock, ms: number) => new Promise<void>((resolve) => clock.setTimer(ms, resolve));

/**
 * Start a scheduled or change run once the profile's other run (a Sync now from the app, or
 * `reqbridge sync` in another process) is over: the trigger waits its turn rather than failing
 * with `sync.busy`. Only after an hour of waiting does the refusal go through (recorded as a failed
 * step of the daily run; a change is read again at the next poll).
 */
async function whenIdle<T>(engine: SyncEngine, profileId: string, clock: SchedulerClock, start: () => Promise<T>): Promise<T> {
  const giveUpAt = clock.now().getTime() + BUSY_WAIT_LIMIT_MS;
  for (;;) {
    while (engine.isRunning(profileId) && clock.now().getTime() < giveUpAt) await sleep(clock, BUSY_POLL_MS);
    try {
      return await start();
    } catch (error) {
      // Busy in another process (which `isRunning` cannot see), or taken in between: wait again.
      if (!(isAppError(error) && error.code === 'sync.busy') || clock.now().getTime() >= giveUpAt) throw error;
      await sleep(clock, BUSY_POLL_MS);
    }
  }
}

/**
 * The new-hire catch-up at start, so a hire that arrived while the laptop was closed is not lost:
 * for each client profile whose new-hire flow is set up ({@link newHireFlowSetUp}, the same
 * condition as the daily run's catch-up). The Sandbox's demo hires are caught up on demand or by
 * its daily run, not behind the user's back.
 */
async function catchUpAtStart(core: Core): Promise<void> {
  const deps = core.service.deps;
  for (const summary of deps.settings.list().profiles) {
    if (summary.kind !== 'client') continue;
    try {
      if (!(await newHireFlowSetUp(deps.secrets, summary.id))) continue;
      await core.hires.catchUp(summary.id);
    } catch (error) {
      deps.logger.warn(`The new-hire catch-up of ${summary.name} at start failed; it runs again with the daily run or on demand.`, error);
    }
  }
}

/** The scheduler's jobs, wired to the engine, the metrics job and the hires catch-up (also used by `reqbridge daily`). */
export function scheduledJobsFor(core: Core, clock: SchedulerClock = systemSchedulerClock): ScheduledJobs {
  const deps = core.service.deps;
  const engine = syncEngineFor(deps);
  return {
    metrics: (profileId) => runMetricsJob(deps, profileId, 'schedule'),
    hiresFlowSetUp: (profileId) => newHireFlowSetUp(deps.secrets, profileId),
    hiresCatchUp: (profileId) => core.hires.catchUp(profileId),
    sync: (profileId, run) =>
      whenIdle(engine, profileId, clock, () =>
        run.trigger === 'change' && run.jobIds
          ? engine.runOnChange(profileId, run.jobIds)
          : engine.run(profileId, { trigger: run.trigger, ...(run.jobIds ? { jobIds: run.jobIds } : {}) }),
      ),
    reconcile: (profileId) =>
      whenIdle(engine, profileId, clock, () => engine.run(profileId, { trigger: 'schedule', direction: 'reconcile' })),
    async *readEvents(profileId, from) {
      const clients = await profileClientsFor(deps, profileId);
      if (!clients.charthop)
        throw new AppError(
          NOT_CONNECTED,
          `Sync On Change for "${clients.profile.name}" needs the ChartHop token and org. Set them in Setup → Connect.`,
        );
      yield* clients.charthop.orgs.events({ from });
    },
  };
}

/** Start the hires endpoints and the scheduler for a started core; `stop()` waits for the work under way (a daily run skips its remaining steps). */
export async function startBackground(core: Core, options: { clock?: SchedulerClock; pollIntervalMs?: number } = {}): Promise<Background> {
  const deps = core.service.deps;
  const clock = options.clock ?? systemSchedulerClock;
  await core.hires.start();
  const schedule = createScheduleService({
    clock,
    settings: deps.settings,
    stateDbs: deps.stateDbs,
    logger: deps.logger,
    events: deps.events,
    redactor: deps.redactor,
    ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    jobs: scheduledJobsFor(core, clock),
    // Home shows when ChartHop was last read for changes.
    onPolled: () => announce(),
  });
  deps.schedule.current = schedule;
  const atStart = catchUpAtStart(core);
  if (deps.settings.preferences().schedulesPaused) schedule.setPaused(true);
  schedule.start();
  const announce = () => deps.events.emit('schedule:changed', scheduleStatus(deps));
  const refresh = () => {
    schedule.refresh();
    announce();
  };
  const stops = [core.events.on('settings:changed', refresh), core.events.on('profiles:changed', refresh)];
  return {
    schedule,
    async stop() {
      for (const stop of stops) stop();
      schedule.stop();
      deps.schedule.current = null;
      // Closing the endpoints cancels catch-ups between two hires; then the runs under way end.
      await core.hires.stop();
      await atStart;
      await schedule.settled();
    },
  };
}
