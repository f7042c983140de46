// The engine's HTTP settings reach the clients a run uses: its clock (a Retry-After wait is taken on
// it, not on the wall clock), its per-request timeout (a hung Lever call is abandoned and retried)
// and its recorder (every attempt of the run is recorded, for the diagnostics a consultant reads).
import { afterEach, describe, expect, it } from 'vitest';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { createHttpRecorder } from '../../../src/main/core/http/recorder.ts';
import { createSyncEngine } from '../../../src/main/core/sync/engine.ts';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { activeJobs, charthopSeed, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe("the engine's HTTP settings", () => {
  it("waits out Lever's Retry-After on the engine's clock and then syncs", async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed() });
    world = w;
    w.lever.control.setFault({ method: 'GET', path: '/v1/users', nth: 1, action: { kind: 'status', status: 429, retryAfter: 120 } });

    const run = await w.engine.run(w.profileId, { trigger: 'manual' });

    expect(run.status).toBe('succeeded');
    expect(run.counts.created).toBe(1);
    // Two minutes of waiting that cost the test no real time.
    expect(w.clock.sleeps).toContain(120_000);
  });

  it('abandons a Lever call that outlasts the timeout, retries it, and records every attempt', async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: leverSeed() });
    world = w;
    const recorder = createHttpRecorder();
    const engine = createSyncEngine({
      ...w.test.core.service.deps,
      http: { clock: w.clock, registry: createLimiterRegistry(w.clock), recorder, timeoutMs: 300 },
    });
    w.lever.control.setFault({ method: 'GET', path: '/v1/users', nth: 1, action: { kind: 'delay', ms: 3_000 } });

    const run = await engine.run(w.profileId, { trigger: 'manual' });

    expect(run.status).toBe('succeeded');
    expect(run.counts.created).toBe(1);
    const users = recorder.attempts().filter((a) => a.vendor === 'lever' && a.endpoint.includes('/users'));
    expect(users.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'timeout'],
      [2, 'ok'],
    ]);
    expect(recorder.attempts().some((a) => a.vendor === 'charthop' && a.outcome === 'ok')).toBe(true);
  });
});
