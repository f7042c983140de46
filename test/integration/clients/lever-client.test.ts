// The Lever client against the fake Lever over real HTTP: pagination, requisition CRUD, postings,
// opportunities, users, webhooks, and the 403 message naming the missing permission.
import { afterEach, describe, expect, it } from 'vitest';
import { isHttpFailure } from '../../../src/main/core/http/errors.ts';
import { collect } from '../../../src/main/core/http/paginate.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverSeed } from '../../../src/main/sandbox/lever/index.ts';
import { clientKit, FULL_KEY, keyWithout, leverClient, requisitions, USERS } from './support.ts';

let lever: FakeLever | undefined;
afterEach(async () => {
  await lever?.close();
  lever = undefined;
});

async function start(seed: LeverSeed, options: Parameters<typeof createFakeLever>[0] = {}): Promise<FakeLever> {
  lever = await createFakeLever({ seed, rateLimit: false, ...options });
  return lever;
}

describe('Lever client: lists', () => {
  it('walks every page with limit=100 by default and passes `next` back verbatim', async () => {
    const fake = await start({ keys: [FULL_KEY], users: USERS, requisitions: requisitions(250) });
    const kit = clientKit();
    const client = leverClient(kit, fake.url, FULL_KEY.secret);
    const all = await collect(client.requisitions.list());
    expect(all.map((r) => r.requisitionCode)).toEqual(requisitions(250).map((r) => r.requisitionCode));
    const calls = fake.control.requestLog({ path: '/v1/requisitions' });
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => /(^|&)limit=100(&|$)/.test(c.query))).toBe(true);
    // The token Lever sent is URL-encoded JSON; it must come back as is, not encoded again.
    const second = new URLSearchParams(calls[1]?.query ?? '');
    expect(calls[1]?.query).toMatch(/offset=%5B/);
    expect(calls[1]?.query).not.toMatch(/%255B/);
    expect(second.get('offset')?.startsWith('[')).toBe(true);
  });

  it('sends repeated filter keys and reads opportunities with expand', async () => {
    const fake = await start({
      keys: [FULL_KEY],
      users: USERS,
      postings: [{ id: 'p-1', text: 'Engineer', owner: 'u-grace' }],
      opportunities: [
        {
          id: 'o-1',
          name: 'Ada',
          emails: ['ada@mail.example'],
          stage: 'offer',
          application: { posting: 'p-1' },
          offers: [{ status: 'signed', fields: [{ text: 'Start date', identifier: 'anticipated_start_date', value: 1_790_000_000_000 }] }],
        },
        { id: 'o-2', name: 'Bob', emails: ['bob@mail.example'], stage: 'applicant-new', application: { posting: 'p-1' } },
      ],
    });
    const client = leverClient(clientKit(), fake.url, FULL_KEY.secret);
    const opps = await collect(
      client.opportunities.list({ postingId: 'p-1', stageId: ['offer', 'applicant-new'], expand: ['stage', 'contact'] }),
    );
    expect(opps.map((o) => o.id).sort()).toEqual(['o-1', 'o-2']);
    expect(typeof opps[0]?.stage === 'object' && opps[0]?.stage !== null).toBe(true);
    const query = fake.control.requestLog({ path: '/v1/opportunities' })[0]?.query ?? '';
    expect(query).toContain('stage_id=offer&stage_id=applicant-new');
    expect(query).toContain('expand=stage&expand=contact');
    const offers = await collect(client.opportunities.offers('o-1'));
    expect(offers[0]?.fields[0]?.identifier).toBe('anticipated_start_date');
    expect((await collect(client.opportunities.list({ email: 'ADA@mail.example' }))).map((o) => o.id)).toEqual(['o-1']);
    expect((await collect(client.opportunities.stages())).length).toBeGreaterThan(3);
    expect((await collect(client.opportunities.archiveReasons({ type: 'hired' }))).map((a) => a.type)).toEqual(['hired']);
  });

  it('looks users up by email, case-insensitively', async () => {
    const fake = await start({ keys: [FULL_KEY], users: USERS });
    const client = leverClient(clientKit(), fake.url, FULL_KEY.secret);
    const found = await client.account.usersByEmail([
      'GRACE@example.com',
      'rick.recruiter@example.com',
      'nobody@example.com',
      'not-an-email',
    ]);
    expect([...found.keys()].sort()).toEqual(['grace@example.com', 'rick.recruiter@example.com']);
  });
});

