/**
 * A first-in, first-out lane of completion steps that runs beside the loop feeding it. The apply loop
 * sends a record's Lever write and moves on to the next record while the lane finishes the one before
 * (its ChartHop write-back, the journal's confirmation, the run item), so neither vendor waits on the
 * other's pacing. Steps run one at a time and in the order they were pushed, so run items keep the
 * plan's order. The backlog is bounded: `push` waits while `limit` steps are pending, so the loop can
 * never run far ahead of ChartHop (and a crash leaves at most that many creates for the journal to settle).
 */

/** A step of the lane; it must not throw (it records its own failure). */
export type CompletionStep = () => Promise<void> | void;

/** The lane: push steps, then drain it before the run ends. */
export interface CompletionLane {
  /** Queues `step`; resolves once it is queued, waiting while the backlog is full. */
  push(step: CompletionStep): Promise<void>;
  /** Resolves when every pushed step has run. */
  drain(): Promise<void>;
  /** Steps pushed and not yet finished. */
  pending(): number;
}

/** Creates a lane that holds at most `limit` pending steps (at least 1). */
export function createCompletionLane(limit: number): CompletionLane {
  const bound = Math.max(1, Math.floor(limit));
  const waiting: Array<() => void> = [];
  let tail: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let failure: { error: unknown } | null = null;

  const run = async (step: CompletionStep): Promise<void> => {
    try {
      await step();
    } catch (error) {
      failure ??= { error };
    } finally {
      inFlight -= 1;
      waiting.shift()?.();
    }
  };
  return {
    async push(step) {
      while (inFlight >= bound) await new Promise<void>((resolve) => waiting.push(resolve));
      inFlight += 1;
      tail = tail.then(() => run(step));
    },
    /** A step that threw (a bug: steps record their own failures) is rethrown here, after the rest ran. */
    async drain() {
      for (let seen = tail; ; seen = tail) {
        await seen;
        if (seen === tail) break;
      }
      if (failure) throw failure.error;
    },
    pending: () => inFlight,
  };
}
