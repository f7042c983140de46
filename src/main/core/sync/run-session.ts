/**
 * One run from lock to finish: take the profile's lock, build its clients,
 * record the run, settle what an interrupted run left in the journal, plan
 * (or take the approved rows of a plan), stop for confirmation past the
 * safety share, apply through the journal with progress, and record how it
 * ended. Precondition failures (busy, invalid profile, missing credentials)
 * throw before a run is recorded; everything after is recorded in the run —
 * with the safe details of the vendor call when one failed it.
 * (A thrown precondition of a scheduled run is recorded by the daily run,
 * `runDaily` in schedule/schedule-service.ts, as a failed run of its step.)
 */
import type { ApiErrorDetails } from '../../../shared/api/envelope.ts';
import type { RunStatus, RunSummary, RunTrigger, SyncDirection } from '../../../shared/api/sync-views.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { isAppError } from '../errors.ts';
import { errorDetailsOf, httpFailureBehind } from '../http/error-details.ts';
import { isHttpFailure } from '../http/errors.ts';
import { applyRows } from './apply-rows.ts';
import type { SyncEngineDeps } from './engine.ts';
import { computePlan, runClients } from './engine-plan.ts';
import { createJournal } from './journal.ts';
import { createLinksStore } from './links-store.ts';
import type { EnginePlan, PlannedRow, SafetyFigures } from './plan-types.ts';
import { safetyOf } from './plan-types.ts';
import { createProgressReporter } from './progress.ts';
import type { RunLocks } from './run-lock.ts';
import type { NewRunItem } from './run-log.ts';
import { createRunLog } from './run-log.ts';
import type { Settlement } from './settle.ts';
import { settleJournal } from './settle.ts';
import { undoableRun } from './undo/undo-plan.ts';
import { saveLastUnmapped } from '../report/report-facts.ts';

/** Where a run's rows come from: a fresh plan, or the approved rows of a stored plan. */
export type RunSource =
  | { kind: 'fresh'; planId: string; jobIds?: string[] | undefined }
  | { kind: 'plan'; plan: EnginePlan; rows: PlannedRow[]; consume(): void };

/** What one run is. */
export interface RunRequest {
  profile: ProfileSettings;
  direction: SyncDirection;
  trigger: RunTrigger;
  confirmLargeChange: boolean;
  source: RunSource;
  /** Set when the run undoes an earlier run (recorded as a run of kind `undo` naming it). */
  undoes?: number;
  /** Sync On Change: plan first, and record no run (resolve null) when nothing would be written or needs attention. */
  skipWhenIdle?: boolean;
}

const pct = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** Why a run stopped for confirmation, as a sentence. */
export function safetyText(s: SafetyFigures): string {
  return `Stopped before writing anything: this run would close or delete ${s.closesOrDeletes} of ${s.linked} linked records (${pct(s.share)}), more than the ${pct(s.limit)} the profile allows. Review the plan (Reconcile…, or reqbridge plan), then confirm to apply it anyway.`;
}

function settledItem(s: Settlement): NewRunItem {
  const op = s.intent.op;
  const title =
    op.kind === 'lever.create' ? op.input.name : op.kind === 'charthop.create' ? String(op.body['title'] ?? op.code) : s.intent.recordKey;
  const code = 'code' in op ? op.code : null;
  return {
    recordKey: code ?? s.intent.recordKey,
    title,
    action: 'create',
    outcome: 'applied',
    reason: 'recovered_after_interruption',
    reasonText: s.text,
    diff: [],
    error: null,
    jobId: 'jobId' in op ? op.jobId : null,
    requisitionId: 'requisitionId' in op ? op.requisitionId : null,
    requisitionCode: code,
  };
}

