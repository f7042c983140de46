// ChartHop people against the fake ChartHop over real HTTP: a person is found by any of their
// addresses (padding and letter case aside) before one is created, so nobody is made twice; an
// answer that cannot be read stops the create; a create without an address is never repeated on an
// unknown outcome; person reads carry the id and the filters asked for; updates write the fields
// asked for, as of the date asked for; failures name the endpoint.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { isIdentityUnreadable } from '../../../src/main/core/charthop/identity.ts';
import { isHttpFailure } from '../../../src/main/core/http/errors.ts';
import { collect } from '../../../src/main/core/http/paginate.ts';
import { createFakeChartHop, MINIMAL_OWNER_TOKEN, minimalChartHopSeed } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { ClientKit } from './support.ts';
import { charthopClient, clientKit } from './support.ts';

let fake: FakeChartHop;
let kit: ClientKit;
let client: ChartHopClient;
beforeEach(async () => {
  kit = clientKit(Date.UTC(2026, 0, 5, 9));
  fake = await createFakeChartHop({ seed: minimalChartHopSeed(), clock: () => kit.clock.now() });
  client = charthopClient(kit, fake.url, MINIMAL_OWNER_TOKEN, 'acme');
});
afterEach(async () => {
  await fake.close();
});

/** Grace, with a work and a home address. */
async function createGrace(): Promise<string> {
  const { id } = await client.people.create({
    name: { first: 'Grace', last: 'Hopper' },
    contacts: [
      { type: 'WORK_EMAIL', value: 'Grace@acme.example' },
      { type: 'HOME_EMAIL', value: 'grace@home.example' },
    ],
  });
  return id;
}

/** Every later person search is answered with `rows`. */
function answerSearchesWith(rows: Record<string, unknown>[]): void {
  fake.control.setFault({ method: 'GET', path: '/v2/org/:org/person', action: { kind: 'status', status: 200, body: { data: rows } } });
}

const caught = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('ChartHop people: finding a person by email', () => {
  it('finds a person by any one of their addresses, padded or in another letter case', async () => {
    const grace = await createGrace();
    expect((await client.people.findByEmail(' grace@HOME.example '))?.id).toBe(grace);
    expect((await client.people.findByEmail(['nobody@acme.example', 'GRACE@acme.example']))?.id).toBe(grace);
    expect(await client.people.findByEmail('nobody@acme.example')).toBeNull();
  });

  it('takes only the person whose address matches when ChartHop answers more people than asked for', async () => {
    const grace = await createGrace();
    const { id: ada } = await client.people.create({
      name: { first: 'Ada', last: 'Lovelace' },
      contacts: [{ type: 'WORK_EMAIL', value: 'ada@acme.example' }],
    });
    answerSearchesWith([
      { id: ada, 'contact.workEmail': 'ada@acme.example', 'contact.homeEmail': null },
      { id: grace, 'contact.workEmail': 'Grace@acme.example', 'contact.homeEmail': 'grace@home.example' },
    ]);
    expect((await client.people.findByEmail('grace@home.example'))?.id).toBe(grace);
  });

  it('looks nobody up for blank addresses', async () => {
    answerSearchesWith([{ id: '6a00000000000000000000f1', name: 'Unreadable' }]);
    expect(await client.people.findByEmail('   ')).toBeNull();
    expect(await client.people.findByEmail(['', ' '])).toBeNull();
    expect(fake.control.requestLog({ method: 'GET' })).toEqual([]);
  });

  it('refuses to answer "nobody" when the rows ChartHop answered cannot be read, naming every address searched', async () => {
    answerSearchesWith([{ id: '6a00000000000000000000f1', name: 'Unreadable' }]);
    const error = await caught(client.people.findByEmail(['Grace@ACME.example', ' grace@acme.example', 'ada@mail.example']));
    expect(isIdentityUnreadable(error)).toBe(true);
    expect((error as Error).message).toBe(
      'ReqBridge could not tell whether a ChartHop person with the email grace@acme.example or ada@mail.example already exists: ChartHop answered the search with a row it cannot read (it holds no email field (no contact.workEmail / contact.homeEmail keys, no contact object, no contacts list)), so nothing was created.',
    );
  });
});

