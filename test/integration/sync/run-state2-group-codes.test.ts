// A ChartHop group's code counts as one of its names: an inbound sync places a Lever requisition
// whose location is written as that code (e.g. "NYC") in the group, as it would for an alias.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncWorld } from './harness.ts';
import { charthopJobs, startWorld } from './harness.ts';
import { charthopSeed, G, inboundProfile, leverSeed, seededRequisition } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const INBOUND = inboundProfile();

describe('group codes in an inbound sync', () => {
  it('a requisition whose location is the code of a ChartHop location becomes a job in that location', async () => {
    const seed = charthopSeed([]);
    seed.groups = seed.groups?.map((g) => (g.id === G.ny ? { ...g, code: 'NYC' } : g));
    const w = await startWorld({
      charthop: seed,
      lever: leverSeed([seededRequisition('lr-LVR-C', 'LVR-C', { location: 'NYC' })]),
      profile: INBOUND,
    });
    world = w;

    const run = await w.engine.run(w.profileId, { trigger: 'manual' });

    expect(run.counts).toMatchObject({ created: 1, failed: 0, skipped: 0, attention: 0 });
    const job = [...charthopJobs(w).values()].find((j) => j['leverReqId'] === 'lr-LVR-C');
    expect(job?.['groupIds']).toEqual([G.eng, G.platform, G.ny]);
    const item = w.engine.runs.get(w.profileId, run.id).items.find((i) => i.recordKey === 'LVR-C');
    expect(item?.warnings).toBeUndefined();
  });
});
