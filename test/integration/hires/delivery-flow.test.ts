// Deliveries end to end through the runtime, exactly once whatever the duplicates, concurrency,
// restarts and faults (reliability.md A1, A3, A4, C6 and the unknown-outcome rows applied to the
// ChartHop writes of a hire).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { valueOf } from '../../support/test-core.ts';
import { postJson, signed } from './http-support.ts';
import type { HiresWorld } from './support.ts';
import { charthopCounts, editOpportunity, hiresOf, NOW, PROFILE, startHiresWorld } from './support.ts';

let world: HiresWorld;
beforeEach(async () => {
  world = await startHiresWorld();
});
afterEach(async () => {
  await world.close();
});

const EMAIL = 'flow.candidate@example.net';
const people = () => world.sandbox.control.charthop.state().persons.filter((p) => p.contacts.some((c) => c.value === EMAIL));
const hiresOfPerson = (personId: string) =>
  world.sandbox.control.charthop.state().changes.filter((c) => c.type === 'HIRE' && c.status === 'ACTIVE' && c.personId === personId);

function prepare(): string {
  const id = world.sandbox.facts.hires.toProcess[0]!;
  editOpportunity(world.sandbox, id, (o) => {
    o.emails = [EMAIL];
  });
  return id;
}

function urlParts(): { port: number; path: string } {
  const url = new URL(world.webhookUrl);
  return { port: Number(url.port), path: url.pathname };
}

