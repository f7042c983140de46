// Catch-up over rows that already exist for its finds, through the real service against the fake
// Lever and ChartHop: a delivery still queued is processed as that find (no second row), a row another
// process is working on is left to it and not counted, failed attempts are retried on their own row,
// a catch-up row that used up its attempts is put back, failed rows of other hires are retried after
// the finds, a find that fails again is left for a later retry (not attempted twice), and a hire decided before or during the catch-up is never processed again.
import { afterEach, describe, expect, it } from 'vitest';
import type { CatchUpProgress, HireDecision } from '../../../src/shared/api/hires-views.ts';
import type { OtherProcess } from './catch-up-world.ts';
import { catchUp, failAttempts, hiredSince, OTHER_OWNER, openOtherProcess, queuedRow, shape } from './catch-up-world.ts';
import type { HiresWorld } from './support.ts';
import { NOW, PROFILE, startHiresWorld } from './support.ts';
import { valueOf } from '../../support/test-core.ts';

const DAY = 86_400_000;
let world: HiresWorld | undefined;
let other: OtherProcess | undefined;
afterEach(async () => {
  other?.close();
  other = undefined;
  await world?.close();
  world = undefined;
});

/** The decisions of the newest row of each opportunity, counted. */
function countDecisions(o: OtherProcess, opportunityIds: string[]): Partial<Record<HireDecision, number>> {
  const counts: Partial<Record<HireDecision, number>> = {};
  for (const id of opportunityIds) {
    const decision = o.inbox.forOpportunity(id)[0]?.decision;
    if (decision) counts[decision] = (counts[decision] ?? 0) + 1;
  }
  return counts;
}

