import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { client, FULL_KEY, USERS } from './lever-fixtures.ts';

let lever: FakeLever;
let now = 1_790_000_000_000;
let api: ReturnType<typeof client>;

beforeEach(async () => {
  now = 1_790_000_000_000;
  lever = await createFakeLever({
    seed: {
      keys: [FULL_KEY],
      users: USERS,
      requisitionFields: [
        { id: 'target_date', text: 'Target hire date', type: 'date' },
        { id: 'level', text: 'Level', type: 'dropdown', options: [{ text: 'L3' }, { text: 'L4' }] },
        {
          id: 'cost_center',
          text: 'Cost center',
          type: 'object',
          subfields: [
            { id: 'city', text: 'City', type: 'text' },
            { id: 'campus_code', text: 'Campus code', type: 'number' },
          ],
        },
        { id: 'headcount_reason', text: 'Reason', type: 'text' },
      ],
      postings: [{ id: 'p-1', text: 'Backend Engineer', requisitionCodes: ['ENG-7'] }],
    },
    clock: () => now,
    rateLimit: false,
  });
  api = client(lever.url, FULL_KEY.secret);
});
afterEach(async () => {
  await lever.close();
});

const full = {
  requisitionCode: 'ENG-7',
  name: 'Backend Engineer',
  backfill: true,
  headcountTotal: 2,
  status: 'open',
  owner: 'u-rick',
  hiringManager: 'u-grace',
  employmentStatus: 'full-time',
  location: 'Berlin',
  department: 'Engineering',
  team: 'Platform',
  internalNotes: 'budgeted',
  compensationBand: { currency: 'EUR', interval: 'per-year-salary', min: 80000, max: 105000 },
  customFields: { target_date: 1_788_220_800_000, level: 'L4', cost_center: { city: 'Berlin', campus_code: '7' } },
};

