/** Typed in-process publish/subscribe for the contract's push events. */
import type { EventChannel, EventPayload } from '../../../shared/api/contract.ts';

/** A listener that receives every event, for transports that forward all of them. */
export type AnyEventListener = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;

/** The event bus the service publishes on and every transport forwards from. */
export interface EventBus {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: AnyEventListener): () => void;
}

/**
 * Create an event bus. A listener that throws does not stop the others. `clean` maps every payload
 * before any listener sees it (the core passes its redactor).
 */
export function createEventBus(
  onListenerError: (error: unknown) => void = () => {},
  clean: <T>(payload: T, event: EventChannel) => T = (payload) => payload,
): EventBus {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const anyListeners = new Set<AnyEventListener>();
  return {
    emit(event, raw) {
      const payload = clean(raw, event);
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
      for (const listener of anyListeners) {
        try {
          listener(event, payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onAny(listener) {
      anyListeners.add(listener);
      return () => anyListeners.delete(listener);
    },
  };
}
