import { describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../src/shared/api/sync-views.ts';
import { describeLastRun, describeNextRun, trayState } from '../../../src/main/electron/tray-state.ts';

vi.mock('electron', () => ({}));

const now = new Date(2026, 2, 2, 9, 30);
const run = (over: Partial<RunSummary>): RunSummary => ({
  id: 1,
  profileId: 'acme',
  trigger: 'schedule',
  direction: 'outbound',
  status: 'succeeded',
  startedAt: new Date(2026, 2, 2, 6, 0).toISOString(),
  finishedAt: new Date(2026, 2, 2, 6, 1).toISOString(),
  counts: { created: 0, updated: 0, closed: 0, deleted: 0, linked: 0, skipped: 0, attention: 0, failed: 0, cancelled: 0 },
  error: null,
  ...over,
});

describe('tray state', () => {
  it('describes the next run relative to today, in local time', () => {
    expect(describeNextRun(new Date(2026, 2, 2, 18, 0), now)).toBe('today 18:00');
    expect(describeNextRun(new Date(2026, 2, 3, 6, 0), now)).toBe('tomorrow 06:00');
    expect(describeNextRun(new Date(2026, 2, 5, 6, 0), now)).toMatch(/^Thu 5 Mar 06:00$/);
  });

  it('describes the last result with its age', () => {
    expect(describeLastRun(run({}), now)).toBe('succeeded 3 h ago');
    expect(describeLastRun(run({ status: 'failed', finishedAt: new Date(2026, 2, 2, 9, 25).toISOString() }), now)).toBe('failed 5 min ago');
    expect(describeLastRun(run({ status: 'needs_confirmation' }), now)).toBe('waiting for confirmation 3 h ago');
  });

  it('gives each profile its next run and last result', () => {
    const state = trayState({
      now,
      currentProfileId: 'acme',
      currentSourceOfTruth: 'lever',
      profiles: [
        { id: 'acme', name: 'Acme' },
        { id: 'globex', name: 'Globex' },
      ],
      nextRuns: [{ profileId: 'acme', at: new Date(2026, 2, 3, 6, 0) }],
      lastRuns: new Map([
        ['acme', run({})],
        ['globex', undefined],
      ]),
      paused: false,
    });
    expect(state).toEqual({
      currentProfile: 'Acme',
      reconcileAvailable: false,
      paused: false,
      profiles: [
        { name: 'Acme', nextRun: 'tomorrow 06:00', lastResult: 'succeeded 3 h ago' },
        { name: 'Globex', nextRun: null, lastResult: null },
      ],
    });
  });
});
