// What the webhook receiver writes to a real SQLite inbox and to the log: the exact row of a fresh
// hire, a stale hire, a stale ping; the ids-only body it keeps; refusals logged once a minute per
// reason with the count left out; a signature token pasted with spaces; an inbox that cannot be written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FRESHNESS } from '../../../src/main/core/hires/delivery.ts';
import { createInbox } from '../../../src/main/core/hires/inbox.ts';
import type { Inbox } from '../../../src/main/core/hires/inbox.ts';
import type { ListenerAnswer } from '../../../src/main/core/hires/listener.ts';
import { createReceiver } from '../../../src/main/core/hires/receiver.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { openStateDb } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { signed } from './http-support.ts';

const TOKEN = 'sig-token-0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const NOW = Date.UTC(2026, 10, 2, 9);
const NO_TOKEN =
  'Webhook delivery refused with 503: no Lever signature token is set for this profile yet. Paste it in Setup → New-hire data flow.';

let temp: ReturnType<typeof makeTempDir>;
let state: StateDb;
let inbox: Inbox;
let logs: LogRecord[];
let clock: number;

beforeEach(() => {
  temp = makeTempDir('reqbridge-receiver-records-');
  state = openStateDb(`${temp.path}/state.sqlite`);
  inbox = createInbox(state);
  logs = [];
  clock = NOW;
});
afterEach(() => {
  state.close();
  temp.cleanup();
});

/** A receiver over the real inbox with the test's clock and `signatureToken`. */
function receiver(signatureToken: () => Promise<string | null> = async () => TOKEN) {
  const logger = createLogger({ redactor: createRedactor([TOKEN]), sink: (r) => logs.push(r), level: 'debug' });
  return createReceiver({
    inbox: () => inbox,
    signatureToken,
    now: () => new Date(clock),
    freshness: DEFAULT_FRESHNESS,
    logger,
    onQueued: () => undefined,
    onRecorded: () => undefined,
  });
}

const bodyOf = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const statusOf = (answer: ListenerAnswer): number => answer.status;
const messages = (): string[] => logs.map((l) => l.message);
const storedBody = (id: number): unknown =>
  JSON.parse((state.db.prepare('SELECT body FROM inbox WHERE id = ?').get(id) as { body: string }).body) as unknown;

describe('refusals in the log', () => {
  it('logs one line per reason a minute, then says how many more like it were left out', async () => {
    const handle = receiver(async () => null);
    const delivery = bodyOf(signed(TOKEN, { triggeredAt: NOW }));
    expect(statusOf(await handle(delivery))).toBe(503);
    clock = NOW + 1_000;
    expect(statusOf(await handle(delivery))).toBe(503);
    clock = NOW + 59_999;
    expect(statusOf(await handle(delivery))).toBe(503);
    expect(messages()).toEqual([NO_TOKEN]);
    clock = NOW + 60_000;
    await handle(delivery);
    expect(messages()).toEqual([NO_TOKEN, `${NO_TOKEN} (2 more like it in the last minute)`]);
    clock = NOW + 120_000;
    await handle(delivery);
    expect(messages()).toEqual([NO_TOKEN, `${NO_TOKEN} (2 more like it in the last minute)`, NO_TOKEN]);
  });

  it('says why the signature token could not be read', async () => {
    const handle = receiver(async () => {
      throw new Error('The keychain is locked');
    });
    expect(statusOf(await handle(bodyOf(signed(TOKEN, { triggeredAt: NOW }))))).toBe(503);
    expect(messages()).toEqual([
      'Webhook delivery refused with 503: the Lever signature token could not be read (The keychain is locked).',
    ]);
    expect(inbox.listHires(10)).toEqual([]);
  });
});

