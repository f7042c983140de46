import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLever, DEFAULT_ARCHIVE_REASONS, DEFAULT_STAGES } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverSeed } from '../../../src/main/sandbox/lever/index.ts';
import { client, FULL_KEY, READ_KEY, USERS } from './lever-fixtures.ts';

const T = 1_785_000_000_000;
const WITHDREW = DEFAULT_ARCHIVE_REASONS[1]!.id;
const seed: LeverSeed = {
  keys: [FULL_KEY, READ_KEY],
  users: [...USERS, { id: 'u-old', name: 'Old Timer', email: 'old@example.com', deactivatedAt: T }],
  requisitions: [
    { id: 'r-1', requisitionCode: 'ENG-1', name: 'Backend', headcountTotal: 1 },
    { id: 'r-2', requisitionCode: 'ENG-2', name: 'Frontend', headcountTotal: 2 },
  ],
  postings: [
    {
      id: 'p-1',
      text: 'Backend Engineer',
      owner: 'u-rick',
      hiringManager: 'u-grace',
      requisitionCodes: ['ENG-1'],
      createdAt: T,
      categories: {
        team: 'Platform',
        department: 'Engineering',
        location: 'Berlin',
        commitment: 'Full-time',
        level: null,
        allLocations: ['Berlin', 'Remote'],
      },
    },
    {
      id: 'p-2',
      text: 'Account Executive',
      state: 'internal',
      createdAt: T + 1,
      categories: { team: 'Sales', department: 'Revenue', location: 'London', commitment: 'Full-time', level: null, allLocations: [] },
    },
  ],
  opportunities: [
    {
      id: 'o-1',
      name: 'Ada Example',
      emails: ['Ada@Example.com'],
      phones: [{ type: 'mobile', value: '+49 30 1234567' }],
      location: 'Berlin',
      contact: 'c-ada',
      createdAt: T,
      updatedAt: T + 10,
      application: { posting: 'p-1' },
    },
    {
      id: 'o-2',
      name: 'Bob Gone',
      emails: ['bob@example.com'],
      createdAt: T + 1000,
      archived: { reason: WITHDREW, archivedAt: T + 2000 },
      application: { posting: 'p-1' },
    },
    {
      id: 'o-3',
      name: 'Cleo Offer',
      emails: ['cleo@example.com'],
      stage: 'offer',
      createdAt: T + 2000,
      owner: 'u-rick',
      followers: ['u-grace'],
      application: { posting: 'p-2' },
      offers: [
        {
          status: 'sent',
          createdAt: T + 3000,
          fields: [{ text: 'Anticipated start date', identifier: 'anticipated_start_date', value: 1_790_000_000_000 }],
        },
      ],
    },
    {
      id: 'o-4',
      name: 'Secret Person',
      emails: ['secret@example.com'],
      confidentiality: 'confidential',
      createdAt: T + 3000,
      application: { posting: 'p-1' },
    },
  ],
};

let lever: FakeLever;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  lever = await createFakeLever({ seed, rateLimit: false, clock: () => T + 100_000 });
  api = client(lever.url, FULL_KEY.secret);
});
afterAll(async () => {
  await lever.close();
});

const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((x) => x.id);

