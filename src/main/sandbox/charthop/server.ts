// The fake ChartHop server: the kit's app (auth, fault plans, request log,
// `/__sandbox/` control surface) over the ChartHop routes, listening on
// 127.0.0.1. Rate limiting is off by default: ChartHop documents no limits
// (reference §1.8); turn the kit's token bucket on with `rateLimit`, or
// script 429/202 responses with fault plans.
import { createSandboxApp, httpError, json, listen, route } from '../http/index.ts';
import type { KitControl, RateLimitSettings, Sleep } from '../http/index.ts';
import { minimalChartHopSeed } from './defaults.ts';
import { authenticateBearer } from './http-context.ts';
import { rowContext } from './jobs.ts';
import { renderJob } from './render.ts';
import { changeRoutes, jobRoutes } from './routes-jobs.ts';
import { eventRoutes, fieldRoutes, orgRoutes } from './routes-org.ts';
import { PEOPLE_ANSWER_SHAPES } from './people-answer.ts';
import type { PeopleAnswerShape } from './people-answer.ts';
import { groupRoutes, personRoutes } from './routes-people.ts';
import type { ChartHopEvent, ChartHopSeed, ChartHopState } from './state.ts';
import { createChartHopStore } from './store.ts';
import { validateSeed } from './validate-seed.ts';

/** Options of {@link createFakeChartHop}. */
export interface FakeChartHopOptions {
  /** Initial data; default {@link minimalChartHopSeed} (org `acme`, an owner and a read-only token). */
  seed?: ChartHopSeed;
  /**
   * The seed is the server's own (made for it alone, never touched again by the caller): it is
   * used as is instead of deep-copied, which halves the start of a large world. Default false.
   */
  adoptSeed?: boolean;
  /** Epoch-ms clock for "today", timestamps and event times; default `Date.now`. */
  clock?: () => number;
  /** TCP port on 127.0.0.1; default 0 (a free port). */
  port?: number;
  /** Enables the HTTP control surface (`/__sandbox/…` with `x-sandbox-control: <token>`). */
  controlToken?: string;
  /** Token bucket per token; default off. */
  rateLimit?: Partial<RateLimitSettings> | false;
  /** Seed of the RNG that decides probabilistic faults. */
  faultSeed?: number;
  /** Sleep used by delay faults (inject to avoid real waiting). */
  sleep?: Sleep;
  /** Refuse a person whose email another person holds with 409 (default true; see `ChartHopStore.uniquePersonEmails`). */
  uniquePersonEmails?: boolean;
}

/** In-process control of a fake ChartHop (tests, the sandbox host). */
export interface FakeChartHopControl extends KitControl {
  /** Replaces all data with a copy of `seed` (400-style Error on an invalid seed). */
  seed(seed: ChartHopSeed): void;
  /** A deep copy of the whole state (itself a valid seed). */
  state(): ChartHopState;
  /** Fixes the clock at an instant (epoch ms, Date or ISO string), or installs a clock function. */
  setClock(now: number | Date | string | (() => number)): void;
  /** Moves a fixed clock forward by `ms` (installs a fixed clock at now + ms). */
  advanceClock(ms: number): void;
  /** The current clock reading, epoch ms. */
  now(): number;
  /** Today's date by the clock (YYYY-MM-DD, UTC). */
  today(): string;
  /** Every job of an org (id or slug) in default JSON, as of `date` (default today). */
  jobs(org: string, date?: string): Record<string, unknown>[];
  /** Events recorded so far (deep copy). */
  events(): ChartHopEvent[];
  /** How people reads are answered from now on (default `flat`, as documented). */
  setPeopleAnswer(shape: PeopleAnswerShape): void;
}

/** A running fake ChartHop. */
export interface FakeChartHop {
  /** Base URL, `http://127.0.0.1:<port>`; API paths start with `/v1` or `/v2`. */
  readonly url: string;
  readonly control: FakeChartHopControl;
  /** Stops the server and drops every connection. */
  close(): Promise<void>;
}

