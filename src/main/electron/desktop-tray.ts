/**
 * The tray: each profile's next run and last result, Preview… / Sync now / Reconcile… /
 * Pause schedules / Open / Quit. Built from the contract's answers (`profiles:list`,
 * `settings:get`, `schedule:status`, `runs:list`), since the engine runs in its own process;
 * rebuilt when runs finish, settings change, the schedule changes or the engine was restarted, and
 * every minute (relative times move). A refresh that fails (the engine restarting) is logged and the tray keeps the menu
 * it last had.
 */
import type { Menu as MenuType, MenuItemConstructorOptions, Tray as TrayType } from 'electron';
import type { Dispatch } from '../core/api/dispatcher.ts';
import type { EventBus } from '../core/api/event-bus.ts';
import type { Logger } from '../core/logging/logger.ts';
import type { ContractCall } from './contract-calls.ts';
import { contractCalls } from './contract-calls.ts';
import type { TrayState } from './tray-menu.ts';
import { trayMenuTemplate } from './tray-menu.ts';
import { trayState } from './tray-state.ts';

/** What the tray needs from Electron and the app. */
export interface TrayDeps {
  tray: Pick<TrayType, 'setContextMenu' | 'setToolTip'>;
  buildMenu: (template: MenuItemConstructorOptions[]) => MenuType;
  /** The engine's contract (the core process client's dispatch). */
  dispatch: Dispatch;
  /** The engine's events, and the main process's own (`app:navigate` goes out on it). */
  events: EventBus;
  logger: Pick<Logger, 'warn'>;
  showWindow(): void;
  quit(): void;
}

/** Everything the tray shows, asked of the engine. */
async function readTrayState(call: ContractCall, now: Date): Promise<TrayState> {
  const { profiles, selectedId } = await call('profiles:list', {});
  const [settings, schedule, lastRuns] = await Promise.all([
    call('settings:get', { profileId: selectedId }),
    call('schedule:status', {}),
    Promise.all(profiles.map(async (profile) => [profile.id, (await call('runs:list', { profileId: profile.id, limit: 1 }))[0]] as const)),
  ]);
  return trayState({
    now,
    currentProfileId: selectedId,
    currentSourceOfTruth: settings.sourceOfTruth,
    profiles,
    nextRuns: schedule.nextRuns.map((next) => ({ profileId: next.profileId, at: new Date(next.at) })),
    lastRuns: new Map(lastRuns),
    paused: schedule.paused,
  });
}

/** Start keeping the tray up to date; returns the function that stops it. */
export function startTray(deps: TrayDeps): () => void {
  const call = contractCalls(deps.dispatch);
  let shown: TrayState | null = null;
  let stopped = false;
  let refreshing = false;
  let again = false;
  const navigate = (route: string) => {
    deps.showWindow();
    deps.events.emit('app:navigate', { route });
  };
  const togglePause = () => {
    if (!shown) return;
    call('schedule:set-paused', { paused: !shown.paused }).then(refresh, (error: unknown) =>
      deps.logger.warn('The schedules could not be paused or resumed from the tray; try again in the window.', error),
    );
  };
  const show = (state: TrayState) => {
    shown = state;
    deps.tray.setToolTip(`ReqBridge — ${state.currentProfile}`);
    deps.tray.setContextMenu(
      deps.buildMenu(
        trayMenuTemplate(state, {
          open: deps.showWindow,
          syncNow: () => navigate('sync-now'),
          preview: () => navigate('preview'),
          reconcile: () => navigate('reconcile'),
          togglePause,
          quit: deps.quit,
        }),
      ),
    );
  };
  /** One refresh at a time; a change during one brings another after it. */
  async function refresh(): Promise<void> {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      do {
        again = false;
        try {
          const state = await readTrayState(call, new Date());
          if (!stopped) show(state);
        } catch (error) {
          deps.logger.warn('The tray could not be brought up to date; it shows what it last knew.', error);
        }
      } while (again && !stopped);
    } finally {
      refreshing = false;
    }
  }
  const refreshSoon = () => void refresh();
  refreshSoon();
  const stops = [
    deps.events.on('run:finished', refreshSoon),
    deps.events.on('profiles:changed', refreshSoon),
    deps.events.on('settings:changed', refreshSoon),
    deps.events.on('schedule:changed', refreshSoon),
    deps.events.on('app:core-restarted', refreshSoon),
  ];
  const timer = setInterval(refreshSoon, 60_000);
  return () => {
    stopped = true;
    clearInterval(timer);
    for (const stop of stops) stop();
  };
}
