import { beforeEach, describe, expect, it } from 'vitest';
import { amendChange, cancelChange, createChange, listChanges } from '../../../src/main/sandbox/charthop/changes.ts';
import { listEvents } from '../../../src/main/sandbox/charthop/events.ts';
import { deleteJob, getJob, updateJob } from '../../../src/main/sandbox/charthop/jobs.ts';
import { createChartHopStore } from '../../../src/main/sandbox/charthop/store.ts';
import type { ChartHopStore } from '../../../src/main/sandbox/charthop/store.ts';
import type { Actor } from '../../../src/main/sandbox/charthop/timeline-write.ts';
import { FIXTURE_NOW, fixtureSeed, G, J, ORG, P, OWNER_ACTOR, statusOf } from './charthop-fixture.ts';

const owner = OWNER_ACTOR;
const recruiter: Actor = { userId: 'u-recruit', access: 'RECRUIT_EDITOR' };

describe('ChartHop changes (domain)', () => {
  let store: ChartHopStore;
  let now = FIXTURE_NOW;
  beforeEach(() => {
    now = FIXTURE_NOW;
    store = createChartHopStore(fixtureSeed(), () => now);
  });

  it('a future-dated HIRE announces the person and fills the job on its date', () => {
    const { change } = createChange(store, ORG, owner, 'hire', { type: 'HIRE', jobId: J.openA, personId: P.rex, date: '2025-06-15' });
    expect(change).toMatchObject({ type: 'HIRE', jobId: J.openA, personId: P.rex, date: '2025-06-15', status: 'ACTIVE' });
    const before = getJob(store, ORG, J.openA, {});
    expect(before).toMatchObject({ open: 'open', personId: P.rex, upcoming: [{ type: 'HIRE', date: '2025-06-15', personId: P.rex }] });
    now = Date.parse('2025-06-15T08:00:00Z');
    store.setClock(() => now);
    expect(getJob(store, ORG, J.openA, { fields: ['open', 'personId', 'name', 'contact.workEmail'] })).toEqual({
      open: 'filled',
      personId: P.rex,
      name: 'Rex Recruiter',
      'contact.workEmail': 'rex@acme.example',
    });
  });

  it('refuses a second hire into the same seat, a hire of someone already placed, and hires before the job exists', () => {
    createChange(store, ORG, owner, 'HIRE', { jobId: J.openA, personId: P.rex, date: '2025-06-15' });
    expect(statusOf(() => createChange(store, ORG, owner, 'hire', { jobId: J.openA, personId: P.old, date: '2025-07-01' }))).toBe(409);
    expect(statusOf(() => createChange(store, ORG, owner, 'hire', { jobId: J.openB, personId: P.sam }))).toBe(409);
    expect(statusOf(() => createChange(store, ORG, owner, 'hire', { jobId: J.future, personId: P.old, date: '2025-08-01' }))).toBe(400);
    expect(statusOf(() => createChange(store, ORG, owner, 'hire', { jobId: J.openB, personId: 'nobody' }))).toBe(404);
    expect(statusOf(() => createChange(store, ORG, owner, 'hire', { jobId: J.openB, personId: P.old, type: 'UPDATE' }))).toBe(400);
  });

  it('sync/hire returns the existing change instead of a duplicate', () => {
    const first = createChange(store, ORG, owner, 'HIRE', { jobId: J.openA, personId: P.rex, date: '2025-06-15' }, true);
    const again = createChange(store, ORG, owner, 'HIRE', { jobId: J.openA, personId: P.rex, date: '2025-06-15' }, true);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.change.id).toBe(first.change.id);
  });

  it('CREATE and UPDATE changes create and edit jobs; DELETE of a filled job is a conflict', () => {
    const created = createChange(store, ORG, owner, 'create', {
      date: '2025-06-01',
      job: { title: 'Data Engineer', groupIds: [G.eng], fields: { req: 'ENG-2', recruit: 'Active' } },
    }).change;
    const jobId = created.jobId as string;
    expect(getJob(store, ORG, jobId, { fields: ['title', 'req', 'department.name'] })).toEqual({
      title: 'Data Engineer',
      req: 'ENG-2',
      'department.name': 'Engineering',
    });
    createChange(store, ORG, owner, 'update', { jobId, update: { title: 'Senior Data Engineer', addGroupIds: [G.remote] } });
    expect(getJob(store, ORG, jobId, { fields: ['title', 'location.name'] })).toEqual({
      title: 'Senior Data Engineer',
      'location.name': 'Remote',
    });
    expect(statusOf(() => createChange(store, ORG, owner, 'delete', { jobId: J.filledC }))).toBe(409);
  });

  it('a Recruiting Editor may edit open jobs only', () => {
    expect(updateJob(store, ORG, recruiter, J.openA, { recruit: 'Offer' }).recruit).toBe('Offer');
    expect(statusOf(() => updateJob(store, ORG, recruiter, J.filledC, { title: 'X' }))).toBe(403);
    expect(statusOf(() => createChange(store, ORG, recruiter, 'depart', { jobId: J.filledC }))).toBe(403);
    expect(createChange(store, ORG, owner, 'depart', { personId: P.sam, date: '2025-06-30' }).change).toMatchObject({
      type: 'DEPART',
      jobId: J.filledC,
      personId: P.sam,
    });
  });

  it('lists changes by job in date order and pages them', () => {
    const all = listChanges(store, ORG, { jobId: J.filledC, limit: 10 }).data;
    expect(all.map((c) => c.type)).toEqual(['CREATE', 'HIRE', 'DEPART', 'HIRE']);
    const first = listChanges(store, ORG, { jobId: J.filledC, limit: 3 });
    expect(first.next).toBeDefined();
    const second = listChanges(store, ORG, { jobId: J.filledC, limit: 3, ...(first.next ? { from: first.next } : {}) });
    expect([...first.data, ...second.data].map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(listChanges(store, ORG, { type: 'hire', date: '2025-01-01', limit: 10 }).data.map((c) => c.personId)).toEqual([P.sam]);
  });

  it('amending and cancelling a hire moves or removes it', () => {
    const { change } = createChange(store, ORG, owner, 'hire', { jobId: J.openA, personId: P.rex, date: '2025-06-15' });
    amendChange(store, ORG, owner, change.id as string, { date: '2025-06-20' });
    expect(getJob(store, ORG, J.openA, { fields: ['upcoming.date'] })).toEqual({ 'upcoming.date': ['2025-06-20'] });
    cancelChange(store, ORG, owner, change.id as string);
    expect(getJob(store, ORG, J.openA, { fields: ['personId', 'upcoming'] })).toEqual({ personId: null, upcoming: [] });
  });

  it('records an event for every mutation, queryable with from and code', () => {
    const start = store.state.events.length;
    updateJob(store, ORG, owner, J.openA, { recruit: 'Offer' });
    createChange(store, ORG, owner, 'hire', { jobId: J.openA, personId: P.rex, date: '2025-06-15' });
    deleteJob(store, ORG, owner, J.openB);
    const events = store.state.events.slice(start);
    expect(events.map((e) => e.code)).toEqual([
      'change.create.update',
      'job.update',
      'change.create.hire',
      'change.create.delete',
      'job.delete',
    ]);
    const ats = events.map((e) => e.at);
    expect(new Set(ats).size).toBe(ats.length);
    const fromThird = listEvents(store, ORG, { from: ats[2], limit: 100 }).data.map((e) => e.code);
    expect(fromThird).toEqual(['change.create.hire', 'change.create.delete', 'job.delete']);
    expect(listEvents(store, ORG, { code: 'job.*', limit: 100 }).data.map((e) => e.code)).toEqual(['job.update', 'job.delete']);
    const paged = listEvents(store, ORG, { limit: 2 });
    expect(paged.data.length).toBe(2);
    expect(listEvents(store, ORG, { from: Number(paged.next), limit: 100 }).data[0]?.id).toBe(store.state.events[2]?.id);
  });
});
