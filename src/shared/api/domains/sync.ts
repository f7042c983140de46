/** Contract of the sync engine: plans, Sync now, Reconcile, cancellation and the run log. */
import { z } from 'zod';
import { profileIdSchema } from '../../settings/schema.ts';
import { runListFilterSchema } from '../run-filter.ts';
import type { PlanView, RunDetail, RunProgress, RunSummary } from '../sync-views.ts';
import { out, profileRef } from './out.ts';

const runRef = z.object({ profileId: profileIdSchema, runId: z.number().int().positive() }).strict();

/** Request channels of the sync engine. */
export const syncRequests = {
  /** Compute a plan without writing anything: `sync` for the profile's direction, `reconcile` with ChartHop as truth. */
  'sync:plan': { input: z.object({ profileId: profileIdSchema, mode: z.enum(['sync', 'reconcile']) }).strict(), output: out<PlanView>() },
  /** Apply the selected rows of a plan; resolves when the run ends (progress comes as `run:progress`). */
  'sync:apply': {
    input: z
      .object({
        profileId: profileIdSchema,
        planId: z.string().min(1),
        rowIds: z.array(z.string()).max(100_000),
        confirmLargeChange: z.boolean().default(false),
      })
      .strict(),
    output: out<RunSummary>(),
  },
  /** Sync now: plan and apply the profile's direction in one go (stops for confirmation past the safety limit). */
  'sync:run': {
    input: z.object({ profileId: profileIdSchema, confirmLargeChange: z.boolean().default(false) }).strict(),
    output: out<RunSummary>(),
  },
  /** Cancel the profile's running run between two records. */
  'sync:cancel': { input: profileRef, output: out<{ cancelled: boolean }>() },
  /** Pull candidate metrics for every linked requisition into ChartHop now (the daily run does it too). */
  'metrics:run': { input: profileRef, output: out<RunSummary>() },
  /** The profile's runs, newest first, narrowed by the optional filters (kind, trigger, status, search). */
  'runs:list': {
    input: z
      .object({ profileId: profileIdSchema, limit: z.number().int().min(1).max(500).default(50), filter: runListFilterSchema.optional() })
      .strict(),
    output: out<RunSummary[]>(),
  },
  'runs:get': { input: runRef, output: out<RunDetail>() },
  'runs:export': {
    input: z.object({ profileId: profileIdSchema, runId: z.number().int().positive(), format: z.enum(['csv', 'json']) }).strict(),
    output: out<{ fileName: string; mimeType: string; content: string }>(),
  },
  /** The plan that reverses a run (nothing is written); apply its selected rows with `sync:apply`. Refused for an undo run or a run already undone. */
  'runs:undo-plan': { input: runRef, output: out<PlanView>() },
} as const;

/** Push events of the sync engine. */
export const syncEvents = {
  'run:progress': out<RunProgress>(),
  'run:finished': out<RunSummary>(),
} as const;
