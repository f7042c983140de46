/**
 * Sync On Change: while ReqBridge runs, polls ChartHop's events feed for
 * changes to jobs and hands the changed job ids to an outbound run limited to
 * them. The poll interval starts at `intervalMs` (default 30 s; the profile's
 * `syncOnChangeIntervalSeconds`), doubles while
 * nothing happens (up to `maxIdleIntervalMs`, default 2 minutes or the interval when longer, so a change after
 * a quiet hour still reaches Lever within minutes) and on errors (up to
 * `maxIntervalMs`, default 5 minutes), and drops back as soon as something changes. The cursor is persisted, so changes made while the app
 * was closed are caught by the next poll.
 */
import { isAppError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import type { SchedulerClock, TimerHandle } from './timers.ts';

/** The code `readEvents` throws for a profile without its ChartHop token or org (background.ts). */
export const NOT_CONNECTED = 'schedule.no_charthop';

/** An event of ChartHop's feed, as much as the watcher needs. */
export interface FeedEvent {
  at: number;
  code?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  jobId?: string | null;
}

/** Where the feed cursor (epoch ms of the next event to read) is kept. */
export interface CursorStore {
  get(): number | null;
  set(value: number): void;
}

/** A running watcher. */
export interface ChangeWatcher {
  start(): void;
  stop(): void;
  /** Poll once now (also used by tests); resolves with the job ids handed on. */
  pollNow(): Promise<string[]>;
  /** The delay before the next poll. */
  currentInterval(): number;
}

/** The job a feed event is about, or null when it is not about a job. */
export function jobOfEvent(event: FeedEvent): string | null {
  if (event.jobId) return event.jobId;
  if (event.entityType?.toLowerCase() === 'job' && event.entityId) return event.entityId;
  if (event.code?.startsWith('job.') && event.entityId) return event.entityId;
  return null;
}

/** Create a watcher for one profile. */
export function createChangeWatcher(deps: {
  clock: SchedulerClock;
  readEvents: (from: number) => AsyncIterable<FeedEvent>;
  cursor: CursorStore;
  onJobsChanged: (jobIds: string[]) => Promise<unknown>;
  logger: Logger;
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Longest wait between polls while nothing changes (default 2 minutes, never above `maxIntervalMs`). */
  maxIdleIntervalMs?: number;
  /** How far before "now" the very first poll starts reading (default 10 minutes). */
  initialLookbackMs?: number;
}): ChangeWatcher {
  const base = deps.intervalMs ?? 30_000;
  // The caps never go below the interval itself: a profile that asks for a poll every 10 minutes
  // is not polled more often while idle or failing.
  const max = Math.max(base, deps.maxIntervalMs ?? 5 * 60_000);
  const maxIdle = Math.max(base, Math.min(max, deps.maxIdleIntervalMs ?? 2 * 60_000));
  let interval = base;
  let timer: TimerHandle | null = null;
  let running = false;

  let polling: Promise<{ jobs: string[]; initialised: boolean }> | null = null;

  async function poll(): Promise<{ jobs: string[]; initialised: boolean }> {
    let from = deps.cursor.get();
    if (from === null) {
      // First start: older history is not replayed. The look-back tolerates a clock difference
      // between this computer and ChartHop (later cursors are ChartHop's own timestamps); a change
      // seen twice only costs a run that writes nothing.
      from = deps.clock.now().getTime() - (deps.initialLookbackMs ?? 10 * 60_000);
      deps.cursor.set(from);
      return { jobs: [], initialised: true };
    }
    const jobs = new Set<string>();
    let next = from;
    for await (const event of deps.readEvents(from)) {
      const job = jobOfEvent(event);
      if (job) jobs.add(job);
      next = Math.max(next, event.at + 1);
    }
    if (jobs.size > 0) await deps.onJobsChanged([...jobs]);
    // Only after the run took the changes: a failure re-reads them next time.
    deps.cursor.set(next);
    return { jobs: [...jobs], initialised: false };
  }

  let toldNotConnected = false;

  function schedule(): void {
    if (!running) return;
    timer = deps.clock.setTimer(interval, () => {
      void pollShared()
        .then(
          ({ jobs, initialised }) => {
            // Setting the first cursor is not an idle poll: the next one comes after the base interval.
            // After errors, a quiet but successful poll comes back to the idle cap at most.
            if (!initialised) interval = jobs.length > 0 ? base : Math.min(maxIdle, interval * 2);
            toldNotConnected = false;
          },
          (error: unknown) => {
            interval = Math.min(max, interval * 2);
            // A profile not yet connected (no token or org) is not a failure: said once, at info level, until it is.
            if (isAppError(error) && error.code === NOT_CONNECTED) {
              if (!toldNotConnected) deps.logger.info(`${error.message} Sync On Change starts once they are set.`);
              toldNotConnected = true;
              return;
            }
            deps.logger.warn(`Sync On Change: polling ChartHop's events failed; retrying in ${Math.round(interval / 1000)} s`, error);
          },
        )
        .finally(schedule);
    });
  }

  function pollShared(): Promise<{ jobs: string[]; initialised: boolean }> {
    polling ??= poll().finally(() => {
      polling = null;
    });
    return polling;
  }

  const pollNow = async (): Promise<string[]> => (await pollShared()).jobs;

  return {
    start() {
      if (running) return;
      running = true;
      interval = base;
      schedule();
    },
    stop() {
      running = false;
      timer?.cancel();
      timer = null;
    },
    pollNow,
    currentInterval: () => interval,
  };
}
