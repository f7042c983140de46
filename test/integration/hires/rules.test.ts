// The guide's new-hire rules end to end: the fake Lever marks candidates hired and fires signed
// candidateHired webhooks at the real listener; the worker re-fetches from Lever and writes to the
// fake ChartHop over real HTTP. Each rule is checked by its decision and by what ChartHop holds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import type { HiresWorld } from './support.ts';
import { addCandidate, cancelHire, charthopCounts, editOpportunity, hiresOf, postPerson, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

const START = Date.UTC(2026, 11, 1);

/** Marks an opportunity hired in the fake Lever (firing the webhook) and waits for the decision. */
async function hire(id: string, offer = { startDate: START, salary: 123_000, currency: 'USD', equity: 2500 }) {
  const result = await world.sandbox.control.lever.hireOpportunity(id, offer);
  expect(world.sandbox.control.lever.webhookDeliveries().at(-1)?.status).toBe(202);
  await world.main.core.hires.drain(PROFILE);
  const views = await hiresOf(world.main.api, id);
  expect(views.length).toBeGreaterThan(0);
  return { result, view: views[0]! };
}

describe('a valid hire', () => {
  it('creates one person with emails, phones and address, one pending hire on the start date, and sets the job Pending', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    editOpportunity(world.sandbox, id, (o) => {
      o.location = 'Austin, TX';
      o.emails = ['ada.candidate@example.net', 'ada.personal@example.org'];
      o.phones = [
        { type: 'mobile', value: '+1 512 555 0101' },
        { type: 'work', value: '+1 512 555 0102' },
      ];
    });
    const before = charthopCounts(world.sandbox);
    const { view } = await hire(id);
    expect(view).toMatchObject({ profileId: PROFILE, source: 'webhook', decision: 'created', startDate: '2026-12-01' });
    expect(view.personId).toMatch(/^[0-9a-f]{24}$/);
    expect(view.jobId).toMatch(/^[0-9a-f]{24}$/);

    const after = charthopCounts(world.sandbox);
    expect(after.persons).toBe(before.persons + 1);
    expect(after.hires).toBe(before.hires + 1);
    const state = world.sandbox.control.charthop.state();
    const person = state.persons.find((p) => p.id === view.personId)!;
    expect(person.contacts).toEqual(
      expect.arrayContaining([
        { type: 'HOME_EMAIL', format: 'EMAIL', value: 'ada.candidate@example.net' },
        { type: 'HOME_EMAIL', format: 'EMAIL', value: 'ada.personal@example.org' },
        { type: 'MOBILE_PHONE', format: 'PHONE', value: '+1 512 555 0101' },
        { type: 'WORK_PHONE', format: 'PHONE', value: '+1 512 555 0102' },
      ]),
    );
    expect(person.address).toEqual({ country: 'US', city: 'Austin', state: 'TX' });
    const hires = state.changes.filter((c) => c.type === 'HIRE' && c.status === 'ACTIVE' && c.personId === person.id);
    expect(hires).toHaveLength(1);
    expect(hires[0]).toMatchObject({ jobId: view.jobId, date: '2026-12-01' });
    const job = world.sandbox.control.charthop.jobs(world.sandbox.charthop.org).find((j) => j.id === view.jobId)!;
    expect(job.recruit).toBe('Pending');
    expect(job.personId).toBe(person.id);
    expect((job.comp as { baseComp: { pay: { amount: number; currency: string } } }).baseComp.pay).toEqual({
      amount: 123_000,
      currency: 'USD',
    });

    // Every later delivery of the same hire changes nothing.
    const again = await world.sandbox.control.lever.sender.sendCandidateHired(world.webhookUrl, world.signatureToken, {
      opportunityId: id,
      contactId: 'c',
    });
    expect(again.attempts[0]?.status).toBe(202);
    await world.main.core.hires.drain(PROFILE);
    expect(charthopCounts(world.sandbox)).toMatchObject({ persons: after.persons, hires: after.hires });
    expect((await hiresOf(world.main.api, id))[0]?.decision).toBe('not_first_hire');
  });
});

