// What a hire reads from the fake Lever over real HTTP: the candidate's name and location trimmed
// (a blank one is none, never spaces written to ChartHop), an unknown opportunity as "not found" but
// a Lever outage as an error (a hire must not be dropped as missing), one request for the
// opportunity with its contact, and the hired archive reasons read again after a failed read.
import { afterEach, describe, expect, it } from 'vitest';
import { hiredReasons, readHire } from '../../../src/main/core/hires/lever-facts.ts';
import type { LeverClient } from '../../../src/main/core/lever/client.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverOpportunitySeed } from '../../../src/main/sandbox/lever/index.ts';
import { clientKit, FULL_KEY, leverClient } from '../clients/support.ts';

const HIRED = '63dd55b2-a99f-4e7b-985f-22c7bf80ab42';

let lever: FakeLever;
let client: LeverClient;

async function start(opportunities: LeverOpportunitySeed[]): Promise<void> {
  lever = await createFakeLever({ seed: { keys: [FULL_KEY], opportunities }, rateLimit: false });
  client = leverClient(clientKit(), lever.url, FULL_KEY.secret, { retry: { maxAttempts: 1 } });
}

const candidate = (over: Partial<LeverOpportunitySeed>): LeverOpportunitySeed => ({
  id: 'opp-1',
  name: 'Ada Lovelace',
  contact: 'contact-1',
  emails: ['ada@example.org'],
  location: 'Berlin, Germany',
  ...over,
});

afterEach(async () => {
  await lever.close();
});

describe('the candidate as Lever shows them', () => {
  it('trims the name and location', async () => {
    await start([candidate({ name: '  Ada Lovelace ', location: ' Berlin, Germany  ' })]);
    const read = await readHire(client, hiredReasons(client), 'opp-1');
    expect(read).toMatchObject({ found: true, facts: { name: 'Ada Lovelace', location: 'Berlin, Germany', hired: false } });
  });

  it('reads a blank name or location as none', async () => {
    await start([candidate({ name: '   ', location: '  ' })]);
    const read = await readHire(client, hiredReasons(client), 'opp-1');
    expect(read).toMatchObject({ found: true, facts: { name: null, location: null } });
  });

  it('asks for the opportunity with its contact in one request', async () => {
    await start([candidate({})]);
    lever.control.clearRequestLog();
    await readHire(client, hiredReasons(client), 'opp-1');
    const reads = lever.control.requestLog().map((e) => `${e.method} ${e.path}`);
    expect(reads).toEqual(['GET /v1/opportunities/opp-1', 'GET /v1/archive_reasons']);
    const [opportunity, reasons] = lever.control.requestLog();
    expect(new URLSearchParams(opportunity!.query).getAll('expand')).toEqual(['applications', 'contact']);
    expect(new URLSearchParams(reasons!.query).get('type')).toBe('hired');
  });
});

describe('missing opportunities and outages', () => {
  it('reads an opportunity Lever does not know as not found', async () => {
    await start([candidate({})]);
    expect(await readHire(client, hiredReasons(client), 'opp-404')).toEqual({ found: false });
  });

  it('fails, rather than calling the hire missing, when Lever answers with an error', async () => {
    await start([candidate({})]);
    lever.control.setFault({ method: 'GET', path: '/v1/opportunities/:id', action: { kind: 'status', status: 500 } });
    await expect(readHire(client, hiredReasons(client), 'opp-1')).rejects.toThrow();
  });

  it('reads the hired archive reasons again after a read that failed', async () => {
    await start([candidate({ archived: { reason: HIRED, archivedAt: 1_790_000_000_000 } })]);
    lever.control.setFault({ method: 'GET', path: '/v1/archive_reasons', nth: 1, action: { kind: 'status', status: 500 } });
    const reasons = hiredReasons(client);
    await expect(reasons.ids()).rejects.toThrow();
    expect([...(await reasons.ids())]).toEqual([HIRED]);
    const read = await readHire(client, reasons, 'opp-1');
    expect(read).toMatchObject({ found: true, facts: { hired: true, hiredAt: 1_790_000_000_000 } });
  });
});
