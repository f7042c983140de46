// Settling what an interrupted run left in the journal, against the fakes over real HTTP and a real state DB:
// a create that reached the other system is found (by the id its answer carried, else by its natural key),
// linked on both sides and confirmed, never sent twice; one that did not is failed and planned again, as are
// writes never sent and writes safe to repeat; a failure that proves nothing stops settling instead of guessing.
import { afterEach, describe, expect, it } from 'vitest';
import { createChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { createLeverClient } from '../../../src/main/core/lever/client.ts';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { createJournal } from '../../../src/main/core/sync/journal.ts';
import type { Journal } from '../../../src/main/core/sync/journal.ts';
import { createLinksStore } from '../../../src/main/core/sync/links-store.ts';
import type { LinksStore } from '../../../src/main/core/sync/links-store.ts';
import type { RowOp } from '../../../src/main/core/sync/plan-types.ts';
import { settleJournal } from '../../../src/main/core/sync/settle.ts';
import { createFakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverRequisition, SeedOf } from '../../../src/main/sandbox/lever/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import type { JobSpec } from './seeds.ts';
import { CHARTHOP_TOKEN, LEVER_KEY, ORG, STAFF, charthopSeed, jobId, leverSeed } from './seeds.ts';

const AT = new Date(Date.UTC(2026, 0, 5, 9));
const silent = { debug() {}, info() {}, warn() {}, error() {} };

interface Scene {
  lever: FakeLever;
  charthop: FakeChartHop;
  state: StateDb;
  journal: Journal;
  links: LinksStore;
  /** What settling logged at info level. */
  logged: string[];
  settle(): ReturnType<typeof settleJournal>;
  /** Each intent's state and stored result, oldest first. */
  intents(): { state: string; result: unknown }[];
  job(id: string): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

let scene: Scene | undefined;
afterEach(async () => {
  await scene?.close();
  scene = undefined;
});

async function setUp(
  options: {
    jobs?: JobSpec[];
    requisitions?: SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'>[];
    confidentialAccess?: boolean;
  } = {},
): Promise<Scene> {
  const lever = await createFakeLever({
    seed: leverSeed(options.requisitions ?? [], { confidentialAccess: options.confidentialAccess ?? true }),
    rateLimit: false,
  });
  const charthop = await createFakeChartHop({ seed: charthopSeed(options.jobs ?? []), rateLimit: false });
  const temp = makeTempDir();
  const state = openStateDb(stateDbPath(temp.path, 'settle'));
  const journal = createJournal(state);
  const links = createLinksStore(state);
  const registry = createLimiterRegistry();
  const clients = {
    lever: createLeverClient({ baseUrl: lever.url, apiKey: LEVER_KEY, limiter: registry.get('lever', lever.url, 'k'), logger: silent }),
    charthop: createChartHopClient({
      baseUrl: charthop.url,
      token: CHARTHOP_TOKEN,
      org: ORG,
      limiter: registry.get('charthop', charthop.url, 't'),
      logger: silent,
    }),
  };
  const logged: string[] = [];
  const logger = { ...silent, info: (message: string) => void logged.push(message) };
  return {
    lever,
    charthop,
    state,
    journal,
    links,
    logged,
    settle: () => settleJournal({ state, journal, links, ...clients, now: () => AT, logger }),
    intents: () =>
      (state.db.prepare('SELECT state, result FROM intents ORDER BY id').all() as { state: string; result: string | null }[]).map((r) => ({
        state: r.state,
        result: r.result === null ? null : (JSON.parse(r.result) as unknown),
      })),
    job: (id) => charthop.control.jobs(ORG).find((j) => j['id'] === id),
    async close() {
      state.close();
      await Promise.all([lever.close(), charthop.close()]);
      temp.cleanup();
    },
  };
}

const requisition = (id: string, code: string): SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'> => ({
  id,
  requisitionCode: code,
  name: `Role ${code}`,
  headcountTotal: 1,
  status: 'open',
  hiringManager: STAFF.grace.leverId,
});

/** The create of a requisition for job 1, whose code is generated: the job gets the code written back. */
const leverSynced = { code: 'RB-00000000A1', title: 'Engineer 1' };
const leverCreate: RowOp = {
  kind: 'lever.create',
  jobId: jobId(1),
  code: 'RB-00000000A1',
  input: { requisitionCode: 'RB-00000000A1', name: 'Engineer 1', headcountTotal: 1, status: 'open' },
  writeBack: { req: 'RB-00000000A1' },
  synced: leverSynced,
};

