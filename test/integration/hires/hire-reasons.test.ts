// What a consultant reads for each decision of a hire, end to end (fake Lever fires signed webhooks
// at the real listener; the worker writes to the fake ChartHop over real HTTP): the whole reason of
// each rule, the ChartHop hire's note, the log lines that flag a delivery naming a candidate Lever
// does not show as hired (webhook deliveries only, never a Replay), and the facts a later delivery
// of a finished hire still shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import { openOtherProcess } from './catch-up-world.ts';
import type { HireOffer, HiresWorld } from './support.ts';
import {
  addCandidate,
  cancelHire,
  editOpportunity,
  HIRE_OFFER,
  hireAndDecide,
  newestDecision,
  postPerson,
  PROFILE,
  startHiresWorld,
} from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

/** Marks an opportunity hired in the fake Lever (its webhook fires) and returns the newest decision. */
const hire = (id: string, offer: HireOffer | null = HIRE_OFFER) => hireAndDecide(world, id, offer);
const decided = (id: string) => newestDecision(world, id);

/** Lever delivers the candidateHired webhook of `id` again. */
async function deliver(id: string) {
  const report = await world.sandbox.control.lever.sender.sendCandidateHired(world.webhookUrl, world.signatureToken, {
    opportunityId: id,
    contactId: 'c',
  });
  expect(report.attempts[0]?.status).toBe(202);
  return decided(id);
}

const replay = async (hireId: string) => valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId }));
const hintLines = () => world.main.logs.filter((l) => l.message.startsWith('hint_mismatch:')).map((l) => `${l.level} ${l.message}`);

describe('a created hire', () => {
  it('says whom it created into which job from when, notes the opportunity on the ChartHop hire, and logs it', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    editOpportunity(world.sandbox, id, (o) => {
      o.name = 'Ada Lovelace';
    });
    const view = await hire(id);
    expect(view.decision).toBe('created');
    expect(view.reason).toBe(
      `Created Ada Lovelace in ChartHop (${view.personId}) with a pending hire into "${view.jobTitle}" starting 2026-12-01; ` +
        "the job's recruiting status is now Pending.",
    );
    const change = world.sandbox.control.charthop.state().changes.find((c) => c.type === 'HIRE' && c.personId === view.personId)!;
    expect(change.note).toBe(`Hired via Lever (ReqBridge), opportunity ${id}`);
    expect(world.main.logs.map((l) => l.message)).toContain(
      `Hire of opportunity ${id}: person ${view.personId} hired into job ${view.jobId} from 2026-12-01`,
    );
  });

  it('a later delivery writes nothing and says when ReqBridge brought the hire in, still showing its candidate, job and start', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    const created = await hire(id);
    const again = await deliver(id);
    expect(again).toMatchObject({
      decision: 'not_first_hire',
      personId: created.personId,
      jobId: created.jobId,
      candidateName: created.candidateName,
      jobTitle: created.jobTitle,
      startDate: '2026-12-01',
    });
    expect(again.reason).toBe(
      `ReqBridge already brought this hire into ChartHop (person ${created.personId}, job ${created.jobId}, ${created.decidedAt!.slice(0, 10)}); ` +
        'only the first hire webhook of a job is processed, so nothing was written. To apply a changed offer, remove that hire in ChartHop, then Replay.',
    );
  });

  it('once its hire is removed in ChartHop, a new delivery hires the same person again instead of refusing', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    const created = await hire(id);
    await cancelHire(world.sandbox, created.personId);
    const persons = world.sandbox.control.charthop.state().persons.length;
    const again = await deliver(id);
    expect(again).toMatchObject({ decision: 'created', personId: created.personId, jobId: created.jobId });
    expect(world.sandbox.control.charthop.state().persons.length).toBe(persons);
  });
});

