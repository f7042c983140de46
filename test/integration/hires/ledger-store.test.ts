// The hires ledger on a real state DB: how far a creation got (its step and start date) survives
// a reread, so a retry after a crash resumes instead of creating the person twice; and the
// catch-up checkpoint is kept and moved forward, so hires already seen are not listed again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedger } from '../../../src/main/core/hires/ledger.ts';
import type { LedgerEntry } from '../../../src/main/core/hires/ledger.ts';
import { openStateDb } from '../../../src/main/core/state/state-db.ts';
import type { StateDb } from '../../../src/main/core/state/state-db.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const NOW = new Date(Date.UTC(2026, 10, 2, 9, 0, 0));

describe('the hires ledger', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let state: StateDb;
  beforeEach(() => {
    temp = makeTempDir('reqbridge-ledger-');
    state = openStateDb(`${temp.path}/state.sqlite`);
  });
  afterEach(() => {
    state.close();
    temp.cleanup();
  });

  it('keeps how far a creation got, so a retry resumes from the hire step', () => {
    const entry: LedgerEntry = {
      opportunityId: 'opp-1',
      jobId: 'job-1',
      personId: 'person-1',
      decision: 'pending',
      reason: null,
      decidedAt: NOW.toISOString(),
      inboxId: 7,
      step: 'person',
      startDate: '2027-01-11',
    };
    createLedger(state).put(entry, NOW);
    state.close();
    state = openStateDb(`${temp.path}/state.sqlite`);
    expect(createLedger(state).get('opp-1')).toEqual(entry);
  });

  it('reads an entry whose detail is missing or damaged as one with no step, so the hire starts over from the lookup', () => {
    const ledger = createLedger(state);
    const base: LedgerEntry = {
      opportunityId: 'opp-2',
      jobId: 'job-2',
      personId: null,
      decision: 'pending',
      reason: null,
      decidedAt: NOW.toISOString(),
      inboxId: 8,
      step: 'person',
      startDate: '2027-01-11',
    };
    ledger.put(base, NOW);
    for (const detail of [null, '{"step":"person"', '']) {
      state.db.prepare('UPDATE hires SET detail = ? WHERE opportunity_id = ?').run(detail, 'opp-2');
      expect([detail, ledger.get('opp-2')]).toEqual([detail, { ...base, step: null, startDate: null }]);
    }
  });

  it('keeps the catch-up checkpoint and moves it forward', () => {
    const ledger = createLedger(state);
    expect(ledger.cursor('hires.catch-up')).toBeNull();
    ledger.setCursor('hires.catch-up', '1793610000000', NOW);
    expect(ledger.cursor('hires.catch-up')).toBe('1793610000000');
    ledger.setCursor('hires.catch-up', '1793620000000', new Date(NOW.getTime() + 60_000));
    expect(createLedger(state).cursor('hires.catch-up')).toBe('1793620000000');
  });
});
