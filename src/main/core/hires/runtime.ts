/**
 * The hires runtime: the long-lived part of the new-hire flow. Hosts call
 * `start()` once the core is up (it opens the webhook endpoint — listener and
 * tunnel — of every profile that has one, resumes queued deliveries, and
 * follows settings changes) and `stop()` before closing the core. Handlers and
 * the scheduler call the per-profile operations; `serve()` opens one profile's
 * endpoint whatever its tunnel choice (the CLI's `webhook serve`).
 */
import type { CatchUpResult, HireView, JobMatchView, WebhookStatus } from '../../../shared/api/hires-views.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import type { TunnelLoaders } from '../tunnel/providers.ts';
import type { TunnelTimers } from '../tunnel/tunnel.ts';
import { DEFAULT_FRESHNESS } from './delivery.ts';
import type { FreshnessWindow } from './delivery.ts';
import { endpointKey, openEndpoint } from './endpoint.ts';
import type { Endpoint, ListenerTuning } from './endpoint.ts';
import { WEBHOOK_PATH_PREFIX } from './listener.ts';
import { createProfileHires } from './profile-hires.ts';
import type { HiresDeps, ProfileHires } from './profile-hires.ts';
import { registerSandboxWebhook } from './sandbox-webhook.ts';
import { sendTestDelivery } from './test-delivery.ts';

/** Tunables of the runtime (tests shorten timeouts and inject timers and hooks). */
export interface HiresRuntimeOptions {
  freshness?: Partial<FreshnessWindow>;
  listener?: ListenerTuning;
  tunnelTimers?: TunnelTimers;
  tunnelLoaders?: TunnelLoaders;
  catchUp?: { lookbackDays?: number; overlapMs?: number };
  leaseMs?: number;
  maxAttempts?: number;
  /** For the Sandbox profile, register a `candidateHired` webhook in the embedded fake Lever (default true). */
  registerSandboxWebhook?: boolean;
  /** How long `stop()` waits for a hire being processed to be recorded (default 3 s). */
  stopGraceMs?: number;
  /** Test hook: runs after the 2xx of a new hire and before its processing is scheduled. */
  afterAcknowledge?: (profileId: string, rowId: number) => void;
}

/** The runtime hosts start and stop. */
export interface HiresRuntime {
  /** Opens the endpoints of profiles with a tunnel (and the Sandbox's when the host runs it), resumes queued work, follows settings. */
  start(): Promise<void>;
  /** Closes every endpoint, stops the workers and cancels catch-ups under way (between two hires). */
  stop(): Promise<void>;
  /** Opens one profile's endpoint even without a tunnel; resolves after the tunnel's first attempt. */
  serve(profileId: string): Promise<WebhookStatus>;
  status(profileId: string): Promise<WebhookStatus>;
  rotateSecret(profileId: string): Promise<WebhookStatus>;
  /** Posts a signed test ping to the profile's own listener (it verifies the connection, never creates anyone). */
  testDelivery(profileId: string): Promise<WebhookStatus>;
  list(profileId: string, limit: number): HireView[];
  replay(profileId: string, hireId: string): Promise<HireView>;
  /** The ChartHop jobs a "Job missing" hire could go into. */
  jobMatch(profileId: string, hireId: string): Promise<JobMatchView>;
  /** Links the hire's requisition to the one matching job, then replays the hire. */
  linkJob(profileId: string, hireId: string, jobId: string): Promise<HireView>;
  /** The catch-up poll (Run Daily, app start, on demand); joins the profile's catch-up under way. */
  catchUp(profileId: string): Promise<CatchUpResult>;
  /** Stops the profile's catch-up after the hire in progress; false when none is running. */
  cancelCatchUp(profileId: string): boolean;
  /** Resolves when the profile's queued deliveries are processed. */
  drain(profileId: string): Promise<void>;
}

