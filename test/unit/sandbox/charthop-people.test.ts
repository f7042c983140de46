import { beforeEach, describe, expect, it } from 'vitest';
import { createField, listFields } from '../../../src/main/sandbox/charthop/custom-fields.ts';
import { createGroup, getGroup, listGroups, parseGroupType } from '../../../src/main/sandbox/charthop/groups.ts';
import { createPerson, getPerson, listPersons, updatePerson } from '../../../src/main/sandbox/charthop/persons.ts';
import { createChartHopStore } from '../../../src/main/sandbox/charthop/store.ts';
import type { ChartHopStore } from '../../../src/main/sandbox/charthop/store.ts';
import { FIXTURE_NOW, fixtureSeed, G, ORG, P, OWNER_ACTOR, statusOf } from './charthop-fixture.ts';

const owner = OWNER_ACTOR;

describe('ChartHop people, groups and fields (domain)', () => {
  let store: ChartHopStore;
  beforeEach(() => {
    store = createChartHopStore(fixtureSeed(), () => FIXTURE_NOW);
  });

  it('lists only people in a job unless includeAll, which adds former and never-placed people', () => {
    const ids = (includeAll: boolean) =>
      listPersons(store, ORG, { includeAll, fields: ['id'], limit: 100 })
        .data.map((r) => r.id)
        .sort();
    expect(ids(false)).toEqual([P.mia, P.sam].sort());
    expect(ids(true)).toEqual([P.mia, P.rex, P.sam, P.old].sort());
    expect(getPerson(store, ORG, P.old, { fields: ['name', 'state', 'jobId'] })).toEqual({
      name: 'Olga Former',
      state: 'INACTIVE',
      jobId: null,
    });
    expect(
      listPersons(store, ORG, { date: '2024-06-01', fields: ['id'], limit: 10 })
        .data.map((r) => r.id)
        .sort(),
    ).toEqual([P.mia, P.old].sort());
  });

  it('finds people by email with q (case-insensitive), including former ones', () => {
    const find = (q: string) => listPersons(store, ORG, { q, includeAll: true, fields: ['id'], limit: 10 }).data.map((r) => r.id);
    expect(find("contact.workEmail='MIA@acme.example'")).toEqual([P.mia]);
    expect(find('contact.homeEmail=olga@home.example')).toEqual([P.old]);
    expect(find('contact.workEmail=nobody@acme.example')).toEqual([]);
  });

  it('derives job fields on person rows', () => {
    expect(getPerson(store, ORG, P.sam, { fields: ['title', 'department.name', 'startDate', 'state'] })).toEqual({
      title: 'Sales Lead',
      'department.name': 'Sales',
      startDate: '2025-01-15',
      state: 'PRIMARY',
    });
  });

  it('creates and updates people from typed or flat bodies; emails are unique', () => {
    const created = createPerson(store, ORG, owner, {
      name: { first: 'Ada', last: 'Lovelace' },
      'contact.homeEmail': 'ada@home.example',
      mobilePhone: '+1 415 555 0100',
      address: { country: 'US', city: 'Austin' },
    });
    expect(created).toMatchObject({
      name: { first: 'Ada', last: 'Lovelace' },
      state: 'INACTIVE',
      address: { country: 'US', city: 'Austin' },
    });
    expect(created.contacts).toEqual([
      { type: 'HOME_EMAIL', format: 'EMAIL', value: 'ada@home.example' },
      { type: 'MOBILE_PHONE', format: 'PHONE', value: '+1 415 555 0100' },
    ]);
    const updated = updatePerson(store, ORG, owner, created.id as string, { workEmail: 'ada@acme.example', name: { pref: 'Countess' } });
    expect(updated.name).toEqual({ first: 'Ada', last: 'Lovelace', pref: 'Countess' });
    expect(statusOf(() => createPerson(store, ORG, owner, { name: { first: 'X' } }))).toBe(400);
    expect(
      statusOf(() =>
        createPerson(store, ORG, owner, { name: { last: 'Dup' }, contacts: [{ type: 'WORK_EMAIL', value: 'MIA@acme.example' }] }),
      ),
    ).toBe(409);
    expect(statusOf(() => createPerson(store, ORG, owner, { name: { last: 'Bad' }, homeEmail: 'not-an-email' }))).toBe(400);
    expect(store.state.events.slice(-2).map((e) => e.code)).toEqual(['person.create', 'person.update']);
  });

  it("with uniquePersonEmails off (the chaos soak's world), a second person with an email in use is created, and both are found by it", () => {
    store.uniquePersonEmails = false;
    const twin = createPerson(store, ORG, owner, { name: { last: 'Twin' }, contacts: [{ type: 'WORK_EMAIL', value: 'MIA@acme.example' }] });
    const find = listPersons(store, ORG, {
      q: "contact.workEmail='mia@acme.example'",
      includeAll: true,
      fields: ['id'],
      limit: 10,
    }).data.map((r) => r.id);
    expect(find.sort()).toEqual([P.mia, twin.id].sort());
  });

  it('serves departments, teams and locations with codes, aliases and locationType', () => {
    expect(parseGroupType('locations')).toBe('LOCATION');
    expect(listGroups(store, ORG, { type: 'LOCATION', limit: 10 }).data.map((g) => [g.name, g.locationType])).toEqual([
      ['New York', 'OFFICE'],
      ['Remote', 'REMOTE'],
    ]);
    expect(listGroups(store, ORG, { search: 'r&d', limit: 10 }).data.map((g) => g.id)).toEqual([G.eng]);
    expect(getGroup(store, ORG, 'remote').id).toBe(G.remote);
    const team = createGroup(store, ORG, owner, 'TEAM', { name: 'Mobile', parentGroupId: G.eng, aliases: ['Apps'] });
    expect(team).toMatchObject({ type: 'TEAM', slug: 'mobile', parentGroupId: G.eng });
    expect(statusOf(() => createGroup(store, ORG, owner, 'TEAM', { name: 'mobile' }))).toBe(409);
    expect(
      statusOf(() =>
        createGroup(store, ORG, owner, 'LOCATION', {
          name: 'Home',
          locationType: 'REMOTE',
          address: { country: 'US', street1: '1 Main St' },
        }),
      ),
    ).toBe(400);
  });

  it('lists and creates custom fields, and enforces their types on jobs', () => {
    expect(listFields(store, ORG, { limit: 100 }).data.map((f) => f.name)).toEqual(['leverRequisitionId']);
    expect(listFields(store, ORG, { builtin: 'builtin', limit: 100 }).data.map((f) => f.name)).toContain('applyActive');
    const field = createField(store, ORG, owner, { label: 'Target Start Quarter', type: 'ENUM', values: ['Q1', 'Q2'], entityType: 'JOB' });
    expect(field.name).toBe('targetStartQuarter');
    expect(statusOf(() => createField(store, ORG, owner, { name: '9lives', label: 'Nine', type: 'STRING' }))).toBe(400);
    expect(statusOf(() => createField(store, ORG, owner, { name: 'req', label: 'Req again', type: 'STRING' }))).toBe(409);
    expect(statusOf(() => createField(store, ORG, owner, { label: 'Target Start Quarter', type: 'STRING' }))).toBe(409);
  });
});
