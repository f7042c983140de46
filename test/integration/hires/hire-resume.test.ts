// A hire that fails half way is resumed, never written twice: the ledger keeps the job and the
// person ReqBridge created so a failed row still shows them and a Replay continues from that person
// (even when it is briefly not found, but not when ChartHop refuses to show it). Also the reasons
// of the rarer outcomes: someone else's person created between the lookup and the create, a
// compensation ChartHop refuses, a candidate without a name, an identity answer nobody can read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedger } from '../../../src/main/core/hires/ledger.ts';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { valueOf } from '../../support/test-core.ts';
import type { HiresWorld } from './support.ts';
import { charthopCounts, editOpportunity, HIRE_OFFER, hireAndDecide, postPerson, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

const hire = (id: string) => hireAndDecide(world, id, HIRE_OFFER);

const replay = async (hireId: string) => valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId }));

/** The fake ChartHop's job linked to the requisition the opportunity is hired against. */
function jobIdOf(id: string): string {
  const requisition = world.sandbox.control.lever.state().opportunities.find((o) => o.id === id)!.application!.requisitionForHire!;
  const job = world.sandbox.control.charthop
    .jobs(world.sandbox.charthop.org)
    .find((j) => j['leverReqId'] === requisition.id || j['req'] === requisition.requisitionCode)!;
  return String(job['id']);
}

/** The ChartHop people carrying ReqBridge's mark for `opportunityId`. */
const markedFor = (opportunityId: string) =>
  world.sandbox.control.charthop.state().persons.filter((p) => p.contacts.some((c) => c.type === 'LEVER' && c.value === opportunityId));

function refuse(method: string, path: string, status: number, more: { nth?: number; body?: unknown } = {}): void {
  world.sandbox.control.charthop.setFault({
    method,
    path,
    times: 1,
    ...(more.nth === undefined ? {} : { nth: more.nth }),
    action: { kind: 'status', status, ...(more.body === undefined ? {} : { body: more.body }) },
  });
}

/** The ledger entry of `opportunityId`, read from the profile's state database. */
function ledgerOf(opportunityId: string) {
  const state = openStateDb(stateDbPath(world.dataDir, PROFILE));
  try {
    return createLedger(state).get(opportunityId);
  } finally {
    state.close();
  }
}

describe('a hire that fails half way', () => {
  it('a refused person create still shows the job it was going into', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    refuse('POST', '/v2/org/:org/person', 400);
    const view = await hire(id);
    expect(view).toMatchObject({ decision: 'failed', jobId: jobIdOf(id), personId: null });
  });

  it('a failure after the hire shows the person created, and Replay finishes with that same person', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    refuse('PATCH', '/v2/org/:org/job/:id', 400);
    const failed = await hire(id);
    const [person] = markedFor(id);
    expect(failed).toMatchObject({ decision: 'failed', jobId: jobIdOf(id), personId: person!.id });

    const done = await replay(failed.id);
    expect(done).toMatchObject({ decision: 'created', personId: person!.id, jobId: jobIdOf(id) });
    expect(markedFor(id)).toHaveLength(1);
    expect(ledgerOf(id)).toMatchObject({ decision: 'created', step: 'recruit', personId: person!.id });
  });

  it('Replay continues from the person even when ChartHop briefly answers that it is not found', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    refuse('PATCH', '/v2/org/:org/job/:id', 400);
    const failed = await hire(id);
    refuse('GET', '/v2/org/:org/person/:personId', 404);
    const before = charthopCounts(world.sandbox).persons;
    expect(await replay(failed.id)).toMatchObject({ decision: 'created', personId: failed.personId });
    expect(charthopCounts(world.sandbox).persons).toBe(before);
  });

  it('Replay stops, writing nothing, when ChartHop refuses to show the recorded person', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    refuse('PATCH', '/v2/org/:org/job/:id', 400);
    const failed = await hire(id);
    refuse('GET', '/v2/org/:org/person/:personId', 403);
    const before = charthopCounts(world.sandbox);
    expect(await replay(failed.id)).toMatchObject({ decision: 'failed', personId: failed.personId });
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });
});

describe('rarer outcomes, in the words the consultant reads', () => {
  it('a person with the email created by someone else between the lookup and the create: person_exists, nothing written', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    editOpportunity(world.sandbox, id, (o) => {
      o.emails = ['race@example.net'];
    });
    const stranger = await postPerson(world.sandbox, {
      name: { first: 'Quick', last: 'Hands' },
      contacts: [{ type: 'HOME_EMAIL', value: 'race@example.net' }],
    });
    // The first lookup does not see them yet; the create then clashes with them.
    world.sandbox.control.charthop.setFault({
      method: 'GET',
      path: '/v2/org/:org/person',
      times: 1,
      action: { kind: 'status', status: 200, body: { data: [] } },
    });
    const before = charthopCounts(world.sandbox);
    const view = await hire(id);
    expect(view).toMatchObject({ decision: 'person_exists', personId: null });
    expect(view.reason).toBe(
      `A person with this candidate's email was created in ChartHop meanwhile (Quick Hands, ${stranger}); nothing was written.`,
    );
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });

  it('a candidate without a name, whose compensation ChartHop refuses: created, and the reason says what to set by hand', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    editOpportunity(world.sandbox, id, (o) => {
      o.name = '';
    });
    refuse('PATCH', '/v2/org/:org/job/:id', 403, { nth: 2, body: { message: 'compensation is read-only for this token' } });
    const view = await hire(id);
    expect(view.reason).toBe(
      `Created the candidate in ChartHop (${view.personId}) with a pending hire into "${view.jobTitle}" starting 2026-12-01; ` +
        "the job's recruiting status is now Pending. ChartHop refused the offered compensation (compensation is read-only for this token); " +
        'set it on the job by hand.',
    );
  });

  it('Replay of the very row that created a hire answers from the ledger, writing nothing (an entry without a reason says "Created in ChartHop.")', async () => {
    const id = world.sandbox.facts.hires.toProcess[0]!;
    const created = await hire(id);
    const state = openStateDb(stateDbPath(world.dataDir, PROFILE));
    state.db.prepare('UPDATE hires SET reason = NULL WHERE opportunity_id = ?').run(id);
    state.close();
    const before = charthopCounts(world.sandbox);
    expect(await replay(created.id)).toMatchObject({
      decision: 'created',
      reason: 'Created in ChartHop.',
      personId: created.personId,
      jobId: created.jobId,
    });
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });

  it('an identity answer nobody can read is logged with the opportunity it concerns', async () => {
    world.sandbox.control.charthop.setPeopleAnswer('bare');
    const id = world.sandbox.facts.hires.existingPerson[0]!;
    const view = await hire(id);
    expect(view.decision).toBe('needs_attention');
    const message = view.reason.slice(0, view.reason.indexOf(' Check by hand in ChartHop'));
    expect(message).toMatch(/^ReqBridge could not tell whether a ChartHop person with the email .+ already exists: /);
    const line = world.main.logs.find((l) => l.level === 'warn' && l.message.includes('could not tell whether'));
    expect(line?.message).toBe(`Hire of opportunity ${id}: ${message}`);
  });
});
