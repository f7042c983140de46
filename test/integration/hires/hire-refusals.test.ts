// What Replay, Find the job, Link now and Catch up refuse, and the exact sentence a consultant reads:
// an id that is not a hire of this profile (a test delivery's row, or a damaged row naming no
// opportunity, included), a hire no longer waiting for
// a job, a profile missing the keys the lookup needs, and a hire still being processed (replaying it
// then would decide one delivery twice), a replayed hire whose row vanished meanwhile, and a catch-up
// that fails on something other than Lever or ChartHop. A refused call writes nothing in ChartHop.
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatchUpFinished } from '../../../src/shared/api/hires-views.ts';
import { stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { valueOf } from '../../support/test-core.ts';
import { postJson, signed } from './http-support.ts';
import type { HiresWorld } from './support.ts';
import { charthopCounts, hiresOf, NOW, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

const notFound = (hireId: string) => ({
  ok: false,
  error: {
    code: 'hires.not_found',
    message: `There is no hire #${hireId} in this profile's log. Refresh the Hires page and try again.`,
  },
});

const NOT_WAITING = {
  ok: false,
  error: {
    code: 'hires.not_job_missing',
    message: 'This hire is not waiting for a ChartHop job (its decision changed). Refresh the Hires page.',
  },
};

const NO_KEYS_FOR_JOB = {
  ok: false,
  error: {
    code: 'hires.not_configured',
    message:
      'Finding the ChartHop job needs the Lever API key, the ChartHop API token and the ChartHop org. Set them in Setup, then try again.',
  },
};

const BUSY = {
  ok: false,
  error: { code: 'hires.busy', message: 'That hire is still being processed. Wait for its decision, then replay it if needed.' },
};

/** The code and sentence of a refused call (its timestamp left out). */
function refusal(answer: { ok: boolean; error?: { code: string; message: string } }): unknown {
  return answer.ok ? answer : { ok: false, error: { code: answer.error?.code, message: answer.error?.message } };
}

/** Posts Lever's signed candidateHired for `opportunityId` to the profile's listener. */
async function deliver(opportunityId: string): Promise<void> {
  const url = new URL(world.webhookUrl);
  const body = signed(world.signatureToken, { triggeredAt: NOW, data: { opportunityId, candidateId: opportunityId, contactId: 'c' } });
  expect((await postJson(Number(url.port), url.pathname, body)).status).toBe(202);
}

/** The hire decided "Job missing" (its requisition has no ChartHop job). */
async function jobMissingHire(): Promise<string> {
  const opportunityId = world.sandbox.facts.hires.withoutJob[0]!;
  await world.sandbox.control.lever.hireOpportunity(opportunityId, { startDate: Date.UTC(2026, 11, 14) });
  await world.main.core.hires.drain(PROFILE);
  const [row] = await hiresOf(world.main.api, opportunityId);
  expect(row?.decision).toBe('job_missing');
  return row!.id;
}

/** Waits until the hire's row shows `reason` (its queue state). */
async function untilReason(opportunityId: string, reason: string): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const [row] = await hiresOf(world.main.api, opportunityId);
    if (row?.reason === reason) return row.id;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`hire of ${opportunityId} never showed "${reason}"`);
}

describe('a hire that is not in this profile', () => {
  it('says there is no such hire, for an unknown number, a non-number and a test delivery', async () => {
    const replay = (hireId: string) => world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId });
    expect(refusal(await replay('999'))).toEqual(notFound('999'));
    expect(refusal(await replay('abc'))).toEqual(notFound('abc'));
    expect(refusal(await world.main.api.invoke('hires:job-match', { profileId: PROFILE, hireId: '999' }))).toEqual(notFound('999'));
    expect(refusal(await world.main.api.invoke('hires:link-job', { profileId: PROFILE, hireId: '999', jobId: 'j' }))).toEqual(
      notFound('999'),
    );

    // Send a test delivery records a ping row (id 1): it is not a hire to replay.
    valueOf(await world.main.api.invoke('webhook:test-delivery', { profileId: PROFILE }));
    expect(refusal(await replay('1'))).toEqual(notFound('1'));
  });

  it('says there is no such hire for a damaged row that names no opportunity, and writes nothing', async () => {
    const before = charthopCounts(world.sandbox);
    const db = new DatabaseSync(stateDbPath(world.dataDir, PROFILE));
    let hireId: string;
    try {
      const row = db
        .prepare(
          `INSERT INTO inbox (dedupe_key, source, kind, received_at, body, status, opportunity_id, decision)
           VALUES ('lever:damaged:1', 'webhook', 'hire', ?, '{}', 'done', NULL, 'job_missing') RETURNING id`,
        )
        .get(new Date(NOW).toISOString()) as { id: number };
      hireId = String(row.id);
    } finally {
      db.close();
    }
    expect(refusal(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId }))).toEqual(notFound(hireId));
    expect(refusal(await world.main.api.invoke('hires:job-match', { profileId: PROFILE, hireId }))).toEqual(notFound(hireId));
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });
});