describe('fake Lever postings', () => {
  it('lists and gets postings with categories and requisitionCodes; lists omit content unless included', async () => {
    const list = await api.get('/postings');
    expect(ids(list)).toEqual(['p-1', 'p-2']);
    expect(list.body.data[0]).not.toHaveProperty('content');
    expect((await api.get('/postings?include=content')).body.data[0]).toHaveProperty('content');
    expect(ids(await api.get('/postings?state=internal'))).toEqual(['p-2']);
    expect(ids(await api.get('/postings?team=Platform'))).toEqual(['p-1']);
    expect(ids(await api.get('/postings?team=platform'))).toEqual([]);
    const one = (await api.get('/postings/p-1')).body.data;
    expect(one).toMatchObject({
      requisitionCodes: ['ENG-1'],
      categories: { team: 'Platform', department: 'Engineering', location: 'Berlin', commitment: 'Full-time' },
    });
    expect((await api.get('/requisitions/r-1')).body.data.postings).toEqual(['p-1']);
    expect((await api.get('/postings/nope')).body.code).toBe('NotFoundError');
  });

  it('updates via POST: needs perform_as, links requisitions by code, and resets state to draft when omitted', async () => {
    expect((await api.post('/postings/p-2', { state: 'internal' })).status).toBe(400);
    expect((await api.post('/postings/p-2?perform_as=u-old', { state: 'internal' })).status).toBe(400);
    expect((await api.post('/postings/p-2?perform_as=u-grace', { state: 'internal', requisitionCodes: ['NOPE'] })).status).toBe(400);
    const linked = await api.post('/postings/p-2?perform_as=u-grace', {
      state: 'published',
      requisitionCodes: ['ENG-2'],
      categories: { team: 'Sales', department: 'Revenue', location: 'London', commitment: 'Full-time' },
    });
    expect(linked.status).toBe(200);
    expect(linked.body.data).toMatchObject({
      state: 'published',
      distributionChannels: ['public', 'internal'],
      requisitionCodes: ['ENG-2'],
    });
    expect((await api.get('/requisitions/r-2')).body.data.postings).toEqual(['p-2']);
    const textOnly = await api.post('/postings/p-2?perform_as=u-grace', { text: 'Senior Account Executive' });
    expect(textOnly.body.data).toMatchObject({ text: 'Senior Account Executive', state: 'draft', urls: null, requisitionCodes: ['ENG-2'] });
    expect(textOnly.body.data.categories.allLocations).toEqual([]);
    expect((await api.post('/postings/p-2?perform_as=u-grace', { state: 'published', confidentiality: 'confidential' })).status).toBe(400);
    expect((await client(lever.url, READ_KEY.secret).post('/postings/p-2?perform_as=u-grace', { state: 'published' })).status).toBe(403);
  });
});

