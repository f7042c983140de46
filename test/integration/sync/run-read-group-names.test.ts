// ChartHop group names are read without stray spaces: a department stored as "  Engineering " is
// the requisition's "Engineering" as typed, so an inbound sync places the job there with no
// spelling warning for the consultant to chase.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncWorld } from './harness.ts';
import { charthopJobs, startWorld } from './harness.ts';
import { charthopSeed, G, inboundProfile, leverSeed, seededRequisition } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('group names in an inbound sync', () => {
  it('a ChartHop department whose name carries stray spaces matches as typed, with no warning', async () => {
    const seed = charthopSeed([]);
    seed.groups = seed.groups?.map((g) => (g.id === G.eng ? { ...g, name: '  Engineering ' } : g));
    const w = await startWorld({
      charthop: seed,
      lever: leverSeed([seededRequisition('lr-LVR-S', 'LVR-S')]),
      profile: inboundProfile(),
    });
    world = w;

    const run = await w.engine.run(w.profileId, { trigger: 'manual' });

    expect(run.counts).toMatchObject({ created: 1, failed: 0, skipped: 0, attention: 0 });
    const job = [...charthopJobs(w).values()].find((j) => j['leverReqId'] === 'lr-LVR-S');
    expect(job?.['groupIds']).toEqual([G.eng, G.platform, G.ny]);
    const item = w.engine.runs.get(w.profileId, run.id).items.find((i) => i.recordKey === 'LVR-S');
    expect(item?.warnings).toBeUndefined();
  });
});