describe('Find the job and Link now', () => {
  it('refuse a hire that is no longer waiting for a job, and link nothing', async () => {
    const opportunityId = world.sandbox.facts.hires.toProcess[0]!;
    await deliver(opportunityId);
    await world.main.core.hires.drain(PROFILE);
    const [created] = await hiresOf(world.main.api, opportunityId);
    expect(created?.decision).toBe('created');
    const before = charthopCounts(world.sandbox);

    expect(refusal(await world.main.api.invoke('hires:job-match', { profileId: PROFILE, hireId: created!.id }))).toEqual(NOT_WAITING);
    expect(refusal(await world.main.api.invoke('hires:link-job', { profileId: PROFILE, hireId: created!.id, jobId: 'j' }))).toEqual(
      NOT_WAITING,
    );
    expect(charthopCounts(world.sandbox)).toEqual(before);
  });

  it('say which keys are missing when the ChartHop token or the Lever key is not set', async () => {
    const hireId = await jobMissingHire();
    valueOf(await world.main.api.invoke('secrets:clear', { profileId: PROFILE, name: 'charthopToken' }));
    expect(refusal(await world.main.api.invoke('hires:job-match', { profileId: PROFILE, hireId }))).toEqual(NO_KEYS_FOR_JOB);

    valueOf(
      await world.main.api.invoke('secrets:set', {
        profileId: PROFILE,
        name: 'charthopToken',
        value: world.sandbox.credentials.charthopToken,
      }),
    );
    valueOf(await world.main.api.invoke('secrets:clear', { profileId: PROFILE, name: 'leverApiKey' }));
    expect(refusal(await world.main.api.invoke('hires:link-job', { profileId: PROFILE, hireId, jobId: 'j' }))).toEqual(NO_KEYS_FOR_JOB);
  });
});

describe('Replay of a hire still in the queue', () => {
  it('is refused while the hire is being processed or waiting its turn, and the hires are decided once', async () => {
    const first = world.sandbox.facts.hires.toProcess[0]!;
    const second = world.sandbox.facts.hires.withoutJob[0]!;
    // Lever answers the first hire's re-read slowly: it stays "Being processed", the second waits behind it.
    world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities/:id', times: 1, action: { kind: 'delay', ms: 1500 } });
    await deliver(first);
    const processing = await untilReason(first, 'Being processed.');
    await deliver(second);
    const waiting = await untilReason(second, 'Waiting to be processed.');

    expect(refusal(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: processing }))).toEqual(BUSY);
    expect(refusal(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: waiting }))).toEqual(BUSY);

    await world.main.core.hires.drain(PROFILE);
    const decided = async (id: string) => (await hiresOf(world.main.api, id)).map((r) => [r.source, r.decision]);
    expect(await decided(first)).toEqual([['webhook', 'created']]);
    expect(await decided(second)).toEqual([['webhook', 'job_missing']]);
  });
});

describe('Replay of a hire that vanishes meanwhile', () => {
  it('says the hire disappeared from the log, rather than showing it as decided', async () => {
    const hireId = await jobMissingHire();
    // Lever answers the replay's re-read slowly; meanwhile the row is removed from the profile's log.
    world.sandbox.control.lever.setFault({ method: 'GET', path: '/v1/opportunities/:id', times: 1, action: { kind: 'delay', ms: 800 } });
    const replayed = world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId });
    await untilReason(world.sandbox.facts.hires.withoutJob[0]!, 'Being processed.');
    const db = new DatabaseSync(stateDbPath(world.dataDir, PROFILE));
    try {
      db.prepare('DELETE FROM inbox WHERE id = ?').run(Number(hireId));
    } finally {
      db.close();
    }
    expect(refusal(await replayed)).toEqual({
      ok: false,
      error: { code: 'hires.not_found', message: 'The replayed hire disappeared from the log (was the profile deleted?).' },
    });
  });
});

describe('Catch up that fails on something other than Lever or ChartHop', () => {
  it('says so and points to the log, in the finished event', async () => {
    const finished: CatchUpFinished[] = [];
    world.main.api.on('catch-up:finished', (f) => finished.push(f));
    // The profile's state database lost the table the catch-up checkpoint lives in.
    const db = new DatabaseSync(stateDbPath(world.dataDir, PROFILE));
    try {
      db.exec('DROP TABLE cursors');
    } finally {
      db.close();
    }
    const answer = await world.main.api.invoke('hires:catch-up', { profileId: PROFILE });
    expect(refusal(answer)).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong inside ReqBridge. The details are in the log; try again, and report it if it persists.',
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toEqual([{ profileId: PROFILE, result: null, error: 'The catch-up failed (the details are in the log).' }]);
  });
});

describe('Catch up without a Lever key', () => {
  it('says the key is needed, and the finished event carries the same sentence', async () => {
    const finished: CatchUpFinished[] = [];
    world.main.api.on('catch-up:finished', (f) => finished.push(f));
    valueOf(await world.main.api.invoke('secrets:clear', { profileId: PROFILE, name: 'leverApiKey' }));
    const message = 'Catch-up needs the Lever API key of this profile. Set it in Setup, then try again.';

    expect(refusal(await world.main.api.invoke('hires:catch-up', { profileId: PROFILE }))).toEqual({
      ok: false,
      error: { code: 'hires.not_configured', message },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toEqual([{ profileId: PROFILE, result: null, error: message }]);
  });
});
