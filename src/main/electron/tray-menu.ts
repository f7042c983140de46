/** The tray menu's items, as data, so its wiring is unit-tested without a tray. */
import type { MenuItemConstructorOptions } from 'electron';

/** What the tray's items do. */
export interface TrayActions {
  open(): void;
  syncNow(): void;
  reconcile(): void;
  quit(): void;
}

/** The tray menu: Open / Sync now / Reconcile… / Quit, with the current profile named. */
export function trayMenuTemplate(profileName: string, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: `Profile: ${profileName}`, enabled: false },
    { type: 'separator' },
    { label: 'Open ReqBridge', click: () => actions.open() },
    { label: 'Sync now', click: () => actions.syncNow() },
    { label: 'Reconcile…', click: () => actions.reconcile() },
    { type: 'separator' },
    { label: 'Quit ReqBridge', click: () => actions.quit() },
  ];
}
