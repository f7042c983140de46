// The ChartHop client against the fake ChartHop over real HTTP: token and org, jobs (q, fields,
// cursor, date), people by email, groups, custom fields, hires, changes, events, error messages and
// idempotent creates under commit-then-reset.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { isOrgNotFound } from '../../../src/main/core/charthop/org.ts';
import { isHttpFailure } from '../../../src/main/core/http/errors.ts';
import { collect } from '../../../src/main/core/http/paginate.ts';
import {
  createFakeChartHop,
  MINIMAL_ORG_ID,
  MINIMAL_OWNER_TOKEN,
  MINIMAL_READ_TOKEN,
  minimalChartHopSeed,
} from '../../../src/main/sandbox/charthop/index.ts';
import type { ChartHopGroup, ChartHopSeed, FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { ClientKit } from './support.ts';
import { charthopClient, clientKit } from './support.ts';

const AT = '2025-01-01T00:00:00Z';
const group = (id: string, type: ChartHopGroup['type'], name: string, extra: Partial<ChartHopGroup> = {}): ChartHopGroup => ({
  id,
  orgId: MINIMAL_ORG_ID,
  type,
  name,
  slug: name.toLowerCase().replace(/\W+/g, '-'),
  aliases: [],
  createAt: AT,
  updateAt: AT,
  ...extra,
});

function seed(): ChartHopSeed {
  return {
    ...minimalChartHopSeed(),
    groups: [
      group('6a0000000000000000000d01', 'DEPARTMENT', 'Engineering'),
      group('6a0000000000000000000d02', 'DEPARTMENT', 'Sales'),
      group('6a0000000000000000000101', 'LOCATION', 'Remote', { locationType: 'REMOTE', address: { country: 'US' } }),
      group('6a0000000000000000000102', 'LOCATION', 'Berlin', { locationType: 'OFFICE', address: { country: 'DE', city: 'Berlin' } }),
    ],
  };
}

let charthop: FakeChartHop | undefined;
let kit: ClientKit;
let client: ChartHopClient;
beforeEach(async () => {
  kit = clientKit(Date.UTC(2026, 0, 5, 9));
  charthop = await createFakeChartHop({ seed: seed(), clock: () => kit.clock.now() });
  client = charthopClient(kit, charthop.url, MINIMAL_OWNER_TOKEN, 'acme');
});
afterEach(async () => {
  await charthop?.close();
  charthop = undefined;
});

describe('ChartHop client: token, org, groups', () => {
  it('reads the token user, the org by slug or id, and groups with locationType', async () => {
    expect((await client.orgs.me()).id).toBe('5f00000000000000000000a1');
    expect(await client.orgs.org()).toMatchObject({ id: MINIMAL_ORG_ID, slug: 'acme' });
    expect((await collect(client.orgs.orgs())).map((o) => o.slug)).toEqual(['acme']);
    const byId = charthopClient(kit, charthop!.url, MINIMAL_OWNER_TOKEN, MINIMAL_ORG_ID);
    expect((await collect(byId.orgs.groups('department'))).map((g) => g.name).sort()).toEqual(['Engineering', 'Sales']);
    const locations = await collect(client.orgs.groups('location'));
    expect(locations.find((l) => l.name === 'Remote')?.locationType).toBe('REMOTE');
  });

  it('names the token on 401, the org on 404 and the access level on 403', async () => {
    const bad = charthopClient(kit, charthop!.url, 'not-a-token', 'acme');
    const unauthorized = await bad.orgs.me().catch((e: unknown) => e);
    expect(isHttpFailure(unauthorized, 'unauthorized')).toBe(true);
    expect((unauthorized as Error).message).toContain('ChartHop rejected the ChartHop API token');
    const missing = await charthopClient(kit, charthop!.url, MINIMAL_OWNER_TOKEN, 'globex')
      .orgs.org()
      .catch((e: unknown) => e);
    expect(isOrgNotFound(missing)).toBe(true);
    expect((missing as Error).message).toContain('ChartHop has no org "globex"');
    const readOnly = charthopClient(kit, charthop!.url, MINIMAL_READ_TOKEN, 'acme');
    const forbidden = await readOnly.people.create({ name: { first: 'Ada', last: 'L' } }).catch((e: unknown) => e);
    expect(isHttpFailure(forbidden, 'forbidden')).toBe(true);
    expect((forbidden as Error).message).toContain('access level does not allow it to change people');
    expect(charthop!.control.requestLog({ status: 401 })).toHaveLength(1);
  });
});

describe('ChartHop client: jobs and people', () => {
  it('creates people and jobs, finds them by email and requisition code, pages with from/next', async () => {
    const grace = await client.people.create({
      name: { first: 'Grace', last: 'Hopper' },
      contacts: [{ type: 'WORK_EMAIL', value: 'Grace@acme.example' }],
    });
    expect((await client.people.findByEmail('grace@ACME.example'))?.id).toBe(grace.id);
    for (let i = 0; i < 5; i += 1) {
      await client.jobs.create({
        title: `Engineer ${i}`,
        department: '6a0000000000000000000d01',
        hireMgr: grace.id,
        req: `ENG-${i}`,
        recruit: 'Active',
      });
    }
    const paged = charthopClient(kit, charthop!.url, MINIMAL_OWNER_TOKEN, 'acme', { pageSize: 2 });
    const jobs = await collect(paged.jobs.list({ q: '!open:filled' }));
    expect(jobs).toHaveLength(5);
    expect(charthop!.control.requestLog({ method: 'GET', path: '/v2/org/acme/job' })).toHaveLength(3);
    const rows = await collect(client.jobs.rows({ q: '!open:filled', fields: ['title', 'hireMgr.contact.workEmail', 'department.name'] }));
    expect(rows[0]).toMatchObject({ 'hireMgr.contact.workEmail': 'Grace@acme.example', 'department.name': 'Engineering' });
    expect(typeof rows[0]?.id).toBe('string');
    expect((await client.jobs.findByKey({ field: 'req', value: 'ENG-3' }))?.title).toBe('Engineer 3');
    charthop!.control.clearRequestLog();
    const updated = await client.jobs.update(jobs[0]!.id, { title: 'Staff Engineer' });
    expect(updated.title).toBe('Staff Engineer');
    // The PATCH answer carries the job: no re-read.
    expect(charthop!.control.requestLog().map((e) => e.method)).toEqual(['PATCH']);
  });

  it('hires a person into an open job on a start date; the sync endpoint makes a repeat harmless', async () => {
    const { record: job } = await client.jobs.create({ title: 'Designer', req: 'DES-1' });
    const person = await client.people.create({
      name: { first: 'Ada', last: 'Lovelace' },
      contacts: [{ type: 'HOME_EMAIL', value: 'ada@mail.example' }],
    });
    const first = await client.orgs.hire({ jobId: job.id, personId: person.id, date: '2026-02-02' });
    const again = await client.orgs.hire({ jobId: job.id, personId: person.id, date: '2026-02-02' });
    expect(again.id).toBe(first.id);
    const changes = await collect(client.orgs.changes({ jobId: job.id }));
    expect(changes.map((c) => c.type)).toEqual(['CREATE', 'HIRE']);
    const events = await collect(client.orgs.events({ from: 0, code: 'change.create.hire' }));
    expect(events).toHaveLength(1);
    const later = await collect(client.orgs.events({ from: (events[0]?.at ?? 0) + 1 }));
    expect(later).toEqual([]);
  });

  it('creates a custom field once, and reads built-in and custom fields', async () => {
    const input = { name: 'leverRequisitionId', label: 'Lever Requisition ID', type: 'STRING', entityType: 'JOB' };
    charthop!.control.setFault({ method: 'POST', path: '/v1/org/acme/field', nth: 1, action: { kind: 'commitThenReset' } });
    const created = await client.orgs.createField(input);
    expect(created.outcome).toBe('recovered');
    expect((await collect(client.orgs.fields())).map((f) => f.name)).toEqual(['leverRequisitionId']);
    expect((await client.orgs.fieldByCode('leverreqid'))?.name).toBe('leverReqId');
  });

  it('retries a read answered 202 "snapshot building"', async () => {
    charthop!.control.setFault({ method: 'GET', path: '/v1/org/:org', nth: 1, action: { kind: 'status', status: 202, body: {} } });
    expect((await client.orgs.org()).slug).toBe('acme');
    expect(charthop!.control.requestLog().map((e) => e.status)).toEqual([202, 200]);
  });
});

describe('ChartHop client: unknown outcomes', () => {
  it('commit-then-reset on person create: found by email, exactly one person', async () => {
    charthop!.control.setFault({ method: 'POST', path: '/v2/org/acme/person', nth: 1, action: { kind: 'commitThenReset' } });
    const result = await client.people.create({
      name: { first: 'Lin', last: 'Wu' },
      contacts: [{ type: 'HOME_EMAIL', value: 'lin@mail.example' }],
    });
    expect(result.outcome).toBe('recovered');
    expect(charthop!.control.state().persons.filter((p) => p.contacts.some((c) => c.value === 'lin@mail.example'))).toHaveLength(1);
    expect(charthop!.control.requestLog({ method: 'POST' })).toHaveLength(1);
  });

  it('commit-then-reset on a future-dated job create: found by its requisition code as of that date', async () => {
    charthop!.control.setFault({ method: 'POST', path: '/v2/org/acme/job', nth: 1, action: { kind: 'commitThenReset' } });
    const result = await client.jobs.create(
      { title: 'Analyst', req: 'FIN-9' },
      { date: '2026-03-01', naturalKey: { field: 'req', value: 'FIN-9' } },
    );
    expect(result.outcome).toBe('recovered');
    expect(charthop!.control.jobs('acme', '2026-03-01').filter((j) => j.req === 'FIN-9')).toHaveLength(1);
    expect(charthop!.control.requestLog({ method: 'POST' })).toHaveLength(1);
  });

  it('without a natural key, an unknown outcome is reported, never repeated', async () => {
    charthop!.control.setFault({ method: 'POST', path: '/v2/org/acme/job', nth: 1, action: { kind: 'commitThenReset' } });
    const error = await client.jobs.create({ title: 'Mystery' }).catch((e: unknown) => e);
    expect(isHttpFailure(error, 'unknown_outcome')).toBe(true);
    expect((error as Error).message).toContain('ChartHop may or may not have applied POST /v2/org/:org/job');
    expect(charthop!.control.requestLog({ method: 'POST' })).toHaveLength(1);
  });
});
