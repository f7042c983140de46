// The undo plan of a run during which people were hired through the new-hire flow, against the fakes
// over real HTTP and real SQLite: each person gets a row of their own, named by the Lever opportunity,
// that says it is never undone and why, and links to the person in ChartHop.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { activeJobs, charthopSeed, jobId, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('the people a run’s time created in ChartHop', () => {
  it('are listed one row each, never undone, with a link to each person', async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed([]) });
    world = w;
    const sync = await w.engine.run(w.profileId, { trigger: 'manual' });
    const hire = w
      .state()
      .db.prepare("INSERT INTO hires (opportunity_id, charthop_job_id, person_id, decision, decided_at) VALUES (?, ?, ?, 'created', ?)");
    hire.run('opp-7', jobId(1), 'person-7', sync.startedAt);
    hire.run('opp-8', jobId(2), 'person-8', sync.startedAt);

    const plan = await w.engine.undoPlan(w.profileId, sync.id);
    // Both were created at the same instant: their order is not part of what is pinned.
    const hires = plan.rows.filter((r) => r.reason === 'hire_not_undone').sort((a, b) => a.id.localeCompare(b.id));
    const sentence = `Not undone: hires are never taken back automatically, because a person record holds what HR added since (start date, contact details, documents). While run #${sync.id} went, ReqBridge created this person in ChartHop; remove them there by hand if the hire was wrong.`;
    expect(hires.map(({ id, title, jobId: job, action, reasonText, link }) => ({ id, title, job, action, reasonText, link }))).toEqual([
      {
        id: 'undo:hire:opp-7',
        title: 'New hire (Lever opportunity opp-7)',
        job: jobId(1),
        action: 'skip',
        reasonText: sentence,
        link: { label: 'Open the person in ChartHop', url: `${w.charthop.url}/v2/org/acme/person/person-7` },
      },
      {
        id: 'undo:hire:opp-8',
        title: 'New hire (Lever opportunity opp-8)',
        job: jobId(2),
        action: 'skip',
        reasonText: sentence,
        link: { label: 'Open the person in ChartHop', url: `${w.charthop.url}/v2/org/acme/person/person-8` },
      },
    ]);
  });
});
