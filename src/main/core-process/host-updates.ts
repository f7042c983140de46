/**
 * The engine's updates port in the desktop app: the update flow runs in the main process
 * (electron-updater needs it), so each of status, check and restart is a host call.
 */
import type { HostCaller } from '../core/process/host-services.ts';
import type { UpdatesPort } from '../core/service/updates-handlers.ts';

/** The updates port that asks the host. */
export function hostUpdatesPort(host: HostCaller): UpdatesPort {
  return {
    status: () => host.call('updates.status'),
    check: () => host.call('updates.check'),
    restart: () => host.call('updates.restart'),
  };
}
