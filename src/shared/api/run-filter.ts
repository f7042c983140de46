/** The Runs list's filters (kind, trigger, status, search), checked the same way on every transport. */
import { z } from 'zod';
import type { RunStatus, RunTrigger } from './sync-views.ts';

/** What a run was, as the Runs list filters it: a sync in the profile's direction, a Reconcile, an undo, candidate metrics or the new-hire catch-up. */
export const RUN_LIST_KINDS = ['sync', 'reconcile', 'undo', 'metrics', 'hires'] as const;

/** One kind of run in the Runs list's filter. */
export type RunListKind = (typeof RUN_LIST_KINDS)[number];

/** Every trigger a run is recorded with. */
export const RUN_TRIGGERS = ['manual', 'reconcile', 'schedule', 'change', 'cli'] as const satisfies readonly RunTrigger[];

/** Every status a run is recorded with. */
export const RUN_STATUSES = [
  'running',
  'succeeded',
  'partial',
  'failed',
  'cancelled',
  'needs_confirmation',
] as const satisfies readonly RunStatus[];

/**
 * The filters of `runs:list`, each optional: `search` matches a run number ("12" or "#12"), the run's error,
 * or the title or requisition code of any of its records.
 */
export const runListFilterSchema = z
  .object({
    kind: z.enum(RUN_LIST_KINDS).optional(),
    trigger: z.enum(RUN_TRIGGERS).optional(),
    status: z.enum(RUN_STATUSES).optional(),
    search: z.string().trim().max(200).optional(),
  })
  .strict();

/** The Runs list's filters; an absent one does not filter. */
export type RunListFilter = z.infer<typeof runListFilterSchema>;