/** The create of a ChartHop job for requisition lr-1. */
const charthopCreate: RowOp = {
  kind: 'charthop.create',
  requisitionId: 'lr-1',
  code: 'LVR-1',
  body: { title: 'Role LVR-1', leverReqId: 'lr-1' },
  synced: { code: 'LVR-1', title: 'Role LVR-1' },
};

/** Journals `op` as an interrupted run left it: PLANNED, or SENT (with the id its answer carried, when given). */
function leave(journal: Journal, op: RowOp, state: 'PLANNED' | 'SENT', created?: { requisitionId?: string; jobId?: string }): void {
  const id = journal.planned(null, `key:${op.kind}`, op.kind, op, AT);
  if (state === 'PLANNED') return;
  journal.sent(id, AT);
  if (created) journal.created(id, created, AT);
}

const untitledJob: JobSpec = { id: jobId(1), title: 'Engineer 1', recruit: 'Active' };

describe('settling an interrupted create of a Lever requisition', () => {
  it('finds a create that reached Lever by its code, links it on both sides and confirms it: no second create', async () => {
    scene = await setUp({ jobs: [untitledJob], requisitions: [requisition('lr-9', 'RB-00000000A1')] });
    leave(scene.journal, leverCreate, 'SENT');
    const settled = await scene.settle();
    expect(settled.map((s) => [s.outcome, s.text])).toEqual([
      [
        'recovered',
        'An interrupted run had created requisition RB-00000000A1; it was found in Lever by its code and linked (no second create).',
      ],
    ]);
    expect(scene.job(jobId(1))).toMatchObject({ req: 'RB-00000000A1', leverReqId: 'lr-9' });
    expect(scene.links.all()).toEqual([
      {
        jobId: jobId(1),
        requisitionId: 'lr-9',
        requisitionCode: 'RB-00000000A1',
        createdByReqBridge: true,
        synced: leverSynced,
        syncedDirection: 'outbound',
      },
    ]);
    expect(scene.intents()).toEqual([{ state: 'CONFIRMED', result: { requisitionId: 'lr-9', outcome: 'recovered' } }]);
    expect(scene.lever.control.requestLog({ method: 'POST' })).toEqual([]);
    expect(scene.logged).toEqual(['Sync: settled 1 unfinished write(s) of an interrupted run']);
  });

  it('continues from the id the answer carried even when the code was edited since', async () => {
    scene = await setUp({ jobs: [untitledJob], requisitions: [requisition('lr-9', 'RB-00000000A1-EDITED')] });
    leave(scene.journal, leverCreate, 'SENT', { requisitionId: 'lr-9' });
    const settled = await scene.settle();
    expect(settled.map((s) => [s.outcome, s.text])).toEqual([
      [
        'recovered',
        'An interrupted run had created requisition RB-00000000A1-EDITED; it was found in Lever by the id its answer carried and linked (no second create).',
      ],
    ]);
    expect(scene.job(jobId(1))).toMatchObject({ leverReqId: 'lr-9' });
  });

  it('fails a create Lever does not have, so the record is planned again', async () => {
    scene = await setUp({ jobs: [untitledJob] });
    // The answer's id names a requisition deleted since: Lever says it is not found.
    leave(scene.journal, leverCreate, 'SENT', { requisitionId: 'lr-gone' });
    const text = 'The create never reached Lever (no requisition RB-00000000A1); the record is planned again.';
    expect((await scene.settle()).map((s) => [s.outcome, s.text])).toEqual([['failed', text]]);
    expect(scene.intents()).toEqual([{ state: 'FAILED', result: { error: text } }]);
    expect(scene.links.all()).toEqual([]);
    expect(scene.job(jobId(1))?.['leverReqId']).toBeUndefined();
  });

  it('stops, leaving the create unsettled, when reading the recorded id fails for another reason than not found', async () => {
    // Were the failure taken for "gone", the edited code would find nothing and the requisition would be created twice.
    scene = await setUp({ jobs: [untitledJob], requisitions: [requisition('lr-9', 'RB-00000000A1-EDITED')] });
    leave(scene.journal, leverCreate, 'SENT', { requisitionId: 'lr-9' });
    scene.lever.control.setFault({ method: 'GET', path: '/v1/requisitions/:id', nth: 1, action: { kind: 'status', status: 401 } });
    await expect(scene.settle()).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(scene.intents().map((i) => i.state)).toEqual(['SENT']);
  });

  it('looks among non-confidential requisitions when the key may not list confidential ones', async () => {
    scene = await setUp({ jobs: [untitledJob], requisitions: [requisition('lr-9', 'RB-00000000A1')], confidentialAccess: false });
    leave(scene.journal, leverCreate, 'SENT');
    expect((await scene.settle()).map((s) => s.outcome)).toEqual(['recovered']);
    expect(scene.links.all().map((l) => l.requisitionId)).toEqual(['lr-9']);
  });

  it('stops, leaving the create unsettled, when looking it up by code fails for another reason than access', async () => {
    scene = await setUp({ jobs: [untitledJob], requisitions: [requisition('lr-9', 'RB-00000000A1')] });
    leave(scene.journal, leverCreate, 'SENT');
    scene.lever.control.setFault({ method: 'GET', path: '/v1/requisitions', nth: 1, action: { kind: 'status', status: 401 } });
    await expect(scene.settle()).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(scene.intents().map((i) => i.state)).toEqual(['SENT']);
  });
});

