import { beforeEach, describe, expect, it } from 'vitest';
import { createJob, getJob, listJobs, updateJob } from '../../../src/main/sandbox/charthop/jobs.ts';
import { createChartHopStore } from '../../../src/main/sandbox/charthop/store.ts';
import type { ChartHopStore } from '../../../src/main/sandbox/charthop/store.ts';
import { FIXTURE_NOW, fixtureSeed, G, J, ORG, P, OWNER_ACTOR, statusOf } from './charthop-fixture.ts';

const owner = OWNER_ACTOR;

describe('ChartHop jobs (domain)', () => {
  let store: ChartHopStore;
  beforeEach(() => {
    store = createChartHopStore(fixtureSeed(), () => FIXTURE_NOW);
  });

  it('fields=title,department.name gives flat rows with exactly those keys', () => {
    const { data } = listJobs(store, ORG, { fields: ['title', 'department.name'], limit: 100 });
    expect(data.length).toBe(4);
    for (const row of data) expect(Object.keys(row).sort()).toEqual(['department.name', 'title']);
    expect(data).toContainEqual({ title: 'Backend Engineer', 'department.name': 'Engineering' });
  });

  it('resolves dotted paths through groups and people, references as ids, empties as null', () => {
    const row = getJob(store, ORG, J.openA, {
      fields: [
        'hireMgr',
        'hireMgr.contact.workEmail',
        'location.locationType',
        'team.parent.name',
        'manager.name',
        'base',
        'currency',
        'daysOpen',
        'leverRequisitionId',
        'personId',
      ],
    });
    expect(row).toEqual({
      hireMgr: P.mia,
      'hireMgr.contact.workEmail': 'mia@acme.example',
      'location.locationType': 'REMOTE',
      'team.parent.name': 'Engineering',
      'manager.name': 'Mia Manager',
      base: 150000,
      currency: 'USD',
      daysOpen: 92,
      leverRequisitionId: 'lv-1',
      personId: null,
    });
  });

  it('rejects unknown field codes with 400', () => {
    expect(statusOf(() => listJobs(store, ORG, { fields: ['title', 'nosuchfield'], limit: 10 }))).toBe(400);
    expect(statusOf(() => listJobs(store, ORG, { q: 'nosuchfield:x', limit: 10 }))).toBe(400);
  });

  it('q=open:open returns only open jobs and open:filled only filled ones', () => {
    const open = listJobs(store, ORG, { q: 'open:open', fields: ['id', 'open'], limit: 100 }).data;
    expect(open.map((r) => r.id).sort()).toEqual([J.openA, J.openB].sort());
    expect(open.every((r) => r.open === 'open')).toBe(true);
    const filled = listJobs(store, ORG, { q: 'open:filled', fields: ['id'], limit: 100 }).data;
    expect(filled.map((r) => r.id).sort()).toEqual([J.manager, J.filledC].sort());
  });

  it('filters by jobId:, field=value, field:substring and &&', () => {
    expect(listJobs(store, ORG, { q: `jobId:${J.openB}`, fields: ['title'], limit: 10 }).data).toEqual([
      { title: 'Senior Account Executive' },
    ]);
    expect(listJobs(store, ORG, { q: 'recruit=active', fields: ['id'], limit: 10 }).data).toEqual([{ id: J.openA }]);
    expect(listJobs(store, ORG, { q: 'department=Sales && title:account', fields: ['id'], limit: 10 }).data).toEqual([{ id: J.openB }]);
    expect(listJobs(store, ORG, { q: 'hireMgr.contact.workEmail="mia@acme.example"', fields: ['id'], limit: 10 }).data).toEqual([
      { id: J.openA },
    ]);
  });

  it('date= reads the org as of that date', () => {
    const ids = (date: string) => listJobs(store, ORG, { date, fields: ['id'], limit: 100 }).data.map((r) => r.id);
    expect(ids('2024-06-01').sort()).toEqual([J.manager, J.filledC].sort());
    expect(ids('2025-09-01')).toContain(J.future);
    expect(getJob(store, ORG, J.openB, { date: '2025-04-20', fields: ['title'] })).toEqual({ title: 'Account Executive' });
    expect(getJob(store, ORG, J.filledC, { date: '2025-01-01', fields: ['open'] })).toEqual({ open: 'open' });
    expect(statusOf(() => getJob(store, ORG, J.future, {}))).toBe(404);
    expect(statusOf(() => listJobs(store, ORG, { date: '2025-13-01', limit: 10 }))).toBe(400);
  });

  it('pages by cursor without duplicates or gaps, also with sort', () => {
    for (let i = 0; i < 23; i += 1) createJob(store, ORG, owner, { title: `Job ${i}`, department: G.eng });
    const collect = (sort?: string[]) => {
      const seen: unknown[] = [];
      let from: string | undefined;
      let pages = 0;
      do {
        const page = listJobs(store, ORG, { fields: ['id'], limit: 5, ...(from ? { from } : {}), ...(sort ? { sort } : {}) });
        seen.push(...page.data.map((r) => r.id));
        from = page.next;
        pages += 1;
      } while (from);
      return { seen, pages };
    };
    const all = listJobs(store, ORG, { fields: ['id'], limit: 1000 }).data.map((r) => r.id);
    const byId = collect();
    expect(byId.pages).toBe(6);
    expect(byId.seen).toEqual(all);
    const byTitle = collect(['-title']);
    expect(new Set(byTitle.seen).size).toBe(all.length);
    expect(byTitle.seen.length).toBe(all.length);
  });

  it('creates and updates jobs through field codes, effective today by default', () => {
    const created = createJob(store, ORG, owner, {
      title: 'SRE',
      department: G.eng,
      location: G.remote,
      recruit: 'ACTIVE',
      req: 'ENG-9',
      employment: 'Full Time',
      base: 120000,
      currency: 'USD',
      fields: { leverRequisitionId: 'lv-9' },
    });
    expect(created).toMatchObject({
      title: 'SRE',
      recruit: 'Active',
      req: 'ENG-9',
      employment: 'FULL',
      createDate: '2025-06-01',
      open: 'open',
      fields: { leverRequisitionId: 'lv-9' },
    });
    expect(created.groupIds).toEqual([G.eng, G.remote]);
    const id = created.id as string;
    const updated = updateJob(store, ORG, owner, id, { department: G.sales, recruit: 'Inactive', fields: { leverRequisitionId: null } });
    expect(updated.groupIds).toEqual([G.remote, G.sales]);
    expect(updated).toMatchObject({ recruit: 'Inactive', fields: {} });
  });

  it('validates writes: unknown fields, bad enums, unknown groups, read-only fields, unique custom fields', () => {
    expect(statusOf(() => createJob(store, ORG, owner, { department: G.eng }))).toBe(400);
    expect(statusOf(() => createJob(store, ORG, owner, { title: 'X', color: 'red' }))).toBe(400);
    expect(statusOf(() => createJob(store, ORG, owner, { title: 'X', recruit: 'Hiring' }))).toBe(400);
    expect(statusOf(() => createJob(store, ORG, owner, { title: 'X', department: G.remote }))).toBe(400);
    expect(statusOf(() => updateJob(store, ORG, owner, J.openA, { personId: P.rex }))).toBe(400);
    expect(statusOf(() => updateJob(store, ORG, owner, J.openB, { leverRequisitionId: 'lv-1' }))).toBe(409);
    expect(statusOf(() => updateJob(store, ORG, owner, 'nope', { title: 'X' }))).toBe(404);
  });

  it('a future-dated update is invisible until its date', () => {
    updateJob(store, ORG, owner, J.openA, { title: 'Staff Backend Engineer' }, '2025-07-01');
    expect(getJob(store, ORG, J.openA, { fields: ['title'] })).toEqual({ title: 'Backend Engineer' });
    expect(getJob(store, ORG, J.openA, { fields: ['title'], date: '2025-07-01' })).toEqual({ title: 'Staff Backend Engineer' });
  });
});
