// How one profile's new-hire flow is wired, seen from outside: Lever's "Verify connection" (a ping),
// and only it, marks the signature token verified and never shows up as a hire; a hire delivery updates
// the Setup step's "last delivery" at once and is handed to the acknowledgement hook with its row;
// the claim lease and the automatic retry budget given to the runtime are the ones the worker uses.
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { HireView, WebhookStatus } from '../../../src/shared/api/hires-views.ts';
import type { HiresRuntimeOptions } from '../../../src/main/core/hires/runtime.ts';
import { stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { valueOf } from '../../support/test-core.ts';
import { postJson, signed, tick } from './http-support.ts';
import type { HiresWorld } from './support.ts';
import { hiresOf, NOW, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(hires: HiresRuntimeOptions = {}): Promise<HiresWorld> {
  world = await startHiresWorld({ hires });
  return world;
}

/** Posts Lever's signed candidateHired for `opportunityId` to the profile's listener. */
async function deliver(w: HiresWorld, opportunityId: string): Promise<void> {
  const url = new URL(w.webhookUrl);
  const body = signed(w.signatureToken, { triggeredAt: NOW, data: { opportunityId, candidateId: opportunityId, contactId: 'c' } });
  expect((await postJson(Number(url.port), url.pathname, body)).status).toBe(202);
  await tick();
}

async function tokenVerifiedAt(w: HiresWorld): Promise<string | null | undefined> {
  const statuses = valueOf(await w.main.api.invoke('secrets:status', { profileId: PROFILE }));
  return statuses.find((s) => s.name === 'leverWebhookSignatureToken')?.verifiedAt;
}

/** Runs `sql` on the profile's state database, as another ReqBridge process sharing it would. */
function onStateDb(w: HiresWorld, sql: string, ...params: Array<string | number>): void {
  const db = new DatabaseSync(stateDbPath(w.dataDir, PROFILE));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

describe('Verify connection and hire deliveries', () => {
  it('a test delivery marks the token verified and is not announced as a hire', async () => {
    const w = await start();
    const announced: HireView[] = [];
    w.main.api.on('hire:received', (view) => announced.push(view));
    valueOf(await w.main.api.invoke('webhook:test-delivery', { profileId: PROFILE }));
    await tick();
    expect(await tokenVerifiedAt(w)).not.toBeNull();
    expect(announced).toEqual([]);
  });

  it('a hire delivery is announced and shown as the last delivery at once, but does not verify the token', async () => {
    const w = await start();
    const announced: HireView[] = [];
    const statuses: WebhookStatus[] = [];
    w.main.api.on('hire:received', (view) => announced.push(view));
    w.main.api.on('webhook:changed', (status) => statuses.push(status));
    const opportunityId = w.sandbox.facts.hires.toProcess[0]!;

    await deliver(w, opportunityId);
    await w.main.core.hires.drain(PROFILE);
    const [row] = await hiresOf(w.main.api, opportunityId);
    expect(announced.map((v) => [v.id, v.decision])).toEqual([
      [row!.id, 'pending'],
      [row!.id, 'created'],
    ]);
    expect(statuses.map((s) => s.lastDeliveryAt)).toEqual([row!.receivedAt]);
    expect(await tokenVerifiedAt(w)).toBeNull();
  });

  it('hands each acknowledged hire to the acknowledgement hook with its profile and row', async () => {
    const acknowledged: Array<[string, number]> = [];
    const w = await start({ afterAcknowledge: (profileId, rowId) => acknowledged.push([profileId, rowId]) });
    const opportunityId = w.sandbox.facts.hires.toProcess[0]!;
    await deliver(w, opportunityId);
    const [row] = await hiresOf(w.main.api, opportunityId);
    expect(acknowledged).toEqual([[PROFILE, Number(row!.id)]]);
  });
});

describe('the tunables given to the runtime', () => {
  it('a hire claimed by a process elsewhere is taken over once the claim lease has run out, not before', async () => {
    const w = await start({ leaseMs: 60_000 });
    const opportunityId = w.sandbox.facts.hires.toProcess[0]!;
    // The hire cannot be decided yet (no ChartHop token): its row is failed and can be handed around.
    valueOf(await w.main.api.invoke('secrets:clear', { profileId: PROFILE, name: 'charthopToken' }));
    await deliver(w, opportunityId);
    await w.main.core.hires.drain(PROFILE);
    const [row] = await hiresOf(w.main.api, opportunityId);
    expect(row?.decision).toBe('failed');
    valueOf(
      await w.main.api.invoke('secrets:set', { profileId: PROFILE, name: 'charthopToken', value: w.sandbox.credentials.charthopToken }),
    );
    const claimedAgo = (ms: number) =>
      onStateDb(
        w,
        "UPDATE inbox SET status = 'processing', claimed_by = 'other-host:4242:abcdefgh', claimed_at = ? WHERE id = ?",
        new Date(w.clock.now() - ms).toISOString(),
        Number(row!.id),
      );

    claimedAgo(50_000);
    await w.main.core.hires.drain(PROFILE);
    expect((await hiresOf(w.main.api, opportunityId)).map((h) => h.decision)).toEqual(['pending']);

    claimedAgo(70_000);
    await w.main.core.hires.drain(PROFILE);
    expect((await hiresOf(w.main.api, opportunityId)).map((h) => h.decision)).toEqual(['created']);
  });

  it('a hire that has used its automatic attempts is not put back by a catch-up: the catch-up records it afresh', async () => {
    const w = await start({ maxAttempts: 1 });
    const opportunityId = w.sandbox.facts.hires.toProcess[0]!;
    valueOf(await w.main.api.invoke('secrets:clear', { profileId: PROFILE, name: 'charthopToken' }));
    await deliver(w, opportunityId);
    await w.main.core.hires.drain(PROFILE);
    valueOf(
      await w.main.api.invoke('secrets:set', { profileId: PROFILE, name: 'charthopToken', value: w.sandbox.credentials.charthopToken }),
    );

    valueOf(await w.main.api.invoke('hires:catch-up', { profileId: PROFILE }));
    const rows = await hiresOf(w.main.api, opportunityId);
    expect(rows.map((h) => [h.source, h.decision])).toEqual([
      ['catch-up', 'created'],
      ['webhook', 'failed'],
    ]);
  });
});
