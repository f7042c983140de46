/** Handler of "Pull candidate metrics now". */
import type { HandlerTable } from '../api/handler-table.ts';
import { runMetricsJob } from '../metrics/metrics-job.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Build the metrics handler. */
export function metricsHandlers(deps: ServiceDeps): Pick<HandlerTable, 'metrics:run'> {
  return {
    'metrics:run': async ({ profileId }, context) => runMetricsJob(deps, profileId, context.transport === 'in-process' ? 'cli' : 'manual'),
  };
}
