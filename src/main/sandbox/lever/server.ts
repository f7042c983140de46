import { createRng, createSandboxApp, httpError, json, listen, route } from '../http/index.ts';
import type { Clock, KitControl, RateLimitSettings, Sleep } from '../http/index.ts';
import { createWebhookSender } from '../webhook/index.ts';
import type { DeliveryAttempt, WebhookSender, WebhookSenderOptions } from '../webhook/index.ts';
import { leverAuthenticator } from './auth.ts';
import { DEFAULT_OFFER_FIELDS } from './context.ts';
import type { LeverContext, OfferFieldIdentifiers } from './context.ts';
import { normaliseSeed } from './defaults.ts';
import { hire } from './hire.ts';
import type { HireOffer, HireResult } from './hire.ts';
import { accountRoutes } from './routes-account.ts';
import { opportunityRoutes } from './routes-opportunities.ts';
import { postingRoutes } from './routes-postings.ts';
import { requisitionFieldRoutes } from './routes-requisition-fields.ts';
import { requisitionRoutes } from './routes-requisitions.ts';
import type { LeverSeed, LeverState } from './state.ts';
import { checkSeed, createStore, snapshot } from './store.ts';

/** Options of {@link createFakeLever}; all optional. */
export interface FakeLeverOptions {
  /** TCP port on 127.0.0.1; default 0 (a free port). */
  port?: number;
  /** Initial data; without keys every call is 401. */
  seed?: LeverSeed;
  /**
   * The seed is the server's own (made for it alone, never touched again by the caller): its
   * records are used as is instead of deep-copied. Default false.
   */
  adoptSeed?: boolean;
  /** Enables the HTTP control surface (`/__sandbox/`, header `x-sandbox-control`). */
  controlToken?: string;
  clock?: Clock;
  /** Seeds generated ids, tokens and probabilistic faults; default 1. */
  randomSeed?: number;
  /** Per-key token bucket; default 10 req/s, burst 20; `false` disables it. */
  rateLimit?: Partial<RateLimitSettings> | false;
  /** Reject a duplicate `requisitionCode` with 400 (default true; Lever's behaviour is unverified). */
  uniqueRequisitionCodes?: boolean;
  /** Requisition POST/PUT answer in the GET shape (default) or Lever's observed internal shape. */
  writeResponseShape?: 'read' | 'internal';
  /** Page size when `limit` is omitted; default 100 (unverified). */
  defaultPageSize?: number;
  offerFields?: Partial<OfferFieldIdentifiers>;
  /** Webhook sender settings (retry schedule, timers, enabled) or a ready sender. */
  webhooks?: WebhookSenderOptions | WebhookSender;
  /** Sleep used by delay faults (injectable). */
  sleep?: Sleep;
}

/** The in-process control of a fake Lever: the kit's inspection methods plus Lever-specific ones. */
export interface FakeLeverControl extends KitControl {
  /** Replaces the whole state (keys included). */
  seed(seed: LeverSeed): void;
  /** A deep copy of the complete state; a valid seed. */
  state(): LeverState;
  /** Hires an opportunity (see `hire`) and resolves once every webhook delivery finished its attempts. */
  hireOpportunity(id: string, offer?: HireOffer): Promise<HireResult>;
  webhookDeliveries(): DeliveryAttempt[];
  /** `false` simulates "webhook never delivered". */
  setWebhooksEnabled(enabled: boolean): void;
  /** `drifted` makes requisition GETs answer in a moved shape (see `LeverBehaviour.requisitionShape`). */
  setRequisitionShape(shape: 'documented' | 'drifted'): void;
  readonly sender: WebhookSender;
}

/** A running fake Lever: `url` is the API base including `/v1`. */
export interface FakeLever {
  readonly url: string;
  close(): Promise<void>;
  readonly control: FakeLeverControl;
}

/**
 * Starts a fake Lever Data API v1 on 127.0.0.1 (lever-api.md §15 checklist): Basic auth with
 * per-key permissions, envelopes, opaque offset tokens bound to the query, per-key rate limit,
 * requisitions, requisition fields, postings, opportunities, users, webhooks and signed hires.
 */
export async function createFakeLever(options: FakeLeverOptions = {}): Promise<FakeLever> {
  const clock = options.clock ?? Date.now;
  const random = createRng(options.randomSeed ?? 1);
  const ctx: LeverContext = {
    store: createStore(normaliseSeed(options.seed ?? {}, clock, random), options.adoptSeed === true),
    clock,
    random,
    behaviour: {
      uniqueRequisitionCodes: options.uniqueRequisitionCodes ?? true,
      writeResponseShape: options.writeResponseShape ?? 'read',
      defaultPageSize: options.defaultPageSize ?? 100,
      offerFields: { ...DEFAULT_OFFER_FIELDS, ...(options.offerFields ?? {}) },
      requisitionShape: 'documented',
    },
  };
  const given = options.webhooks;
  const sender: WebhookSender = given && 'send' in given ? given : createWebhookSender({ clock, random, ...(given ?? {}) });
  const seed = (raw: unknown): void => {
    ctx.store = createStore(normaliseSeed(checkSeed(raw), clock, random));
  };
  const hireRoutes = [
    route('POST', '/opportunities/:id/hire', (req) => {
      const { result, deliveries } = hire(ctx, sender, req.params['id'] ?? '', req.body as HireOffer | undefined);
      deliveries.catch(() => undefined);
      return json({ data: result });
    }),
    route('GET', '/webhook-deliveries', () => json({ data: sender.attempts() })),
    route('PUT', '/requisition-shape', (req) => {
      const shape = (req.body as { shape?: unknown } | undefined)?.shape;
      if (shape !== 'documented' && shape !== 'drifted') throw httpError(400, 'Body must be { "shape": "documented" | "drifted" }');
      ctx.behaviour.requisitionShape = shape;
      return json({ data: { shape } });
    }),
    route('PUT', '/webhooks-enabled', (req) => {
      const enabled = (req.body as { enabled?: unknown } | undefined)?.enabled;
      if (typeof enabled !== 'boolean') throw httpError(400, 'Body must be { "enabled": true|false }');
      sender.setEnabled(enabled);
      return json({ data: { enabled } });
    }),
  ];
  const app = createSandboxApp({
    routes: [
      ...requisitionRoutes(ctx),
      ...requisitionFieldRoutes(ctx),
      ...postingRoutes(ctx),
      ...opportunityRoutes(ctx),
      ...accountRoutes(ctx),
    ],
    authenticate: leverAuthenticator(ctx),
    rateLimit: options.rateLimit ?? {},
    ...(options.controlToken !== undefined ? { controlToken: options.controlToken } : {}),
    control: { state: () => snapshot(ctx.store), seed, routes: hireRoutes },
    clock,
    seed: (options.randomSeed ?? 1) + 7919,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    headers: { server: 'lever-data-api', 'x-lever-region': 'global' },
  });
  const listening = await listen(app.handler, { port: options.port ?? 0 });
  const control: FakeLeverControl = {
    ...app.control,
    seed: (s) => seed(s),
    state: () => snapshot(ctx.store),
    async hireOpportunity(id, offer) {
      const { result, deliveries } = hire(ctx, sender, id, offer);
      await deliveries;
      return result;
    },
    webhookDeliveries: () => sender.attempts(),
    setWebhooksEnabled: (enabled) => sender.setEnabled(enabled),
    setRequisitionShape: (shape) => {
      ctx.behaviour.requisitionShape = shape;
    },
    sender,
  };
  return {
    url: `${listening.url}/v1`,
    control,
    async close() {
      sender.stop();
      await listening.close();
    },
  };
}
