/**
 * Progress events of long work: phase, items done / total and an ETA from the
 * pace so far. One implementation for every kind of long work — Sync now and
 * the other runs (`run:progress`), the new-hire catch-up (`catch-up:progress`)
 * and Check connection (`doctor:progress`) — so the ETA is computed in one
 * place. Events are throttled (the UI needs a few per second, not one per
 * record of a 2,000-record run); phase changes and the last item are always sent.
 */
import type { Progress } from '../../../shared/api/progress-views.ts';
import type { RunProgress } from '../../../shared/api/sync-views.ts';

/** Reports progress of one run. */
export interface ProgressReporter {
  phase(phase: RunProgress['phase'], total?: number): void;
  done(done: number, total: number): void;
}

/** Seconds left at the pace since the phase started; null until one record is done. */
export function etaSeconds(elapsedMs: number, done: number, total: number): number | null {
  // Stryker disable next-line EqualityOperator: when done equals total the pace formula below also gives 0
  const noneLeft = total <= done;
  if (done <= 0 || noneLeft) return done >= total && total > 0 ? 0 : null;
  return Math.round(((elapsedMs / done) * (total - done)) / 1000);
}

/** What a phase reporter emits: the phase, its counts and the ETA (the caller adds who it is about). */
export type PhaseCounts<P extends string> = Pick<Progress<P>, 'phase' | 'done' | 'total' | 'etaSeconds'>;

/** Reports the phases of long work and the items done in each; `current` names the item last finished. */
export interface PhaseReporter<P extends string> {
  /** Starts a phase of `total` items (0 while the total is not known). */
  phase(phase: P, total?: number, current?: string | null): void;
  done(done: number, total: number, current?: string | null): void;
}

/** How a phase reporter paces its events and when it dares an ETA. */
export interface PhaseReporterOptions<P extends string> {
  /** The phases whose events carry an ETA (reading and planning are too uneven to estimate). */
  etaPhases: readonly P[];
  /** Items done in the phase before an ETA is given (default 1); the last item always says 0 s. */
  etaAfter?: number;
  /** Least time between two events of a phase, ms (default 250). */
  minIntervalMs?: number;
  /**
   * Phases whose every item is reported, unthrottled: few, slow items that the UI shows as they
   * are decided (a catch-up's hires), so the count never lags the list beside it.
   */
  everyItemPhases?: readonly P[];
}

/**
 * A reporter that emits through `emit`, at most every `minIntervalMs` within a phase. With an
 * unknown total (0) every event is throttled; with a known one the last item is always sent.
 */
export function createPhaseReporter<P extends string>(
  initial: P,
  emit: (counts: PhaseCounts<P>, current: string | null) => void,
  now: () => number,
  options: PhaseReporterOptions<P>,
): PhaseReporter<P> {
  const etaAfter = options.etaAfter ?? 1;
  const minIntervalMs = options.minIntervalMs ?? 250;
  let phase = initial;
  let phaseStart = now();
  let lastEmit = Number.NEGATIVE_INFINITY;
  const send = (done: number, total: number, current: string | null): void => {
    lastEmit = now();
    // An unknown total (0) needs no guard here: `etaSeconds` gives none for it.
    const estimated = options.etaPhases.includes(phase) && (done >= etaAfter || done >= total);
    emit({ phase, done, total, etaSeconds: estimated ? etaSeconds(now() - phaseStart, done, total) : null }, current);
  };
  return {
    phase(next, total = 0, current = null) {
      phase = next;
      phaseStart = now();
      send(0, total, current);
    },
    done(done, total, current = null) {
      const everyItem = options.everyItemPhases?.includes(phase) === true;
      if (everyItem || (total > 0 && done >= total) || now() - lastEmit >= minIntervalMs) send(done, total, current);
    },
  };
}

/** The `run:progress` reporter of one run: an ETA while applying only. */
export function createProgressReporter(
  base: { profileId: string; runId: number },
  emit: (progress: RunProgress) => void,
  now: () => number,
  minIntervalMs = 250,
): ProgressReporter {
  return createPhaseReporter<RunProgress['phase']>('reading', (counts) => emit({ ...base, ...counts }), now, {
    etaPhases: ['applying'],
    minIntervalMs,
  });
}