describe('catch-up over existing rows', () => {
  it('processes queued and failed rows of its finds on their own rows, leaves a row in progress elsewhere, and retries other failed hires after', async () => {
    world = await startHiresWorld({ hires: { maxAttempts: 2 } });
    other = openOtherProcess(world);
    const at = new Date(world.clock.now());
    const finds = hiredSince(world, NOW - 30 * DAY);
    const { toProcess, withoutEmail, alreadyInCharthop, withoutJob } = world.sandbox.facts.hires;
    const [queued, failed, inProgress, exhausted] = [withoutEmail[0], toProcess[0], alreadyInCharthop[0], withoutJob[0]];
    if (!queued || !failed || !inProgress || !exhausted) throw new Error('the demo lacks a hire of each kind');
    const notHired = world.sandbox.control.lever.state().opportunities.find((o) => o.archived === null)?.id ?? '';
    const archivedAt = finds.find((f) => f.id === exhausted)?.archivedAt;

    // A delivery received but not processed yet; one another window is processing; one that failed once (of 2 attempts).
    queuedRow(other.inbox, queued, 'webhook', 'lever:tok-queued:1', at);
    const held = queuedRow(other.inbox, inProgress, 'webhook', 'lever:tok-held:1', at);
    expect(other.inbox.claim(held, OTHER_OWNER, at, 120_000, () => true)).toBe(true);
    failAttempts(other.inbox, queuedRow(other.inbox, failed, 'webhook', 'lever:tok-failed:1', at), 1, at);
    // An earlier catch-up's row that used up its attempts, and a failed delivery of a candidate Lever does not list as hired.
    failAttempts(other.inbox, queuedRow(other.inbox, exhausted, 'catch-up', `catch-up:${exhausted}:${archivedAt}`, at), 2, at);
    failAttempts(other.inbox, queuedRow(other.inbox, notHired, 'webhook', 'lever:tok-not-hired:1', at), 1, at);

    const result = await catchUp(world);

    const rowsOf = (id: string) => other!.inbox.forOpportunity(id).map(shape);
    expect(rowsOf(queued)).toEqual([{ source: 'webhook', status: 'done', decision: 'no_email' }]);
    expect(rowsOf(failed)).toEqual([{ source: 'webhook', status: 'done', decision: 'created' }]);
    // One attempt before, one by this catch-up: a find's row is not put back again once the finds are done.
    expect(other.inbox.forOpportunity(failed)[0]?.attempts).toBe(2);
    expect(rowsOf(exhausted)).toEqual([{ source: 'catch-up', status: 'done', decision: 'job_missing' }]);
    expect(rowsOf(inProgress)).toEqual([{ source: 'webhook', status: 'processing', decision: 'pending' }]);
    // Retried after the finds (not counted in the catch-up's decisions): Lever says the candidate is not hired.
    expect(rowsOf(notHired)).toEqual([{ source: 'webhook', status: 'done', decision: 'not_hired' }]);
    const rest = finds.map((f) => f.id).filter((id) => ![queued, failed, inProgress, exhausted].includes(id));
    for (const { id, archivedAt: when } of finds.filter((f) => rest.includes(f.id))) {
      expect(
        rowsOf(id).map((r) => [r.source, r.status]),
        id,
      ).toEqual([['catch-up', 'done']]);
      // Each catch-up row records the find it was made for: the opportunity and when Lever archived it as hired.
      const row = other.inbox.forOpportunity(id)[0]!;
      expect(row.dedupeKey).toBe(`catch-up:${id}:${when}`);
      expect(other.storedBody(row.id)).toEqual({ opportunityId: id, archivedAt: when });
    }

    const decided = finds.map((f) => f.id).filter((id) => id !== inProgress);
    expect(result).toEqual({
      found: finds.length,
      processed: finds.length - 1,
      decisions: countDecisions(other, decided),
      cancelled: false,
    });
  });

  it('a find whose retry fails again is attempted once by the catch-up, and left failed for a later retry', async () => {
    world = await startHiresWorld({ hires: { maxAttempts: 3 } });
    other = openOtherProcess(world);
    const at = new Date(world.clock.now());
    const find = world.sandbox.facts.hires.toProcess[0];
    if (!find) throw new Error('the demo lacks a hire to process');
    const id = queuedRow(other.inbox, find, 'webhook', 'lever:tok-failed:1', at);
    failAttempts(other.inbox, id, 1, at);
    // ChartHop cannot be reached for the whole catch-up: the retry of the find fails again.
    valueOf(await world.main.api.invoke('secrets:clear', { profileId: PROFILE, name: 'charthopToken' }));

    await catchUp(world);

    expect(other.inbox.forOpportunity(find).map((r) => ({ ...shape(r), attempts: r.attempts, reason: r.reason }))).toEqual([
      {
        source: 'webhook',
        status: 'failed',
        decision: 'failed',
        attempts: 2,
        reason:
          'This profile has no ChartHop API token and org, so the hire cannot be checked in Lever and ChartHop. Set it in Setup, then press Replay.',
      },
    ]);
  });

  it('never processes again a hire decided before the catch-up or while it runs, yet counts each in the progress', async () => {
    world = await startHiresWorld();
    const w = world;
    other = openOtherProcess(w);
    const o = other;
    const finds = hiredSince(w, NOW - 30 * DAY);
    const [byWebhook, elsewhere] = [w.sandbox.facts.hires.toProcess[0], w.sandbox.facts.hires.withoutJob[0]];
    if (!byWebhook || !elsewhere) throw new Error('the demo lacks a hire to process or one without a job');
    const report = await w.sandbox.control.lever.sender.sendCandidateHired(w.webhookUrl, w.signatureToken, {
      opportunityId: byWebhook,
      contactId: `${byWebhook}-contact`,
    });
    expect(report.attempts[0]?.status).toBe(202);
    await w.main.core.hires.drain(PROFILE);

    // Another window decides one of the finds just as this catch-up starts processing.
    const processing: CatchUpProgress[] = [];
    w.main.api.on('catch-up:progress', (p) => {
      if (p.phase !== 'processing') return;
      if (processing.length === 0) {
        const now = new Date(w.clock.now()).toISOString();
        o.ledger.put(
          {
            opportunityId: elsewhere,
            jobId: null,
            personId: 'person-elsewhere',
            decision: 'created',
            reason: null,
            decidedAt: now,
            inboxId: null,
            step: null,
            startDate: null,
          },
          new Date(now),
        );
      }
      processing.push(p);
    });
    const result = await catchUp(w);

    expect(o.inbox.forOpportunity(byWebhook).map(shape)).toEqual([{ source: 'webhook', status: 'done', decision: 'created' }]);
    expect(o.inbox.forOpportunity(elsewhere)).toEqual([]);
    const todo = finds.length - 1;
    expect(processing.map((p) => [p.done, p.total])).toEqual(Array.from({ length: todo + 1 }, (_, n) => [n, todo]));
    expect(result).toMatchObject({ found: finds.length, processed: todo - 1, cancelled: false });
    expect(Object.values(result.decisions).reduce((a, b) => a + (b ?? 0), 0)).toBe(todo - 1);
  });
});