/** Creates the runtime over the service's ports. */
export function createHiresRuntime(deps: HiresDeps, options: HiresRuntimeOptions = {}): HiresRuntime {
  const freshness: FreshnessWindow = { ...DEFAULT_FRESHNESS, ...options.freshness };
  const flows = new Map<string, ProfileHires>();
  const endpoints = new Map<string, Promise<Endpoint>>();
  const forced = new Set<string>();
  const sandboxTokens = new Map<string, string>();
  const endpointErrors = new Map<string, string>();
  const unsubscribe: Array<() => void> = [];
  const queues = new Map<string, Promise<void>>();
  let started = false;

  /**
   * Runs reconciliations of one profile one after the other, so two never open two endpoints. The profile's
   * last one stays in `queues` (one settled promise per profile) for the next one to wait on.
   */
  function reconcileSerially(profileId: string): Promise<void> {
    const next = (queues.get(profileId) ?? Promise.resolve()).catch(() => undefined).then(() => reconcile(profileId));
    queues.set(profileId, next);
    return next;
  }

  /** The profile's webhook secret, registered with the redactor so no log line ever carries it. */
  function secretOf(f: ProfileHires): string {
    const secret = f.stores().ledger.webhookSecret();
    deps.redactor.addSecret(secret);
    return secret;
  }

  function flow(profileId: string): ProfileHires {
    let f = flows.get(profileId);
    if (!f) {
      f = createProfileHires(
        deps,
        profileId,
        {
          freshness,
          // Passed as given: the worker falls back to its defaults for an unset tunable.
          leaseMs: options.leaseMs,
          maxAttempts: options.maxAttempts,
          ...(options.catchUp ? { catchUp: options.catchUp } : {}),
          ...(options.afterAcknowledge ? { afterAcknowledge: options.afterAcknowledge } : {}),
        },
        { sandboxToken: () => sandboxTokens.get(profileId) ?? null, onStatusChange: () => announce(profileId) },
      );
      flows.set(profileId, f);
    }
    return f;
  }

  const isSandbox = (profile: ProfileSettings): boolean => profile.kind === 'sandbox' && deps.sandbox !== null;
  const wanted = (profile: ProfileSettings): boolean => forced.has(profile.id) || profile.webhook.tunnel !== 'none' || isSandbox(profile);

  function announce(profileId: string): void {
    status(profileId).then(
      (s) => deps.events.emit('webhook:changed', s),
      (error: unknown) => deps.logger.warn('The webhook status could not be read', error),
    );
  }

  async function closeEndpoint(profileId: string): Promise<void> {
    const pending = endpoints.get(profileId);
    endpoints.delete(profileId);
    // Stryker disable next-line ArrowFunction: null or undefined, `endpoint?.close()` skips both alike
    const endpoint = await pending?.catch(() => null);
    await endpoint?.close();
  }

  /** Brings a profile's endpoint in line with its settings; resolves after the tunnel's first attempt. */
  async function reconcile(profileId: string): Promise<void> {
    let profile: ProfileSettings;
    try {
      profile = deps.settings.get(profileId);
    } catch {
      forced.delete(profileId);
      await closeEndpoint(profileId);
      return;
    }
    if (!wanted(profile)) {
      endpointErrors.delete(profileId);
      await closeEndpoint(profileId);
      announce(profileId);
      return;
    }
    // Stryker disable next-line ArrowFunction: null or undefined, `current &&` treats both as no endpoint
    const current = await endpoints.get(profileId)?.catch(() => null);
    if (current && current.key === endpointKey(profile.webhook)) return;
    await closeEndpoint(profileId);
    const f = flow(profileId);
    const opening = openEndpoint({
      webhook: profile.webhook,
      secret: () => secretOf(f),
      handle: f.receive,
      logger: deps.logger,
      redact: (t) => deps.redactor.redact(t),
      ngrokAuthtoken: () => deps.secrets.reveal(profileId, 'ngrokAuthtoken'),
      onChange: () => announce(profileId),
      ...(options.listener ? { tuning: options.listener } : {}),
      ...(options.tunnelTimers ? { timers: options.tunnelTimers } : {}),
      ...(options.tunnelLoaders ? { loaders: options.tunnelLoaders } : {}),
    });
    endpoints.set(profileId, opening);
    let endpoint: Endpoint;
    try {
      endpoint = await opening;
      endpointErrors.delete(profileId);
    } catch (error) {
      endpointErrors.set(profileId, error instanceof Error ? error.message : String(error));
      announce(profileId);
      throw error;
    }
    if (isSandbox(profile) && options.registerSandboxWebhook !== false) {
      await registerSandboxWebhook(f, localUrl(endpoint, f), deps.logger).then((token) => {
        if (token) sandboxTokens.set(profileId, token);
      });
    }
    announce(profileId);
    await endpoint.tunnel?.start(endpoint.listener.port);
  }

  const localUrl = (endpoint: Endpoint, f: ProfileHires): string => `${endpoint.listener.url}${WEBHOOK_PATH_PREFIX}${secretOf(f)}`;

  async function status(profileId: string): Promise<WebhookStatus> {
    const f = flow(profileId);
    let pending = endpoints.get(profileId);
    let endpoint = await pending?.catch(() => null);
    // Stryker disable next-line ArrowFunction: null or undefined, `token?.trim()` reads both as no token
    const token = await f.signatureToken().catch(() => null);
    // The endpoint may have been replaced while the keychain answered: take the current one.
    while (endpoints.get(profileId) !== pending) {
      pending = endpoints.get(profileId);
      // Stryker disable next-line ArrowFunction: null or undefined, every read of `endpoint` below treats both as none
      endpoint = await pending?.catch(() => null);
    }
    // Everything below is read at once, after the last await: of two announcements, the one emitted later
    // never carries the older state (a tunnel still starting after it came up hid the public URL).
    const profile = deps.settings.get(profileId);
    const { inbox } = f.stores();
    const secret = secretOf(f);
    const tunnel = endpoint?.tunnel?.status() ?? null;
    return {
      profileId,
      publicUrl: tunnel?.state === 'up' && tunnel.url ? `${tunnel.url}${WEBHOOK_PATH_PREFIX}${secret}` : null,
      localUrl: endpoint ? `${endpoint.listener.url}${WEBHOOK_PATH_PREFIX}${secret}` : null,
      secret,
      tunnel:
        endpoint || !endpointErrors.has(profileId)
          ? { provider: profile.webhook.tunnel, state: endpoint && tunnel ? tunnel.state : 'off', error: tunnel?.error ?? null }
          : { provider: profile.webhook.tunnel, state: 'down', error: endpointErrors.get(profileId) ?? null },
      signatureTokenSet: Boolean(token?.trim()),
      lastDeliveryAt: inbox.lastReceived(['hire', 'ignored']),
      lastVerificationAt: inbox.lastReceived(['ping']),
    };
  }

  function follow(): void {
    unsubscribe.push(
      deps.events.on('settings:changed', ({ profileId }) => {
        reconcileSerially(profileId).catch((error: unknown) =>
          deps.logger.warn(`The webhook endpoint of profile ${profileId} could not be updated`, error),
        );
      }),
    );
    unsubscribe.push(
      deps.events.on('secrets:changed', ({ profileId }) => {
        const endpoint = endpoints.get(profileId);
        if (!endpoint) return announce(profileId);
        // A new ngrok authtoken takes effect by reconnecting the tunnel.
        endpoint
          .then(async (e) => {
            if (e.tunnel?.status().provider === 'ngrok') await e.tunnel.start(e.listener.port);
            announce(profileId);
          })
          .catch((error: unknown) => deps.logger.warn(`The tunnel of profile ${profileId} could not restart`, error));
      }),
    );
    unsubscribe.push(
      deps.events.on('profiles:changed', (view) => {
        const ids = new Set(view.profiles.map((p) => p.id));
        for (const id of [...endpoints.keys()]) if (!ids.has(id)) void closeEndpoint(id);
        // A profile created later under the same name (so the same id) starts from its own settings.
        for (const id of [...forced]) if (!ids.has(id)) forced.delete(id);
        for (const [id, f] of flows) {
          if (!ids.has(id)) {
            f.cancelCatchUp();
            f.worker.stop();
            flows.delete(id);
          }
        }
      }),
    );
  }

  return {
    async start() {
      if (started) return;
      started = true;
      follow();
      for (const summary of deps.settings.list().profiles) {
        const profile = deps.settings.get(summary.id);
        if (!wanted(profile)) continue;
        reconcileSerially(profile.id).catch((error: unknown) =>
          deps.logger.warn(`The webhook endpoint of profile ${profile.id} could not start`, error),
        );
        const f = flow(profile.id);
        f.worker.retryFailed();
        f.worker.kick();
      }
    },
    async stop() {
      started = false;
      for (const off of unsubscribe.splice(0)) off();
      // A catch-up under way stops after its current hire; the rest are found again next time.
      for (const f of flows.values()) {
        f.cancelCatchUp();
        f.worker.stop();
      }
      await Promise.all([...endpoints.keys()].map((id) => closeEndpoint(id)));
      // A hire being processed gets a moment to be recorded; one still waiting on Lever or ChartHop
      // after that stays claimed by this process and is processed again at the next start.
      const workers = [...flows.values()].map((f) => f.worker.idle());
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.stopGraceMs ?? 3_000);
        // Stryker disable next-line OptionalChaining: Node's timers always have unref(); the `?.` only spares hosts whose timers lack it
        timer.unref?.();
        void Promise.all(workers).then(() => {
          // Stryker disable next-line CallExpression: the timer is unref'd and its late resolve() would settle nothing; clearing it only tidies up
          clearTimeout(timer);
          resolve();
        });
      });
      flows.clear();
    },
    async serve(profileId) {
      deps.settings.get(profileId);
      forced.add(profileId);
      await reconcileSerially(profileId);
      flow(profileId).worker.kick();
      return status(profileId);
    },
    status,
    async rotateSecret(profileId) {
      deps.settings.get(profileId);
      const f = flow(profileId);
      deps.redactor.addSecret(f.stores().ledger.rotateWebhookSecret());
      // Stryker disable next-line ArrowFunction: null or undefined, `endpoint &&` treats both as no endpoint
      const endpoint = await endpoints.get(profileId)?.catch(() => null);
      const profile = deps.settings.get(profileId);
      if (endpoint && isSandbox(profile) && options.registerSandboxWebhook !== false) {
        const token = await registerSandboxWebhook(f, localUrl(endpoint, f), deps.logger);
        if (token) sandboxTokens.set(profileId, token);
      }
      const result = await status(profileId);
      deps.events.emit('webhook:changed', result);
      return result;
    },
    async testDelivery(profileId) {
      deps.settings.get(profileId);
      const f = flow(profileId);
      // Stryker disable next-line ArrowFunction: null or undefined, `endpoint ?` treats both as no endpoint
      const endpoint = await endpoints.get(profileId)?.catch(() => null);
      await sendTestDelivery(endpoint ? localUrl(endpoint, f) : null, await f.signatureToken(), deps.clock.now());
      const result = await status(profileId);
      deps.events.emit('webhook:changed', result);
      return result;
    },
    list: (profileId, limit) => {
      deps.settings.get(profileId);
      return flow(profileId).list(limit);
    },
    replay: (profileId, hireId) => {
      deps.settings.get(profileId);
      return flow(profileId).replay(hireId);
    },
    jobMatch: (profileId, hireId) => {
      deps.settings.get(profileId);
      return flow(profileId).jobMatch(hireId);
    },
    linkJob: (profileId, hireId, jobId) => {
      deps.settings.get(profileId);
      return flow(profileId).linkJob(hireId, jobId);
    },
    catchUp: (profileId) => {
      deps.settings.get(profileId);
      return flow(profileId).catchUp();
    },
    cancelCatchUp: (profileId) => {
      deps.settings.get(profileId);
      return flows.get(profileId)?.cancelCatchUp() ?? false;
    },
    drain: (profileId) => flow(profileId).worker.drain(),
  };
}