describe('the rules that stop a hire', () => {
  it('person_exists: the email of a ChartHop person who is in no role; nothing written', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    // A person never placed in a job (not in a role), created through the ChartHop API.
    await postPerson(world.sandbox, {
      name: { first: 'Former', last: 'Employee' },
      contacts: [{ type: 'HOME_EMAIL', value: 'former@example.org' }],
    });
    editOpportunity(world.sandbox, id, (o) => {
      o.emails = ['new.address@example.net', 'FORMER@example.org'];
    });
    const before = charthopCounts(world.sandbox);
    const { view } = await hire(id);
    expect(view.decision).toBe('person_exists');
    expect(view.reason).toContain('Former Employee');
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });

  it('person_exists: the email of a person who left the company (departed)', async () => {
    const { sandbox } = world;
    const api = (path: string, body: unknown) =>
      fetch(`${sandbox.charthop.url}${path.replace(':org', sandbox.charthop.org)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.credentials.charthopToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // Someone hired into a seat in the past and departed before today: a former employee.
    const seat = sandbox.control.charthop
      .jobs(sandbox.charthop.org)
      .find(
        (j) =>
          j.open === 'open' && !j.personId && (j.recruit === 'Passive' || j.recruit === 'Inactive') && String(j.createDate) < '2026-08-01',
      )!;
    const person = (await (
      await api('/v2/org/:org/person', {
        name: { first: 'Gone', last: 'Away' },
        contacts: [{ type: 'WORK_EMAIL', value: 'gone.away@example.com' }],
      })
    ).json()) as { id: string };
    expect(
      (await api('/v1/org/:org/change/hire', { jobId: seat.id, personId: person.id, date: String(seat.createDate) })).status,
    ).toBeLessThan(300);
    expect((await api('/v1/org/:org/change/depart', { jobId: seat.id, personId: person.id, date: '2026-09-01' })).status).toBeLessThan(300);
    const id = sandbox.facts.hires.toProcess[0]!;
    editOpportunity(sandbox, id, (o) => {
      o.emails = ['Gone.Away@example.com'];
    });
    const before = charthopCounts(sandbox);
    const { view } = await hire(id);
    expect(view.decision).toBe('person_exists');
    expect(view.reason).toContain('Gone Away');
    expect(charthopCounts(sandbox)).toEqual(before);
  });

  it('job_missing: a hire against a requisition no ChartHop job is linked to; nothing written', async () => {
    const id = world.sandbox.facts.hires.withoutJob[0]!;
    const before = charthopCounts(world.sandbox);
    const { view } = await hire(id);
    expect(view.decision).toBe('job_missing');
    expect(view.reason).toMatch(/No ChartHop job is linked to Lever requisition/);
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });

  it('no_email: a candidate without an email; nothing written', async () => {
    const id = world.sandbox.facts.hires.withoutEmail[0]!;
    const before = charthopCounts(world.sandbox);
    const { view } = await hire(id);
    expect(view.decision).toBe('no_email');
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });

  it('not_first_hire: a second hire into the same job is not processed until the first is removed', async () => {
    const first = world.sandbox.facts.hires.toProcess[0]!;
    const created = (await hire(first)).view;
    expect(created.decision).toBe('created');
    const second = addCandidate(world.sandbox, first, { id: 'second-candidate', name: 'Second Candidate', emails: ['second@example.net'] });
    const before = charthopCounts(world.sandbox);
    const { view } = await hire(second);
    expect(view).toMatchObject({ decision: 'not_first_hire', jobId: created.jobId });
    expect(charthopCounts(world.sandbox)).toEqual(before);

    // The first hire removed in ChartHop (its HIRE change cancelled): a replay of the second now goes through.
    await cancelHire(world.sandbox, created.personId);
    const replayed = valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: view.id }));
    expect(replayed).toMatchObject({ source: 'replay', decision: 'created', jobId: created.jobId });
  });

  it('not_hired (A8): a signed delivery naming a candidate Lever does not show as hired; nothing written, hint_mismatch logged', async () => {
    const state = world.sandbox.control.lever.state();
    const notHired = state.opportunities.find((o) => o.archived === null)!;
    const before = charthopCounts(world.sandbox);
    const report = await world.sandbox.control.lever.sender.sendCandidateHired(world.webhookUrl, world.signatureToken, {
      opportunityId: notHired.id,
      contactId: notHired.contact,
    });
    expect(report.attempts[0]?.status).toBe(202);
    await world.main.core.hires.drain(PROFILE);
    expect((await hiresOf(world.main.api, notHired.id))[0]?.decision).toBe('not_hired');
    expect(charthopCounts(world.sandbox)).toEqual(before);
    expect(world.main.logs.some((l) => l.message.includes('hint_mismatch'))).toBe(true);
  });
});
