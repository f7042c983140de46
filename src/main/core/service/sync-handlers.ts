/** Handlers of the sync engine and the run log: each one translates a contract call into an engine call. */
import type { RunTrigger } from '../../../shared/api/sync-views.ts';
import type { HandlerTable } from '../api/handler-table.ts';
import { syncEngineFor } from '../sync/engine.ts';
import type { ServiceDeps } from './service-deps.ts';

type SyncChannels = 'sync:plan' | 'sync:apply' | 'sync:run' | 'sync:cancel' | 'runs:list' | 'runs:get' | 'runs:export' | 'runs:undo-plan';

/**
 * Build the sync handlers over the service's one engine (looked up on first call: building the
 * table touches nothing). Runs started from the CLI host are recorded with the trigger `cli`.
 */
export function syncHandlers(deps: ServiceDeps): Pick<HandlerTable, SyncChannels> {
  const engine = () => syncEngineFor(deps);
  const cli = (): RunTrigger | undefined => (deps.info.host === 'cli' ? 'cli' : undefined);
  return {
    'sync:plan': async ({ profileId, mode }) => engine().plan(profileId, mode),
    'sync:apply': async ({ profileId, planId, rowIds, confirmLargeChange }) => {
      const trigger = cli();
      return engine().apply(profileId, planId, { rowIds, confirmLargeChange, ...(trigger ? { trigger } : {}) });
    },
    'sync:run': async ({ profileId, confirmLargeChange }) => engine().run(profileId, { trigger: cli() ?? 'manual', confirmLargeChange }),
    'sync:cancel': async ({ profileId }) => ({ cancelled: engine().cancel(profileId) }),
    'runs:list': async ({ profileId, limit, filter }) => engine().runs.list(profileId, limit, filter),
    'runs:get': async ({ profileId, runId }) => engine().runs.get(profileId, runId),
    'runs:export': async ({ profileId, runId, format }) => engine().runs.export(profileId, runId, format),
    'runs:undo-plan': async ({ profileId, runId }) => engine().undoPlan(profileId, runId),
  };
}