describe('a delivery naming a candidate Lever does not show as hired', () => {
  it('an opportunity Lever does not have: the reason says so, hint_mismatch is logged for the delivery and not for its Replay', async () => {
    const report = await world.sandbox.control.lever.sender.sendCandidateHired(world.webhookUrl, world.signatureToken, {
      opportunityId: 'opp-deleted',
      contactId: 'c',
    });
    expect(report.attempts[0]?.status).toBe(202);
    const view = await decided('opp-deleted');
    expect(view).toMatchObject({ decision: 'not_hired', source: 'webhook' });
    expect(view.reason).toBe(
      'Lever has no opportunity opp-deleted (it was deleted, or the delivery named the wrong one). Nothing was written.',
    );
    const line = `warn hint_mismatch: delivery ${view.id} names opportunity opp-deleted, which Lever does not have`;
    expect(hintLines()).toEqual([line]);
    expect(await replay(view.id)).toMatchObject({ decision: 'not_hired', source: 'replay' });
    expect(hintLines()).toEqual([line]);
  });

  it('an opportunity Lever has but not as hired: the reason says so, hint_mismatch is logged for the delivery and not for its Replay', async () => {
    const notHired = world.sandbox.control.lever.state().opportunities.find((o) => o.archived === null)!;
    const report = await world.sandbox.control.lever.sender.sendCandidateHired(world.webhookUrl, world.signatureToken, {
      opportunityId: notHired.id,
      contactId: notHired.contact,
    });
    expect(report.attempts[0]?.status).toBe(202);
    const view = await decided(notHired.id);
    expect(view.reason).toBe('Lever does not show this candidate as hired (not archived with a "hired" reason), so nothing was written.');
    const line = `warn hint_mismatch: delivery ${view.id} names opportunity ${notHired.id}, which Lever does not show as hired`;
    expect(hintLines()).toEqual([line]);
    await replay(view.id);
    expect(hintLines()).toEqual([line]);
  });
});

describe('the rules that stop a hire, in the words the consultant reads', () => {
  it('no_email', async () => {
    const view = await hire(world.sandbox.facts.hires.withoutEmail[0]!);
    expect(view.reason).toBe(
      'The candidate has no email address in Lever, and ChartHop identifies people by email. Add an email to the candidate in Lever, then Replay.',
    );
  });

  it('person_exists: a person with the email who is not ReqBridge’s', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    const personId = await postPerson(world.sandbox, {
      name: { first: 'Former', last: 'Employee' },
      contacts: [{ type: 'HOME_EMAIL', value: 'former@example.org' }],
    });
    editOpportunity(world.sandbox, id, (o) => {
      o.emails = ['former@example.org'];
    });
    const view = await hire(id);
    expect(view.reason).toBe(
      `A person with this candidate's email already exists in ChartHop (Former Employee, ${personId}), possibly not in a role. ` +
        'Internal transfers and re-hires are not supported, so nothing was written; move or re-hire the person in ChartHop by hand.',
    );
  });

  it('not_first_hire: the job already got a hire from ReqBridge for another candidate', async () => {
    const first = world.sandbox.facts.hires.toProcess[0]!;
    const created = await hire(first);
    const state = world.sandbox.control.lever.state();
    const copy = structuredClone(state.opportunities.find((o) => o.id === first)!);
    Object.assign(copy, { id: 'second-candidate', contact: 'second-contact', archived: null, offers: [], emails: ['second@example.net'] });
    state.opportunities.push(copy);
    world.sandbox.control.lever.seed(state);
    const view = await hire('second-candidate');
    expect(view.reason).toBe(
      `The job already received a hire from ReqBridge (person ${created.personId}, opportunity ${first}); only the first hire of a job is processed. ` +
        'Remove that hire in ChartHop, then Replay.',
    );
  });

  it('failed: an offer without a start date, and no offer at all', async () => {
    const a = world.sandbox.facts.hires.toProcess[0]!;
    const b = addCandidate(world.sandbox, a, { id: 'no-offer', emails: ['no.offer@example.net'] });
    expect((await hire(a, { salary: 100_000, currency: 'USD' })).reason).toBe(
      'The Lever offer has no anticipated start date, so the hire cannot be scheduled. Add the start date to the offer in Lever, then Replay.',
    );
    expect((await hire(b, null)).reason).toBe(
      'The candidate has no offer in Lever, so there is no start date for the hire. Create the offer (or mark it signed) in Lever, then Replay.',
    );
    // Both rows stay failed, so ReqBridge tries them again later (a finished row would never be retried).
    const other = openOtherProcess(world);
    try {
      expect([a, b].map((id) => other.inbox.forOpportunity(id).map((r) => [r.status, r.decision, r.attempts]))).toEqual([
        [['failed', 'failed', 1]],
        [['failed', 'failed', 1]],
      ]);
    } finally {
      other.close();
    }
  });
});
