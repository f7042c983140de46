// The API budget of a sync, counted from the fake Lever's request log: a created requisition costs
// one call (its POST; nothing is read back), an update two (read, then the merged PUT), plus the
// listing — and the engine records each create's id before anything else.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncWorld } from './harness.ts';
import { charthopCall, startWorld } from './harness.ts';
import { activeJobs, charthopSeed, jobId, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const calls = (w: SyncWorld) =>
  w.lever.control.requestLog().map((e) => `${e.method} ${e.path.replace(/\/v1\/requisitions\/[^/]+$/, '/v1/requisitions/:id')}`);

describe('the Lever calls a sync spends', () => {
  it('one per created requisition besides the listings, and two per update', async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(5)), lever: leverSeed() });
    world = w;
    w.lever.control.clearRequestLog();
    const run = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(run.counts.created).toBe(5);
    const first = calls(w);
    expect(first.filter((c) => c === 'POST /v1/requisitions')).toHaveLength(5);
    expect(first.filter((c) => c === 'GET /v1/requisitions/:id')).toEqual([]);
    // Besides the creates: one requisition listing and one user listing.
    expect(first.filter((c) => c !== 'POST /v1/requisitions').sort()).toEqual(['GET /v1/requisitions', 'GET /v1/users']);

    await charthopCall(w, 'PATCH', `/v2/org/acme/job/${jobId(2)}`, { title: 'Principal Engineer 2' });
    w.lever.control.clearRequestLog();
    const second = await w.engine.run(w.profileId, { trigger: 'manual' });
    expect(second.counts.updated).toBe(1);
    expect(calls(w).filter((c) => !['GET /v1/requisitions', 'GET /v1/users'].includes(c))).toEqual([
      'GET /v1/requisitions/:id',
      'PUT /v1/requisitions/:id',
    ]);
  });
});
