/**
 * The tray: each profile's next run and last result, Preview… / Sync now / Reconcile… /
 * Pause schedules / Open / Quit. Rebuilt when runs finish, settings change or
 * the schedule changes, and every minute (relative times move).
 */
import type { Menu as MenuType, MenuItemConstructorOptions, Tray as TrayType } from 'electron';
import type { Core } from '../core/bootstrap.ts';
import type { Background } from '../core/background.ts';
import { syncEngineFor } from '../core/sync/engine.ts';
import { trayMenuTemplate } from './tray-menu.ts';
import { trayState } from './tray-state.ts';

/** What the tray needs from Electron and the app. */
export interface TrayDeps {
  tray: Pick<TrayType, 'setContextMenu' | 'setToolTip'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => MenuType;
  core: Core;
  background: Background;
  showWindow(): void;
  quit(): void;
}

/** Start keeping the tray up to date; returns the function that stops it. */
export function startTray(deps: TrayDeps): () => void {
  const { core, background } = deps;
  const engine = syncEngineFor(core.service.deps);
  const navigate = (route: string) => {
    deps.showWindow();
    core.events.emit('app:navigate', { route });
  };
  const refresh = () => {
    const { profiles, selectedId } = core.service.deps.settings.list();
    const lastRuns = new Map(profiles.map((p) => [p.id, engine.runs.list(p.id, 1)[0]]));
    const state = trayState({
      now: new Date(),
      currentProfileId: selectedId,
      currentSourceOfTruth: core.service.deps.settings.get(selectedId).sourceOfTruth,
      profiles,
      nextRuns: background.schedule.nextRuns(),
      lastRuns,
      paused: background.schedule.isPaused(),
    });
    deps.tray.setToolTip(`ReqBridge — ${state.currentProfile}`);
    deps.tray.setContextMenu(
      deps.buildMenu(
        trayMenuTemplate(state, {
          open: deps.showWindow,
          syncNow: () => navigate('sync-now'),
          preview: () => navigate('preview'),
          reconcile: () => navigate('reconcile'),
          togglePause: () =>
            void core.service
              .dispatch('schedule:set-paused', { paused: !background.schedule.isPaused() }, { transport: 'in-process' })
              .then(refresh),
          quit: deps.quit,
        }),
      ),
    );
  };
  refresh();
  const stops = [
    core.events.on('run:finished', refresh),
    core.events.on('profiles:changed', refresh),
    core.events.on('settings:changed', refresh),
    core.events.on('schedule:changed', refresh),
  ];
  const timer = setInterval(refresh, 60_000);
  return () => {
    clearInterval(timer);
    for (const stop of stops) stop();
  };
}
