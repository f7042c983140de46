// A scene for the undo's operations: both fakes on port 0 over real HTTP, the engine's own clients on
// them, and the operation context an apply gives (its after-write hook counted), without an engine.
import { createChartHopClient } from '../../../src/main/core/charthop/client.ts';
import type { ChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { createLeverClient } from '../../../src/main/core/lever/client.ts';
import type { OpContext } from '../../../src/main/core/sync/apply-ops.ts';
import { createFakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverRequisition, SeedOf } from '../../../src/main/sandbox/lever/index.ts';
import type { JobSpec } from './seeds.ts';
import { CHARTHOP_TOKEN, LEVER_KEY, ORG, charthopSeed, leverSeed, publishedPosting } from './seeds.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** What an undo operation test drives and inspects. */
export interface UndoScene {
  lever: FakeLever;
  charthop: FakeChartHop;
  ctx: OpContext;
  /** How often the operation called its after-write hook. */
  afterWrites(): number;
  /** Calls to the fake Lever, and those other than GET. */
  leverCalls(): { method: string; path: string }[];
  leverWrites(): { method: string; path: string }[];
  charthopWrites(): { method: string; path: string }[];
  /** A requisition of the fake Lever by id. */
  requisition(id: string): LeverRequisition | undefined;
  /** A job of the fake ChartHop (default JSON, as of today) by id. */
  job(id: string): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

/** Starts both fakes with `jobs` and `requisitions`, and clients on them (ChartHop listing `pageSize` rows a page). */
export async function undoScene(
  options: {
    jobs?: JobSpec[];
    requisitions?: SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'>[];
    charthopPageSize?: number;
  } = {},
): Promise<UndoScene> {
  const lever = await createFakeLever({ seed: leverSeed(options.requisitions ?? []), rateLimit: false });
  const charthop = await createFakeChartHop({ seed: charthopSeed(options.jobs ?? []), rateLimit: false });
  const registry = createLimiterRegistry();
  const charthopClient: ChartHopClient = createChartHopClient({
    baseUrl: charthop.url,
    token: CHARTHOP_TOKEN,
    org: ORG,
    limiter: registry.get('charthop', charthop.url, 't'),
    logger: silent,
    ...(options.charthopPageSize ? { pageSize: options.charthopPageSize } : {}),
  });
  let afterWrites = 0;
  const ctx: OpContext = {
    lever: createLeverClient({ baseUrl: lever.url, apiKey: LEVER_KEY, limiter: registry.get('lever', lever.url, 'k'), logger: silent }),
    charthop: charthopClient,
    afterWrite: () => {
      afterWrites += 1;
      return Promise.resolve();
    },
    created: () => undefined,
  };
  const calls = (log: { method: string; path: string }[]) => log.map((e) => ({ method: e.method, path: e.path }));
  return {
    lever,
    charthop,
    ctx,
    afterWrites: () => afterWrites,
    leverCalls: () => calls(lever.control.requestLog()),
    leverWrites: () => calls(lever.control.requestLog().filter((e) => e.method !== 'GET')),
    charthopWrites: () => calls(charthop.control.requestLog().filter((e) => e.method !== 'GET')),
    requisition: (id) => lever.control.state().requisitions.find((r) => r.id === id),
    job: (id) => charthop.control.jobs(ORG).find((j) => j['id'] === id),
    async close() {
      await Promise.all([lever.close(), charthop.close()]);
    },
  };
}

/** Publishes a posting on the requisition `code` in the fake Lever (candidates can now apply to it). */
export function addPosting(lever: FakeLever, code: string): void {
  const state = lever.control.state();
  state.postings.push(publishedPosting(`p-${code}`, `Posting ${code}`, [code], Date.UTC(2026, 0, 5, 9)));
  lever.control.seed(state);
}
