/**
 * Coalesces triggers of the same job: at most one run at a time per key; a
 * trigger that arrives during a run is queued once (several such triggers
 * share that one queued run, their payloads merged), never stacked and never
 * dropped.
 */

/** Runs keyed work with coalescing. */
export interface Coalescer<T, P = undefined> {
  /** Start (or join) a run for `key`; resolves with the run that satisfies this trigger. */
  trigger(key: string, payload?: P): Promise<T>;
  /** Whether a run for `key` is in progress. */
  isRunning(key: string): boolean;
}

interface Slot<T, P> {
  running: Promise<T> | null;
  queued: Promise<T> | null;
  queuedPayload: P | undefined;
}

/**
 * Create a coalescer over `run`. `merge` combines the payload of a trigger
 * with the one already queued (default: keep the latest).
 */
export function createCoalescer<T, P = undefined>(
  run: (key: string, payload: P | undefined) => Promise<T>,
  merge: (queued: P | undefined, incoming: P | undefined) => P | undefined = (_queued, incoming) => incoming,
): Coalescer<T, P> {
  const slots = new Map<string, Slot<T, P>>();

  function start(key: string, slot: Slot<T, P>, payload: P | undefined): Promise<T> {
    const current = Promise.resolve().then(() => run(key, payload));
    slot.running = current;
    const settle = () => {
      slot.running = null;
      if (!slot.queued) slots.delete(key);
    };
    current.then(settle, settle);
    return current;
  }

  return {
    trigger(key, payload) {
      const slot = slots.get(key) ?? { running: null, queued: null, queuedPayload: undefined };
      slots.set(key, slot);
      if (!slot.running) return start(key, slot, payload);
      if (slot.queued) {
        slot.queuedPayload = merge(slot.queuedPayload, payload);
        return slot.queued;
      }
      slot.queuedPayload = payload;
      const after = slot.running.then(
        () => undefined,
        () => undefined,
      );
      slot.queued = after.then(() => {
        const queuedPayload = slot.queuedPayload;
        slot.queued = null;
        slot.queuedPayload = undefined;
        return start(key, slot, queuedPayload);
      });
      return slot.queued;
    },
    isRunning: (key) => Boolean(slots.get(key)?.running),
  };
}