function toMs(now: number | Date | string): number {
  const ms = typeof now === 'number' ? now : typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (!Number.isFinite(ms)) throw new Error(`invalid clock value: ${String(now)}`);
  return ms;
}

/** Starts a fake ChartHop on 127.0.0.1 (port 0 by default) and returns `{ url, close, control }`. */
export async function createFakeChartHop(options: FakeChartHopOptions = {}): Promise<FakeChartHop> {
  let clockFn = options.clock ?? Date.now;
  const clock = (): number => clockFn();
  const store = createChartHopStore(validateSeed(options.seed ?? minimalChartHopSeed()), clock, options.adoptSeed === true);
  store.uniquePersonEmails = options.uniquePersonEmails ?? true;
  const setClock = (now: number | Date | string | (() => number)): void => {
    if (typeof now === 'function') clockFn = now;
    else {
      const fixed = toMs(now);
      clockFn = () => fixed;
    }
    store.setClock(clock);
  };
  let peopleAnswer: PeopleAnswerShape = 'flat';
  const setPeopleAnswer = (shape: string): void => {
    if (!PEOPLE_ANSWER_SHAPES.includes(shape as PeopleAnswerShape))
      throw new Error(`unknown people answer shape "${shape}" (expected ${PEOPLE_ANSWER_SHAPES.join(', ')})`);
    peopleAnswer = shape as PeopleAnswerShape;
  };
  const clockRoutes = [
    route('GET', '/clock', () => json({ data: { now: clock(), today: store.today() } })),
    route('PUT', '/clock', (req) => {
      const body = req.body as { now?: unknown } | undefined;
      if (typeof body?.now !== 'number' && typeof body?.now !== 'string')
        throw httpError(400, 'expected { now: epoch ms or ISO time }', 400);
      try {
        setClock(body.now);
      } catch (e) {
        throw httpError(400, e instanceof Error ? e.message : 'invalid clock value', 400);
      }
      return json({ data: { now: clock(), today: store.today() } });
    }),
    route('PUT', '/people-answer', (req) => {
      const body = req.body as { shape?: unknown } | undefined;
      try {
        setPeopleAnswer(typeof body?.shape === 'string' ? body.shape : '');
      } catch (e) {
        throw httpError(400, e instanceof Error ? e.message : 'invalid shape', 400);
      }
      return json({ data: { shape: peopleAnswer } });
    }),
  ];
  const app = createSandboxApp({
    routes: [
      ...orgRoutes(store),
      ...jobRoutes(store),
      ...changeRoutes(store),
      ...personRoutes(store, () => peopleAnswer),
      ...groupRoutes(store),
      ...fieldRoutes(store),
      ...eventRoutes(store),
    ],
    authenticate: (input) => authenticateBearer(store, input),
    formatError: (e) => ({ code: e.status, message: e.message }),
    rateLimit: options.rateLimit ?? false,
    ...(options.controlToken !== undefined ? { controlToken: options.controlToken } : {}),
    control: {
      state: () => structuredClone(store.state),
      seed: (raw) => {
        try {
          store.load(validateSeed(raw));
        } catch (e) {
          throw httpError(400, e instanceof Error ? e.message : 'invalid seed', 400);
        }
      },
      routes: clockRoutes,
    },
    clock,
    seed: options.faultSeed ?? 1,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const server = await listen(app.handler, { port: options.port ?? 0 });
  const control: FakeChartHopControl = {
    ...app.control,
    seed: (seed) => store.load(validateSeed(seed)),
    state: () => structuredClone(store.state),
    setClock,
    advanceClock: (ms) => setClock(clock() + ms),
    now: clock,
    today: () => store.today(),
    jobs: (orgRef, date) => {
      const org = store.org(orgRef);
      if (!org) throw new Error(`org ${orgRef} not found`);
      const ctx = rowContext(store, org.id, date ?? store.today());
      return ctx.views.list.map((view) => renderJob(view, ctx));
    },
    events: () => structuredClone(store.state.events),
    setPeopleAnswer,
  };
  return { url: server.url, control, close: () => server.close() };
}
