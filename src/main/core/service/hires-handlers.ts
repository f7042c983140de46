/** Handlers of the new-hire flow (being built: every call says so). */
import type { HandlerTable } from '../api/handler-table.ts';
import { AppError } from '../errors.ts';
import type { ServiceDeps } from './service-deps.ts';

type HiresChannels = 'hires:list' | 'hires:replay' | 'hires:catch-up' | 'webhook:status' | 'webhook:rotate-secret';

const unavailable = async (): Promise<never> => {
  throw new AppError('feature.unavailable', 'The new-hire flow is not part of this build yet.');
};

/** Build the new-hire handlers. */
export function hiresHandlers(_deps: ServiceDeps): Pick<HandlerTable, HiresChannels> {
  return {
    'hires:list': unavailable,
    'hires:replay': unavailable,
    'hires:catch-up': unavailable,
    'webhook:status': unavailable,
    'webhook:rotate-secret': unavailable,
  };
}
