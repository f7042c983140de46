/**
 * The desktop's own hooks, over the engine's contract (it runs in its own process): catch up
 * missed daily runs when the computer wakes (`schedule:catch-up`), notify about runs that need the
 * consultant (`run:finished`, with the profile's name from `profiles:list`), and start at login
 * when the preference says so (`app:preferences`, then `preferences:changed`). A call that fails is
 * logged; nothing here stops the app.
 */
import type { Dispatch } from '../core/api/dispatcher.ts';
import type { EventBus } from '../core/api/event-bus.ts';
import type { Logger } from '../core/logging/logger.ts';
import type { RunSummary } from '../../shared/api/sync-views.ts';
import { contractCalls } from './contract-calls.ts';
import type { NotificationFactory } from './run-notifications.ts';
import { notifyRun } from './run-notifications.ts';

/** The Electron pieces and the engine's contract this needs (injected, so the wiring is tested with fakes and a real core). */
export interface DesktopDeps {
  powerMonitor: { on(event: 'resume', listener: () => void): unknown };
  Notification: NotificationFactory & { isSupported?: () => boolean };
  setLoginItem(openAtLogin: boolean): void;
  openRun(profileId: string, runId: number): void;
  /** The engine's contract (the core process client's dispatch). */
  dispatch: Dispatch;
  /** The engine's events. */
  events: EventBus;
  logger: Pick<Logger, 'warn'>;
}

/** Wire wake, notifications and the login item; returns the function that unwires what it can. */
export function wireDesktop(deps: DesktopDeps): () => void {
  const call = contractCalls(deps.dispatch);
  const warn = (what: string) => (error: unknown) => void deps.logger.warn(what, error);
  deps.powerMonitor.on('resume', () => {
    call('schedule:catch-up', {}).catch(
      warn('The daily runs missed while the computer slept could not be started; they run at their next time.'),
    );
  });
  call('app:preferences', {}).then(
    (preferences) => deps.setLoginItem(preferences.startAtLogin),
    warn('Start ReqBridge at login could not be read; it is set again when the preference changes.'),
  );
  const notify = async (run: RunSummary) => {
    if (deps.Notification.isSupported && !deps.Notification.isSupported()) return;
    const profiles = await call('profiles:list', {}).then(
      (view) => view.profiles,
      () => [],
    );
    const name = profiles.find((p) => p.id === run.profileId)?.name ?? run.profileId;
    notifyRun(deps.Notification, run, name, () => deps.openRun(run.profileId, run.id));
  };
  const stops = [
    deps.events.on('preferences:changed', (preferences) => deps.setLoginItem(preferences.startAtLogin)),
    deps.events.on('run:finished', (run) => void notify(run).catch(warn('A notification about a finished run could not be shown.'))),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