/** Runs one request to its end and returns the recorded run; null when a `skipWhenIdle` run had nothing to do. */
export async function executeRun(deps: SyncEngineDeps, locks: RunLocks, request: RunRequest): Promise<RunSummary | null> {
  const { profile, direction, source } = request;
  const now = (): Date => deps.clock.now();
  const state = deps.stateDbs.forProfile(profile.id);
  const active = locks.acquire(profile.id, state, direction, now());
  try {
    const clients = await runClients(deps, profile, active.controller.signal);
    const runLog = createRunLog(state, profile.id, deps.redactor.redact);
    const journal = createJournal(state);
    const links = createLinksStore(state);
    runLog.markInterrupted(null, now());
    // Checked under the lock, so two undos of one run cannot both start.
    if (request.undoes !== undefined) undoableRun(runLog, request.undoes);
    // Sync On Change after ReqBridge's own writes (or an edit of a field nobody syncs): plan before recording a run.
    let idleCheck: EnginePlan | null = null;
    if (request.skipWhenIdle && source.kind === 'fresh' && journal.unfinished().length === 0) {
      idleCheck = await computePlan({
        profile,
        direction,
        clients,
        links: links.all(),
        planId: source.planId,
        now: now(),
        jobIds: source.jobIds,
      });
      if (idleCheck.rows.every((row) => row.view.action === 'skip')) {
        deps.logger.info(
          `Sync: Sync On Change of profile ${profile.id} found nothing to do in ${source.jobIds?.length ?? 0} changed job(s); no run recorded`,
        );
        return null;
      }
    }
    const runId = runLog.start(request.trigger, direction, now(), request.undoes);
    active.runId = runId;
    const progress = createProgressReporter(
      { profileId: profile.id, runId },
      (p) => deps.events.emit('run:progress', p),
      () => now().getTime(),
    );
    const finish = (status: RunStatus, error: string | null, safety?: SafetyFigures, errorDetails?: ApiErrorDetails | null): RunSummary => {
      progress.phase('finishing');
      const summary = runLog.finish(runId, {
        status,
        at: now(),
        error,
        ...(safety ? { safety } : {}),
        ...(errorDetails ? { errorDetails } : {}),
      });
      deps.logger.info(`Sync: run #${runId} of profile ${profile.id} (${direction}) ended ${status}`);
      deps.events.emit('run:finished', summary);
      return summary;
    };
    try {
      progress.phase('reading');
      const settled = await settleJournal({
        state,
        journal,
        links,
        lever: clients.lever,
        charthop: clients.charthop,
        now,
        logger: deps.logger,
      });
      for (const s of settled) if (s.outcome === 'recovered') runLog.addItem(runId, settledItem(s));
      let plan: EnginePlan;
      let rows: PlannedRow[];
      if (source.kind === 'plan') {
        if (settled.length > 0) {
          return finish(
            'failed',
            'Nothing from the plan was applied: an interrupted earlier run had unfinished writes, now settled, so the plan may be out of date. Compute the plan again and apply the new one.',
          );
        }
        ({ plan, rows } = source);
      } else {
        plan =
          idleCheck && settled.length === 0
            ? idleCheck
            : await computePlan({
                profile,
                direction,
                clients,
                links: links.all(),
                planId: source.planId,
                now: now(),
                jobIds: source.jobIds,
              });
        rows = plan.rows;
        // A Sync On Change run sees only the changed jobs: only a full plan says what is unmapped.
        if (!source.jobIds?.length) saveLastUnmapped(state, plan.createdAt, plan.unmapped);
      }
      progress.phase('planning', rows.length);
      const safety = safetyOf(rows, plan.linked, plan.limit);
      if (safety.needsConfirmation && !request.confirmLargeChange) return finish('needs_confirmation', safetyText(safety), safety);
      if (source.kind === 'plan') source.consume();
      active.applying = true;
      progress.phase('applying', rows.length);
      const result = await applyRows({
        rows,
        runId,
        state,
        journal,
        links,
        runLog,
        lever: clients.lever,
        charthop: clients.charthop,
        hooks: deps.hooks,
        now,
        isCancelled: () => active.cancelRequested,
        progress: (done, total) => progress.done(done, total),
        redact: (t) => deps.redactor.redact(t),
      });
      if (result.cancelled)
        return finish('cancelled', 'Cancelled: the records not yet written are listed as cancelled and are planned again next time.');
      if (result.stopped)
        return finish(
          'failed',
          `Stopped: ${result.stopped} The records not yet written are listed as cancelled.`,
          undefined,
          result.stoppedDetails,
        );
      const counts = (runLog.get(runId) as RunSummary).counts;
      if (counts.failed === 0) return finish('succeeded', null);
      const applied = counts.created + counts.updated + counts.closed + counts.deleted + counts.linked;
      return finish(
        applied > 0 ? 'partial' : 'failed',
        `${counts.failed} record${counts.failed === 1 ? '' : 's'} failed; each item says why. They are tried again on the next run.`,
      );
    } catch (error) {
      // Stryker disable next-line LogicalOperator: equivalent; the only abort is cancel() (flag set first), and the HTTP layer turns every aborted call into a cancelled failure
      if (active.cancelRequested || isHttpFailure(error, 'cancelled')) return finish('cancelled', 'Cancelled before anything was written.');
      if (!isAppError(error)) deps.logger.error(`Sync: run #${runId} failed unexpectedly`, error);
      const message = isAppError(error)
        ? error.message
        : 'Something went wrong inside ReqBridge; the details are in the log. Try again, and report it if it persists.';
      const details = httpFailureBehind(error) ? errorDetailsOf(error, now(), (text) => deps.redactor.redact(text)) : null;
      return finish('failed', deps.redactor.redact(message), undefined, details);
    }
  } finally {
    locks.release(active, state);
  }
}
