// The pure parts of a run that a consultant reads or relies on: how long a computed plan stays
// appliable, the ETA shown while applying, the run's CSV export, the run list's "#12" search, and
// how ChartHop job rows and Lever requisitions become the engine's records.
import { describe, expect, it } from 'vitest';
import type { ChartHopRow } from '../../../src/main/core/charthop/schemas.ts';
import type { LeverRequisition } from '../../../src/main/core/lever/schemas.ts';
import { createPlanStore } from '../../../src/main/core/sync/plan-store.ts';
import type { EnginePlan } from '../../../src/main/core/sync/plan-types.ts';
import { createPhaseReporter, etaSeconds } from '../../../src/main/core/sync/progress.ts';
import { jobFromRow, requisitionFromLever } from '../../../src/main/core/sync/readers.ts';
import { csvCell, runCsv } from '../../../src/main/core/sync/run-export.ts';
import { runFilterCondition } from '../../../src/main/core/sync/run-filter-sql.ts';
import type { RunItemRecord } from '../../../src/main/core/sync/run-log.ts';
import type { RunSummary } from '../../../src/shared/api/sync-views.ts';

function planOf(id: string): EnginePlan {
  return { id, profileId: 'acme', direction: 'outbound', createdAt: '', rows: [], unmapped: [], linked: 0, limit: 0.1 };
}

const available = (store: ReturnType<typeof createPlanStore>, id: string): boolean => {
  try {
    store.get('acme', id);
    return true;
  } catch {
    return false;
  }
};

describe('computed plans', () => {
  it('an expired plan is refused with a sentence naming how long plans are kept', () => {
    const store = createPlanStore(() => 0, 30 * 60_000);
    expect(() => store.get('acme', 'gone')).toThrow(
      'This plan is no longer available: plans are kept for 30 minutes, are applied once, and do not survive a restart. Compute the plan again (Reconcile…, or reqbridge plan) and apply the new one.',
    );
  });

  it('keeps the newest plans up to its limit: a full store drops the oldest, not the ones within the limit', () => {
    const store = createPlanStore(() => 0, 1_000, 2);
    store.put(planOf('a'));
    store.put(planOf('b'));
    expect([available(store, 'a'), available(store, 'b')]).toEqual([true, true]);
    store.put(planOf('c'));
    expect([available(store, 'a'), available(store, 'b'), available(store, 'c')]).toEqual([false, true, true]);
  });

  it('drops expired plans before making room, so a plan put again keeps its place in a full store', () => {
    let now = 0;
    const store = createPlanStore(() => now, 1_000, 2);
    store.put(planOf('a'));
    now = 100;
    store.put(planOf('b'));
    now = 900;
    store.put(planOf('a'));
    now = 1_500;
    // b has expired; a (put again at 900) has not. Making room for c must not cost a.
    store.put(planOf('c'));
    expect([available(store, 'a'), available(store, 'c')]).toEqual([true, true]);
  });
});

describe('the time left while applying', () => {
  it('says nothing until a record is done or while the total is unknown, and 0 s once all are done', () => {
    expect(etaSeconds(10_000, 0, 100)).toBeNull();
    expect(etaSeconds(1_000, 3, 0)).toBeNull();
    expect(etaSeconds(0, 0, 0)).toBeNull();
    expect(etaSeconds(10_000, 25, 100)).toBe(30);
    expect(etaSeconds(10_000, 100, 100)).toBe(0);
  });

  it('the last record of a short phase says 0 s even before enough records were done to judge the pace', () => {
    let now = 0;
    const sent: Array<[number, number | null]> = [];
    const reporter = createPhaseReporter<'reading' | 'applying'>(
      'reading',
      (c) => sent.push([c.done, c.etaSeconds]),
      () => now,
      {
        etaPhases: ['applying'],
        etaAfter: 3,
      },
    );
    reporter.phase('applying', 2);
    now += 1_000;
    reporter.done(1, 2);
    now += 1_000;
    reporter.done(2, 2);
    expect(sent).toEqual([
      [0, null],
      [1, null],
      [2, 0],
    ]);
  });
});

