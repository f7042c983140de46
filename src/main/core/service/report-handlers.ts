/** Handler of the hand-over report: one call into the report module. */
import type { HandlerTable } from '../api/handler-table.ts';
import { createReport } from '../report/create-report.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Build the report handler. */
export function reportHandlers(deps: ServiceDeps): Pick<HandlerTable, 'report:create'> {
  return { 'report:create': async ({ profileId }) => createReport(deps, profileId) };
}
