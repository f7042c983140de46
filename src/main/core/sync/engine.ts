/**
 * The sync engine: plan → apply for a profile, in the profile's direction or
 * as Reconcile; one run per profile at a time; every run recorded with its
 * items; progress and finish events; cancellation between records. The
 * contract handlers, the CLI (through them) and the scheduler call this.
 */
import type { PlanView, RunDetail, RunSummary, RunTrigger, SyncDirection } from '../../../shared/api/sync-views.ts';
import type { RunListFilter } from '../../../shared/api/run-filter.ts';
import { AppError } from '../errors.ts';
import type { ServiceDeps } from '../service/service-deps.ts';
import type { EngineHttpOptions } from './engine-plan.ts';
import { computePlan, runClients } from './engine-plan.ts';
import type { JournalHooks } from './journal.ts';
import { createLinksStore } from './links-store.ts';
import { createPlanStore } from './plan-store.ts';
import { planView } from './plan-types.ts';
import { runDirection } from './profile-checks.ts';
import type { RunExport } from './run-export.ts';
import { exportRun } from './run-export.ts';
import { createRunLocks } from './run-lock.ts';
import { createRunLog } from './run-log.ts';
import { executeRun } from './run-session.ts';
import { computeUndoPlan } from './undo/undo-plan.ts';
import { saveLastUnmapped } from '../report/report-facts.ts';

/** What the engine is built from: the service's ports, plus test hooks. */
export type SyncEngineDeps = Pick<
  ServiceDeps,
  'settings' | 'secrets' | 'stateDbs' | 'clock' | 'logger' | 'events' | 'env' | 'environmentProfileId' | 'sandbox' | 'redactor'
> & {
  /** HTTP clock, limiter registry, recorder, timeout for the clients (default: the process's). */
  http?: EngineHttpOptions;
  /** Journal hooks (the crash tests kill the process at a journal point). */
  hooks?: JournalHooks;
  /** How long a plan stays applicable (default 15 minutes). */
  planTtlMs?: number;
};

/** Options of a run. */
export interface RunOptions {
  trigger: RunTrigger;
  /** Default: the profile's direction; `reconcile` runs Reconcile (ChartHop as truth). */
  direction?: SyncDirection;
  /** Outbound only: limit the run to these ChartHop jobs (Sync On Change). */
  jobIds?: string[];
  /** Apply even when closes and deletes exceed the profile's safety share. */
  confirmLargeChange?: boolean;
}

/** Options of applying a plan. */
export interface ApplyOptions {
  /** The rows to apply (default: all). */
  rowIds?: string[];
  confirmLargeChange?: boolean;
  /** Default: `reconcile` for a Reconcile plan, else `manual`. */
  trigger?: RunTrigger;
}

/** The engine's API. */
export interface SyncEngine {
  /** Computes a plan without writing anything: `sync` in the profile's direction, `reconcile` with ChartHop as truth. */
  plan(profileId: string, mode: 'sync' | 'reconcile'): Promise<PlanView>;
  /**
   * The plan that reverses run `runId` (nothing is written): shown like Reconcile's and applied
   * with `apply`, which records a run of kind `undo` naming it. Refused with a sentence for an
   * undo run, a run already undone, and runs that wrote no requisitions.
   */
  undoPlan(profileId: string, runId: number): Promise<PlanView>;
  /** Applies (selected rows of) a plan computed by `plan` or `undoPlan`; resolves with the finished run. */
  apply(profileId: string, planId: string, options?: ApplyOptions): Promise<RunSummary>;
  /** Plans and applies in one go (Sync now, the daily run, the CLI). */
  run(profileId: string, options: RunOptions): Promise<RunSummary>;
  /**
   * Sync On Change: an outbound run limited to the changed jobs. When their plan has nothing to write and
   * nothing needs attention, no run is recorded and null comes back (the poll's time is kept by the scheduler).
   */
  runOnChange(profileId: string, jobIds: string[]): Promise<RunSummary | null>;
  /** Asks the profile's running run to stop; false when none runs. */
  cancel(profileId: string): boolean;
  /** True while a run of the profile is going in this engine. */
  isRunning(profileId: string): boolean;
  runs: {
    /** The newest `limit` runs matching `filter`, newest first. */
    list(profileId: string, limit: number, filter?: RunListFilter): RunSummary[];
    get(profileId: string, runId: number): RunDetail;
    export(profileId: string, runId: number, format: 'csv' | 'json'): RunExport;
  };
}

