/**
 * The new-hire flow of one profile: its stores, clients, receiver, worker,
 * and the list, replay and catch-up operations the handlers call. A catch-up
 * reports `catch-up:progress` and ends with `catch-up:finished`, whoever
 * started it (Catch up now, the daily run, the app's start), and can be
 * cancelled between two hires.
 */
import type { CatchUpResult, HireView, JobMatchView } from '../../../shared/api/hires-views.ts';
import { directionOf } from '../../../shared/settings/options.ts';
import { profileClientsFor } from '../clients/profile-clients.ts';
import { AppError, isAppError } from '../errors.ts';
import type { ServiceDeps } from '../service/service-deps.ts';
import { runCatchUp } from './catch-up.ts';
import type { FreshnessWindow } from './delivery.ts';
import { createInbox } from './inbox.ts';
import { linkJob, matchJob } from './job-match.ts';
import type { JobMatchContext } from './job-match.ts';
import type { InboxKind, InboxRow } from './inbox.ts';
import { createLedger } from './ledger.ts';
import type { ListenerAnswer } from './listener.ts';
import { createReceiver } from './receiver.ts';
import { hireView } from './views.ts';
import { createHireWorker } from './worker.ts';
import type { HireStores, HireWorker, WorkerClients } from './worker.ts';

/** The ports the new-hire flow uses (a subset of the service's deps). */
export type HiresDeps = Pick<
  ServiceDeps,
  'settings' | 'secrets' | 'stateDbs' | 'clock' | 'logger' | 'events' | 'env' | 'environmentProfileId' | 'sandbox' | 'redactor'
>;

/** Tunables of a profile's flow. */
export interface ProfileHiresOptions {
  freshness: FreshnessWindow;
  leaseMs?: number;
  maxAttempts?: number;
  catchUp?: { lookbackDays?: number; overlapMs?: number };
  /** Test hook: after the 2xx of a new hire, before processing is scheduled. */
  afterAcknowledge?: (profileId: string, rowId: number) => void;
}

/** One profile's flow. */
export interface ProfileHires {
  readonly profileId: string;
  stores(): HireStores;
  readonly worker: HireWorker;
  clients(): Promise<WorkerClients>;
  signatureToken(): Promise<string | null>;
  readonly receive: (body: Buffer) => Promise<ListenerAnswer>;
  list(limit: number): HireView[];
  replay(hireId: string): Promise<HireView>;
  /** The ChartHop jobs a "Job missing" hire could go into. */
  jobMatch(hireId: string): Promise<JobMatchView>;
  /** Links the hire's requisition to `jobId` when it is still the one match, then replays the hire. */
  linkJob(hireId: string, jobId: string): Promise<HireView>;
  /** Runs a catch-up, or joins the one under way. */
  catchUp(): Promise<CatchUpResult>;
  /** Asks the catch-up under way to stop after the hire in progress; false when none is running. */
  cancelCatchUp(): boolean;
}

