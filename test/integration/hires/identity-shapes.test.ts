// Identity checks fail closed: the new-hire rules under every way the fake ChartHop can answer a
// people search — flat rows as documented, whole person objects that ignore `fields=`, nested
// `contact` objects — and under an answer nobody can read identities from (`bare`). A readable
// answer decides right; an unreadable one decides `needs_attention` and creates nothing; a person
// ReqBridge created is never created twice, whatever fails after the create.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeopleAnswerShape } from '../../../src/main/sandbox/charthop/index.ts';
import { valueOf } from '../../support/test-core.ts';
import type { HiresWorld } from './support.ts';
import { charthopCounts, editOpportunity, hiresOf, postPerson, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

const START = Date.UTC(2026, 11, 1);
const EMAIL = 'shape.candidate@example.net';

/** The people in ChartHop holding `email` in any contact. */
const peopleWith = (email: string) =>
  world.sandbox.control.charthop.state().persons.filter((p) => p.contacts.some((c) => c.value.toLowerCase() === email.toLowerCase()));

/** Marks the opportunity hired in the fake Lever (its webhook fires) and waits for the newest decision. */
async function hire(id: string) {
  await world.sandbox.control.lever.hireOpportunity(id, { startDate: START, salary: 100_000, currency: 'USD' });
  await world.main.core.hires.drain(PROFILE);
  return (await hiresOf(world.main.api, id))[0]!;
}

async function identityCheck() {
  const report = valueOf(await world.main.api.invoke('doctor:run', { profileId: PROFILE }));
  return report.checks.find((c) => c.id === 'identity.lookups')!;
}

describe.each<PeopleAnswerShape>(['flat', 'whole', 'nested'])('ChartHop answers people searches as %s rows', (shape) => {
  beforeEach(() => {
    world.sandbox.control.charthop.setPeopleAnswer(shape);
  });

  it('a hired candidate whose email belongs to an existing employee is person_exists; nothing written', async () => {
    const id = world.sandbox.facts.hires.existingPerson[0]!;
    const before = charthopCounts(world.sandbox);
    const view = await hire(id);
    expect(view.decision).toBe('person_exists');
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });

  it('a hired candidate whose email belongs to a person never placed in a role is person_exists', async () => {
    await postPerson(world.sandbox, {
      name: { first: 'Never', last: 'Placed' },
      contacts: [{ type: 'HOME_EMAIL', format: 'EMAIL', value: EMAIL }],
    });
    const id = world.sandbox.facts.hires.toProcess[0]!;
    editOpportunity(world.sandbox, id, (o) => {
      o.emails = ['other@example.org', EMAIL.toUpperCase()];
    });
    const before = charthopCounts(world.sandbox);
    const view = await hire(id);
    expect(view).toMatchObject({ decision: 'person_exists' });
    expect(view.reason).toContain('Never Placed');
    expect(charthopCounts(world.sandbox)).toEqual(before);
    expect(peopleWith(EMAIL)).toHaveLength(1);
  });

  it('a hired candidate whose email belongs to a former employee (departed) is person_exists', async () => {
    const { sandbox } = world;
    const post = (path: string, body: unknown) =>
      fetch(`${sandbox.charthop.url}${path.replace(':org', sandbox.charthop.org)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.credentials.charthopToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const seat = sandbox.control.charthop
      .jobs(sandbox.charthop.org)
      .find(
        (j) =>
          j.open === 'open' && !j.personId && (j.recruit === 'Passive' || j.recruit === 'Inactive') && String(j.createDate) < '2026-08-01',
      )!;
    const personId = await postPerson(world.sandbox, {
      name: { first: 'Gone', last: 'Away' },
      contacts: [{ type: 'WORK_EMAIL', format: 'EMAIL', value: EMAIL }],
    });
    expect((await post('/v1/org/:org/change/hire', { jobId: seat.id, personId, date: String(seat.createDate) })).status).toBeLessThan(300);
    expect((await post('/v1/org/:org/change/depart', { jobId: seat.id, personId, date: '2026-09-01' })).status).toBeLessThan(300);
    const id = sandbox.facts.hires.toProcess[0]!;
    editOpportunity(sandbox, id, (o) => {
      o.emails = [EMAIL];
    });
    const before = charthopCounts(sandbox);
    const view = await hire(id);
    expect(view.decision).toBe('person_exists');
    expect(view.reason).toContain('Gone Away');
    expect(charthopCounts(sandbox)).toEqual(before);
  });

  it('the person ReqBridge made for this candidate (its Lever mark) is recognised and reused, never made twice', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    editOpportunity(world.sandbox, id, (o) => {
      o.emails = [EMAIL];
    });
    // What a crash right after the person create leaves: the person in ChartHop, nothing in the ledger.
    const personId = await postPerson(world.sandbox, {
      name: { first: 'Shape', last: 'Candidate' },
      contacts: [
        { type: 'HOME_EMAIL', format: 'EMAIL', value: EMAIL },
        { type: 'LEVER', format: 'ID', value: id },
      ],
    });
    const view = await hire(id);
    expect(view).toMatchObject({ decision: 'created', personId });
    expect(peopleWith(EMAIL)).toHaveLength(1);
  });

  it('Check connection reports the identity lookups readable', async () => {
    const check = await identityCheck();
    expect(check.status).toBe('pass');
    expect(check.items?.join('\n')).toMatch(/Person by email: readable/);
    expect(check.items?.join('\n')).toMatch(/Lever mark on a person: readable/);
  });
});

describe('ChartHop answers people searches with rows nobody can read identities from', () => {
  beforeEach(() => {
    world.sandbox.control.charthop.setPeopleAnswer('bare');
  });

  it("an existing employee's email decides needs_attention and nothing is created; Replay decides once ChartHop answers readably", async () => {
    const before = charthopCounts(world.sandbox);
    const id = world.sandbox.facts.hires.existingPerson[0]!;
    const existing = await hire(id);
    expect(existing.decision).toBe('needs_attention');
    expect(existing.reason).toMatch(/could not tell whether a ChartHop person with the email .+ already exists/);
    expect(existing.reason).toMatch(/press Replay/);
    expect(charthopCounts(world.sandbox)).toEqual(before);

    world.sandbox.control.charthop.setPeopleAnswer('flat');
    const replayed = valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: existing.id }));
    expect(replayed.decision).toBe('person_exists');
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });

  it('an empty answer is readable: a candidate nobody in ChartHop has the email of is created, once', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    editOpportunity(world.sandbox, id, (o) => {
      o.emails = [EMAIL];
    });
    expect((await hire(id)).decision).toBe('created');
    expect(peopleWith(EMAIL)).toHaveLength(1);
  });

  it('Check connection fails the identity check and names the person lookup', async () => {
    const check = await identityCheck();
    expect(check.status).toBe('fail');
    expect(check.items?.join('\n')).toMatch(/Person by email: ChartHop lists people without a readable email/);
  });
});

describe('the job lookup', () => {
  it('a refused job search is a failure to retry, not "no job": only a refusal naming the field means the org lacks it', async () => {
    const id = world.sandbox.facts.hires.withoutJob[0]!;
    const { charthop } = world.sandbox.control;
    charthop.setFault({
      method: 'GET',
      path: '/v2/org/:org/job',
      nth: 1,
      action: { kind: 'status', status: 400, body: { code: 400, message: 'malformed query' } },
    });
    expect((await hire(id)).decision).toBe('failed');
    charthop.clearFaults();
    charthop.setFault({
      method: 'GET',
      path: '/v2/org/:org/job',
      nth: 1,
      action: { kind: 'status', status: 400, body: { code: 400, message: 'unknown field: leverReqId' } },
    });
    const row = (await hiresOf(world.main.api, id))[0]!;
    const replayed = valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: row.id }));
    expect(replayed.decision).toBe('job_missing');
  });
});

describe('no write without its record', () => {
  it('a person whose later reads fail is continued from its recorded id by the next delivery and a Replay: one person', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    editOpportunity(world.sandbox, id, (o) => {
      o.emails = [EMAIL];
    });
    const { charthop } = world.sandbox.control;
    // The hire change is refused once, after the person was created: the hire fails with the person made.
    charthop.setFault({
      method: 'POST',
      path: '/v1/org/:org/change/sync/hire',
      nth: 1,
      action: { kind: 'status', status: 422, body: { code: 422, message: 'scripted refusal' } },
    });
    const first = await hire(id);
    expect(first.decision).toBe('failed');
    expect(peopleWith(EMAIL)).toHaveLength(1);
    const personId = peopleWith(EMAIL)[0]!.id;

    // From here every person read fails (503, past the retries). A second delivery: still the one person.
    charthop.setFault({ method: 'GET', path: '/v2/org/:org/person', action: { kind: 'status', status: 503 } });
    charthop.setFault({ method: 'GET', path: '/v2/org/:org/person/:personId', action: { kind: 'status', status: 503 } });
    await world.sandbox.control.lever.sender.sendCandidateHired(world.webhookUrl, world.signatureToken, {
      opportunityId: id,
      contactId: 'c',
    });
    await world.main.core.hires.drain(PROFILE);
    expect((await hiresOf(world.main.api, id))[0]?.decision).toBe('failed');
    expect(peopleWith(EMAIL)).toHaveLength(1);

    // ChartHop answers again, but only in a shape without emails: the recorded id carries the hire through.
    charthop.clearFaults();
    charthop.setPeopleAnswer('bare');
    const failed = (await hiresOf(world.main.api, id))[0]!;
    const replayed = valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: failed.id }));
    expect(replayed).toMatchObject({ decision: 'created', personId });
    expect(peopleWith(EMAIL)).toHaveLength(1);
    const hires = world.sandbox.control.charthop
      .state()
      .changes.filter((c) => c.type === 'HIRE' && c.status === 'ACTIVE' && c.personId === personId);
    expect(hires).toHaveLength(1);
  }, 60_000);
});
