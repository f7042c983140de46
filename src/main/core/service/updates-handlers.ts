/** Handlers of "Check for updates": the desktop app plugs its update flow in; every other host answers that it does not update itself. */
import type { UpdateStatus } from '../../../shared/api/domains/updates.ts';
import type { HandlerTable } from '../api/handler-table.ts';
import { AppError } from '../errors.ts';
import type { ServiceDeps } from './service-deps.ts';

/**
 * The update flow as the core sees it; only the desktop app has one. It runs in the app's main
 * process, so the engine's process reaches it through host calls: every method is asynchronous.
 */
export interface UpdatesPort {
  status(): Promise<UpdateStatus>;
  check(): Promise<UpdateStatus>;
  /** Quits and installs the downloaded update. */
  restart(): Promise<UpdateStatus>;
}

/** Build the updates handlers over the port the host plugged in (none: this copy does not update itself). */
export function updatesHandlers(
  deps: Pick<ServiceDeps, 'updates' | 'info'>,
): Pick<HandlerTable, 'updates:status' | 'updates:check' | 'updates:restart'> {
  const unsupported = (): UpdateStatus => ({ phase: 'unsupported', version: deps.info.version });
  return {
    'updates:status': async () => (deps.updates.current ? deps.updates.current.status() : unsupported()),
    'updates:check': async () => (deps.updates.current ? deps.updates.current.check() : unsupported()),
    'updates:restart': async () => {
      const status = deps.updates.current ? await deps.updates.current.status() : unsupported();
      if (status.phase !== 'downloaded') {
        throw new AppError(
          'updates.nothing_downloaded',
          'There is no downloaded update to install. Press Check for updates: "Restart to update" appears once an update is downloaded.',
        );
      }
      return deps.updates.current?.restart() ?? status;
    },
  };
}
