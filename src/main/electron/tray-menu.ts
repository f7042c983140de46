/** The tray menu's items, as data, so its wiring is unit-tested without a tray. */
import type { MenuItemConstructorOptions } from 'electron';

/** What the tray's items do. */
export interface TrayActions {
  open(): void;
  syncNow(): void;
  /** Open the window on the Preview of Sync now (nothing is written until Apply). */
  preview(): void;
  reconcile(): void;
  togglePause(): void;
  quit(): void;
}

/** A profile's line in the tray: its next scheduled run and its last result. */
export interface TrayProfile {
  name: string;
  /** e.g. "tomorrow 06:00", or null when Run Daily is off. */
  nextRun: string | null;
  /** e.g. "succeeded 2 h ago", or null when it never ran. */
  lastResult: string | null;
}

/** What the tray shows. */
export interface TrayState {
  currentProfile: string;
  /** False when the current profile's source of truth is Lever: Reconcile treats ChartHop as the truth. */
  reconcileAvailable: boolean;
  profiles: TrayProfile[];
  paused: boolean;
}

/** The tray menu: each profile's schedule, then Preview… / Sync now / Reconcile… / Pause schedules / Open / Quit. */
export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const schedule: MenuItemConstructorOptions[] = state.profiles.map((profile) => ({
    label: `${profile.name} — ${state.paused ? 'paused' : profile.nextRun ? `next run ${profile.nextRun}` : 'no daily run'}${profile.lastResult ? `; last ${profile.lastResult}` : ''}`,
    enabled: false,
  }));
  return [
    ...schedule,
    { type: 'separator' },
    { label: `Preview… (${state.currentProfile})`, click: () => actions.preview() },
    { label: `Sync now (${state.currentProfile})`, click: () => actions.syncNow() },
    state.reconcileAvailable
      ? { label: `Reconcile… (${state.currentProfile})`, click: () => actions.reconcile() }
      : { label: `Reconcile… (${state.currentProfile}: Lever is its source of truth)`, enabled: false },
    { label: state.paused ? 'Resume schedules' : 'Pause schedules', click: () => actions.togglePause() },
    { type: 'separator' },
    { label: 'Open ReqBridge', click: () => actions.open() },
    { label: 'Quit ReqBridge', click: () => actions.quit() },
  ];
}
