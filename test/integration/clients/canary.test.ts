// Credentials never escape: a canary Lever key and a canary ChartHop token go through successes and
// every failure path (401, 403, 404, 400, 5xx retries, truncated and malformed bodies, resets,
// timeouts, unknown outcomes, cancellation), with NO redactor registered — so a leak cannot be
// masked. Every log line, error (message, stack, inspect, JSON), returned value and recorded event
// is searched for the secret and its Basic-auth encoding.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { collect } from '../../../src/main/core/http/paginate.ts';
import { createLeverClient } from '../../../src/main/core/lever/client.ts';
import { createFakeChartHop, MINIMAL_ORG_ID, minimalChartHopSeed } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { clientKit, FULL_KEY, keyWithout, requisitions, USERS } from './support.ts';

const LEVER_CANARY = 'CANARY-lever-7c1e9b2d4f6a8e0c';
const LEVER_WRONG = 'CANARY-lever-wrong-5d3b1f9e7a2c';
const CHARTHOP_CANARY = 'CANARY-charthop-3e5a7c9b1d2f4e6a';
const CHARTHOP_WRONG = 'CANARY-charthop-wrong-8b6d4f2a0c1e';
const LIMITED_CANARY = 'CANARY-lever-limited-2a4c6e8b0d1f';

function forms(secret: string): string[] {
  return [secret, Buffer.from(`${secret}:`).toString('base64'), Buffer.from(secret).toString('base64')];
}

let lever: FakeLever | undefined;
let charthop: FakeChartHop | undefined;
afterEach(async () => {
  await lever?.close();
  await charthop?.close();
});