describe('exactly once', () => {
  it('A1: a signed candidateHired gets 202 with an inbox row, and the worker re-fetches and creates one person', async () => {
    const id = prepare();
    const { port, path } = urlParts();
    const answer = await postJson(
      port,
      path,
      signed(world.signatureToken, { triggeredAt: NOW, data: { opportunityId: id, candidateId: id, contactId: 'c' } }),
    );
    expect(answer.status).toBe(202);
    expect((await hiresOf(world.main.api, id))[0]?.decision).toMatch(/pending|created/);
    await world.main.core.hires.drain(PROFILE);
    expect((await hiresOf(world.main.api, id))[0]).toMatchObject({ decision: 'created', candidateName: expect.any(String) });
    expect(people()).toHaveLength(1);
    const lever = world.sandbox.control.lever.requestLog().map((e) => `${e.method} ${e.path}`);
    expect(lever.some((e) => e.startsWith(`GET /v1/opportunities/${id}`))).toBe(true);
  });

  it('A3: the same delivery ×100 concurrently → one inbox row, one person, every answer 2xx', async () => {
    const id = prepare();
    const { port, path } = urlParts();
    const body = signed(world.signatureToken, { triggeredAt: NOW, data: { opportunityId: id, candidateId: id, contactId: 'c' } });
    const answers = await Promise.all(Array.from({ length: 100 }, () => postJson(port, path, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(99).fill(200), 202]);
    await world.main.core.hires.drain(PROFILE);
    expect(await hiresOf(world.main.api, id)).toHaveLength(1);
    expect(people()).toHaveLength(1);
    expect(hiresOfPerson(people()[0]!.id)).toHaveLength(1);
  });

  it('10 different deliveries of the same hire at once (re-signed retries) and a concurrent catch-up → one person, one hire', async () => {
    const id = prepare();
    const { port, path } = urlParts();
    const bodies = Array.from({ length: 10 }, (_, i) =>
      signed(world.signatureToken, { triggeredAt: NOW - i, data: { opportunityId: id, candidateId: id, contactId: 'c' } }),
    );
    const [answers, caught] = await Promise.all([
      Promise.all(bodies.map((b) => postJson(port, path, b))),
      world.main.api.invoke('hires:catch-up', { profileId: PROFILE }),
    ]);
    expect(answers.every((a) => a.status === 202)).toBe(true);
    expect(valueOf(caught).found).toBeGreaterThan(0);
    await world.main.core.hires.drain(PROFILE);
    const views = await hiresOf(world.main.api, id);
    expect(views.filter((v) => v.decision === 'created')).toHaveLength(1);
    expect(views.every((v) => v.decision === 'created' || v.decision === 'not_first_hire')).toBe(true);
    expect(people()).toHaveLength(1);
    expect(hiresOfPerson(people()[0]!.id)).toHaveLength(1);
  });

  it('A4: a replayed delivery after an app restart is a duplicate (dedupe is on disk); still one person', async () => {
    const id = prepare();
    const { port, path } = urlParts();
    const body = signed(world.signatureToken, { triggeredAt: NOW, data: { opportunityId: id, candidateId: id, contactId: 'c' } });
    expect((await postJson(port, path, body)).status).toBe(202);
    await world.main.core.hires.drain(PROFILE);
    await world.main.close();
    const restarted = await world.startCore();
    const status = await restarted.core.hires.serve(PROFILE);
    expect(status.secret).toBe(new URL(world.webhookUrl).pathname.split('/').at(-1));
    const url = new URL(status.localUrl!);
    expect((await postJson(Number(url.port), url.pathname, body)).status).toBe(200);
    await restarted.core.hires.drain(PROFILE);
    expect(people()).toHaveLength(1);
    expect(valueOf(await restarted.api.invoke('hires:list', { profileId: PROFILE, limit: 10 }))).toHaveLength(1);
  });
});

describe('faults during the ChartHop writes', () => {
  it('a person create whose answer is lost (committed, then reset) is recovered by email, not repeated', async () => {
    const id = prepare();
    world.sandbox.control.charthop.setFault({ method: 'POST', path: '/v2/org/:org/person', nth: 1, action: { kind: 'commitThenReset' } });
    const before = charthopCounts(world.sandbox);
    await world.sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2026, 11, 7) });
    await world.main.core.hires.drain(PROFILE);
    expect((await hiresOf(world.main.api, id))[0]?.decision).toBe('created');
    expect(people()).toHaveLength(1);
    expect(charthopCounts(world.sandbox)).toMatchObject({ persons: before.persons + 1, hires: before.hires + 1 });
  });

  it('a hire change refused after the person was created: failed, then Replay resumes with the same person', async () => {
    const id = prepare();
    world.sandbox.control.charthop.setFault({
      method: 'POST',
      path: '/v1/org/:org/change/sync/hire',
      nth: 1,
      action: { kind: 'status', status: 422, body: { code: 422, message: 'scripted refusal' } },
    });
    await world.sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2026, 11, 7) });
    await world.main.core.hires.drain(PROFILE);
    const failed = (await hiresOf(world.main.api, id))[0]!;
    expect(failed.decision).toBe('failed');
    expect(failed.reason).toMatch(/Processing failed/);
    expect(people()).toHaveLength(1);
    const personId = people()[0]!.id;
    expect(hiresOfPerson(personId)).toHaveLength(0);

    const replayed = valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: failed.id }));
    expect(replayed).toMatchObject({ decision: 'created', personId, source: 'replay' });
    expect(people()).toHaveLength(1);
    expect(hiresOfPerson(personId)).toHaveLength(1);
  });

  it('a hire change committed but answered with a reset is not duplicated (change/sync is create-if-absent)', async () => {
    const id = prepare();
    world.sandbox.control.charthop.setFault({
      method: 'POST',
      path: '/v1/org/:org/change/sync/hire',
      nth: 1,
      action: { kind: 'commitThenReset' },
    });
    await world.sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2026, 11, 7) });
    await world.main.core.hires.drain(PROFILE);
    expect((await hiresOf(world.main.api, id))[0]?.decision).toBe('created');
    expect(hiresOfPerson(people()[0]!.id)).toHaveLength(1);
  });

  it('a person created by a run that died before recording it is recognised by its Lever mark and reused', async () => {
    const id = prepare();
    // What a crash right after the person create leaves behind: the person in ChartHop, nothing in the ledger.
    const made = await fetch(`${world.sandbox.charthop.url}/v2/org/${world.sandbox.charthop.org}/person`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.sandbox.credentials.charthopToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: { first: 'Flow', last: 'Candidate' },
        contacts: [
          { type: 'HOME_EMAIL', value: EMAIL },
          { type: 'LEVER', value: id },
        ],
      }),
    });
    const { id: personId } = (await made.json()) as { id: string };
    await world.sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2026, 11, 7) });
    await world.main.core.hires.drain(PROFILE);
    expect((await hiresOf(world.main.api, id))[0]).toMatchObject({ decision: 'created', personId });
    expect(people()).toHaveLength(1);
    expect(hiresOfPerson(personId)).toHaveLength(1);
  });

  it('replaying a job_missing hire after the job was linked creates it', async () => {
    const id = world.sandbox.facts.hires.withoutJob[0]!;
    await world.sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2026, 11, 14) });
    await world.main.core.hires.drain(PROFILE);
    const missing = (await hiresOf(world.main.api, id))[0]!;
    expect(missing.decision).toBe('job_missing');
    // The sync engine links the requisition to an open ChartHop job (here: written into `links` directly).
    const requisitionId = world.sandbox.control.lever.state().opportunities.find((o) => o.id === id)!.application!.requisitionForHire!.id;
    const job = world.sandbox.control.charthop
      .jobs(world.sandbox.charthop.org)
      .find((j) => j.open === 'open' && !j.personId && j.recruit === 'Active')!;
    const { stateDbs } = world.main.core.service.deps;
    stateDbs
      .forProfile(PROFILE)
      .db.prepare('INSERT INTO links (charthop_job_id, lever_requisition_id, requisition_code, updated_at) VALUES (?, ?, ?, ?)')
      .run(String(job.id), requisitionId, null, new Date(NOW).toISOString());
    const replayed = valueOf(await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: missing.id }));
    expect(replayed).toMatchObject({ decision: 'created', jobId: job.id, source: 'replay' });
    const unknown = await world.main.api.invoke('hires:replay', { profileId: PROFILE, hireId: '99999' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'hires.not_found' } });
  });
});
