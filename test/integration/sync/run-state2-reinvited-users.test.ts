// A Lever user who was deactivated and re-invited under the same email: the outbound sync writes the
// active account as the requisition's hiring manager or owner, whichever order Lever lists the two in,
// and raises no "deactivated" warning for a person who is active.
import { afterEach, describe, expect, it } from 'vitest';
import type { LeverRequisition } from '../../../src/main/sandbox/lever/index.ts';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { STAFF, activeJobs, charthopSeed, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const DEACTIVATED_AT = 1_700_000_000_000;

describe('re-invited Lever users', () => {
  it('a hiring manager and a recruiter who each have an old deactivated account: the new requisition names their active accounts', async () => {
    const seed = leverSeed();
    const grace = { id: STAFF.grace.leverId, name: STAFF.grace.name, email: STAFF.grace.email };
    const rick = { id: STAFF.rick.leverId, name: STAFF.rick.name, email: STAFF.rick.email };
    const hedy = { id: STAFF.hedy.leverId, name: STAFF.hedy.name, email: STAFF.hedy.email };
    // Grace's old account is listed after her active one, Rick's before his.
    seed.users = [
      grace,
      { id: 'u-grace-old', name: STAFF.grace.name, email: STAFF.grace.email, deactivatedAt: DEACTIVATED_AT },
      { id: 'u-rick-old', name: STAFF.rick.name, email: STAFF.rick.email, deactivatedAt: DEACTIVATED_AT },
      rick,
      hedy,
    ];
    const w = await startWorld({ charthop: charthopSeed(activeJobs(1)), lever: seed });
    world = w;

    const run = await w.engine.run(w.profileId, { trigger: 'manual' });

    expect(run.counts).toMatchObject({ created: 1, failed: 0, skipped: 0, attention: 0 });
    const req = w.lever.control.state().requisitions.find((r) => r.requisitionCode === 'ENG-0001') as LeverRequisition;
    expect({ hiringManager: req.hiringManager, owner: req.owner }).toEqual({
      hiringManager: STAFF.grace.leverId,
      owner: STAFF.rick.leverId,
    });
    const item = w.engine.runs.get(w.profileId, run.id).items.find((i) => i.recordKey === 'ENG-0001');
    expect(item?.warnings).toBeUndefined();
  });
});