describe('fake Lever requisitions', () => {
  it('creates with 201, stores every field, and GET returns the read shape with epoch-ms timestamps', async () => {
    const created = await api.post('/requisitions', full);
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const got = await api.get(`/requisitions/${id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(got.body.data).toEqual({
      id,
      ...full,
      confidentiality: 'non-confidential',
      headcountHired: 0,
      headcountInfinite: false,
      creator: null,
      postings: ['p-1'],
      offerIds: [],
      approval: { steps: [] },
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      timeToFillStartAt: null,
      timeToFillEndAt: null,
    });
  });

  it('accepts headcountTotal "unlimited" and derives headcountInfinite', async () => {
    const res = await api.post('/requisitions', { requisitionCode: 'U-1', name: 'Pool', headcountTotal: 'unlimited' });
    expect(res.body.data.headcountTotal).toBe('unlimited');
    expect(res.body.data.headcountInfinite).toBe(true);
    expect((await api.post('/requisitions', { requisitionCode: 'U-2', name: 'Bad', headcountTotal: 0 })).status).toBe(400);
    expect((await api.post('/requisitions', { requisitionCode: 'U-3', name: 'Bad', headcountTotal: 'lots' })).status).toBe(400);
  });

  it('rejects missing required fields, bad statuses, unknown users and duplicate codes with 400', async () => {
    for (const body of [
      { name: 'x', headcountTotal: 1 },
      { requisitionCode: 'X', headcountTotal: 1 },
      { requisitionCode: 'X', name: 'x' },
      { ...full, requisitionCode: 'X', status: 'active' },
      { ...full, requisitionCode: 'X', owner: 'nobody' },
      { ...full, requisitionCode: 'X', compensationBand: { currency: 'euro', interval: 'per-year-salary', min: 1, max: 2 } },
    ]) {
      const res = await api.post('/requisitions', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('BadRequestError');
    }
    expect((await api.post('/requisitions', full)).status).toBe(201);
    const dup = await api.post('/requisitions', full);
    expect(dup.status).toBe(400);
    expect(dup.body.message).toContain('ENG-7');
  });

  it('validates custom field values against their requisition-field types', async () => {
    const bad = [
      { target_date: '2026-09-01' },
      { level: 'L9' },
      { cost_center: { city: 3 } },
      { cost_center: { floor: '2' } },
      { cost_center: { campus_code: 'seven' } },
      { unknown_field: 'x' },
      { headcount_reason: 12 },
    ];
    for (const customFields of bad) {
      const res = await api.post('/requisitions', { ...full, customFields });
      expect(res.status, JSON.stringify(customFields)).toBe(400);
    }
    expect(
      (await api.post('/requisition_fields', { id: 'budget_owner', text: 'Budget owner', type: 'text', isRequired: true })).status,
    ).toBe(201);
    const missing = await api.post('/requisitions', full);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('budget_owner');
    expect((await api.post('/requisitions', { ...full, customFields: { ...full.customFields, budget_owner: 'CFO' } })).status).toBe(201);
  });

  it('PUT replaces the resource: omitted fields reset, server-managed ones stay', async () => {
    const id = (await api.post('/requisitions', full)).body.data.id;
    now += 5000;
    const put = await api.put(`/requisitions/${id}`, {
      requisitionCode: 'ENG-7',
      name: 'Senior Backend Engineer',
      headcountTotal: 3,
      status: 'closed',
    });
    expect(put.status).toBe(200);
    const got = (await api.get(`/requisitions/${id}`)).body.data;
    expect(got).toMatchObject({
      name: 'Senior Backend Engineer',
      headcountTotal: 3,
      status: 'closed',
      closedAt: now,
      backfill: false,
      owner: null,
      hiringManager: null,
      location: null,
      team: null,
      internalNotes: '',
      compensationBand: null,
      customFields: {},
      createdAt: now - 5000,
      updatedAt: now,
      postings: ['p-1'],
    });
    now += 1000;
    await api.put(`/requisitions/${id}`, { requisitionCode: 'ENG-7', name: 'Senior Backend Engineer', headcountTotal: 3 });
    expect((await api.get(`/requisitions/${id}`)).body.data).toMatchObject({ status: 'open', closedAt: null });
  });

  it('renaming a requisition code keeps its postings linked', async () => {
    const id = (await api.post('/requisitions', full)).body.data.id;
    await api.put(`/requisitions/${id}`, { ...full, requisitionCode: 'ENG-7B' });
    expect((await api.get(`/requisitions/${id}`)).body.data.postings).toEqual(['p-1']);
    expect((await api.get('/postings/p-1')).body.data.requisitionCodes).toEqual(['ENG-7B']);
  });

  it('deletes with 204 and an empty body; unknown ids give 404 NotFoundError', async () => {
    const id = (await api.post('/requisitions', full)).body.data.id;
    const del = await api.del(`/requisitions/${id}`);
    expect(del.status).toBe(204);
    expect(del.body).toBeUndefined();
    for (const res of [
      await api.get(`/requisitions/${id}`),
      await api.put(`/requisitions/${id}`, full),
      await api.del(`/requisitions/${id}`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'NotFoundError', message: "That requisition doesn't exist on your account" });
    }
    expect((await api.get('/postings/p-1')).body.data.requisitionCodes).toEqual([]);
  });

  it('filters by requisition_code, status, created_at range and repeats OR together', async () => {
    for (let i = 0; i < 6; i += 1) {
      now = 1_790_000_000_000 + i * 1000;
      await api.post('/requisitions', {
        requisitionCode: `F-${i}`,
        name: `R${i}`,
        headcountTotal: 1,
        status: i % 2 === 0 ? 'open' : 'draft',
      });
    }
    const codes = async (q: string) =>
      (await api.get(`/requisitions?${q}`)).body.data.map((r: { requisitionCode: string }) => r.requisitionCode);
    expect(await codes('requisition_code=F-3')).toEqual(['F-3']);
    expect(await codes('requisition_code=f-3')).toEqual([]);
    expect(await codes('requisition_code=F-1&requisition_code=F-4')).toEqual(['F-1', 'F-4']);
    expect(await codes('status=draft')).toEqual(['F-1', 'F-3', 'F-5']);
    expect(await codes('created_at_start=1790000002000&created_at_end=1790000004000')).toEqual(['F-2', 'F-3', 'F-4']);
    expect((await api.get('/requisitions?created_at_start=yesterday')).status).toBe(400);
  });

  it("can answer writes in Lever's observed internal shape", async () => {
    const internal = await createFakeLever({ seed: { keys: [FULL_KEY], users: USERS }, writeResponseShape: 'internal', rateLimit: false });
    try {
      const res = await client(internal.url, FULL_KEY.secret).post('/requisitions', {
        requisitionCode: 'I-1',
        name: 'X',
        headcountTotal: 1,
      });
      expect(res.status).toBe(201);
      expect(res.body.data).toHaveProperty('creatorUserId', null);
      expect(res.body.data).toHaveProperty('postingIds', []);
      expect(res.body.data).not.toHaveProperty('postings');
    } finally {
      await internal.close();
    }
  });

  it('manages the requisition-field schema: list without hasNext, create, update, delete', async () => {
    const list = await api.get('/requisition_fields');
    expect(list.body).not.toHaveProperty('hasNext');
    expect(list.body.data.map((f: { id: string }) => f.id)).toEqual(['target_date', 'level', 'cost_center', 'headcount_reason']);
    expect((await api.post('/requisition_fields', { id: 'level', text: 'Dup', type: 'text' })).status).toBe(400);
    expect((await api.post('/requisition_fields', { id: 'x', text: 'X', type: 'dropdown' })).status).toBe(400);
    expect((await api.post('/requisition_fields', { id: 'x', text: 'X', type: 'colour' })).status).toBe(400);
    const updated = await api.put('/requisition_fields/level', { text: 'Level', type: 'dropdown', options: [{ text: 'L5' }] });
    expect(updated.body.data.options).toEqual([{ text: 'L5' }]);
    expect((await api.post('/requisitions', full)).status).toBe(400);
    expect((await api.del('/requisition_fields/level')).status).toBe(204);
    const gone = await api.get('/requisition_fields/level');
    expect(gone.body).toEqual({ code: 'NotFoundError', message: "That requisition field doesn't exist on your account" });
  });
});
