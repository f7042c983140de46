// The fake ChartHop keeps its job views per as-of date current on every write instead of
// rebuilding them. Each test warms the views first (so a stale cache would be read), writes, and
// compares what the store answers with a store freshly loaded from the same state.
import { beforeEach, describe, expect, it } from 'vitest';
import { amendChange, cancelChange, createChange } from '../../../src/main/sandbox/charthop/changes.ts';
import { createJob, deleteJob, getJob, listJobs, updateJob } from '../../../src/main/sandbox/charthop/jobs.ts';
import { createPerson, listPersons, updatePerson } from '../../../src/main/sandbox/charthop/persons.ts';
import type { ChartHopSeed } from '../../../src/main/sandbox/charthop/state.ts';
import { createChartHopStore } from '../../../src/main/sandbox/charthop/store.ts';
import type { ChartHopStore } from '../../../src/main/sandbox/charthop/store.ts';
import { FIXTURE_NOW, fixtureSeed, J, ORG, OWNER_ACTOR, P, statusOf } from './charthop-fixture.ts';

const TODAY = '2025-06-01';
const EARLIER = '2025-04-20';
const LATER = '2025-10-01';
const DATES = [TODAY, EARLIER, LATER];

function reads(store: ChartHopStore, date: string): unknown {
  return {
    jobs: listJobs(store, ORG, { date, limit: 1000 }).data,
    people: listPersons(store, ORG, { date, limit: 1000 }).data,
    everyone: listPersons(store, ORG, { date, includeAll: true, fields: ['id', 'jobId', 'state', 'title'], limit: 1000 }).data,
  };
}

/** Reads every date (filling the cache), as a store loaded from the same state answers them. */
function expectFresh(store: ChartHopStore): void {
  const fresh = createChartHopStore(structuredClone(store.state) as ChartHopSeed, () => FIXTURE_NOW);
  for (const date of DATES) expect(reads(store, date), date).toEqual(reads(fresh, date));
}

const title = (store: ChartHopStore, jobId: string, date: string): unknown => getJob(store, ORG, jobId, { date, fields: ['title'] }).title;

