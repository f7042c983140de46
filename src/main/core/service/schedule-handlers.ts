/** Handlers of the schedules (status, pause) and the app-wide preferences. */
import type { ScheduleStatus } from '../../../shared/api/domains/schedule.ts';
import type { HandlerTable } from '../api/handler-table.ts';
import type { ServiceDeps } from './service-deps.ts';

/** The schedule as the UI shows it. */
export function scheduleStatus(deps: Pick<ServiceDeps, 'schedule' | 'settings'>): ScheduleStatus {
  const schedule = deps.schedule.current;
  if (!schedule) return { active: false, paused: deps.settings.preferences().schedulesPaused, nextRuns: [] };
  return {
    active: true,
    paused: schedule.isPaused(),
    nextRuns: schedule.nextRuns().map((n) => ({ profileId: n.profileId, profileName: n.profileName, at: n.at.toISOString() })),
    lastPolls: schedule.lastPolls().map((poll) => ({ profileId: poll.profileId, at: poll.at.toISOString() })),
  };
}

/** Build the schedule and preferences handlers. */
export function scheduleHandlers(
  deps: ServiceDeps,
): Pick<HandlerTable, 'schedule:status' | 'schedule:set-paused' | 'schedule:catch-up' | 'app:preferences' | 'app:set-preferences'> {
  return {
    'schedule:status': async () => scheduleStatus(deps),
    'schedule:set-paused': async ({ paused }) => {
      deps.settings.updatePreferences({ schedulesPaused: paused });
      deps.schedule.current?.setPaused(paused);
      const status = scheduleStatus(deps);
      deps.events.emit('schedule:changed', status);
      return status;
    },
    'schedule:catch-up': async () => {
      deps.schedule.current?.resume();
      const status = scheduleStatus(deps);
      deps.events.emit('schedule:changed', status);
      return status;
    },
    'app:preferences': async () => deps.settings.preferences(),
    'app:set-preferences': async (patch) => {
      const preferences = deps.settings.updatePreferences(patch.startAtLogin === undefined ? {} : { startAtLogin: patch.startAtLogin });
      deps.events.emit('preferences:changed', preferences);
      return preferences;
    },
  };
}
