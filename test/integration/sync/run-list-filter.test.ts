// The Runs list's filters: kind, trigger, status and search, done in SQL on a real state database, and checked by zod at the channel.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunItemView, RunStatus, RunTrigger, SyncDirection } from '../../../src/shared/api/sync-views.ts';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import type { RunLog } from '../../../src/main/core/sync/run-log.ts';
import { createRunLog } from '../../../src/main/core/sync/run-log.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';
import type { SyncWorld } from './harness.ts';
import { startWorld } from './harness.ts';
import { activeJobs, charthopSeed, leverSeed } from './seeds.ts';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const AT = new Date('2026-12-01T06:00:00.000Z');

/** Records a finished run with one item per title. */
interface RunToRecord {
  trigger: RunTrigger;
  direction: SyncDirection;
  status: RunStatus;
  undoes?: number;
  error?: string;
  titles?: string[];
}

function record(log: RunLog, run: RunToRecord): number {
  const id = log.start(run.trigger, run.direction, AT, run.undoes);
  for (const [i, title] of (run.titles ?? []).entries()) {
    const outcome: RunItemView['outcome'] = run.status === 'failed' ? 'failed' : 'applied';
    log.addItem(id, {
      recordKey: `ENG-${id}${i}`,
      title,
      action: 'create',
      outcome,
      reason: 'job_active_unlinked',
      reasonText: '',
      diff: [],
      error: null,
      jobId: `job-${id}-${i}`,
      requisitionId: null,
      requisitionCode: `ENG-${id}${i}`,
    });
  }
  log.finish(id, { status: run.status, at: AT, error: run.error ?? null });
  return id;
}

describe('runs list filters (real SQLite)', () => {
  const state = openStateDb(stateDbPath(temp.path, 'acme'));
  afterAll(() => state.close());
  const log = createRunLog(state, 'acme', (text) => text);
  const ids = {
    sync: record(log, { trigger: 'manual', direction: 'outbound', status: 'succeeded', titles: ['Staff Engineer', 'Data Engineer'] }),
    reconcile: record(log, { trigger: 'reconcile', direction: 'reconcile', status: 'partial', titles: ['Account Executive'] }),
    daily: record(log, {
      trigger: 'schedule',
      direction: 'outbound',
      status: 'failed',
      error: 'Lever refused the key (401).',
      titles: ['Designer 50% remote'],
    }),
    metrics: record(log, { trigger: 'schedule', direction: 'metrics', status: 'succeeded' }),
    hires: record(log, { trigger: 'schedule', direction: 'hires', status: 'failed', error: 'The catch-up could not read Lever.' }),
    change: record(log, { trigger: 'change', direction: 'outbound', status: 'succeeded', titles: ['Data Analyst'] }),
  };
  const undo = record(log, { trigger: 'manual', direction: 'outbound', status: 'succeeded', undoes: ids.sync, titles: ['Staff Engineer'] });
  const idsOf = (filter: Parameters<RunLog['list']>[1]) => log.list(50, filter).map((run) => run.id);

  it('narrows by kind: syncs in the profile’s direction, Reconcile, undo, metrics and the new-hire catch-up', () => {
    expect(idsOf(undefined)).toHaveLength(7);
    expect(idsOf({ kind: 'sync' })).toEqual([ids.change, ids.daily, ids.sync]);
    expect(idsOf({ kind: 'reconcile' })).toEqual([ids.reconcile]);
    expect(idsOf({ kind: 'undo' })).toEqual([undo]);
    expect(idsOf({ kind: 'metrics' })).toEqual([ids.metrics]);
    expect(idsOf({ kind: 'hires' })).toEqual([ids.hires]);
  });

  it('narrows by trigger and by status, each alone and together with the kind', () => {
    expect(idsOf({ trigger: 'schedule' })).toEqual([ids.hires, ids.metrics, ids.daily]);
    expect(idsOf({ status: 'failed' })).toEqual([ids.hires, ids.daily]);
    expect(idsOf({ kind: 'sync', status: 'failed' })).toEqual([ids.daily]);
    expect(idsOf({ kind: 'sync', trigger: 'change' })).toEqual([ids.change]);
    expect(idsOf({ kind: 'reconcile', status: 'failed' })).toEqual([]);
  });

  it('searches run numbers, errors and the titles and codes of a run’s records; typed wildcards are taken literally', () => {
    expect(idsOf({ search: 'data' })).toEqual([ids.change, ids.sync]);
    expect(idsOf({ search: 'STAFF ENGINEER' })).toEqual([undo, ids.sync]);
    expect(idsOf({ search: `ENG-${ids.reconcile}0` })).toEqual([ids.reconcile]);
    expect(idsOf({ search: `#${ids.metrics}` })).toEqual([ids.metrics]);
    expect(idsOf({ search: 'refused the key' })).toEqual([ids.daily]);
    expect(idsOf({ search: '50%' })).toEqual([ids.daily]);
    expect(idsOf({ search: '%' })).toEqual([ids.daily]);
    expect(idsOf({ search: '_' })).toEqual([]);
    expect(idsOf({ search: 'data', status: 'succeeded', trigger: 'change' })).toEqual([ids.change]);
  });

  it('finds a matching run beyond the newest ones the list shows', () => {
    for (let i = 0; i < 5; i++) record(log, { trigger: 'manual', direction: 'outbound', status: 'succeeded' });
    expect(log.list(3).map((run) => run.id)).not.toContain(ids.reconcile);
    expect(log.list(3, { kind: 'reconcile' }).map((run) => run.id)).toEqual([ids.reconcile]);
  });
});

describe('runs:list through the channel', () => {
  it('passes the filters to the run log and refuses a filter it does not know, saying which', async () => {
    world = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed(), noLeverRateLimit: true });
    const { api } = world.test;
    const { profileId } = world;
    const sync = valueOf(await api.invoke('sync:run', { profileId }));
    const metrics = valueOf(await api.invoke('metrics:run', { profileId }));
    expect(valueOf(await api.invoke('runs:list', { profileId, limit: 10 })).map((r) => r.id)).toEqual([metrics.id, sync.id]);
    expect(
      valueOf(await api.invoke('runs:list', { profileId, limit: 10, filter: { kind: 'sync', trigger: 'manual' } })).map((r) => r.id),
    ).toEqual([sync.id]);
    expect(valueOf(await api.invoke('runs:list', { profileId, limit: 10, filter: { kind: 'metrics', status: 'failed' } }))).toEqual([]);
    expect(await api.invoke('runs:list', { profileId, limit: 10, filter: { kind: 'everything' } } as never)).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_input', message: expect.stringContaining('filter.kind') },
    });
    const refused = { ok: false, error: { code: 'api.invalid_input' } };
    expect(await api.invoke('runs:list', { profileId, limit: 10, filter: { owner: 'me' } } as never)).toMatchObject(refused);
    expect(await api.invoke('runs:list', { profileId, limit: 10, filter: { search: 'x'.repeat(201) } })).toMatchObject(refused);
  });
});
