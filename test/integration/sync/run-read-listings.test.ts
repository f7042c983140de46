// Reading both sides for an inbound plan against the fakes: a people listing with some persons
// lacking the email field still plans (only an answer with no readable person stops, saying why),
// and a listing that fails stops the plan with a sentence naming the listing and the system.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/main/core/errors.ts';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { charthopSeed, inboundProfile, jobId, leverSeed } from './seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const JOBS = [{ id: jobId(1), title: 'Data Engineer', recruit: 'Passive' as const }];

async function inboundWorld(): Promise<SyncWorld> {
  world = await startWorld({ charthop: charthopSeed(JOBS), lever: leverSeed([]), profile: inboundProfile() });
  return world;
}

/** The fake ChartHop answers the people listing with exactly these rows. */
function answerPeople(w: SyncWorld, rows: Record<string, unknown>[]): void {
  w.charthop.control.setFault({
    method: 'GET',
    path: '/v2/org/:org/person',
    action: { kind: 'status', status: 200, body: { data: rows } },
  });
}

async function planError(w: SyncWorld): Promise<AppError | null> {
  return w.engine.plan(w.profileId, 'sync').then(
    () => null,
    (e: unknown) => e as AppError,
  );
}

describe('the people listing of an inbound plan', () => {
  it('plans when one person lacks the email field and another has one', async () => {
    const w = await inboundWorld();
    answerPeople(w, [
      { id: 'p-1', name: 'No Email' },
      { id: 'p-2', 'contact.workEmail': 'grace@acme.test' },
    ]);
    expect(await planError(w)).toBeNull();
  });

  it('plans when every person shows the email field empty', async () => {
    const w = await inboundWorld();
    answerPeople(w, [{ id: 'p-1', 'contact.workEmail': null }]);
    expect(await planError(w)).toBeNull();
  });

  it('plans when the listing has no person at all', async () => {
    const w = await inboundWorld();
    answerPeople(w, []);
    expect(await planError(w)).toBeNull();
  });

  it('stops, saying why, when no person of the answer shows an email field', async () => {
    const w = await inboundWorld();
    answerPeople(w, [{ id: 'p-1', name: 'No Email' }]);
    const error = await planError(w);
    expect([error?.code, error?.message]).toEqual([
      'sync.people_unreadable',
      'ChartHop answered the people listing in a shape ReqBridge cannot read (it holds no email field (no contact.workEmail / contact.homeEmail keys, no contact object, no contacts list)), so hiring managers and recruiters cannot be matched by email. Run Check connection: its identity check shows what ChartHop answers.',
    ]);
  });
});

describe('a listing that fails', () => {
  const fail = (w: SyncWorld, system: 'lever' | 'charthop', path: string): void =>
    void w[system].control.setFault({ method: 'GET', path, action: { kind: 'status', status: 400 } });

  it.each([
    ['charthop', '/v2/org/:org/person', 'people', 'ChartHop'],
    ['charthop', '/v2/org/:org/group/department', 'departments', 'ChartHop'],
    ['lever', '/v1/users', 'users', 'Lever'],
  ] as const)('stops the plan, naming the listing (%s %s)', async (system, path, what, name) => {
    const w = await inboundWorld();
    fail(w, system, path);
    const error = await planError(w);
    expect(error?.code).toBe('sync.listing_failed');
    expect(
      error?.message.startsWith(
        `Reading ${what} from ${name} failed, so nothing was planned or written (an incomplete listing could look like deleted records). `,
      ),
    ).toBe(true);
  });
});