const RUN: RunSummary = {
  id: 7,
  profileId: 'acme',
  trigger: 'manual',
  direction: 'outbound',
  status: 'succeeded',
  startedAt: '2026-01-05T09:00:00.000Z',
  finishedAt: '2026-01-05T09:01:00.000Z',
  counts: { created: 2, updated: 0, closed: 0, deleted: 0, linked: 0, skipped: 0, attention: 0, failed: 0, cancelled: 0 },
  error: null,
};

function itemOf(id: number, warnings?: string[]): RunItemRecord {
  return {
    id,
    recordKey: `ENG-000${id}`,
    title: 'Engineer',
    action: 'create',
    outcome: 'applied',
    reason: 'new_job',
    reasonText: 'New job',
    diff: [],
    error: null,
    jobId: null,
    requisitionId: null,
    requisitionCode: `ENG-000${id}`,
    ...(warnings ? { warnings } : {}),
  };
}

describe('the run export', () => {
  it('defuses only a cell that starts like a formula; an equals sign inside a title stays as typed', () => {
    expect([csvCell('a=b'), csvCell('Sales - East'), csvCell('=1+1')]).toEqual(['a=b', 'Sales - East', "'=1+1"]);
  });

  it('lists an item\'s warnings joined by " | ", and leaves the cell empty when it had none', () => {
    const lines = runCsv(RUN, [itemOf(1, ['Title was trimmed', 'Team is unknown']), itemOf(2)]).split('\r\n');
    expect(lines[1]).toBe(
      '7,manual,outbound,succeeded,1,ENG-0001,Engineer,create,applied,new_job,New job,,,ENG-0001,,,Title was trimmed | Team is unknown',
    );
    expect(lines[2]).toBe('7,manual,outbound,succeeded,2,ENG-0002,Engineer,create,applied,new_job,New job,,,ENG-0002,,,');
  });
});

describe('the run list search', () => {
  it('a run number, with or without "#", finds that run; other text never looks like a run number', () => {
    const idOf = (search: string): string | number | undefined => runFilterCondition({ search }).params[0];
    expect([idOf('12'), idOf('#123'), idOf('7'), idOf('a12'), idOf('12a'), idOf('#'), idOf('ENG-12')]).toEqual([
      12, 123, 7, -1, -1, -1, -1,
    ]);
  });
});

describe('records read from the vendors', () => {
  const row = (extra: Record<string, unknown>): ChartHopRow => ({ id: 'job-1', ...extra }) as ChartHopRow;

  it('reads a base salary given as text, and treats blank text as no salary rather than 0', () => {
    expect(jobFromRow(row({ title: 'Engineer', base: ' 150000 ', currency: 'USD' })).baseComp).toEqual({
      amount: 150_000,
      currency: 'USD',
      interval: 'YEARLY',
    });
    expect(jobFromRow(row({ base: '   ', currency: 'USD' })).baseComp).toBeNull();
    expect(jobFromRow(row({ base: '', currency: 'USD' })).baseComp).toBeNull();
    expect(jobFromRow(row({ base: 90_000, currency: 'EUR', 'baseComp.interval': 'MONTHLY' })).baseComp).toEqual({
      amount: 90_000,
      currency: 'EUR',
      interval: 'MONTHLY',
    });
  });

  it('a job without a title reads as an empty title', () => {
    expect(jobFromRow(row({})).title).toBe('');
  });

  it('a requisition without postings reads as having none', () => {
    const requisition = { id: 'r1', requisitionCode: 'ENG-1', name: 'Engineer', status: 'open', headcountTotal: 1 } as LeverRequisition;
    expect(requisitionFromLever(requisition).postings).toEqual([]);
  });
});
