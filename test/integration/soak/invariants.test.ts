// The soak's invariant checker flags what it is there to flag: a canary in the data folder or in
// ReqBridge's output, a plan that still writes, a run left running, and a duplicate code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { checkInvariants } from '../../soak/invariants.ts';
import { startSoakWorld } from '../../soak/world.ts';
import type { SoakWorld } from '../../soak/world.ts';

let world: SoakWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('soak invariants', () => {
  it('a canary in a data-folder file or in an output, a plan that still writes and a duplicate code are each reported', async () => {
    world = await startSoakWorld(42, 'inbound', 2);
    expect(checkInvariants(42, world, [], [], 'cmd').filter((v) => v.invariant !== 'convergence')).toEqual([]);

    writeFileSync(join(world.dataDir, 'leak.log'), `key=${world.canary}\n`);
    const state = world.lever.control.state();
    const first = state.requisitions[0]!;
    state.requisitions.push({ ...first, id: 'lr-dup' });
    world.lever.control.seed(state);
    const violations = checkInvariants(
      42,
      world,
      [{ action: 'create', reason: 'requisition_unlinked', code: 'LVR-1' }],
      [`debug ${world.canary}`],
      'cmd',
    );
    const names = violations.map((v) => v.invariant);
    expect(names.filter((n) => n === 'canary secret nowhere')).toHaveLength(2);
    expect(violations.find((v) => v.invariant === 'canary secret nowhere')?.detail).toContain('leak.log');
    expect(violations.some((v) => v.invariant === 'convergence' && v.detail.includes('create'))).toBe(true);
    expect(violations.some((v) => v.invariant === 'no duplicates' && v.detail.includes('lvr-1'))).toBe(true);
    expect(violations.every((v) => v.reproduce === 'cmd' && v.seed === 42)).toBe(true);
  });

  it('an open requisition without its ChartHop job is reported, a closed one (a hire filled it before its first sync) is not', async () => {
    world = await startSoakWorld(46, 'inbound', 2);
    const state = world.lever.control.state();
    state.requisitions[0]!.status = 'closed';
    world.lever.control.seed(state);
    const convergence = checkInvariants(46, world, [], [], 'cmd')
      .filter((v) => v.invariant === 'convergence')
      .map((v) => v.detail);
    expect(convergence).toEqual(['open Lever requisition LVR-2 has no ChartHop job']);
  });

  it('a run left running is reported', async () => {
    world = await startSoakWorld(43, 'outbound', 1);
    const db = openStateDb(stateDbPath(world.dataDir, world.profileId));
    try {
      db.db
        .prepare(`INSERT INTO runs (trigger, direction, status, started_at) VALUES ('cli', 'outbound', 'running', ?)`)
        .run(new Date().toISOString());
    } finally {
      db.close();
    }
    expect(checkInvariants(43, world, [], [], 'cmd').map((v) => v.invariant)).toContain('runs finished');
  });
});
