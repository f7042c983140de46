// The ChartHop writes of a hire, over real HTTP against the fake ChartHop: whether a hire ReqBridge
// made still stands (only an active HIRE of that person into that job counts: a wrong "yes" blocks
// the job's next hire, a wrong "no" hires twice), how a create that clashes with an existing person
// is settled (ours reused, a stranger's reported, any other refusal raised), and which compensation
// the job gets from the offer (never a blank or negative amount, never an empty write).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChartHopClient } from '../../../src/main/core/charthop/client.ts';
import type { ChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { createPerson, hireStillActive, markJobPending } from '../../../src/main/core/hires/create-hire.ts';
import type { HireFacts } from '../../../src/main/core/hires/lever-facts.ts';
import type { OfferTerms } from '../../../src/main/core/hires/offer-terms.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { isHttpFailure } from '../../../src/main/core/http/errors.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';

let sandbox: Sandbox;
let charthop: ChartHopClient;
let logs: LogRecord[];
const logger = createLogger({ redactor: createRedactor(), sink: (r) => logs.push(r), level: 'debug' });

beforeEach(async () => {
  logs = [];
  sandbox = await startSandbox({ jobs: 24, opportunities: 20 });
  charthop = createChartHopClient({
    baseUrl: sandbox.charthop.url,
    token: sandbox.credentials.charthopToken,
    org: sandbox.charthop.org,
    limiter: createLimiterRegistry().get('charthop', sandbox.charthop.url, 't'),
    logger,
  });
});
afterEach(async () => {
  await sandbox.close();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${sandbox.charthop.url}${path.replace(':org', sandbox.charthop.org)}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.credentials.charthopToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: ((await response.json().catch(() => null)) ?? {}) as Record<string, unknown> };
}

async function newPerson(email: string, extra: Array<{ type: string; format: string; value: string }> = []): Promise<string> {
  const made = await call('POST', '/v2/org/:org/person', {
    name: { first: 'Dana', last: 'Scully' },
    contacts: [{ type: 'HOME_EMAIL', format: 'EMAIL', value: email }, ...extra],
  });
  expect(made.status).toBe(201);
  return made.json['id'] as string;
}

/** Two open jobs nobody fills. */
function openJobs(): [string, string] {
  const jobs = sandbox.control.charthop.jobs(sandbox.charthop.org).filter((j) => j['open'] === 'open' && !j['personId']);
  return [String(jobs[0]!['id']), String(jobs[1]!['id'])];
}

function jobOf(id: string): Record<string, unknown> {
  return sandbox.control.charthop.jobs(sandbox.charthop.org).find((j) => j['id'] === id)!;
}

/** Makes the fake answer the next change listing with exactly `rows`. */
function answerChangesWith(rows: Array<Record<string, unknown>>): void {
  sandbox.control.charthop.setFault({
    method: 'GET',
    path: '/v1/org/:org/change',
    times: 1,
    action: { kind: 'status', status: 200, body: { data: rows } },
  });
}

const facts = (over: Partial<HireFacts> = {}): HireFacts => ({
  opportunityId: 'opp-writes-1',
  hired: true,
  hiredAt: 1,
  name: 'Fox Mulder',
  emails: ['fox.mulder@example.net'],
  phones: [],
  location: null,
  requisition: null,
  offer: null,
  ...over,
});

const terms = (over: Partial<OfferTerms>): OfferTerms => ({
  offerId: 'of-1',
  status: 'signed',
  startDate: '2026-12-01',
  salary: null,
  currency: null,
  equity: null,
  ...over,
});

describe('whether a hire ReqBridge made still stands', () => {
  it("is true while the person's HIRE into the job is active, false once it is cancelled, and a hire into another job does not count", async () => {
    const [jobA, jobB] = openJobs();
    const personId = await newPerson('still.active@example.net');
    const hired = await call('POST', '/v1/org/:org/change/hire', { jobId: jobA, personId, date: '2026-12-01' });
    expect(hired.status).toBeLessThan(300);
    expect(await hireStillActive(charthop, jobA, personId)).toBe(true);

    expect((await call('DELETE', `/v1/org/:org/change/${String(hired.json['id'])}`)).status).toBeLessThan(300);
    expect((await call('POST', '/v1/org/:org/change/hire', { jobId: jobB, personId, date: '2026-12-02' })).status).toBeLessThan(300);
    expect(await hireStillActive(charthop, jobA, personId)).toBe(false);
    expect(await hireStillActive(charthop, jobB, personId)).toBe(true);
  });

  it('a listing that also shows cancelled changes, other change types and other people counts none of them', async () => {
    const [jobA] = openJobs();
    const personId = 'p-ours';
    const row = (over: Record<string, unknown>) => ({ id: `c-${Math.random()}`, jobId: jobA, date: '2026-12-01', ...over });
    const cases: Array<[string, Array<Record<string, unknown>>, boolean]> = [
      ['cancelled hire of the person', [row({ type: 'HIRE', status: 'INACTIVE', personId })], false],
      ['active transfer of the person', [row({ type: 'TRANSFER', status: 'ACTIVE', personId })], false],
      ["another person's active hire", [row({ type: 'HIRE', status: 'ACTIVE', personId: 'p-other' })], false],
      ['active hire of the person, lower-case', [row({ type: 'hire', status: 'active', personId })], true],
      ['hire of the person without a status (active)', [row({ type: 'HIRE', personId })], true],
    ];
    for (const [label, rows, expected] of cases) {
      answerChangesWith(rows);
      expect(await hireStillActive(charthop, jobA, personId), label).toBe(expected);
    }
  });
});

describe('creating the person when the email clashes with one in ChartHop (409)', () => {
  it("reuses the person when it carries ReqBridge's mark for this opportunity", async () => {
    const hire = facts();
    const ours = await newPerson('fox.mulder@example.net', [{ type: 'LEVER', format: 'ID', value: hire.opportunityId }]);
    const people = sandbox.control.charthop.state().persons.length;
    expect(await createPerson(charthop, hire)).toEqual({ personId: ours });
    expect(sandbox.control.charthop.state().persons.length).toBe(people);
  });

  it("reports a stranger's person as taken, and creates nobody", async () => {
    const stranger = await newPerson('fox.mulder@example.net');
    const people = sandbox.control.charthop.state().persons.length;
    const made = await createPerson(charthop, facts());
    expect('taken' in made && made.taken.id).toBe(stranger);
    expect(sandbox.control.charthop.state().persons.length).toBe(people);
  });

  it('any other refusal of the create (400) is raised, not settled by a lookup', async () => {
    await newPerson('fox.mulder@example.net', [{ type: 'LEVER', format: 'ID', value: 'opp-writes-1' }]);
    sandbox.control.charthop.setFault({
      method: 'POST',
      path: '/v2/org/:org/person',
      times: 1,
      action: { kind: 'status', status: 400, body: { message: 'invalid name' } },
    });
    const error = await createPerson(charthop, facts()).catch((e: unknown) => e);
    expect(isHttpFailure(error) && [error.status, error.serverMessage]).toEqual([400, 'invalid name']);
  });
});

describe('the compensation a hire writes on the job', () => {
  /** The job writes ReqBridge sent, in order. */
  const writesTo = (jobId: string) =>
    sandbox.control.charthop.requestLog().filter((e) => e.method === 'PATCH' && e.path.endsWith(`/job/${jobId}`));

  it('without an offer, the job is only set Pending', async () => {
    const [jobId] = openJobs();
    expect(await markJobPending(charthop, jobId, facts(), logger)).toBeNull();
    expect(writesTo(jobId)).toHaveLength(1);
    expect(jobOf(jobId)['recruit']).toBe('Pending');
  });

  it('an offer with neither salary nor equity writes nothing more; nor does a negative salary', async () => {
    const [jobA, jobB] = openJobs();
    const compBefore = jobOf(jobA)['comp'];
    expect(await markJobPending(charthop, jobA, facts({ offer: terms({}) }), logger)).toBeNull();
    expect(writesTo(jobA)).toHaveLength(1);
    expect(await markJobPending(charthop, jobB, facts({ offer: terms({ salary: -5, currency: 'USD' }) }), logger)).toBeNull();
    expect(writesTo(jobB)).toHaveLength(1);
    expect(jobOf(jobA)['comp']).toEqual(compBefore);
  });

  it('a salary is written as base pay in its currency, without touching the equity', async () => {
    const [jobId] = openJobs();
    const offer = terms({ salary: 120_000, currency: 'EUR' });
    expect(await markJobPending(charthop, jobId, facts({ offer }), logger)).toBeNull();
    expect(writesTo(jobId)).toHaveLength(2);
    const comp = jobOf(jobId)['comp'] as { baseComp: { pay: unknown }; grantShares?: unknown };
    expect(comp.baseComp.pay).toEqual({ amount: 120_000, currency: 'EUR' });
    expect(comp.grantShares).toBeUndefined();
  });

  it('a salary without a currency is written alone (ChartHop keeps its currency); a salary of 0 is written too', async () => {
    const [jobA, jobB] = openJobs();
    expect(await markJobPending(charthop, jobA, facts({ offer: terms({ salary: 90_000 }) }), logger)).toBeNull();
    expect((jobOf(jobA)['comp'] as { baseComp: { pay: unknown } }).baseComp.pay).toEqual({ amount: 90_000, currency: 'USD' });
    expect(await markJobPending(charthop, jobB, facts({ offer: terms({ salary: 0, currency: 'GBP' }) }), logger)).toBeNull();
    expect((jobOf(jobB)['comp'] as { baseComp: { pay: unknown } }).baseComp.pay).toEqual({ amount: 0, currency: 'GBP' });
  });

  it('equity alone is written as granted shares, without a base pay', async () => {
    const [jobId] = openJobs();
    expect(await markJobPending(charthop, jobId, facts({ offer: terms({ equity: 2500 }) }), logger)).toBeNull();
    expect(writesTo(jobId)).toHaveLength(2);
    expect(jobOf(jobId)['comp']).toMatchObject({ grantShares: 2500 });
  });

  it("a refused compensation is reported with ChartHop's reason and logged; the job stays Pending", async () => {
    const [jobId] = openJobs();
    sandbox.control.charthop.setFault({
      method: 'PATCH',
      path: '/v2/org/:org/job/:id',
      nth: 2,
      action: { kind: 'status', status: 403, body: { message: 'compensation is read-only for this token' } },
    });
    const offer = terms({ salary: 100_000, currency: 'USD' });
    expect(await markJobPending(charthop, jobId, facts({ offer }), logger)).toBe(
      'ChartHop refused the offered compensation (compensation is read-only for this token); set it on the job by hand.',
    );
    expect(jobOf(jobId)['recruit']).toBe('Pending');
    const warning = logs.find((l) => l.level === 'warn' && l.message.includes('refused the offered compensation'));
    expect(
      warning?.message.startsWith(`Hire of opportunity opp-writes-1: ChartHop refused the offered compensation on job ${jobId} `),
    ).toBe(true);
  });
});
