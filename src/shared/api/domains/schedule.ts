/** Contract of the schedules (Run Daily, Sync On Change) and the app-wide preferences. */
import { z } from 'zod';
import { out } from './out.ts';

/** A profile's next daily run. */
export interface NextRunView {
  profileId: string;
  profileName: string;
  at: string;
}

/** Whether the schedules run here, are paused, and when each profile runs next. */
export interface ScheduleStatus {
  /** False where nothing is scheduled (the CLI): an OS scheduler calling `reqbridge sync` takes its place. */
  active: boolean;
  paused: boolean;
  nextRuns: NextRunView[];
  /** When Sync On Change last read ChartHop's changes, per watching profile (a poll with nothing to do records no run). */
  lastPolls?: Array<{ profileId: string; at: string }>;
}

/** App-wide preferences. */
export interface Preferences {
  /** Start ReqBridge at login (desktop app), so daily runs happen. */
  startAtLogin: boolean;
  schedulesPaused: boolean;
}

const none = z.object({}).strict();

/** Request channels of the schedules and preferences. */
export const scheduleRequests = {
  'schedule:status': { input: none, output: out<ScheduleStatus>() },
  'schedule:set-paused': { input: z.object({ paused: z.boolean() }).strict(), output: out<ScheduleStatus>() },
  /**
   * The computer woke from sleep: the daily runs missed meanwhile run once, and the timers are set
   * again (the desktop app calls it on the OS's resume). Paused schedules stay paused.
   */
  'schedule:catch-up': { input: none, output: out<ScheduleStatus>() },
  'app:preferences': { input: none, output: out<Preferences>() },
  'app:set-preferences': { input: z.object({ startAtLogin: z.boolean().optional() }).strict(), output: out<Preferences>() },
} as const;

/** Push events of the schedules and preferences. */
export const scheduleEvents = {
  'schedule:changed': out<ScheduleStatus>(),
  'preferences:changed': out<Preferences>(),
} as const;
