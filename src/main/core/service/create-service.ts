/**
 * `createService(deps)`: the product behind every host. Electron, the browser
 * host, the CLI and the tests build it the same way and differ only in deps.
 */
import type { HandlerTable } from '../api/handler-table.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import { createDispatcher } from '../api/dispatcher.ts';
import type { ServiceDeps } from './service-deps.ts';
import { profileHandlers } from './profile-handlers.ts';
import { secretHandlers } from './secret-handlers.ts';
import { doctorHandlers } from './doctor-handlers.ts';
import { syncHandlers } from './sync-handlers.ts';
import { metricsHandlers } from './metrics-handlers.ts';
import { scheduleHandlers } from './schedule-handlers.ts';
import { hiresHandlers } from './hires-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { updatesHandlers } from './updates-handlers.ts';
import { mappingHandlers } from './mapping-handlers.ts';

/** A running service: its handler table, the dispatcher over it, and its event bus. */
export interface Service {
  handlers: HandlerTable;
  dispatch: Dispatch;
  deps: ServiceDeps;
}

/** Build the handler table from the domains' handler factories. */
export function createHandlers(deps: ServiceDeps): HandlerTable {
  return {
    'app:info': async () => deps.info,
    ...profileHandlers(deps),
    ...secretHandlers(deps),
    ...doctorHandlers(deps),
    ...syncHandlers(deps),
    ...metricsHandlers(deps),
    ...scheduleHandlers(deps),
    ...hiresHandlers(deps),
    ...reportHandlers(deps),
    ...updatesHandlers(deps),
    ...mappingHandlers(deps),
  } satisfies HandlerTable;
}

/** Create the service over its deps. */
export function createService(deps: ServiceDeps): Service {
  const handlers = createHandlers(deps);
  const dispatch = createDispatcher(handlers, deps.logger, { now: () => deps.clock.now(), redact: (text) => deps.redactor.redact(text) });
  return { handlers, dispatch, deps };
}
