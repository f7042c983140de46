// The Lever and ChartHop lanes of a run (apply-rows.ts): a requisition create's Lever write does not wait for
// the ChartHop write-back of the record before it, the completion lane's backlog is bounded, and the run log
// keeps the plan's order. ChartHop's first write-back is held back by a delay fault (real time); the fakes'
// pacing runs on the shared manual clock, so Lever's writes cost no real time and the order is deterministic.
import { afterEach, describe, expect, it } from 'vitest';
import { PIPELINE_DEPTH } from '../../../src/main/core/sync/apply-rows.ts';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { activeJobs, charthopSeed, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('a run writes to Lever and ChartHop side by side', () => {
  it("sends the next requisitions while ChartHop's write-back is slow, at most PIPELINE_DEPTH ahead, and logs in plan order", async () => {
    const jobs = PIPELINE_DEPTH + 6;
    const events: string[] = [];
    world = await startWorld({
      charthop: charthopSeed(activeJobs(jobs)),
      lever: leverSeed(),
      hooks: { at: (point, info) => void events.push(`${point}#${info.index}`) },
    });
    world.charthop.control.setFault({ method: 'PATCH', path: '/v2/org/:org/job/:jobId', nth: 1, action: { kind: 'delay', ms: 1_500 } });

    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.status).toBe('succeeded');
    expect(run.counts).toMatchObject({ created: jobs, failed: 0 });

    // While the first record's ChartHop write-back waited, Lever's creates went on, until the lane was full.
    const firstConfirmed = events.indexOf('before_confirmed#0');
    const sentMeanwhile = events.slice(0, firstConfirmed).filter((e) => e.startsWith('after_write#'));
    expect(sentMeanwhile).toHaveLength(PIPELINE_DEPTH + 1);
    expect(events.filter((e) => e.startsWith('after_write#'))).toHaveLength(jobs);

    // Every create was written back once, each job linked to its own requisition.
    const requisitions = world.lever.control.state().requisitions;
    expect(new Set(requisitions.map((r) => r.requisitionCode)).size).toBe(jobs);
    const patches = world.charthopWrites().filter((w) => w.method === 'PATCH');
    expect(patches).toHaveLength(jobs);
    const leverIds = new Set(
      world.charthop.control
        .jobs('acme')
        .map((j) => j['leverReqId'])
        .filter(Boolean),
    );
    expect(leverIds).toEqual(new Set(requisitions.map((r) => r.id)));

    // The run log lists the records in the plan's order, not in the order their completions happened to finish.
    const codes = world.state().db.prepare('SELECT record_key AS key FROM run_items WHERE run_id = ? ORDER BY id').all(run.id) as {
      key: string;
    }[];
    expect(codes.map((c) => c.key)).toEqual(activeJobs(jobs).map((j) => j.req));
  });

  it('stops sending to Lever once ChartHop refuses the write-backs (a systemic failure in the other lane)', async () => {
    const jobs = PIPELINE_DEPTH + 10;
    world = await startWorld({ charthop: charthopSeed(activeJobs(jobs)), lever: leverSeed() });
    world.charthop.control.setFault({ method: 'PATCH', path: '/v2/org/:org/job/:jobId', action: { kind: 'status', status: 401 } });

    const run = await world.engine.run(world.profileId, { trigger: 'manual' });
    expect(run.status).toBe('failed');
    const posts = world.leverWrites().filter((w) => w.method === 'POST');
    // The create whose write-back failed, plus at most the lane's backlog behind it: never the whole plan.
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(posts.length).toBeLessThanOrEqual(PIPELINE_DEPTH + 2);
    expect(run.counts.cancelled).toBe(jobs - posts.length);
  });
});
