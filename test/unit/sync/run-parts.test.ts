// The small parts of a run: CSV cells, ETA, plan expiry, natural keys of the journal.
import { describe, expect, it } from 'vitest';
import { naturalKeyOf } from '../../../src/main/core/sync/journal.ts';
import { createPlanStore } from '../../../src/main/core/sync/plan-store.ts';
import type { EnginePlan } from '../../../src/main/core/sync/plan-types.ts';
import { createPhaseReporter, etaSeconds } from '../../../src/main/core/sync/progress.ts';
import type { PhaseCounts } from '../../../src/main/core/sync/progress.ts';
import { csvCell, diffText } from '../../../src/main/core/sync/run-export.ts';

describe('run parts', () => {
  it('quotes CSV cells when needed and defuses formulas', () => {
    expect([csvCell('plain'), csvCell('a,b'), csvCell('say "hi"'), csvCell('line\nbreak'), csvCell(null), csvCell(7)]).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"line\nbreak"',
      '',
      '7',
    ]);
    expect([csvCell('=SUM(A1)'), csvCell('+1'), csvCell('-1'), csvCell('@x')]).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@x"]);
    expect(
      diffText([
        { field: 'title', label: 'Title', before: null, after: 'B' },
        { field: 'team', label: 'Team', before: 'T', after: null },
      ]),
    ).toBe('Title: (empty) → B; Team: T → (empty)');
  });

  it('estimates the time left from the pace so far', () => {
    expect(etaSeconds(10_000, 0, 100)).toBeNull();
    expect(etaSeconds(10_000, 10, 100)).toBe(90);
    expect(etaSeconds(10_000, 100, 100)).toBe(0);
  });

  it('one phase reporter for all long work: ETA only where and once it can be judged, throttled, the last item always sent', () => {
    let now = 0;
    const sent: Array<PhaseCounts<'reading' | 'processing'> & { current: string | null }> = [];
    const reporter = createPhaseReporter<'reading' | 'processing'>(
      'reading',
      (counts, current) => sent.push({ ...counts, current }),
      () => now,
      {
        etaPhases: ['processing'],
        etaAfter: 3,
      },
    );
    reporter.phase('reading');
    // An unknown total (a listing being read) is throttled like the rest, and never has an ETA.
    for (let read = 1; read <= 10; read += 1) {
      now += 100;
      reporter.done(read, 0);
    }
    expect(sent.map((e) => [e.phase, e.done, e.total, e.etaSeconds])).toEqual([
      ['reading', 0, 0, null],
      ['reading', 3, 0, null],
      ['reading', 6, 0, null],
      ['reading', 9, 0, null],
    ]);
    sent.length = 0;
    reporter.phase('processing', 5);
    for (let done = 1; done <= 5; done += 1) {
      now += 1_000;
      reporter.done(done, 5, `hire ${done}`);
    }
    // Two items are too few to judge the pace; from the third, the pace so far (1 s per item) gives the ETA; the last says 0.
    expect(sent.map((e) => [e.done, e.etaSeconds, e.current])).toEqual([
      [0, null, null],
      [1, null, 'hire 1'],
      [2, null, 'hire 2'],
      [3, 2, 'hire 3'],
      [4, 1, 'hire 4'],
      [5, 0, 'hire 5'],
    ]);
  });

  it('a phase whose items are few and slow reports every item, however close together they finish', () => {
    let now = 0;
    const sent: Array<[string, number]> = [];
    const reporter = createPhaseReporter<'reading' | 'processing'>(
      'reading',
      (counts) => sent.push([counts.phase, counts.done]),
      () => now,
      {
        etaPhases: ['processing'],
        everyItemPhases: ['processing'],
      },
    );
    reporter.phase('reading');
    for (let read = 1; read <= 4; read += 1) {
      now += 10;
      reporter.done(read, 0);
    }
    reporter.phase('processing', 4);
    for (let done = 1; done <= 4; done += 1) {
      now += 10;
      reporter.done(done, 4);
    }
    // Reading stays throttled (only its start is sent); processing sends each item, 10 ms apart.
    expect(sent).toEqual([
      ['reading', 0],
      ['processing', 0],
      ['processing', 1],
      ['processing', 2],
      ['processing', 3],
      ['processing', 4],
    ]);
  });

  it('keeps plans for their time to live, per profile', () => {
    let now = 0;
    const store = createPlanStore(() => now, 1_000);
    const plan: EnginePlan = {
      id: store.newId(),
      profileId: 'acme',
      direction: 'outbound',
      createdAt: '',
      rows: [],
      unmapped: [],
      linked: 0,
      limit: 0.1,
    };
    store.put(plan);
    expect(store.get('acme', plan.id)).toBe(plan);
    expect(() => store.get('globex', plan.id)).toThrow(/no longer available/);
    now = 1_000;
    expect(() => store.get('acme', plan.id)).toThrow(/no longer available/);
  });

  it('looks creates up by their natural key', () => {
    expect(
      naturalKeyOf({
        kind: 'lever.create',
        jobId: 'j',
        code: ' ENG-1 ',
        input: { requisitionCode: 'ENG-1', name: 'x', headcountTotal: 1 },
        writeBack: {},
        synced: {},
      }),
    ).toBe('lever:requisitionCode:eng-1');
    expect(naturalKeyOf({ kind: 'charthop.create', requisitionId: 'r-1', code: 'C', body: {}, synced: {} })).toBe(
      'charthop:leverReqId:r-1',
    );
  });
});
