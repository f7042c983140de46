// The fake ChartHop over real HTTP on 127.0.0.1:0.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { FIXTURE_NOW, fixtureSeed, G, J, ORG, OTHER_ORG, P, TOKENS } from '../../unit/sandbox/charthop-fixture.ts';

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
}

let server: FakeChartHop;

async function call(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const token = options.token === undefined ? TOKENS.owner : options.token;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

beforeEach(async () => {
  server = await createFakeChartHop({ seed: fixtureSeed(), clock: () => FIXTURE_NOW, controlToken: 'ctl' });
});

afterEach(async () => {
  await server.close();
});

describe('fake ChartHop: auth and orgs', () => {
  it('answers 401 { code, message } without a token, with a wrong one, or with a non-Bearer scheme', async () => {
    const variants: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${TOKENS.owner}` }];
    for (const headers of variants) {
      const res = await call('GET', '/v2/org/acme/job', { token: null, headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 401, message: 'not authorized' });
    }
  });

  it('accepts the org by id or by slug, 404 for an unknown org, 403 for an org the token is not installed in', async () => {
    const bySlug = await call('GET', '/v2/org/acme/job?fields=id');
    const byId = await call('GET', `/v2/org/${ORG}/job?fields=id`);
    expect(bySlug.status).toBe(200);
    expect(byId.body).toEqual(bySlug.body);
    expect(await call('GET', '/v2/org/nowhere/job')).toEqual({ status: 404, body: { code: 404, message: 'org not found' } });
    const denied = await call('GET', `/v2/org/${OTHER_ORG}/job`);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe(403);
    expect((await call('GET', '/v1/org/slug/acme')).body.id).toBe(ORG);
    expect((await call('GET', '/v1/org')).body).toMatchObject({ data: [{ id: ORG, slug: 'acme' }] });
    expect((await call('GET', '/v1/user/me')).body).toMatchObject({ id: 'u-owner', type: 'APP', orgs: [{ orgId: ORG, access: 'OWNER' }] });
  });

  it('a read-only token reads but every write is 403; a Recruiting Editor cannot create fields', async () => {
    expect((await call('GET', '/v2/org/acme/job', { token: TOKENS.read })).status).toBe(200);
    const write = await call('PATCH', `/v2/org/acme/job/${J.openA}`, { token: TOKENS.read, body: { recruit: 'Offer' } });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ code: 403, message: expect.stringContaining('read-only') });
    expect((await call('POST', '/v2/org/acme/person', { token: TOKENS.read, body: { name: { last: 'X' } } })).status).toBe(403);
    expect((await call('POST', '/v1/org/acme/field', { token: TOKENS.recruit, body: { label: 'X', type: 'STRING' } })).status).toBe(403);
    expect((await call('PATCH', `/v2/org/acme/job/${J.openA}`, { token: TOKENS.recruit, body: { recruit: 'Offer' } })).status).toBe(200);
  });
});

describe('fake ChartHop: jobs', () => {
  it('fields=title,department.name returns flat rows with exactly those keys', async () => {
    const res = await call('GET', '/v2/org/acme/job?fields=title,department.name');
    expect(res.status).toBe(200);
    expect(res.body.next).toBeUndefined();
    expect(res.body.data).toHaveLength(4);
    for (const row of res.body.data) expect(Object.keys(row).sort()).toEqual(['department.name', 'title']);
    expect(res.body.data).toContainEqual({ title: 'Senior Account Executive', 'department.name': 'Sales' });
  });

  it('q=open:open returns only open jobs', async () => {
    const res = await call('GET', `/v2/org/acme/job?q=${encodeURIComponent('open:open')}&fields=id,open,title`);
    expect(res.body.data.map((r: { id: string }) => r.id).sort()).toEqual([J.openA, J.openB].sort());
    expect(res.body.data.every((r: { open: string }) => r.open === 'open')).toBe(true);
    const combined = await call('GET', `/v2/org/acme/job?q=${encodeURIComponent('open:open && recruit=Passive')}&fields=id`);
    expect(combined.body.data).toEqual([{ id: J.openB }]);
    expect((await call('GET', `/v2/org/acme/job?q=${encodeURIComponent('open:(')}`)).status).toBe(400);
  });

  it('pages 1,000 jobs with from/limit/next: no duplicates, no gaps', async () => {
    for (let i = 0; i < 996; i += 1) {
      const res = await call('POST', '/v2/org/acme/job', { body: { title: `Job ${i}`, department: G.eng } });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
    const seen: string[] = [];
    let from = '';
    let pages = 0;
    do {
      const res = await call('GET', `/v2/org/acme/job?fields=id&limit=100${from ? `&from=${from}` : ''}`);
      seen.push(...res.body.data.map((r: { id: string }) => r.id));
      from = res.body.next ?? '';
      pages += 1;
    } while (from);
    expect(pages).toBe(10);
    expect(seen).toHaveLength(1000);
    expect(new Set(seen).size).toBe(1000);
    expect([...seen].sort()).toEqual(seen);
    expect((await call('GET', '/v2/org/acme/job?limit=0')).status).toBe(400);
  });

  it('creates (201), reads, updates (200) and deletes (204) a job; deleted jobs are 404', async () => {
    const created = await call('POST', '/v2/org/acme/job', {
      body: {
        title: 'SRE',
        department: G.eng,
        location: G.remote,
        recruit: 'Active',
        req: 'ENG-5',
        hireMgr: P.mia,
        recruiter: P.rex,
        base: 140000,
        currency: 'USD',
        sensitive: 'HIGH',
        employment: 'CONTRACT',
        applyActive: 4,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const got = await call(
      'GET',
      `/v2/org/acme/job/${id}?fields=title,recruit,req,hireMgr.name,recruiter.contact.workEmail,sensitive,employment,applyActive,location.locationType`,
    );
    expect(got.body).toEqual({
      title: 'SRE',
      recruit: 'Active',
      req: 'ENG-5',
      'hireMgr.name': 'Mia Manager',
      'recruiter.contact.workEmail': 'rex@acme.example',
      sensitive: 'HIGH',
      employment: 'CONTRACT',
      applyActive: 4,
      'location.locationType': 'REMOTE',
    });
    const patched = await call('PATCH', `/v2/org/acme/job/${id}`, { body: { recruit: 'Closed', fields: { leverRequisitionId: 'lv-77' } } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ recruit: 'Closed', fields: { leverRequisitionId: 'lv-77' } });
    expect((await call('DELETE', `/v2/org/acme/job/${id}`)).status).toBe(204);
    expect((await call('GET', `/v2/org/acme/job/${id}`)).status).toBe(404);
    expect((await call('POST', '/v2/org/acme/job', { body: { title: 'X', bogus: 1 } })).body).toMatchObject({ code: 400 });
  });

  it('a future-dated HIRE leaves the job open with an announced person until the date, then it fills', async () => {
    const person = await call('POST', '/v2/org/acme/person', {
      body: { name: { first: 'Nia', last: 'New' }, homeEmail: 'nia@home.example' },
    });
    expect(person.status).toBe(201);
    const hire = await call('POST', '/v1/org/acme/change/hire', {
      body: { type: 'HIRE', jobId: J.openA, personId: person.body.id, date: '2025-06-20', note: 'Hired via Lever' },
    });
    expect(hire.status).toBe(201);
    const before = await call('GET', `/v2/org/acme/job/${J.openA}?fields=open,personId,upcoming.type,upcoming.date`);
    expect(before.body).toEqual({ open: 'open', personId: person.body.id, 'upcoming.type': ['HIRE'], 'upcoming.date': ['2025-06-20'] });
    expect((await call('GET', `/v2/org/acme/job?q=${encodeURIComponent('open:open')}&fields=id`)).body.data).toContainEqual({
      id: J.openA,
    });
    expect(
      (await call('GET', `/v2/org/acme/person?q=${encodeURIComponent('contact.homeEmail=nia@home.example')}&fields=id`)).body.data,
    ).toEqual([]);
    server.control.setClock('2025-06-20T09:00:00Z');
    const after = await call('GET', `/v2/org/acme/job/${J.openA}?fields=open,personId,name`);
    expect(after.body).toEqual({ open: 'filled', personId: person.body.id, name: 'Nia New' });
    expect(
      (await call('GET', `/v2/org/acme/person?q=${encodeURIComponent('contact.homeEmail=nia@home.example')}&fields=id,jobId`)).body.data,
    ).toEqual([{ id: person.body.id, jobId: J.openA }]);
    const byJob = await call('GET', `/v1/org/acme/change?jobId=${J.openA}`);
    expect(byJob.body.data.map((c: { type: string }) => c.type)).toEqual(['CREATE', 'HIRE']);
  });

  it('date= shows the org as of another day', async () => {
    const res = await call('GET', '/v2/org/acme/job?date=2024-06-01&fields=id,open');
    expect(res.body.data).toEqual([
      { id: J.manager, open: 'filled' },
      { id: J.filledC, open: 'filled' },
    ]);
  });
});

describe('fake ChartHop: people, groups, fields, events', () => {
  it('lists people in jobs, everyone with includeAll, and finds them by email', async () => {
    expect((await call('GET', '/v2/org/acme/person?fields=id')).body.data).toHaveLength(2);
    expect((await call('GET', '/v2/org/acme/person?fields=id&includeAll=true')).body.data).toHaveLength(4);
    const found = await call('GET', `/v2/org/acme/person?includeAll=true&q=${encodeURIComponent("contact.workEmail='rex@acme.example'")}`);
    expect(found.body.data).toMatchObject([{ id: P.rex, name: { first: 'Rex', last: 'Recruiter' } }]);
    const patched = await call('PATCH', `/v2/org/acme/person/${P.rex}`, { body: { mobilePhone: '+1 212 555 0100' } });
    expect(patched.body.contacts).toContainEqual({ type: 'MOBILE_PHONE', format: 'PHONE', value: '+1 212 555 0100' });
  });

  it('serves groups per type and by ?type=, with locationType, codes and aliases', async () => {
    const locations = await call('GET', '/v2/org/acme/group/location');
    expect(locations.body.data.map((g: { name: string; locationType: string }) => [g.name, g.locationType])).toEqual([
      ['New York', 'OFFICE'],
      ['Remote', 'REMOTE'],
    ]);
    expect((await call('GET', '/v2/org/acme/group?type=DEPARTMENT')).body.data.map((g: { code?: string }) => g.code)).toEqual([
      'ENG',
      undefined,
    ]);
    expect((await call('GET', `/v2/org/acme/group/${G.remote}`)).body.aliases).toEqual(['Anywhere']);
    const created = await call('POST', '/v2/org/acme/group/department', { body: { name: 'Finance', code: 'FIN' } });
    expect(created.status).toBe(201);
    expect(
      (await call('PATCH', `/v2/org/acme/group/department/${created.body.id}`, { body: { aliases: ['Money'] } })).body.aliases,
    ).toEqual(['Money']);
  });

  it('lists and creates custom fields', async () => {
    expect((await call('GET', '/v1/org/acme/field')).body.data.map((f: { name: string }) => f.name)).toEqual(['leverRequisitionId']);
    const created = await call('POST', '/v1/org/acme/field', {
      body: { name: 'reqbridgeHash', label: 'ReqBridge hash', type: 'STRING', entityType: 'JOB' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'reqbridgeHash', builtIn: false });
  });

  it('records every mutation in the events feed, queryable with from', async () => {
    const start = server.control.now();
    await call('PATCH', `/v2/org/acme/job/${J.openA}`, { body: { recruit: 'Offer' } });
    await call('POST', '/v2/org/acme/person', { body: { name: { last: 'Doe' } } });
    await call('POST', '/v2/org/acme/job', { body: { title: 'New' } });
    const all = await call('GET', `/v1/org/acme/event?from=${start}`);
    expect(all.body.data.map((e: { code: string }) => e.code)).toEqual([
      'change.create.update',
      'job.update',
      'person.create',
      'change.create.create',
      'job.create',
    ]);
    const later = all.body.data[2].at as number;
    const tail = await call('GET', `/v1/org/acme/event?from=${later}&code=${encodeURIComponent('job.*')}`);
    expect(tail.body.data.map((e: { code: string }) => e.code)).toEqual(['job.create']);
    expect(all.body.data[0].payload).toBeUndefined();
    expect((await call('GET', `/v1/org/acme/event/${all.body.data[0].id}`)).body.payload).toMatchObject({ jobId: J.openA });
    expect((await call('GET', '/v1/org/acme/event?from=yesterday')).status).toBe(400);
  });
});

describe('fake ChartHop: kit integration', () => {
  it('applies fault plans (status with Retry-After, 202 snapshot building, page repeat) and logs requests', async () => {
    server.control.setFault({ method: 'GET', path: '/v2/org/:org/job', nth: 1, action: { kind: 'status', status: 429, retryAfter: 2 } });
    const limited = await fetch(`${server.url}/v2/org/acme/job`, { headers: { authorization: `Bearer ${TOKENS.owner}` } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toEqual({ code: 429, message: 'Injected fault' });
    server.control.setFault({
      path: '/v2/org/:org/job/:jobId',
      nth: 1,
      action: { kind: 'status', status: 202, body: { code: 202, message: 'snapshot currently building' } },
    });
    expect((await call('GET', `/v2/org/acme/job/${J.openA}`)).status).toBe(202);
    expect((await call('GET', `/v2/org/acme/job/${J.openA}`)).status).toBe(200);
    const first = await call('GET', '/v2/org/acme/job?fields=id&limit=2');
    server.control.setFault({ path: '/v2/org/:org/job', action: { kind: 'pageRepeat' }, times: 1 });
    const repeated = await call('GET', `/v2/org/acme/job?fields=id&limit=2&from=${first.body.next}`);
    expect(repeated.body.data).toEqual(first.body.data);
    const log = server.control.requestLog({ path: '/v2/org/:org/job' });
    expect(log[0]).toMatchObject({ status: 429, fault: 'status', identity: undefined });
    expect(log.at(-1)).toMatchObject({ status: 200, fault: 'pageRepeat', identity: 'u-owner' });
  });

  it('exposes state, seeding and the clock through the HTTP control surface', async () => {
    const ctl = { 'x-sandbox-control': 'ctl' };
    const state = await fetch(`${server.url}/__sandbox/state`, { headers: ctl });
    const body = (await state.json()) as { data: { orgs: { slug: string }[] } };
    expect(body.data.orgs.map((o) => o.slug)).toEqual(['acme', 'globex']);
    const clock = await fetch(`${server.url}/__sandbox/clock`, {
      method: 'PUT',
      headers: { ...ctl, 'content-type': 'application/json' },
      body: JSON.stringify({ now: '2025-09-02T00:00:00Z' }),
    });
    expect(((await clock.json()) as { data: { today: string } }).data.today).toBe('2025-09-02');
    expect((await call('GET', `/v2/org/acme/job/${J.future}?fields=title`)).body).toEqual({ title: 'Future Analyst' });
    const bad = await fetch(`${server.url}/__sandbox/state`, {
      method: 'PUT',
      headers: { ...ctl, 'content-type': 'application/json' },
      body: JSON.stringify({ orgs: 'x' }),
    });
    expect(bad.status).toBe(400);
    server.control.seed({ ...fixtureSeed(), changes: [] });
    expect((await call('GET', '/v2/org/acme/job')).body.data).toEqual([]);
    expect(server.control.state().changes).toEqual([]);
  });
});
