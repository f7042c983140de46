/**
 * The channel names alone, without zod, so the preload script (sandboxed,
 * bundled small) can allow-list them. A unit test proves these lists, the
 * contract and the main handler table name exactly the same channels.
 */
import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from './contract.ts';
import type { Envelope } from './envelope.ts';

/** Every request channel, allow-listed by the preload script. */
export const REQUEST_CHANNELS = [
  'app:info',
  'profiles:list',
  'profiles:create',
  'profiles:rename',
  'profiles:delete',
  'profiles:select',
  'profiles:export',
  'profiles:import',
  'settings:get',
  'settings:update',
  'mappings:counterparts',
  'mappings:set',
  'mappings:remove',
  'secrets:status',
  'secrets:set',
  'secrets:clear',
  'doctor:run',
  'doctor:cancel',
  'doctor:shapes',
  'doctor:last',
  'sync:plan',
  'sync:apply',
  'sync:run',
  'sync:cancel',
  'metrics:run',
  'runs:list',
  'runs:get',
  'runs:export',
  'runs:undo-plan',
  'report:create',
  'hires:list',
  'hires:replay',
  'hires:job-match',
  'hires:link-job',
  'hires:catch-up',
  'hires:cancel-catch-up',
  'webhook:status',
  'webhook:rotate-secret',
  'webhook:test-delivery',
  'schedule:status',
  'schedule:set-paused',
  'schedule:catch-up',
  'app:preferences',
  'app:set-preferences',
  'updates:status',
  'updates:check',
  'updates:restart',
] as const satisfies readonly RequestChannel[];

/** Every push event, allow-listed by the preload script. */
export const EVENT_CHANNELS = [
  'profiles:changed',
  'settings:changed',
  'secrets:changed',
  'app:navigate',
  'app:core-restarted',
  'app:core-stopped',
  'doctor:progress',
  'doctor:finished',
  'run:progress',
  'run:finished',
  'hire:received',
  'catch-up:progress',
  'catch-up:finished',
  'webhook:changed',
  'schedule:changed',
  'preferences:changed',
  'updates:changed',
] as const satisfies readonly EventChannel[];

/** Compile-time proof that the lists above are complete (a missing name is a type error). */
type Missing<All, Listed> = Exclude<All, Listed>;
export const _requestListComplete: Missing<RequestChannel, (typeof REQUEST_CHANNELS)[number]> extends never ? true : false = true;
export const _eventListComplete: Missing<EventChannel, (typeof EVENT_CHANNELS)[number]> extends never ? true : false = true;

/** The allow-listed surface the preload exposes as `window.api`, and the browser bridge mirrors. */
export interface BridgeApi {
  /** Call a request channel; resolves with the envelope, never rejects for an application error. */
  invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<Envelope<RequestOutput<C>>>;
  /** Listen to a push event; returns the function that stops listening. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
