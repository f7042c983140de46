/**
 * `run:progress` events: phase, records done / total and an ETA from the
 * pace so far. Events are throttled (the UI needs a few per second, not one
 * per record of a 2,000-record run); phase changes and the last record are
 * always sent.
 */
import type { RunProgress } from '../../../shared/api/sync-views.ts';

/** Reports progress of one run. */
export interface ProgressReporter {
  phase(phase: RunProgress['phase'], total?: number): void;
  done(done: number, total: number): void;
}

/** Seconds left at the pace since the phase started; null until one record is done. */
export function etaSeconds(elapsedMs: number, done: number, total: number): number | null {
  if (done <= 0 || total <= done) return done >= total && total > 0 ? 0 : null;
  return Math.round(((elapsedMs / done) * (total - done)) / 1000);
}

/** A reporter that emits through `emit`, at most every `minIntervalMs` within a phase. */
export function createProgressReporter(
  base: { profileId: string; runId: number },
  emit: (progress: RunProgress) => void,
  now: () => number,
  minIntervalMs = 250,
): ProgressReporter {
  let phase: RunProgress['phase'] = 'reading';
  let phaseStart = now();
  let lastEmit = Number.NEGATIVE_INFINITY;
  const send = (done: number, total: number): void => {
    lastEmit = now();
    emit({ ...base, phase, done, total, etaSeconds: phase === 'applying' ? etaSeconds(now() - phaseStart, done, total) : null });
  };
  return {
    phase(next, total = 0) {
      phase = next;
      phaseStart = now();
      send(0, total);
    },
    done(done, total) {
      if (done >= total || now() - lastEmit >= minIntervalMs) send(done, total);
    },
  };
}