describe('ChartHop job views stay current after writes', () => {
  let store: ChartHopStore;
  beforeEach(() => {
    store = createChartHopStore(fixtureSeed(), () => FIXTURE_NOW);
    for (const date of DATES) reads(store, date);
  });

  it('an update today shows today and later, not as of an earlier date', () => {
    updateJob(store, ORG, OWNER_ACTOR, J.openA, { title: 'Staff Engineer' });
    expect(title(store, J.openA, TODAY)).toBe('Staff Engineer');
    expect(title(store, J.openA, LATER)).toBe('Staff Engineer');
    expect(title(store, J.openA, EARLIER)).toBe('Backend Engineer');
    expectFresh(store);
  });

  it('an update dated earlier shows as of that date and every cached date after it', () => {
    updateJob(store, ORG, OWNER_ACTOR, J.openB, { title: 'Account Manager' }, EARLIER);
    expect(title(store, J.openB, EARLIER)).toBe('Account Manager');
    // The seeded UPDATE of 2025-05-01 still wins from its date on.
    expect(title(store, J.openB, TODAY)).toBe('Senior Account Executive');
    expectFresh(store);
  });

  it('a created job joins the list in id order from its date only', () => {
    const created = createJob(store, ORG, OWNER_ACTOR, { title: 'Data Engineer' });
    const ids = listJobs(store, ORG, { fields: ['id'], limit: 100 }).data.map((r) => r.id as string);
    expect(ids).toContain(created.id);
    expect(ids).toEqual([...ids].sort());
    expect(statusOf(() => getJob(store, ORG, created.id as string, { date: EARLIER }))).toBe(404);
    expectFresh(store);
  });

  it('a deleted job leaves the list from its date, and stays as of an earlier date', () => {
    deleteJob(store, ORG, OWNER_ACTOR, J.openB);
    expect(statusOf(() => getJob(store, ORG, J.openB, {}))).toBe(404);
    expect(listJobs(store, ORG, { fields: ['id'], limit: 100 }).data.map((r) => r.id)).not.toContain(J.openB);
    expect(title(store, J.openB, EARLIER)).toBe('Account Executive');
    expectFresh(store);
  });

  it('a hire fills the seat and places the person; a future hire announces them; cancelling undoes it', () => {
    const person = createPerson(store, ORG, OWNER_ACTOR, { name: { first: 'Nia', last: 'New' } });
    const personId = person.id as string;
    createChange(store, ORG, OWNER_ACTOR, 'hire', { jobId: J.openA, personId });
    expect(getJob(store, ORG, J.openA, { fields: ['open', 'personId'] })).toEqual({ open: 'filled', personId });
    expect(listPersons(store, ORG, { fields: ['id'], limit: 100 }).data.map((r) => r.id)).toContain(personId);
    expect(getJob(store, ORG, J.openA, { date: EARLIER, fields: ['open'] }).open).toBe('open');
    expectFresh(store);

    const announced = createChange(store, ORG, OWNER_ACTOR, 'hire', { jobId: J.openB, personId: P.rex, date: '2025-08-01' }).change;
    expect(listPersons(store, ORG, { ids: [P.rex], includeAll: true, fields: ['state', 'jobId'], limit: 10 }).data).toEqual([
      { state: 'PENDING', jobId: J.openB },
    ]);
    expect(getJob(store, ORG, J.openB, { date: LATER, fields: ['open', 'personId'] })).toEqual({ open: 'filled', personId: P.rex });
    expectFresh(store);

    cancelChange(store, ORG, OWNER_ACTOR, announced.id as string);
    expect(listPersons(store, ORG, { ids: [P.rex], includeAll: true, fields: ['state', 'jobId'], limit: 10 }).data).toEqual([
      { state: 'INACTIVE', jobId: null },
    ]);
    expect(getJob(store, ORG, J.openB, { date: LATER, fields: ['open'] }).open).toBe('open');
    expectFresh(store);
  });

  it('moving a change to another date re-folds the job on every cached date', () => {
    const update = createChange(store, ORG, OWNER_ACTOR, 'update', { jobId: J.openA, update: { title: 'Platform Engineer' } }).change;
    expect(title(store, J.openA, TODAY)).toBe('Platform Engineer');
    amendChange(store, ORG, OWNER_ACTOR, update.id as string, { date: '2025-09-15' });
    expect(title(store, J.openA, TODAY)).toBe('Backend Engineer');
    expect(title(store, J.openA, LATER)).toBe('Platform Engineer');
    expectFresh(store);
  });

  it('a departure opens the seat and lists the person as no longer in a job', () => {
    createChange(store, ORG, OWNER_ACTOR, 'depart', { personId: P.sam });
    expect(getJob(store, ORG, J.filledC, { fields: ['open', 'personId'] })).toEqual({ open: 'open', personId: null });
    expect(listPersons(store, ORG, { fields: ['id'], limit: 100 }).data.map((r) => r.id)).not.toContain(P.sam);
    expectFresh(store);
  });

  it('a new person joins the people list in id order', () => {
    const made = [0, 1, 2].map((i) => createPerson(store, ORG, OWNER_ACTOR, { name: { first: `P${i}`, last: 'Person' } }).id as string);
    const ids = listPersons(store, ORG, { includeAll: true, fields: ['id'], limit: 100 }).data.map((r) => r.id as string);
    for (const id of made) expect(ids).toContain(id);
    expect(ids).toEqual([...ids].sort());
    expectFresh(store);
  });

  it('a seed reload replaces every cached view', () => {
    updateJob(store, ORG, OWNER_ACTOR, J.openA, { title: 'Staff Engineer' });
    const seed = fixtureSeed();
    seed.changes = seed.changes.filter((c) => c.jobId !== J.openB);
    store.load(seed);
    expect(title(store, J.openA, TODAY)).toBe('Backend Engineer');
    expect(statusOf(() => getJob(store, ORG, J.openB, {}))).toBe(404);
    expect(statusOf(() => getJob(store, ORG, J.openB, { date: LATER }))).toBe(404);
    expectFresh(store);
  });
});

