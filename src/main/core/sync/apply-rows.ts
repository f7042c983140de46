/**
 * Applying a plan's rows through the journal: PLANNED → SENT → remote writes →
 * CONFIRMED with the links and the run item in one transaction (or FAILED with
 * the error). Rows that only report (skip, needs attention) become run items.
 *
 * Two lanes, so neither vendor waits on the other's pacing: this loop sends each
 * record's first write (a requisition create's Lever POST) and moves on, while a
 * completion lane (completion-lane.ts) finishes the records in plan order: the
 * ChartHop write-back, the confirmation, the run item, the progress. The lane's
 * backlog is bounded by PIPELINE_DEPTH. A crash leaves at most that many creates
 * SENT with their ids recorded; the next run settles them (settle.ts) as it
 * settles one.
 *
 * Cancellation is checked between records (a create already sent is still
 * completed); a failure that will hit every record (rejected key, missing
 * permission, the vendor down), in either lane, stops the run instead of
 * failing hundreds of records one by one.
 */
import type { ApiErrorDetails } from '../../../shared/api/envelope.ts';
import type { ChartHopClient } from '../charthop/client.ts';
import { errorDetailsOf } from '../http/error-details.ts';
import { isHttpFailure } from '../http/errors.ts';
import type { FailureKind } from '../http/errors.ts';
import type { LeverClient } from '../lever/client.ts';
import type { StateDb } from '../state/state-db.ts';
import { startOp } from './apply-ops.ts';
import { createCompletionLane } from './completion-lane.ts';
import type { JournalHooks, Journal } from './journal.ts';
import type { LinksStore } from './links-store.ts';
import type { PlannedRow } from './plan-types.ts';
import type { NewRunItem, RunLog } from './run-log.ts';

/** Failures that would repeat for every record: the run stops on them. */
const SYSTEMIC: readonly FailureKind[] = [
  'unauthorized',
  'forbidden',
  'rate_limited',
  'unavailable',
  'unreachable',
  'timeout',
  'retry_budget_exhausted',
  'cancelled',
];

/** How many records may wait for their completion (ChartHop write-back, confirmation) while Lever writes go on. */
export const PIPELINE_DEPTH = 8;

/** What applying rows needs. */
export interface ApplyRowsContext {
  rows: readonly PlannedRow[];
  runId: number;
  state: StateDb;
  journal: Journal;
  links: LinksStore;
  runLog: RunLog;
  lever: LeverClient;
  charthop: ChartHopClient;
  hooks?: JournalHooks | undefined;
  now(): Date;
  isCancelled(): boolean;
  /** Called after each record with records done and total. */
  progress(done: number, total: number): void;
  /** Masks secrets in error text. */
  redact(text: string): string;
}

/** How applying ended. */
export interface ApplyRowsResult {
  /** Why the run stopped early (a systemic failure), or null. */
  stopped: string | null;
  /** The safe details of the vendor call that stopped the run, or null. */
  stoppedDetails: ApiErrorDetails | null;
  cancelled: boolean;
}

/** The run item of a row with an outcome. */
export function itemOf(
  row: PlannedRow,
  outcome: NewRunItem['outcome'],
  error: string | null = null,
  reasonText?: string,
  moreWarnings: readonly string[] = [],
): NewRunItem {
  const v = row.view;
  const warnings = [...(v.warnings ?? []), ...moreWarnings];
  return {
    recordKey: v.requisitionCode ?? v.id,
    title: v.title,
    action: v.action,
    outcome,
    reason: v.reason,
    reasonText: reasonText ?? v.reasonText,
    diff: v.diff,
    error,
    jobId: v.jobId,
    requisitionId: v.requisitionId,
    requisitionCode: v.requisitionCode,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** Applies `rows` in order; never throws for a record's failure. */
export async function applyRows(ctx: ApplyRowsContext): Promise<ApplyRowsResult> {
  const total = ctx.rows.length;
  const lane = createCompletionLane(PIPELINE_DEPTH);
  let stopped: string | null = null;
  let stoppedDetails: ApiErrorDetails | null = null;
  let cancelled = false;
  let writes = 0;
  let done = 0;
  const advance = (): void => {
    done += 1;
    ctx.progress(done, total);
  };
  /** Notes a failed write at once (a systemic one stops the run before the next record is sent); returns the step that records it. */
  const failed = (intentId: number, row: PlannedRow, error: unknown): (() => void) => {
    const message = ctx.redact(error instanceof Error ? error.message : String(error));
    // Stryker disable next-line BooleanLiteral,ConditionalExpression: unreachable; cancel aborts the signal only before applying, and then the loop stops before the first write.
    if (isHttpFailure(error, 'cancelled')) cancelled = true;
    else if (isHttpFailure(error, ...SYSTEMIC) && !stopped) {
      stopped = message;
      stoppedDetails = errorDetailsOf(error, ctx.now(), ctx.redact);
    }
    return () =>
      ctx.state.transaction(() => {
        ctx.journal.failed(intentId, message, ctx.now());
        ctx.runLog.addItem(ctx.runId, itemOf(row, isHttpFailure(error, 'cancelled') ? 'cancelled' : 'failed', message));
      });
  };

  for (const row of ctx.rows) {
    if (!stopped && !cancelled && ctx.isCancelled()) cancelled = true;
    if (stopped || cancelled) {
      const why = `Not attempted: ${stopped ?? 'the run was cancelled.'}`;
      await lane.push(() => ctx.runLog.addItem(ctx.runId, itemOf(row, 'cancelled', why)));
      continue;
    }
    const op = row.op;
    if (!op) {
      await lane.push(() => {
        ctx.runLog.addItem(ctx.runId, itemOf(row, row.view.action === 'needs_attention' ? 'attention' : 'skipped'));
        advance();
      });
      continue;
    }
    const info = { recordKey: row.view.id, action: row.view.action, index: writes };
    writes += 1;
    const hook = async (point: Parameters<NonNullable<JournalHooks['at']>>[0]): Promise<void> => {
      await ctx.hooks?.at?.(point, info);
    };
    const intentId = ctx.state.transaction(() => ctx.journal.planned(ctx.runId, row.view.id, row.view.action, op, ctx.now()));
    await hook('after_planned');
    ctx.state.transaction(() => ctx.journal.sent(intentId, ctx.now()));
    await hook('after_sent');
    let started: Awaited<ReturnType<typeof startOp>>;
    try {
      started = await startOp(op, {
        lever: ctx.lever,
        charthop: ctx.charthop,
        afterWrite: () => hook('after_write'),
        created: (record) => ctx.state.transaction(() => ctx.journal.created(intentId, record, ctx.now())),
      });
    } catch (error) {
      const record = failed(intentId, row, error);
      await lane.push(() => {
        record();
        advance();
      });
      continue;
    }
    await lane.push(async () => {
      try {
        const effect = await started.complete();
        await hook('before_confirmed');
        ctx.state.transaction(() => {
          if (effect.link) ctx.links.upsert(effect.link, ctx.now());
          if (effect.unlinkRequisition) ctx.links.removeByRequisition(effect.unlinkRequisition);
          ctx.journal.confirmed(intentId, effect.result, ctx.now());
          ctx.runLog.addItem(
            ctx.runId,
            itemOf(row, 'applied', null, effect.note ? `${row.view.reasonText} ${effect.note}` : undefined, effect.warnings),
          );
        });
      } catch (error) {
        failed(intentId, row, error)();
      }
      advance();
    });
  }
  await lane.drain();
  return { stopped, stoppedDetails, cancelled };
}
