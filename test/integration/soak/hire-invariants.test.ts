// The soak's new-hire invariants and its ChartHop update check flag what they are there to flag:
// a hired candidate with no decision, two people with one email, a delivery left undecided, a
// badly signed delivery that was stored, a person for a candidate who is not hired, and a ChartHop
// job update that neither the journal nor the hires ledger planned (the schedule's own edits aside).
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { CHARTHOP_TOKEN, ORG } from '../../integration/sync/seeds.ts';
import type { SoakDelivery } from '../../soak/deliveries.ts';
import { checkHireInvariants } from '../../soak/hire-invariants.ts';
import { checkInvariants } from '../../soak/invariants.ts';
import { startSoakWorld } from '../../soak/world.ts';
import type { SoakWorld } from '../../soak/world.ts';

let world: SoakWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function charthop(
  w: SoakWorld,
  method: string,
  path: string,
  body: unknown,
  token = CHARTHOP_TOKEN,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${w.charthop.url}/v2/org/${ORG}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json().catch(() => ({}))) as Record<string, unknown>;
}

function insertInbox(
  w: SoakWorld,
  key: string,
  opportunityId: string,
  status: string,
  decision: string | null,
  reason: string | null,
): void {
  const db = openStateDb(stateDbPath(w.dataDir, w.profileId));
  try {
    db.db
      .prepare(
        `INSERT INTO inbox (dedupe_key, source, kind, received_at, body, status, opportunity_id, decision, reason)
      VALUES (?, 'webhook', 'hire', ?, '{}', ?, ?, ?, ?)`,
      )
      .run(key, new Date().toISOString(), status, opportunityId, decision, reason);
  } finally {
    db.close();
  }
}

const found = (w: SoakWorld, deliveries: SoakDelivery[] = []): string[] => {
  const out: string[] = [];
  checkHireInvariants(w, deliveries, (invariant, detail) => out.push(`${invariant}: ${detail}`));
  return out;
};

describe('soak new-hire invariants', () => {
  it('report a lost hire, two people for one hire, an undecided delivery, a stored bad signature and a person for no hire', async () => {
    world = await startSoakWorld(44, 'inbound', 3);
    const [hired, other] = world.candidates;
    if (!hired || !other) throw new Error('the world has too few candidates');
    expect(found(world)).toEqual([]);

    await world.lever.control.hireOpportunity(hired.opportunityId, { startDate: Date.UTC(2027, 0, 4) });
    expect(found(world)).toEqual([
      expect.stringMatching(`^no hire lost: hired candidate ${hired.opportunityId} has no settled decision \\(no row\\)`),
    ]);

    insertInbox(world, 'lever:t1:1', hired.opportunityId, 'done', 'created', 'Created.');
    insertInbox(world, 'lever:t2:2', hired.opportunityId, 'queued', 'pending', null);
    const person = { name: { last: 'Twice' }, contacts: [{ type: 'HOME_EMAIL', value: hired.email }] };
    await charthop(world, 'POST', '/person', person);
    await charthop(world, 'POST', '/person', person);
    await charthop(world, 'POST', '/person', { name: { last: 'Nobody' }, contacts: [{ type: 'HOME_EMAIL', value: other.email }] });
    const bad: SoakDelivery = {
      kind: 'bad_signature',
      opportunityId: other.opportunityId,
      dedupeKey: 'lever:t2:2',
      statuses: [202],
      body: {} as SoakDelivery['body'],
    };
    const problems = found(world, [bad]);
    expect(problems).toContain(`no duplicates: 2 ChartHop people hold the email of hired candidate ${hired.opportunityId}`);
    expect(problems).toContain(
      `nothing unplanned written: candidate ${other.opportunityId} is not hired in Lever, yet ChartHop has a person with their email`,
    );
    expect(problems).toContain(
      `deliveries decided: inbox row lever:t2:2 (opportunity ${hired.opportunityId}) is queued with decision pending`,
    );
    expect(problems).toContain(
      `bad signatures refused: a delivery signed with the wrong token (${other.opportunityId}) is stored in the inbox`,
    );
    expect(problems).toContain('bad signatures refused: a delivery signed with the wrong token was answered 202');
    expect(problems.some((p) => p.startsWith('no hire lost'))).toBe(false);
  });

  it('report a ChartHop job update that nothing planned, and not the edits the schedule made itself', async () => {
    world = await startSoakWorld(45, 'outbound', 2);
    const unplanned = (w: SoakWorld): string[] =>
      checkInvariants(45, w, [], [], 'cmd')
        .filter((v) => v.invariant === 'nothing unplanned written')
        .map((v) => v.detail);
    expect(await world.editTitle(0, 'Engineer 1 renamed')).toBe(true);
    expect(unplanned(world)).toEqual([]);
    const jobId = String(world.charthop.control.jobs(ORG).find((j) => j['title'] === 'Engineer 1 renamed')?.['id']);
    await charthop(world, 'PATCH', `/job/${jobId}`, { title: 'Written by ReqBridge, planned by nobody' });
    expect(unplanned(world)).toEqual([`ChartHop job ${jobId} took 1 updates from ReqBridge, the journal and the hires ledger planned 0`]);
  });
});