describe('Lever client: writes', () => {
  it('creates, reads, patches (read-merge-PUT) and deletes a requisition', async () => {
    const fake = await start({ keys: [FULL_KEY], users: USERS }, { writeResponseShape: 'internal' });
    const client = leverClient(clientKit(), fake.url, FULL_KEY.secret);
    const { record, outcome } = await client.requisitions.create({
      requisitionCode: 'ENG-42',
      name: 'Backend Engineer',
      headcountTotal: 2,
      hiringManager: 'u-grace',
      team: 'Platform',
      department: 'Engineering',
    });
    expect(outcome).toBe('created');
    // Lever answers writes in an internal shape; the client re-reads the GET shape.
    expect(record).toMatchObject({ requisitionCode: 'ENG-42', hiringManager: 'u-grace', team: 'Platform', status: 'open' });
    const patched = await client.requisitions.patch(record.id, { status: 'onHold' });
    expect(patched).toMatchObject({ status: 'onHold', team: 'Platform', hiringManager: 'u-grace', department: 'Engineering' });
    expect((await client.requisitions.findByCode('ENG-42'))?.id).toBe(record.id);
    expect(await client.requisitions.delete(record.id)).toEqual({ deleted: true });
    expect(await client.requisitions.delete(record.id)).toEqual({ deleted: false });
  });

  it('updates a posting without resetting its state or categories', async () => {
    const fake = await start({
      keys: [FULL_KEY],
      users: USERS,
      requisitions: [{ requisitionCode: 'ENG-1', name: 'Eng', headcountTotal: 1 }],
      postings: [
        {
          id: 'p-1',
          text: 'Engineer',
          state: 'internal',
          categories: {
            team: 'Platform',
            department: null,
            location: 'Berlin',
            commitment: null,
            level: null,
            allLocations: ['Berlin', 'Remote'],
          },
        },
      ],
    });
    const client = leverClient(clientKit(), fake.url, FULL_KEY.secret);
    const updated = await client.postings.update('p-1', { requisitionCodes: ['ENG-1'] }, { performAs: 'u-grace' });
    expect(updated).toMatchObject({ state: 'internal', requisitionCodes: ['ENG-1'] });
    expect(updated.categories?.allLocations).toEqual(['Berlin', 'Remote']);
    expect(fake.control.requestLog({ method: 'POST', path: '/v1/postings/:id' })[0]?.query).toBe('perform_as=u-grace');
  });

  it('creates a webhook and masks its signature token from then on', async () => {
    const fake = await start({ keys: [FULL_KEY], users: USERS });
    const kit = clientKit();
    const client = leverClient(kit, fake.url, FULL_KEY.secret);
    const { record } = await client.account.createWebhook({ event: 'candidateHired', url: 'https://hooks.example/lever' });
    expect(record.signatureToken).toMatch(/^[0-9a-f]{48}$/);
    kit.logging.logger.info(`token is ${record.signatureToken ?? ''}`);
    expect(kit.logging.lines.at(-1)?.message).toBe('token is [redacted]');
    const listed = await collect(client.account.webhooks());
    expect(listed.map((w) => w.event)).toEqual(['candidateHired']);
    expect(await client.account.deleteWebhook(record.id)).toEqual({ deleted: true });
  });

  it('names the missing permission and where to fix it on 403, without retrying', async () => {
    const noDelete = keyWithout('Delete requisitions');
    const fake = await start({ keys: [noDelete], users: USERS, requisitions: requisitions(1) });
    const kit = clientKit();
    const client = leverClient(kit, fake.url, noDelete.secret);
    const error = await client.requisitions.delete('req-00000').catch((e: unknown) => e);
    expect(isHttpFailure(error, 'forbidden')).toBe(true);
    expect((error as Error).message).toContain('"Delete requisitions"');
    expect((error as Error).message).toContain('Lever → Settings → Integrations and API → API credentials');
    expect(fake.control.requestLog({ method: 'DELETE' })).toHaveLength(1);
    const create = await client.requisitions.create({ requisitionCode: 'X-1', name: 'x', headcountTotal: 1 }).catch((e: unknown) => e);
    expect(isHttpFailure(create)).toBe(false);
    const readOnly = keyWithout('Create requisitions', 'key-nocreate', 'lever-nocreate-0003');
    fake.control.seed({ keys: [readOnly], users: USERS });
    const denied = await leverClient(kit, fake.url, readOnly.secret)
      .requisitions.create({ requisitionCode: 'X-2', name: 'x', headcountTotal: 1 })
      .catch((e: unknown) => e);
    expect((denied as Error).message).toContain('lacks the "Create requisitions" permission');
  });

  it("reports a 400 with Lever's own reason", async () => {
    const fake = await start({ keys: [FULL_KEY], users: USERS });
    const client = leverClient(clientKit(), fake.url, FULL_KEY.secret);
    const error = await client.requisitions.create({ requisitionCode: 'ENG-1', name: 'x', headcountTotal: 0 }).catch((e: unknown) => e);
    expect(isHttpFailure(error, 'bad_request')).toBe(true);
    expect((error as Error).message).toMatch(/Lever rejected POST \/requisitions \(400\)\. Lever said: "headcountTotal must be/);
  });
});