describe('what a delivery writes', () => {
  it('accepts a delivery signed with the token that was pasted with spaces around it', async () => {
    const handle = receiver(async () => `  ${TOKEN}\n`);
    expect(statusOf(await handle(bodyOf(signed(TOKEN, { triggeredAt: NOW - 1_000 }))))).toBe(202);
  });

  it('records a fresh hire as queued and pending, with no reason, ids only, and no stale warning', async () => {
    const delivery = signed(TOKEN, {
      token: 'tok-fresh',
      triggeredAt: NOW - 1_000,
      data: { opportunityId: 'opp-7', candidateId: 'cand-7', contactId: 'contact-7', email: 'ada@example.org' },
    });
    expect(statusOf(await handle(bodyOf(delivery)))).toBe(202);
    const row = inbox.listHires(10)[0]!;
    expect(row).toMatchObject({
      source: 'webhook',
      kind: 'hire',
      status: 'queued',
      decision: 'pending',
      reason: null,
      opportunityId: 'opp-7',
      triggeredAt: NOW - 1_000,
      receivedAt: new Date(NOW).toISOString(),
    });
    expect(storedBody(row.id)).toEqual({
      event: 'candidateHired',
      token: 'tok-fresh',
      triggeredAt: NOW - 1_000,
      data: { opportunityId: 'opp-7', candidateId: 'cand-7', contactId: 'contact-7' },
    });
    expect(messages()).toEqual([]);
  });

  it('records a hire older than the window as stale and failed, with the reason and one warning', async () => {
    const old = NOW - DEFAULT_FRESHNESS.pastWindowMs - 60_000;
    expect(statusOf(await handle(bodyOf(signed(TOKEN, { triggeredAt: old }))))).toBe(200);
    const row = inbox.listHires(10)[0]!;
    expect(row).toMatchObject({ status: 'stale', decision: 'failed' });
    expect(row.reason).toBe(
      'Not processed: Lever triggered this delivery at 2026-10-30T08:59:00.000Z, older than the 72-hour window for signed deliveries, ' +
        'so it may be a replay. If the hire is real, Catch up finds it; or press Replay to process it now.',
    );
    expect(messages()).toEqual([`stale_signed: delivery ${row.id} was triggered at ${old}; recorded, not processed`]);
  });

  it('records an old ping and an old other event as what they are, without a decision or reason', async () => {
    const old = NOW - DEFAULT_FRESHNESS.pastWindowMs - 60_000;
    expect(statusOf(await handle(bodyOf(signed(TOKEN, { token: 'tok-ping', triggeredAt: old, data: null }))))).toBe(200);
    const other = signed(TOKEN, { token: 'tok-other', triggeredAt: old, event: 'candidateStageChange' });
    expect(statusOf(await handle(bodyOf(other)))).toBe(200);
    const ping = inbox.byDedupeKey(`lever:tok-ping:${old}`);
    const ignored = inbox.byDedupeKey(`lever:tok-other:${old}`);
    expect(ping).toMatchObject({ kind: 'ping', status: 'ping', decision: null, reason: null });
    expect(ignored).toMatchObject({ kind: 'ignored', status: 'ignored', decision: null, reason: null });
  });

  it('records a fresh ping without a decision or reason', async () => {
    expect(statusOf(await handle(bodyOf(signed(TOKEN, { token: 'tok-ping', triggeredAt: NOW, data: null }))))).toBe(200);
    expect(inbox.byDedupeKey(`lever:tok-ping:${NOW}`)).toMatchObject({ kind: 'ping', status: 'ping', decision: null, reason: null });
  });

  it('answers 500 and says so in the log when the inbox cannot be written', async () => {
    state.db.exec('DROP TABLE inbox');
    expect(statusOf(await handle(bodyOf(signed(TOKEN, { triggeredAt: NOW }))))).toBe(500);
    expect(logs.map((l) => [l.level, l.message])).toEqual([
      ['error', 'The webhook inbox could not be written; answered 500 so Lever retries Error: no such table: inbox'],
    ]);
  });
});

/** The default receiver (token as pasted, test clock). */
function handle(body: Buffer): Promise<ListenerAnswer> {
  return receiver()(body);
}
