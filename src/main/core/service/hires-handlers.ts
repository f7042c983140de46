/** Handlers of the new-hire flow: thin calls into the hires runtime (src/main/core/hires). */
import type { HandlerTable } from '../api/handler-table.ts';
import type { ServiceDeps } from './service-deps.ts';

type HiresChannels =
  | 'hires:list'
  | 'hires:replay'
  | 'hires:job-match'
  | 'hires:link-job'
  | 'hires:catch-up'
  | 'hires:cancel-catch-up'
  | 'webhook:status'
  | 'webhook:rotate-secret'
  | 'webhook:test-delivery';

/** Build the new-hire handlers. The runtime is read on each call, so a table built from partial deps still type-checks. */
export function hiresHandlers(deps: ServiceDeps): Pick<HandlerTable, HiresChannels> {
  return {
    // Decisions can quote a vendor's error text: they pass through the redactor on the way out.
    'hires:list': async ({ profileId, limit }) => deps.redactor.redactValue(await deps.hires.list(profileId, limit)),
    'hires:replay': async ({ profileId, hireId }) => deps.redactor.redactValue(await deps.hires.replay(profileId, hireId)),
    'hires:job-match': async ({ profileId, hireId }) => deps.redactor.redactValue(await deps.hires.jobMatch(profileId, hireId)),
    'hires:link-job': async ({ profileId, hireId, jobId }) => deps.redactor.redactValue(await deps.hires.linkJob(profileId, hireId, jobId)),
    'hires:catch-up': async ({ profileId }) => deps.hires.catchUp(profileId),
    'hires:cancel-catch-up': async ({ profileId }) => ({ cancelled: deps.hires.cancelCatchUp(profileId) }),
    'webhook:status': async ({ profileId }) => deps.hires.status(profileId),
    'webhook:rotate-secret': async ({ profileId }) => deps.hires.rotateSecret(profileId),
    'webhook:test-delivery': async ({ profileId }) => deps.hires.testDelivery(profileId),
  };
}