describe('settling an interrupted create of a ChartHop job', () => {
  const createdJob: JobSpec = { id: jobId(7), title: 'Role LVR-1', recruit: 'Active', leverReqId: 'lr-1' };

  it('finds a job that reached ChartHop by its Lever Req ID, links it and confirms it: no second create', async () => {
    scene = await setUp({ jobs: [createdJob] });
    leave(scene.journal, charthopCreate, 'SENT');
    const settled = await scene.settle();
    expect(settled.map((s) => [s.outcome, s.text])).toEqual([
      [
        'recovered',
        'An interrupted run had created the ChartHop job for requisition LVR-1; it was found by its Lever Req ID and linked (no second create).',
      ],
    ]);
    expect(scene.links.all()).toEqual([
      {
        jobId: jobId(7),
        requisitionId: 'lr-1',
        requisitionCode: 'LVR-1',
        createdByReqBridge: false,
        synced: { code: 'LVR-1', title: 'Role LVR-1' },
        syncedDirection: 'inbound',
      },
    ]);
    expect(scene.intents()).toEqual([{ state: 'CONFIRMED', result: { jobId: jobId(7), outcome: 'recovered' } }]);
    expect(scene.charthop.control.requestLog({ method: 'POST' })).toEqual([]);
  });

  it('continues from the job id the answer carried', async () => {
    scene = await setUp({ jobs: [createdJob] });
    leave(scene.journal, charthopCreate, 'SENT', { jobId: jobId(7) });
    expect((await scene.settle()).map((s) => s.text)).toEqual([
      'An interrupted run had created the ChartHop job for requisition LVR-1; it was found by the id its answer carried and linked (no second create).',
    ]);
  });

  it('fails a create ChartHop does not have, so the record is planned again', async () => {
    scene = await setUp();
    leave(scene.journal, charthopCreate, 'SENT');
    const text = 'The create never reached ChartHop; the record is planned again.';
    expect((await scene.settle()).map((s) => [s.outcome, s.text])).toEqual([['failed', text]]);
    expect(scene.intents()).toEqual([{ state: 'FAILED', result: { error: text } }]);
    expect(scene.links.all()).toEqual([]);
  });
});

describe('settling other unfinished writes', () => {
  it('fails a write never sent and a sent update (safe to repeat), in journal order, without calling either system', async () => {
    scene = await setUp({ jobs: [untitledJob] });
    leave(scene.journal, leverCreate, 'PLANNED');
    const update: RowOp = {
      kind: 'charthop.update',
      jobId: jobId(1),
      requisitionId: 'lr-1',
      code: 'LVR-1',
      body: { title: 'X' },
      synced: {},
    };
    leave(scene.journal, update, 'SENT');
    const notSent = 'Not sent: the run stopped before this write was sent. The record is planned again.';
    const repeat = 'Interrupted before it was confirmed; the fresh plan checks this record again (this write is safe to repeat).';
    expect((await scene.settle()).map((s) => [s.intent.op.kind, s.outcome, s.text])).toEqual([
      ['lever.create', 'failed', notSent],
      ['charthop.update', 'failed', repeat],
    ]);
    expect(scene.intents()).toEqual([
      { state: 'FAILED', result: { error: notSent } },
      { state: 'FAILED', result: { error: repeat } },
    ]);
    expect(scene.lever.control.requestLog()).toEqual([]);
    expect(scene.charthop.control.requestLog()).toEqual([]);
    expect(scene.logged).toEqual(['Sync: settled 2 unfinished write(s) of an interrupted run']);
  });

  it('logs nothing when no run was interrupted', async () => {
    scene = await setUp();
    expect(await scene.settle()).toEqual([]);
    expect(scene.logged).toEqual([]);
  });
});
