/** Read models of the sync engine: plans, runs and their items, as the UI and CLI see them. */
import type { Progress } from './progress-views.ts';
import type { ApiErrorDetails } from './envelope.ts';
import type { MappableValue } from './mapping-views.ts';

/** What a plan row does to a record. */
export type PlanAction = 'create' | 'update' | 'close' | 'delete' | 'link' | 'skip' | 'needs_attention';

/** Every plan action, in the order the Reconcile sheet groups them. */
export const PLAN_ACTIONS: readonly PlanAction[] = ['create', 'update', 'close', 'delete', 'link', 'needs_attention', 'skip'];

/**
 * What a run is, by the direction it moves data in: a requisition sync (`outbound`, `inbound`,
 * `reconcile`), candidate metrics, or the new-hire catch-up — a `hires` run is recorded only when
 * the daily run's catch-up failed (its decisions are on the Hires page, not in run items).
 */
export type SyncDirection = 'outbound' | 'inbound' | 'reconcile' | 'metrics' | 'hires';

/** What started a run. */
export type RunTrigger = 'manual' | 'reconcile' | 'schedule' | 'change' | 'cli';

/** One field's change: before → after, as display strings (null when absent). */
export interface FieldDiff {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** One record of a plan: the action, why, and the field-level diff. */
export interface PlanRowView {
  id: string;
  action: PlanAction;
  /** Stable reason code, e.g. `job_active_unlinked`, `fields_drifted`, `unmapped_value`. */
  reason: string;
  /** The reason as a sentence. */
  reasonText: string;
  title: string;
  jobId: string | null;
  requisitionId: string | null;
  requisitionCode: string | null;
  diff: FieldDiff[];
  /** Odd data the record is written despite, each as a sentence (a user who left Lever, a posting that is gone …). */
  warnings?: string[];
  /** A page to open for this row (an undo plan links each person a run created to ChartHop). */
  link?: { label: string; url: string };
  /** On a row skipped as unmapped: the values a mapping can fix (Map… in the Reconcile sheet). */
  unmapped?: MappableValue[];
}

/** A value that has no counterpart in the other system (add it to the profile's crosswalk). */
export interface UnmappedValue {
  kind: 'department' | 'team' | 'location' | 'employment' | 'user';
  value: string;
  records: number;
  /** The system the value comes from (ChartHop on an outbound plan, Lever on an inbound one). */
  from?: MappableValue['from'];
}

/** Counts of a plan or run by action. */
export type ActionCounts = Record<PlanAction, number>;

/** A computed plan, waiting to be applied (Reconcile shows it first). */
export interface PlanView {
  planId: string;
  profileId: string;
  direction: SyncDirection;
  createdAt: string;
  rows: PlanRowView[];
  counts: ActionCounts;
  unmapped: UnmappedValue[];
  /** Why closes and deletes would be refused or need confirmation, when they would. */
  safety: { closesOrDeletes: number; linked: number; share: number; limit: number; needsConfirmation: boolean };
  /** Set on an undo plan: the run it reverses. */
  undoes?: number;
  /** What to know before applying (an undo plan: the schedules that would plan the records again). */
  notice?: string;
}

/** What a run is: a sync (plan and apply, Reconcile, metrics) or the undo of an earlier run. */
export type RunKind = 'sync' | 'undo';

/** How a run ended (or that it is still going). */
export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'cancelled' | 'needs_confirmation';

/** Counts of a run by outcome. */
export interface RunCounts {
  created: number;
  updated: number;
  closed: number;
  deleted: number;
  linked: number;
  skipped: number;
  attention: number;
  failed: number;
  /** Records not written because the run was cancelled or stopped before reaching them (planned again next time). */
  cancelled: number;
}

/** A run in the history table. */
export interface RunSummary {
  id: number;
  profileId: string;
  trigger: RunTrigger;
  direction: SyncDirection;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  counts: RunCounts;
  error: string | null;
  /** For a run that failed on a vendor call: the call's safe details (status, endpoint, request id …). */
  errorDetails?: ApiErrorDetails | null;
  /** For a run stopped for confirmation: how many closes/deletes of how many linked records. */
  safety?: PlanView['safety'] | null;
  /** `undo` for a run that reversed another (absent on older records: `sync`). */
  kind?: RunKind;
  /** For an undo run: the run it reversed. */
  undoes?: number | null;
  /** The undo run that reversed this run, once one applied anything. */
  undoneBy?: number | null;
}

/** What happened to one record in a run. */
export interface RunItemView {
  id: number;
  recordKey: string;
  title: string;
  action: PlanAction;
  outcome: 'applied' | 'failed' | 'skipped' | 'attention' | 'cancelled';
  reason: string;
  reasonText: string;
  diff: FieldDiff[];
  error: string | null;
  /** Odd data the record was written despite (see {@link PlanRowView.warnings}). */
  warnings?: string[];
}

/** A run with its items. */
export interface RunDetail extends RunSummary {
  items: RunItemView[];
}

/** Progress of a running run, pushed as `run:progress` (records done / total, ETA while applying). */
export interface RunProgress extends Progress<'reading' | 'planning' | 'applying' | 'finishing'> {
  runId: number;
}
