// Starts both fake servers on 127.0.0.1, seeded with the same demo world:
// what the app's Sandbox profile, `npm run sandbox` and e2e tests run against.
import { createFakeChartHop } from './charthop/index.ts';
import type { FakeChartHopControl, FakeChartHopOptions } from './charthop/index.ts';
import { DEMO_SMALL, generateDemoData } from './demo/index.ts';
import type { DemoCredentials, DemoFacts } from './demo/index.ts';
import { createFakeLever } from './lever/index.ts';
import type { FakeLeverControl, FakeLeverOptions } from './lever/index.ts';

/** Options of {@link startSandbox}; all optional. */
export interface StartSandboxOptions {
  /** Demo-data seed; default 42. */
  seed?: number;
  /** ChartHop jobs; default 40 (the Sandbox profile's preset). */
  jobs?: number;
  /** Lever opportunities; default 300. */
  opportunities?: number;
  /** Clock of both servers and the demo world's "now"; default `Date.now`. */
  clock?: () => number;
  /** Registers a seeded `candidateHired` webhook posting to this URL. */
  webhookUrl?: string;
  /** Enables both servers' HTTP control surfaces (`/__sandbox/…`, header `x-sandbox-control`). */
  controlToken?: string;
  /** Ports on 127.0.0.1; default 0 (free ports). */
  leverPort?: number;
  charthopPort?: number;
  /** Extra options passed to the fake Lever (rate limit, webhook retries, …). */
  lever?: Omit<FakeLeverOptions, 'seed' | 'adoptSeed' | 'clock' | 'port' | 'controlToken'>;
  /** Extra options passed to the fake ChartHop. */
  charthop?: Omit<FakeChartHopOptions, 'seed' | 'adoptSeed' | 'clock' | 'port' | 'controlToken'>;
}

/** A running sandbox. */
export interface Sandbox {
  /** Lever API base URL, including `/v1`. */
  lever: { url: string };
  /** ChartHop base URL (paths start with `/v1` or `/v2`) and the org slug. */
  charthop: { url: string; org: string; orgId: string };
  credentials: DemoCredentials;
  /** Facts about the demo data (mismatches, duplicated team, hires). */
  facts: DemoFacts;
  control: { lever: FakeLeverControl; charthop: FakeChartHopControl };
  /** Closes both servers. Safe to call more than once. */
  close(): Promise<void>;
}

/** Generates the demo world and starts both fakes seeded with it. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? Date.now;
  const demo = generateDemoData({
    seed: options.seed ?? DEMO_SMALL.seed,
    jobs: options.jobs ?? DEMO_SMALL.jobs,
    opportunities: options.opportunities ?? DEMO_SMALL.opportunities,
    now: clock(),
    ...(options.webhookUrl ? { webhookUrl: options.webhookUrl } : {}),
  });
  const control = options.controlToken !== undefined ? { controlToken: options.controlToken } : {};
  // Each world is generated for these two servers alone, so they keep it instead of copying it.
  const lever = await createFakeLever({
    ...options.lever,
    ...control,
    seed: demo.lever,
    adoptSeed: true,
    clock,
    port: options.leverPort ?? 0,
  });
  let charthop;
  try {
    charthop = await createFakeChartHop({
      ...options.charthop,
      ...control,
      seed: demo.charthop,
      adoptSeed: true,
      clock,
      port: options.charthopPort ?? 0,
    });
  } catch (e) {
    await lever.close();
    throw e;
  }
  let closing: Promise<void> | undefined;
  const started = charthop;
  return {
    lever: { url: lever.url },
    charthop: { url: started.url, org: demo.credentials.org, orgId: demo.credentials.orgId },
    credentials: demo.credentials,
    facts: demo.facts,
    control: { lever: lever.control, charthop: started.control },
    close() {
      closing ??= Promise.all([lever.close(), started.close()]).then(() => undefined);
      return closing;
    },
  };
}
