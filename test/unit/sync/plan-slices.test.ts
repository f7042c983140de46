// Planning in slices: the engine's planners let the event loop run while they work, and plan exactly
// what the all-at-once planners plan.
import { describe, expect, it } from 'vitest';
import { planInbound, planInboundInSlices } from '../../../src/main/core/sync/plan-inbound.ts';
import { planOutbound, planOutboundInSlices } from '../../../src/main/core/sync/plan-outbound.ts';
import type { PlanSteps } from '../../../src/main/core/sync/plan-slices.ts';
import { PLAN_SLICE, runInSlices, runToEnd } from '../../../src/main/core/sync/plan-slices.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { inboundCtx, job, leverSnapshot, link, linked, outboundCtx, requisition } from './builders.ts';

function* counting(slices: number): PlanSteps<string> {
  for (let i = 0; i < slices; i += 1) yield;
  return 'done';
}

/** N records, one in ten changed, one in a hundred new. */
function world(n: number): { jobs: JobRecord[]; reqs: RequisitionRecord[]; links: LinkRecord[] } {
  const jobs: JobRecord[] = [];
  const reqs: RequisitionRecord[] = [];
  const links: LinkRecord[] = [];
  for (let i = 0; i < n; i += 1) {
    const id = `j${i}`;
    if (i % 100 === 99) {
      jobs.push(job(id));
      continue;
    }
    jobs.push(linked(id, i % 10 === 3 ? { title: `Senior ${id}` } : {}));
    reqs.push(requisition(id));
    links.push(link(id));
  }
  return { jobs, reqs, links };
}

describe('planning in slices', () => {
  it('runToEnd runs every step; runInSlices pauses only once the work has held the loop for the budget', async () => {
    expect(runToEnd(counting(5))).toBe('done');
    let clock = 0;
    let pauses = 0;
    const pause = async () => {
      pauses += 1;
    };
    // Each step "takes" 8 ms on this clock: with a 20 ms budget, a pause after every third step.
    const now = () => (clock += 8);
    expect(await runInSlices(counting(9), { now, pause, budgetMs: 20 })).toBe('done');
    expect(pauses).toBe(3);
    pauses = 0;
    expect(await runInSlices(counting(9), { now: () => 0, pause, budgetMs: 20 })).toBe('done');
    expect(pauses).toBe(0);
  });

  it('pauses as soon as the work has held the loop for exactly the budget', async () => {
    let clock = 0;
    let pauses = 0;
    // Each reading of the clock advances it by 10 ms: the second step ends exactly 20 ms after the start.
    await runInSlices(counting(2), { now: () => (clock += 10), pause: async () => void (pauses += 1), budgetMs: 20 });
    expect(pauses).toBe(1);
  });

  it('by default lets whatever is waiting on the event loop run before it goes on', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    const result = runInSlices(counting(1), { budgetMs: 0 }).then((value) => [value, ran]);
    expect(ran).toBe(false);
    expect(await result).toEqual(['done', true]);
  });

  it('lets the event loop run during a large plan, and plans what the all-at-once planner plans', async () => {
    const { jobs, reqs, links } = world(5 * PLAN_SLICE);
    const input = { mode: 'sync' as const, jobs, jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() };
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    let pauses = 0;
    const pause = () =>
      new Promise<void>((resolve) => {
        pauses += 1;
        setTimeout(resolve, 1);
      });
    try {
      const sliced = await planOutboundInSlices(input, { pause, budgetMs: 0 });
      // A pause after pairing and after each slice of PLAN_SLICE jobs; the interval ran in between.
      expect(pauses).toBe(1 + 5);
      expect(ticks).toBeGreaterThan(0);
      expect(sliced).toEqual(planOutbound(input));
    } finally {
      clearInterval(timer);
    }
    const inbound = {
      jobs,
      lever: leverSnapshot(reqs),
      links: links.map((l) => ({ ...l, syncedDirection: 'inbound' as const })),
      map: inboundCtx(),
    };
    pauses = 0;
    const slicedInbound = await planInboundInSlices(inbound, { pause, budgetMs: 0 });
    // Inbound walks the requisitions (one in a hundred jobs has none): a pause after pairing and per full slice.
    expect(pauses).toBe(1 + Math.floor(reqs.length / PLAN_SLICE));
    expect(slicedInbound).toEqual(planInbound(inbound));
  });
});
