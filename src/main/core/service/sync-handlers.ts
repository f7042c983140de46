/** Handlers of the sync engine and the run log (being built: every call says so). */
import type { HandlerTable } from '../api/handler-table.ts';
import { AppError } from '../errors.ts';
import type { ServiceDeps } from './service-deps.ts';

type SyncChannels = 'sync:plan' | 'sync:apply' | 'sync:run' | 'sync:cancel' | 'runs:list' | 'runs:get' | 'runs:export';

const unavailable = async (): Promise<never> => {
  throw new AppError('feature.unavailable', 'The sync engine is not part of this build yet.');
};

/** Build the sync handlers. */
export function syncHandlers(_deps: ServiceDeps): Pick<HandlerTable, SyncChannels> {
  return {
    'sync:plan': unavailable,
    'sync:apply': unavailable,
    'sync:run': unavailable,
    'sync:cancel': unavailable,
    'runs:list': unavailable,
    'runs:get': unavailable,
    'runs:export': unavailable,
  };
}
