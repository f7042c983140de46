// The chaos soak's CI slice: 10 seeds of a small world (ReqBridge as a real child process, real
// SIGKILLs, the Sandbox's faults, webhook deliveries to its listener, catch-ups, Run Daily on a
// jumping clock) must hold every invariant, with faults of every kind, every new kind of work and
// at least 10 kills injected. And a broken build (creates re-sent without the natural-key lookup,
// through the test-only hook) must be caught, its violations naming the "no duplicates" invariant:
// requisitions and jobs made twice by the sync, and people made twice by the new-hire flow.
import { describe, expect, it } from 'vitest';
import { SKIP_PRECREATE_LOOKUP_ENV } from '../../../src/main/core/http/test-hooks.ts';
import { DELIVERY_COUNTS } from '../../soak/deliveries.ts';
import { SOAK_FAULT_KINDS } from '../../soak/fault-menu.ts';
import { runSoak } from '../../soak/soak.ts';

const SOAK_TIMEOUT_MS = 600_000;

describe('chaos soak', () => {
  it(
    '10 seeds: no violation; faults of every kind, every new kind of work and at least 10 kills',
    async () => {
      const report = await runSoak({ seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], scale: 'small' });
      expect(report.violations).toEqual([]);
      expect(report.seeds).toBe(10);
      // Every kind is armed (the seeds' schedules); whether a given one fires depends on where a kill lands,
      // so the fired counts are summed: most must fire.
      for (const kind of SOAK_FAULT_KINDS) expect(report.injected[kind], kind).toBeGreaterThan(0);
      const firedKinds = SOAK_FAULT_KINDS.filter((kind) => report.faults[kind] > 0);
      expect(firedKinds.length, JSON.stringify(report.faults)).toBeGreaterThanOrEqual(SOAK_FAULT_KINDS.length - 3);
      expect(report.kills).toBeGreaterThanOrEqual(10);
      expect(report.races).toBeGreaterThan(0);
      // The new kinds of work: every seed plays a new-hire step and Run Daily on a jumping clock.
      expect(report.hireSteps).toBeGreaterThanOrEqual(10);
      for (const kind of DELIVERY_COUNTS) expect(report.deliveryKinds[kind], `deliveries: ${kind}`).toBeGreaterThan(0);
      expect(report.catchUps).toBeGreaterThanOrEqual(10);
      expect(report.editsDuringRuns).toBeGreaterThan(0);
      expect(report.mappingChanges).toBeGreaterThan(0);
      expect(report.clockJumps).toBeGreaterThanOrEqual(10);
      expect(report.dailyRuns).toBeGreaterThan(0);
    },
    SOAK_TIMEOUT_MS,
  );

  it(
    'a build without the pre-create lookup is caught: duplicates reported under "no duplicates", each with its reproduce command',
    async () => {
      // Seeds whose schedules lose the answer of a create (commit, then the connection resets): 1 outbound
      // (a second Lever requisition with the same code), 10 inbound (a second ChartHop job), 3 and 11 on the
      // person a hire creates (a second ChartHop person with the candidate's email). A timed kill can land
      // before the fault, so the seeds together must show each, not each seed.
      const env = { [SKIP_PRECREATE_LOOKUP_ENV]: '1' };
      const report = await runSoak({ seeds: [1, 3, 10, 11], scale: 'small', env });
      const duplicates = report.violations.filter((v) => v.invariant === 'no duplicates');
      expect(duplicates.length, JSON.stringify(report.violations)).toBeGreaterThan(0);
      const twice = /2 (Lever requisitions hold the code|ChartHop jobs point at requisition)/;
      expect(
        duplicates.some((v) => twice.test(v.detail)),
        JSON.stringify(duplicates),
      ).toBe(true);
      expect(
        duplicates.some((v) => /2 ChartHop people hold the email of hired candidate/.test(v.detail)),
        JSON.stringify(duplicates),
      ).toBe(true);
      for (const v of duplicates) expect(v.reproduce).toBe(`${SKIP_PRECREATE_LOOKUP_ENV}=1 npm run soak -- --seed ${v.seed}`);
    },
    SOAK_TIMEOUT_MS,
  );

  it(
    'the same seed plays the same schedule',
    async () => {
      const [a, b] = [await runSoak({ seeds: [3], scale: 'small' }), await runSoak({ seeds: [3], scale: 'small' })];
      const shape = (r: typeof a): unknown =>
        r.perSeed.map((s) => ({
          direction: s.direction,
          runs: s.runs,
          edits: s.edits,
          optionChanges: s.optionChanges,
          races: s.races,
          hireSteps: s.hireSteps,
          clockJumps: s.clockJumps,
        }));
      expect(shape(a)).toEqual(shape(b));
    },
    SOAK_TIMEOUT_MS,
  );
});
