/**
 * The desktop's own hooks: catch up missed daily runs when the computer
 * wakes, notify about runs that need the consultant, and start at login when
 * the preference says so.
 */
import type { Core } from '../core/bootstrap.ts';
import type { Background } from '../core/background.ts';
import type { NotificationFactory } from './run-notifications.ts';
import { notifyRun } from './run-notifications.ts';

/** The Electron pieces this needs (injected, so the wiring is unit-tested with fakes). */
export interface DesktopDeps {
  powerMonitor: { on(event: 'resume', listener: () => void): unknown };
  Notification: NotificationFactory & { isSupported?: () => boolean };
  setLoginItem(openAtLogin: boolean): void;
  openRun(profileId: string, runId: number): void;
  core: Core;
  background: Background;
}

/** Wire wake, notifications and the login item; returns the function that unwires what it can. */
export function wireDesktop(deps: DesktopDeps): () => void {
  const { core, background } = deps;
  deps.powerMonitor.on('resume', () => background.schedule.resume());
  deps.setLoginItem(core.service.deps.settings.preferences().startAtLogin);
  const stops = [
    core.events.on('preferences:changed', (preferences) => deps.setLoginItem(preferences.startAtLogin)),
    core.events.on('run:finished', (run) => {
      if (deps.Notification.isSupported && !deps.Notification.isSupported()) return;
      const profile = core.service.deps.settings.list().profiles.find((p) => p.id === run.profileId);
      notifyRun(deps.Notification, run, profile?.name ?? run.profileId, () => deps.openRun(run.profileId, run.id));
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
