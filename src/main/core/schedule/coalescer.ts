/**
 * Coalesces triggers of the same job: at most one run at a time per key; a
 * trigger that arrives during a run is queued once (several such triggers
 * share that one queued run), never stacked and never dropped.
 */

/** Runs keyed work with coalescing. */
export interface Coalescer<T> {
  /** Start (or join) a run for `key`; resolves with the run that satisfies this trigger. */
  trigger(key: string): Promise<T>;
  /** Whether a run for `key` is in progress. */
  isRunning(key: string): boolean;
}

interface Slot<T> {
  running: Promise<T> | null;
  queued: Promise<T> | null;
}

/** Create a coalescer over `run`. */
export function createCoalescer<T>(run: (key: string) => Promise<T>): Coalescer<T> {
  const slots = new Map<string, Slot<T>>();

  function start(key: string, slot: Slot<T>): Promise<T> {
    const current = Promise.resolve().then(() => run(key));
    slot.running = current;
    const settle = () => {
      slot.running = null;
      if (!slot.queued) slots.delete(key);
    };
    current.then(settle, settle);
    return current;
  }

  return {
    trigger(key) {
      const slot = slots.get(key) ?? { running: null, queued: null };
      slots.set(key, slot);
      if (!slot.running) return start(key, slot);
      if (slot.queued) return slot.queued;
      const after = slot.running.then(
        () => undefined,
        () => undefined,
      );
      slot.queued = after.then(() => {
        slot.queued = null;
        return start(key, slot);
      });
      return slot.queued;
    },
    isRunning: (key) => Boolean(slots.get(key)?.running),
  };
}
