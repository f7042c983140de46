import { describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../src/shared/api/sync-views.ts';
import { notifyRun, runNotification } from '../../../src/main/electron/run-notifications.ts';

vi.mock('electron', () => ({}));

const run = (over: Partial<RunSummary> = {}): RunSummary => ({
  id: 7,
  profileId: 'acme',
  trigger: 'schedule',
  direction: 'outbound',
  status: 'succeeded',
  startedAt: '2026-03-01T06:00:00Z',
  finishedAt: '2026-03-01T06:01:00Z',
  counts: { created: 1, updated: 0, closed: 0, deleted: 0, linked: 0, skipped: 0, attention: 0, failed: 0, cancelled: 0 },
  error: null,
  ...over,
});

describe('run notifications', () => {
  it('stays quiet for a clean run, speaks for failures, confirmation stops and attention items', () => {
    expect(runNotification(run(), 'Acme')).toBeNull();
    expect(runNotification(run({ status: 'failed', error: 'Lever rejected the key.' }), 'Acme')).toEqual({
      title: 'Acme: the run failed',
      body: 'Lever rejected the key.',
    });
    expect(runNotification(run({ status: 'needs_confirmation' }), 'Acme')?.title).toBe('Acme: the run is waiting for you');
    expect(runNotification(run({ status: 'partial', counts: { ...run().counts, failed: 2 } }), 'Acme')?.title).toBe(
      'Acme: 2 records failed',
    );
    expect(runNotification(run({ counts: { ...run().counts, attention: 1 } }), 'Acme')?.title).toBe('Acme: 1 record needs attention');
  });

  it('shows a notification that opens the run when clicked', () => {
    const shown: Array<{ title: string; body: string; click?: () => void }> = [];
    class FakeNotification {
      entry: { title: string; body: string; click?: () => void };
      constructor(options: { title: string; body: string }) {
        this.entry = { ...options };
        shown.push(this.entry);
      }
      on(_event: 'click', listener: () => void) {
        this.entry.click = listener;
      }
      show() {}
    }
    const open = vi.fn();
    expect(notifyRun(FakeNotification, run({ status: 'failed' }), 'Acme', open)).toBe(true);
    expect(notifyRun(FakeNotification, run(), 'Acme', open)).toBe(false);
    expect(shown).toHaveLength(1);
    shown[0]?.click?.();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