describe('ChartHop people-by-email and event indexes stay current', () => {
  let store: ChartHopStore;
  beforeEach(() => {
    store = createChartHopStore(fixtureSeed(), () => FIXTURE_NOW);
  });
  const withEmail = (last: string, value: string): unknown => ({ name: { last }, contacts: [{ type: 'WORK_EMAIL', value }] });

  it('an email is taken once created, free again once changed, and the new one is taken', () => {
    const first = createPerson(store, ORG, OWNER_ACTOR, withEmail('One', 'one@acme.example'));
    expect(statusOf(() => createPerson(store, ORG, OWNER_ACTOR, withEmail('Two', 'ONE@acme.example')))).toBe(409);
    updatePerson(store, ORG, OWNER_ACTOR, first.id as string, { contacts: [{ type: 'WORK_EMAIL', value: 'uno@acme.example' }] });
    expect([...store.personsWithEmail(ORG, 'ONE@acme.example')]).toEqual([]);
    expect([...store.personsWithEmail(ORG, 'uno@acme.example')]).toEqual([first.id]);
    expect(statusOf(() => createPerson(store, ORG, OWNER_ACTOR, withEmail('Two', 'one@acme.example')))).toBeUndefined();
    expect(statusOf(() => createPerson(store, ORG, OWNER_ACTOR, withEmail('Three', 'Uno@acme.example')))).toBe(409);
    // A person may keep their own email on an update.
    expect(statusOf(() => updatePerson(store, ORG, OWNER_ACTOR, first.id as string, { name: { last: 'Uno' } }))).toBeUndefined();
  });

  it('a seed reload frees the emails of people it no longer has and takes those it brings', () => {
    createPerson(store, ORG, OWNER_ACTOR, withEmail('One', 'one@acme.example'));
    const seed = fixtureSeed();
    seed.persons = seed.persons.filter((p) => p.id !== P.rex);
    store.load(seed);
    expect(statusOf(() => createPerson(store, ORG, OWNER_ACTOR, withEmail('One', 'one@acme.example')))).toBeUndefined();
    expect(statusOf(() => createPerson(store, ORG, OWNER_ACTOR, withEmail('Rex', 'rex@acme.example')))).toBeUndefined();
    expect(statusOf(() => createPerson(store, ORG, OWNER_ACTOR, withEmail('Mia', 'mia@acme.example')))).toBe(409);
  });

  it('an event is found by id once recorded, and not after a seed reload without it', () => {
    updateJob(store, ORG, OWNER_ACTOR, J.openA, { title: 'Staff Engineer' });
    const event = store.state.events.at(-1);
    expect(event && store.event(event.id)).toBe(event);
    store.load(fixtureSeed());
    expect(store.event(event?.id ?? '')).toBeUndefined();
  });
});

describe('ChartHop seeds', () => {
  it('are copied, so the caller keeps its objects, unless the store adopts them', () => {
    const seed = fixtureSeed();
    const copied = createChartHopStore(seed, () => FIXTURE_NOW);
    updateJob(copied, ORG, OWNER_ACTOR, J.openA, { title: 'Staff Engineer' });
    expect(seed.changes).toHaveLength(fixtureSeed().changes.length);
    expect(copied.state.changes).not.toBe(seed.changes);
    const adopted = createChartHopStore(seed, () => FIXTURE_NOW, true);
    expect(adopted.state.changes).toBe(seed.changes);
    expect(title(adopted, J.openA, TODAY)).toBe('Backend Engineer');
  });
});