describe('credentials never escape', () => {
  it('not in logs, errors, returned values or recorded events', async () => {
    const kit = clientKit();
    const outputs: unknown[] = [];
    const errors: unknown[] = [];
    const run = async (op: () => Promise<unknown>): Promise<void> => {
      try {
        outputs.push(await op());
      } catch (error) {
        errors.push(error);
      }
    };

    lever = await createFakeLever({
      seed: {
        keys: [
          { ...FULL_KEY, secret: LEVER_CANARY },
          { ...keyWithout('Delete requisitions'), secret: LIMITED_CANARY },
        ],
        users: USERS,
        requisitions: requisitions(120),
      },
      clock: () => kit.clock.now(),
      sleep: () => new Promise((resolve) => setTimeout(resolve, 150)),
    });
    charthop = await createFakeChartHop({
      seed: {
        ...minimalChartHopSeed(),
        tokens: [{ token: CHARTHOP_CANARY, userId: '5f00000000000000000000a9', name: 'Canary', access: 'OWNER', orgIds: [MINIMAL_ORG_ID] }],
      },
      clock: () => kit.clock.now(),
    });
    const controller = new AbortController();
    const leverFor = (apiKey: string, signal?: AbortSignal) =>
      createLeverClient({
        baseUrl: lever!.url,
        apiKey,
        limiter: kit.registry.get('lever', lever!.url, apiKey),
        logger: kit.logging.logger,
        clock: kit.clock,
        recorder: kit.recorder,
        timeoutMs: 80,
        retry: { maxAttempts: 3, random: () => 0.5 },
        ...(signal ? { signal } : {}),
      });
    const charthopFor = (token: string) =>
      createChartHopClient({
        baseUrl: charthop!.url,
        token,
        org: 'acme',
        limiter: kit.registry.get('charthop', charthop!.url, token),
        logger: kit.logging.logger,
        clock: kit.clock,
        recorder: kit.recorder,
        timeoutMs: 80,
        retry: { maxAttempts: 3, random: () => 0.5 },
      });
    const good = leverFor(LEVER_CANARY);
    const f = lever.control;

    await run(() => collect(good.requisitions.list()));
    await run(() => good.requisitions.create({ requisitionCode: 'C-1', name: 'Canary', headcountTotal: 1 }));
    await run(() => good.account.createWebhook({ event: 'candidateHired', url: 'https://hooks.example/x' }));
    await run(() => collect(leverFor(LEVER_WRONG).requisitions.list()));
    await run(() => leverFor(LIMITED_CANARY).requisitions.delete('req-00001'));
    await run(() => good.requisitions.get('no-such-id'));
    await run(() => good.requisitions.create({ requisitionCode: 'C-2', name: 'x', headcountTotal: -1 }));
    f.setFault({ path: '/v1/requisitions/:id', action: { kind: 'status', status: 503, retryAfter: 1 } });
    await run(() => good.requisitions.get('req-00002'));
    f.clearFaults();
    f.setFault({ method: 'GET', path: '/v1/requisitions', action: { kind: 'truncateBody' } });
    await run(() => collect(good.requisitions.list()));
    f.clearFaults();
    f.setFault({ method: 'GET', path: '/v1/users', action: { kind: 'malformedJson' } });
    await run(() => collect(good.account.users()));
    f.clearFaults();
    f.setFault({ method: 'GET', path: '/v1/postings', action: { kind: 'reset' } });
    await run(() => collect(good.postings.list()));
    f.clearFaults();
    f.setFault({ method: 'POST', path: '/v1/requisitions', nth: 1, action: { kind: 'commitThenReset' } });
    await run(() => good.requisitions.create({ requisitionCode: 'C-3', name: 'Canary 3', headcountTotal: 1 }));
    f.clearFaults();
    f.setFault({ method: 'GET', path: '/v1/stages', action: { kind: 'delay', ms: 150 } });
    await run(() => collect(good.opportunities.stages()));
    f.clearFaults();
    await run(() => good.probe({ method: 'DELETE', path: '/requisitions/00000000-0000-4000-8000-000000000000' }));
    controller.abort();
    await run(() => collect(leverFor(LEVER_CANARY, controller.signal).requisitions.list()));
    await run(() =>
      createLeverClient({
        baseUrl: 'http://127.0.0.1:1/v1',
        apiKey: LEVER_CANARY,
        limiter: kit.registry.get('lever', 'x', LEVER_CANARY),
        logger: kit.logging.logger,
        clock: kit.clock,
        retry: { maxAttempts: 2, random: () => 0 },
      }).requisitions.get('x'),
    );

    const ch = charthopFor(CHARTHOP_CANARY);
    await run(() => ch.orgs.me());
    await run(() => collect(ch.jobs.list()));
    await run(() => ch.people.create({ name: { last: 'Canary' }, contacts: [{ type: 'WORK_EMAIL', value: 'c@acme.example' }] }));
    await run(() => charthopFor(CHARTHOP_WRONG).orgs.me());
    await run(() =>
      createChartHopClient({
        baseUrl: charthop!.url,
        token: CHARTHOP_CANARY,
        org: 'globex',
        limiter: kit.registry.get('charthop', charthop!.url, CHARTHOP_CANARY),
        logger: kit.logging.logger,
        clock: kit.clock,
      }).orgs.org(),
    );
    charthop.control.setFault({ method: 'POST', path: '/v2/org/acme/job', action: { kind: 'commitThenReset' } });
    await run(() => ch.jobs.create({ title: 'x' }));

    expect(errors.length).toBeGreaterThanOrEqual(14);
    expect(outputs.length).toBeGreaterThanOrEqual(8);
    const haystack = [
      ...kit.logging.lines.map((l) => l.message),
      ...errors.flatMap((e) => [
        String(e),
        (e as Error).message,
        (e as Error).stack ?? '',
        JSON.stringify(e),
        inspect(e, { depth: 8, showHidden: true }),
      ]),
      ...outputs.map((o) => JSON.stringify(o)),
      JSON.stringify(kit.recorder.events()),
    ].join('\n');
    expect(kit.logging.lines.length).toBeGreaterThan(5);
    for (const secret of [LEVER_CANARY, LEVER_WRONG, LIMITED_CANARY, CHARTHOP_CANARY, CHARTHOP_WRONG]) {
      for (const form of forms(secret)) expect(haystack.includes(form), `${secret} leaked as ${form}`).toBe(false);
    }
    expect(haystack).not.toMatch(/CANARY/);
  });
});
