// Only the first hire of a job is processed, and only a person ReqBridge made for this very
// candidate is ever reused: a job someone already fills in ChartHop, and a ChartHop person that
// ReqBridge created for another candidate, both stop the hire with nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HiresWorld } from './support.ts';
import { charthopCounts, editOpportunity, HIRE_OFFER, hireAndDecide, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

/** Marks an opportunity hired in the fake Lever (firing the webhook) and returns the decision's view. */
const hire = (id: string) => hireAndDecide(world, id, HIRE_OFFER);

/** A ChartHop API call with the sandbox's owner token. */
async function charthopPost(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const { charthop, credentials } = world.sandbox;
  const response = await fetch(`${charthop.url}${path.replace(':org', charthop.org)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credentials.charthopToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

/** The fake ChartHop's job linked to the requisition the opportunity is hired against. */
function jobOfOpportunity(id: string): Record<string, unknown> {
  const opportunity = world.sandbox.control.lever.state().opportunities.find((o) => o.id === id);
  const requisition = opportunity?.application?.requisitionForHire;
  if (!requisition) throw new Error(`opportunity ${id} has no requisition`);
  const job = world.sandbox.control.charthop
    .jobs(world.sandbox.charthop.org)
    .find((j) => j['leverReqId'] === requisition.id || j['req'] === requisition.requisitionCode);
  if (!job) throw new Error(`no ChartHop job for requisition ${requisition.requisitionCode}`);
  return job;
}

describe('only the first hire of a job', () => {
  it('a job that already has a person placed outside ReqBridge gets no hire: not_first_hire, nothing written', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    const job = jobOfOpportunity(id);
    expect(job['personId'] ?? null).toBeNull();
    // Someone fills the seat by hand in ChartHop: a person of their own, hired into the job.
    const person = await charthopPost('/v2/org/:org/person', {
      name: { first: 'Hand', last: 'Placed' },
      contacts: [{ type: 'WORK_EMAIL', value: 'hand.placed@example.com' }],
    });
    expect(person.status).toBe(201);
    const placedId = (person.json as { id: string }).id;
    expect(
      (await charthopPost('/v1/org/:org/change/hire', { jobId: job['id'], personId: placedId, date: '2026-11-01' })).status,
    ).toBeLessThan(300);
    const filled = world.sandbox.control.charthop.jobs(world.sandbox.charthop.org).find((j) => j['id'] === job['id'])!;
    expect(filled['personId']).toBe(placedId);

    const before = charthopCounts(world.sandbox);
    const view = await hire(id);
    expect(view).toMatchObject({ decision: 'not_first_hire', jobId: job['id'], personId: null });
    expect(view.reason).toContain(placedId);
    expect(charthopCounts(world.sandbox)).toEqual(before);
    const after = world.sandbox.control.charthop.jobs(world.sandbox.charthop.org).find((j) => j['id'] === job['id'])!;
    expect(after).toMatchObject({ personId: placedId, recruit: filled['recruit'] });
  });
});

describe('a person is reused only for its own candidate', () => {
  it('the ChartHop person ReqBridge created for another candidate with the same email is not hired again: person_exists, nothing written', async () => {
    const first = world.sandbox.facts.hires.toProcess[0]!;
    // A second hired candidate, on another job (the demo's one without an email, given one below).
    const second = world.sandbox.facts.hires.withoutEmail[0]!;
    expect(jobOfOpportunity(second)['id']).not.toBe(jobOfOpportunity(first)['id']);
    const created = await hire(first);
    expect(created.decision).toBe('created');
    const firstPerson = world.sandbox.control.charthop.state().persons.find((p) => p.id === created.personId)!;
    // ReqBridge's mark on that person names the first opportunity only.
    expect(firstPerson.contacts).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'LEVER', value: first })]));
    const sharedEmail = (firstPerson.contacts ?? []).find((c) => c.type === 'HOME_EMAIL')!.value;
    // Another candidate, hired into another job, who gave the same address.
    editOpportunity(world.sandbox, second, (o) => {
      o.emails = [sharedEmail.toUpperCase()];
    });

    const before = charthopCounts(world.sandbox);
    const view = await hire(second);
    expect(view).toMatchObject({ decision: 'person_exists', personId: null });
    expect(view.reason).toContain(created.personId!);
    expect(charthopCounts(world.sandbox)).toEqual(before);
    const hiresOfFirstPerson = world.sandbox.control.charthop
      .state()
      .changes.filter((c) => c.type === 'HIRE' && c.status === 'ACTIVE' && c.personId === created.personId);
    expect(hiresOfFirstPerson.map((c) => c.jobId)).toEqual([created.jobId]);
  });
});