/** Creates an engine. Prefer {@link syncEngineFor} so all callers of one service share runs and plans. */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const now = (): Date => deps.clock.now();
  const plans = createPlanStore(() => now().getTime(), deps.planTtlMs);
  const locks = createRunLocks();

  const runLogOf = (profileId: string) => {
    deps.settings.get(profileId);
    return createRunLog(deps.stateDbs.forProfile(profileId), profileId, deps.redactor.redact);
  };

  return {
    async plan(profileId, mode) {
      const profile = deps.settings.get(profileId);
      const direction = runDirection(profile, mode === 'reconcile' ? 'reconcile' : undefined);
      const clients = await runClients(deps, profile);
      const links = createLinksStore(deps.stateDbs.forProfile(profileId)).all();
      const plan = await computePlan({ profile, direction, clients, links, planId: plans.newId(), now: now() });
      plans.put(plan);
      saveLastUnmapped(deps.stateDbs.forProfile(profileId), plan.createdAt, plan.unmapped);
      deps.logger.info(`Sync: planned ${plan.rows.length} row(s) for profile ${profileId} (${direction})`);
      return planView(plan);
    },
    async undoPlan(profileId, runId) {
      const profile = deps.settings.get(profileId);
      const state = deps.stateDbs.forProfile(profileId);
      const clients = await runClients(deps, profile);
      const plan = await computeUndoPlan({
        profile,
        runId,
        state,
        runLog: createRunLog(state, profileId, deps.redactor.redact),
        clients,
        links: createLinksStore(state).all(),
        planId: plans.newId(),
        now: now(),
      });
      plans.put(plan);
      deps.logger.info(`Sync: planned the undo of run #${runId} for profile ${profileId}: ${plan.rows.length} row(s)`);
      return planView(plan);
    },
    async apply(profileId, planId, options = {}) {
      const plan = plans.get(profileId, planId);
      const profile = deps.settings.get(profileId);
      const direction =
        plan.undoes !== undefined ? plan.direction : runDirection(profile, plan.direction === 'reconcile' ? 'reconcile' : undefined);
      if (direction !== plan.direction) {
        throw new AppError('sync.plan_expired', "The profile's direction changed since this plan was computed. Compute the plan again.");
      }
      let rows = plan.rows;
      if (options.rowIds) {
        const wanted = new Set(options.rowIds);
        rows = plan.rows.filter((r) => wanted.has(r.view.id));
        if (rows.length !== wanted.size) {
          throw new AppError(
            'sync.unknown_rows',
            `${wanted.size - rows.length} of the selected rows are not part of this plan. Compute the plan again and select from it.`,
          );
        }
      }
      return recorded(
        await executeRun(deps, locks, {
          profile,
          direction,
          trigger: options.trigger ?? (direction === 'reconcile' ? 'reconcile' : 'manual'),
          confirmLargeChange: options.confirmLargeChange ?? false,
          source: { kind: 'plan', plan, rows, consume: () => plans.remove(planId) },
          ...(plan.undoes !== undefined ? { undoes: plan.undoes, trigger: options.trigger ?? 'manual' } : {}),
        }),
      );
    },
    async run(profileId, options) {
      const profile = deps.settings.get(profileId);
      const direction = runDirection(profile, options.direction);
      return recorded(
        await executeRun(deps, locks, {
          profile,
          direction,
          trigger: options.trigger,
          confirmLargeChange: options.confirmLargeChange ?? false,
          source: { kind: 'fresh', planId: plans.newId(), jobIds: options.jobIds },
        }),
      );
    },
    async runOnChange(profileId, jobIds) {
      const profile = deps.settings.get(profileId);
      const direction = runDirection(profile, undefined);
      return executeRun(deps, locks, {
        profile,
        direction,
        trigger: 'change',
        confirmLargeChange: false,
        source: { kind: 'fresh', planId: plans.newId(), jobIds },
        skipWhenIdle: true,
      });
    },
    cancel(profileId) {
      const active = locks.active(profileId);
      if (!active) return false;
      active.cancelRequested = true;
      // Stryker disable next-line StringLiteral: equivalent; the HTTP layer turns the abort into its own cancelled failure and the run records a fixed cancel text
      if (!active.applying) active.controller.abort(new AppError('sync.cancelled', 'The run was cancelled.'));
      return true;
    },
    isRunning: (profileId) => locks.active(profileId) !== undefined,
    runs: {
      list: (profileId, limit, filter) => runLogOf(profileId).list(limit, filter),
      get(profileId, runId) {
        const detail = runLogOf(profileId).detail(runId);
        if (!detail) throw new AppError('runs.not_found', `There is no run #${runId} for this profile. Pick one from the Runs list.`);
        return detail;
      },
      export(profileId, runId, format) {
        const log = runLogOf(profileId);
        const run = log.get(runId);
        if (!run) throw new AppError('runs.not_found', `There is no run #${runId} for this profile. Pick one from the Runs list.`);
        const file = exportRun(run, log.items(runId), format);
        // The file leaves ReqBridge: one last pass through the redactor.
        return { ...file, content: deps.redactor.redact(file.content) };
      },
    },
  };
}

/** A run that is always recorded (only `skipWhenIdle` runs may come back without one). */
function recorded(run: RunSummary | null): RunSummary {
  // Stryker disable next-line StringLiteral: unreachable text; only Sync On Change runs (skipWhenIdle) come back without a run, and they do not pass here
  if (!run) throw new Error('A run that records itself came back without a run.');
  return run;
}

const engines = new WeakMap<object, SyncEngine>();

/**
 * The one engine of a service (keyed by its state databases), so the handlers, the tray and
 * the scheduler share the per-profile run lock, the plans and cancellation.
 */
export function syncEngineFor(deps: SyncEngineDeps): SyncEngine {
  let engine = engines.get(deps.stateDbs);
  if (!engine) {
    engine = createSyncEngine(deps);
    engines.set(deps.stateDbs, engine);
  }
  return engine;
}