/** Builds a profile's flow. `sandboxToken` supplies the signature token of a webhook ReqBridge registered itself. */
export function createProfileHires(
  deps: HiresDeps,
  profileId: string,
  options: ProfileHiresOptions,
  hooks: { sandboxToken: () => string | null; onStatusChange: () => void },
): ProfileHires {
  const now = (): Date => deps.clock.now();
  const stores = (): HireStores => {
    const state = deps.stateDbs.forProfile(profileId);
    return { state, inbox: createInbox(state), ledger: createLedger(state) };
  };
  const announce = (row: InboxRow): void => deps.events.emit('hire:received', hireView(profileId, row));

  async function clients(signal?: AbortSignal): Promise<WorkerClients> {
    const built = await profileClientsFor(deps, profileId, { timeoutMs: 20_000, ...(signal ? { signal } : {}) });
    return { lever: built.lever, charthop: built.charthop };
  }

  async function signatureToken(): Promise<string | null> {
    return hooks.sandboxToken() ?? (await deps.secrets.reveal(profileId, 'leverWebhookSignatureToken'));
  }

  const worker = createHireWorker({
    open: stores,
    clients: () => clients(),
    now,
    logger: deps.logger,
    onChanged: announce,
    direction: () => directionOf(deps.settings.get(profileId).sourceOfTruth),
    // Passed as given: the worker falls back to its defaults for an unset (undefined) tunable.
    leaseMs: options.leaseMs,
    maxAttempts: options.maxAttempts,
  });

  const receive = createReceiver({
    inbox: () => stores().inbox,
    signatureToken,
    now,
    freshness: options.freshness,
    logger: deps.logger,
    onQueued: () => worker.kick(),
    onRecorded: (kind: InboxKind, rowId: number) => {
      if (kind === 'ping') deps.secrets.markVerified(profileId, 'leverWebhookSignatureToken', now());
      const row = kind === 'hire' ? stores().inbox.get(rowId) : null;
      if (row) announce(row);
      hooks.onStatusChange();
    },
    ...(options.afterAcknowledge ? { afterAcknowledge: (rowId: number) => options.afterAcknowledge?.(profileId, rowId) } : {}),
  });

  /** A hire row of this profile's log (with its opportunity), or an error saying there is none. */
  function hireRow(hireId: string): InboxRow & { opportunityId: string } {
    const id = Number(hireId);
    const row = Number.isSafeInteger(id) ? stores().inbox.get(id) : null;
    if (!row || row.kind !== 'hire' || !row.opportunityId) {
      throw new AppError('hires.not_found', `There is no hire #${hireId} in this profile's log. Refresh the Hires page and try again.`);
    }
    return { ...row, opportunityId: row.opportunityId };
  }

  /** A decided "Job missing" hire of this profile, and what matching it works with. */
  async function missingJobOf(hireId: string): Promise<{ row: InboxRow & { opportunityId: string }; ctx: JobMatchContext }> {
    const { state } = stores();
    const row = hireRow(hireId);
    if (row.decision !== 'job_missing') {
      throw new AppError(
        'hires.not_job_missing',
        'This hire is not waiting for a ChartHop job (its decision changed). Refresh the Hires page.',
      );
    }
    const { lever, charthop } = await clients();
    if (!lever || !charthop) {
      throw new AppError(
        'hires.not_configured',
        'Finding the ChartHop job needs the Lever API key, the ChartHop API token and the ChartHop org. ' +
          'Set them in Setup, then try again.',
      );
    }
    return { row, ctx: { state, lever, charthop, settings: deps.settings.get(profileId) } };
  }

  /** Decides a recorded hire again, on its own row. */
  async function replay(hireId: string): Promise<HireView> {
    const { inbox } = stores();
    const row = hireRow(hireId);
    if (row.status === 'queued' || row.status === 'processing') {
      throw new AppError('hires.busy', 'That hire is still being processed. Wait for its decision, then replay it if needed.');
    }
    // The same row is decided again (a replay is not a second hire), so the log keeps one row per delivery.
    inbox.replay(row.id);
    const queued = inbox.get(row.id);
    if (queued) announce(queued);
    await worker.drain();
    const done = stores().inbox.get(row.id);
    if (!done) throw new AppError('hires.not_found', 'The replayed hire disappeared from the log (was the profile deleted?).');
    return hireView(profileId, done);
  }

  let catchingUp: { result: Promise<CatchUpResult>; cancel: () => void } | null = null;

  /** One catch-up: its listing reads through a client the cancel aborts; hires are processed by the worker's own clients. */
  function startCatchUp(): { result: Promise<CatchUpResult>; cancel: () => void } {
    const controller = new AbortController();
    let cancelRequested = false;
    const result = (async () => {
      try {
        const { lever } = await clients(controller.signal);
        if (!lever)
          throw new AppError('hires.not_configured', 'Catch-up needs the Lever API key of this profile. Set it in Setup, then try again.');
        const { inbox, ledger } = stores();
        return await runCatchUp({
          profileId,
          inbox,
          ledger,
          lever,
          worker,
          now,
          logger: deps.logger,
          onQueued: announce,
          onProgress: (progress) => deps.events.emit('catch-up:progress', progress),
          isCancelled: () => cancelRequested,
          ...options.catchUp,
        });
      } finally {
        catchingUp = null;
      }
    })();
    result.then(
      (value) => deps.events.emit('catch-up:finished', { profileId, result: value, error: null }),
      (error: unknown) =>
        deps.events.emit('catch-up:finished', {
          profileId,
          result: null,
          error: isAppError(error) ? deps.redactor.redact(error.message) : 'The catch-up failed (the details are in the log).',
        }),
    );
    return {
      result,
      cancel() {
        cancelRequested = true;
        // Stryker disable next-line StringLiteral: never shown nor logged; the catch-up, cancelled first, swallows the aborted listing's error
        controller.abort(new AppError('hires.cancelled', 'The catch-up was cancelled.'));
      },
    };
  }

  return {
    profileId,
    stores,
    worker,
    clients,
    signatureToken,
    receive,
    list: (limit) =>
      stores()
        .inbox.listHires(limit)
        .map((row) => hireView(profileId, row)),
    replay,
    async jobMatch(hireId) {
      const { row, ctx } = await missingJobOf(hireId);
      return (await matchJob(ctx, row)).view;
    },
    async linkJob(hireId, jobId) {
      const { row, ctx } = await missingJobOf(hireId);
      await linkJob(ctx, row, jobId);
      deps.logger.info(`Hire ${row.id}: Lever requisition of opportunity ${row.opportunityId} linked to ChartHop job ${jobId} (Link now)`);
      return replay(hireId);
    },
    catchUp() {
      catchingUp ??= startCatchUp();
      return catchingUp.result;
    },
    cancelCatchUp() {
      if (!catchingUp) return false;
      catchingUp.cancel();
      return true;
    },
  };
}
