/** What the tray shows, derived from the scheduler and the run log (pure, unit-tested). */
import type { RunSummary } from '../../shared/api/sync-views.ts';
import type { TrayState } from './tray-menu.ts';

/** "today 06:00", "tomorrow 06:00" or "Mon 3 Mar 06:00", in local time. */
export function describeNextRun(at: Date, now: Date): string {
  const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(at) - day(now)) / 86_400_000);
  if (days === 0) return `today ${hhmm}`;
  if (days === 1) return `tomorrow ${hhmm}`;
  return `${at.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })} ${hhmm}`;
}

/** "succeeded 2 h ago", "failed 5 min ago". */
export function describeLastRun(run: RunSummary, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - new Date(run.finishedAt ?? run.startedAt).getTime()) / 60_000));
  const ago =
    minutes < 1
      ? 'just now'
      : minutes < 60
        ? `${minutes} min ago`
        : minutes < 48 * 60
          ? `${Math.round(minutes / 60)} h ago`
          : `${Math.round(minutes / 1440)} days ago`;
  const status = run.status === 'needs_confirmation' ? 'waiting for confirmation' : run.status === 'partial' ? 'partly failed' : run.status;
  return `${status} ${ago}`;
}

/** The tray's state for every profile. */
export function trayState(input: {
  now: Date;
  currentProfileId: string;
  /** The current profile's source of truth (Reconcile needs ChartHop). */
  currentSourceOfTruth: 'charthop' | 'lever';
  profiles: Array<{ id: string; name: string }>;
  nextRuns: Array<{ profileId: string; at: Date }>;
  lastRuns: Map<string, RunSummary | undefined>;
  paused: boolean;
}): TrayState {
  return {
    currentProfile: input.profiles.find((p) => p.id === input.currentProfileId)?.name ?? input.currentProfileId,
    paused: input.paused,
    reconcileAvailable: input.currentSourceOfTruth === 'charthop',
    profiles: input.profiles.map((p) => {
      const next = input.nextRuns.find((n) => n.profileId === p.id);
      const last = input.lastRuns.get(p.id);
      return {
        name: p.name,
        nextRun: next ? describeNextRun(next.at, input.now) : null,
        lastResult: last ? describeLastRun(last, input.now) : null,
      };
    }),
  };
}