describe('fake Lever opportunities', () => {
  it('filters by posting (current vs archived), stage, archived and archive reason', async () => {
    expect(ids(await api.get('/opportunities'))).toEqual(['o-1', 'o-2', 'o-3']);
    expect(ids(await api.get('/opportunities?posting_id=p-1'))).toEqual(['o-1']);
    expect(ids(await api.get('/opportunities?archived_posting_id=p-1'))).toEqual(['o-2']);
    expect(ids(await api.get('/opportunities?stage_id=offer'))).toEqual(['o-3']);
    expect(ids(await api.get('/opportunities?archived=true'))).toEqual(['o-2']);
    expect(ids(await api.get('/opportunities?archived=false'))).toEqual(['o-1', 'o-3']);
    expect(ids(await api.get(`/opportunities?archive_reason_id=${WITHDREW}`))).toEqual(['o-2']);
    expect((await api.get('/opportunities?archived=maybe')).status).toBe(400);
    expect(ids(await api.get('/opportunities?confidentiality=all&posting_id=p-1'))).toEqual(['o-1', 'o-4']);
    expect((await client(lever.url, READ_KEY.secret).get('/opportunities/o-4')).status).toBe(403);
  });

  it('filters by created/updated ranges and by canonical email; a malformed email is a 400', async () => {
    expect(ids(await api.get(`/opportunities?created_at_start=${T + 1000}&created_at_end=${T + 2000}`))).toEqual(['o-2', 'o-3']);
    expect(ids(await api.get(`/opportunities?updated_at_start=${T + 5}&updated_at_end=${T + 10}`))).toEqual(['o-1']);
    expect(ids(await api.get('/opportunities?email=ada@example.com'))).toEqual(['o-1']);
    expect(ids(await api.get('/opportunities?email=%20ADA@example.COM&email=cleo@example.com'))).toEqual(['o-1', 'o-3']);
    const bad = await api.get('/opportunities?email=not-an-email');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ code: 'BadRequestError', message: 'Email address is not valid' });
  });

  it('gets one with contact data and expands applications, stage, owner, followers and contact', async () => {
    const plain = (await api.get('/opportunities/o-1')).body.data;
    expect(plain).toMatchObject({
      id: 'o-1',
      name: 'Ada Example',
      contact: 'c-ada',
      emails: ['Ada@Example.com'],
      location: 'Berlin',
      stage: 'applicant-new',
      archived: null,
    });
    expect(plain.phones).toEqual([{ type: 'mobile', value: '+49 30 1234567' }]);
    expect(plain.applications).toHaveLength(1);
    expect(typeof plain.applications[0]).toBe('string');
    const expanded = (await api.get('/opportunities/o-3?expand=applications&expand=stage&expand=owner&expand=followers&expand=contact'))
      .body.data;
    expect(expanded.stage).toEqual({ id: 'offer', text: 'Offer' });
    expect(expanded.owner).toMatchObject({ id: 'u-rick', email: 'Rick.Recruiter@example.com' });
    expect(expanded.followers[0]).toMatchObject({ id: 'u-grace' });
    expect(expanded.contact).toMatchObject({ name: 'Cleo Offer', emails: ['cleo@example.com'], location: null });
    expect(expanded.applications[0]).toMatchObject({ opportunityId: 'o-3', candidateId: 'o-3', posting: 'p-2', requisitionForHire: null });
    expect((await api.get('/opportunities/missing')).body).toEqual({
      code: 'NotFoundError',
      message: "That opportunity doesn't exist on your account",
    });
  });

  it('serves applications, offers, contacts, stages and archive reasons', async () => {
    const apps = (await api.get('/opportunities/o-1/applications')).body;
    expect(apps.data).toHaveLength(1);
    expect(apps.data[0]).toMatchObject({
      posting: 'p-1',
      postingOwner: 'u-rick',
      postingHiringManager: 'u-grace',
      email: 'Ada@Example.com',
    });
    expect((await api.get(`/opportunities/o-1/applications/${apps.data[0].id}`)).status).toBe(200);
    const offers = (await api.get('/opportunities/o-3/offers')).body;
    expect(offers.data).toHaveLength(1);
    expect(offers.data[0]).toMatchObject({
      status: 'sent',
      posting: 'p-2',
      fields: [{ identifier: 'anticipated_start_date', value: 1_790_000_000_000 }],
    });
    expect((await api.get('/contacts/c-ada')).body.data).toMatchObject({ name: 'Ada Example', location: { name: 'Berlin' } });
    expect((await api.get('/stages')).body.data).toEqual(DEFAULT_STAGES);
    const reasons = (await api.get('/archive_reasons')).body.data;
    expect(reasons.filter((r: { type: string }) => r.type === 'hired')).toEqual([
      { id: DEFAULT_ARCHIVE_REASONS[0]!.id, text: 'Hired', status: 'active', type: 'hired' },
    ]);
    expect((await api.get('/archive_reasons?type=hired')).body.data).toHaveLength(1);
  });
});

describe('fake Lever users', () => {
  it('lists active users, filters by canonical email, includes deactivated on request, and gets one', async () => {
    expect(ids(await api.get('/users'))).toEqual(['u-grace', 'u-rick']);
    expect(ids(await api.get('/users?includeDeactivated=true'))).toEqual(['u-grace', 'u-old', 'u-rick']);
    expect(ids(await api.get('/users?email=rick.recruiter@example.com'))).toEqual(['u-rick']);
    expect((await api.get('/users?email=rick')).status).toBe(400);
    expect((await api.get('/users/u-grace')).body.data).toMatchObject({
      username: 'grace',
      accessRole: 'team member',
      deactivatedAt: null,
    });
    expect((await api.get('/users/u-nobody')).status).toBe(404);
  });
});