describe('ChartHop people: creates', () => {
  it('never sends a person without an address twice when the outcome of the create is unknown', async () => {
    const bodies = [{ name: { first: 'No', last: 'Contacts' } }, { name: { first: 'Empty', last: 'Contacts' }, contacts: [] }];
    for (const body of bodies) {
      fake.control.clearRequestLog();
      fake.control.setFault({ method: 'POST', path: '/v2/org/:org/person', nth: 1, action: { kind: 'commitThenReset' } });
      const error = await caught(client.people.create(body));
      expect(isHttpFailure(error, 'unknown_outcome')).toBe(true);
      expect(fake.control.requestLog().map((e) => e.method)).toEqual(['POST']);
      fake.control.clearFaults();
    }
    expect(fake.control.state().persons.map((p) => p.name)).toEqual([
      { first: 'No', last: 'Contacts' },
      { first: 'Empty', last: 'Contacts' },
    ]);
  });

  it('records the recovery of a person found by email after an unknown outcome, under the create endpoint', async () => {
    fake.control.setFault({ method: 'POST', path: '/v2/org/:org/person', nth: 1, action: { kind: 'commitThenReset' } });
    const result = await client.people.create({
      name: { first: 'Lin', last: 'Wu' },
      contacts: [{ type: 'HOME_EMAIL', value: 'lin@mail.example' }],
    });
    expect(result.outcome).toBe('recovered');
    expect(kit.recorder.events().filter((e) => e.type === 'recovery')).toEqual([
      { type: 'recovery', vendor: 'charthop', endpoint: 'POST /v2/org/:org/person', at: Date.UTC(2026, 0, 5, 9), result: 'found' },
    ]);
  });

  it('names the create endpoint when ChartHop answers a create without the new id', async () => {
    fake.control.setFault({
      method: 'POST',
      path: '/v2/org/:org/person',
      nth: 1,
      action: { kind: 'status', status: 201, body: { name: 'x' } },
    });
    const error = await caught(client.people.create({ name: { first: 'A', last: 'B' } }));
    expect((error as Error).message).toBe(
      'ChartHop sent an unexpected response to POST /v2/org/:org/person: field id — expected string, received undefined. ReqBridge stopped instead of guessing; if ChartHop changed its API, report this message.',
    );
  });
});

describe('ChartHop people: reads', () => {
  it('projects rows to the fields asked for, always with the id, asked for once', async () => {
    const grace = await createGrace();
    expect(await collect(client.people.rows({ includeAll: true, fields: ['contact.workEmail'] }))).toEqual([
      { id: grace, 'contact.workEmail': 'Grace@acme.example' },
    ]);
    expect(await collect(client.people.rows({ includeAll: true, fields: ['name', 'id'] }))).toEqual([{ id: grace, name: 'Grace Hopper' }]);
    expect(fake.control.requestLog({ method: 'GET' }).map((e) => e.query)).toEqual([
      'includeAll=true&fields=id%2Ccontact.workEmail&limit=1000',
      'includeAll=true&fields=name%2Cid&limit=1000',
    ]);
  });

  it('reads only the people asked for by id', async () => {
    const grace = await createGrace();
    const { id: ada } = await client.people.create({ name: { first: 'Ada', last: 'Lovelace' } });
    await client.people.create({ name: { first: 'Lin', last: 'Wu' } });
    const rows = await collect(client.people.rows({ includeAll: true, ids: [grace, ada], fields: ['name'] }));
    expect(rows).toEqual([
      { id: grace, name: 'Grace Hopper' },
      { id: ada, name: 'Ada Lovelace' },
    ]);
    const people = await collect(client.people.list({ includeAll: true, ids: [ada, grace] }));
    expect(people.map((p) => p.id)).toEqual([grace, ada]);
  });

  it('lists people in a job unless former and never-placed people are asked for too', async () => {
    const grace = await createGrace();
    const { id: ada } = await client.people.create({ name: { first: 'Ada', last: 'Lovelace' } });
    const { record: job } = await client.jobs.create({ title: 'Engineer', req: 'ENG-1' });
    await client.orgs.hire({ jobId: job.id, personId: ada, date: '2026-01-05' });
    expect((await collect(client.people.list())).map((p) => p.id)).toEqual([ada]);
    expect((await collect(client.people.list({ includeAll: true }))).map((p) => p.id)).toEqual([grace, ada]);
  });

  it('names the person endpoint when a person does not exist', async () => {
    const error = await caught(client.people.get('6a00000000000000000000ff'));
    expect((error as Error).message).toBe(
      'ChartHop has no such record (GET /v2/org/:org/person/:id, 404). ChartHop said: "person 6a00000000000000000000ff not found".',
    );
  });
});

describe('ChartHop people: updates', () => {
  it('writes the fields to the person as of the date asked for and answers the person re-read', async () => {
    const grace = await createGrace();
    fake.control.clearRequestLog();
    const updated = await client.people.update(grace, { name: { first: 'Amazing', last: 'Grace' } }, { date: '2026-03-01' });
    expect(updated.name).toEqual({ first: 'Amazing', last: 'Grace' });
    expect(fake.control.state().persons.find((p) => p.id === grace)?.name).toEqual({ first: 'Amazing', last: 'Grace' });
    expect(fake.control.requestLog().map((e) => [e.method, e.path, e.query])).toEqual([
      ['PATCH', `/v2/org/acme/person/${grace}`, 'date=2026-03-01'],
      ['GET', `/v2/org/acme/person/${grace}`, ''],
    ]);
  });

  it('names the update endpoint when the person does not exist', async () => {
    const error = await caught(client.people.update('6a00000000000000000000ff', { name: { first: 'X', last: 'Y' } }));
    expect((error as Error).message).toBe(
      'ChartHop has no such record (PATCH /v2/org/:org/person/:id, 404). ChartHop said: "person 6a00000000000000000000ff not found".',
    );
  });
});
