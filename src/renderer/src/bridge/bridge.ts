/**
 * The renderer's only door to the main process. In Electron the preload
 * exposes `window.api`; in the browser host the same contract runs over
 * HTTP/SSE. `call` unwraps the envelope into a value or throws a UiError.
 */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from '../../../shared/api/contract.ts';
import { createHttpBridge } from './http-bridge.ts';
import { UiError } from './ui-error.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host. */
    api?: BridgeApi;
  }
}

let bridge: BridgeApi | null = null;

/** The transport in use: the preload's `window.api` when present, else HTTP/SSE on this origin. */
export function getBridge(): BridgeApi {
  bridge ??= window.api ?? createHttpBridge();
  return bridge;
}

/** Call a request channel and return its value; an error envelope becomes a thrown UiError. */
export async function call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>> {
  let envelope;
  try {
    envelope = await getBridge().invoke(channel, input);
  } catch {
    throw new UiError({
      code: 'bridge.failed',
      message: 'ReqBridge could not reach its background process. Restart the app; if it persists, report it.',
    });
  }
  if (!envelope.ok) throw new UiError(envelope.error);
  return envelope.value;
}

/** Listen to a push event; returns the function that stops listening. */
export function subscribe<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getBridge().on(event, listener);
}
