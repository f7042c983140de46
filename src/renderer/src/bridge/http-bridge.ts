/**
 * The contract over the browser host: `POST /api/<channel>` answers an
 * envelope; `GET /api/events` is a Server-Sent Events stream of push events,
 * read with fetch. The per-launch token travels in the Authorization header
 * only (never a cookie); see host-token.ts.
 */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.ts';
import type { EventStream } from './event-stream.ts';
import { openEventStream } from './event-stream.ts';
import { hostToken } from './host-token.ts';

const UNREACHABLE: ApiErrorBody = {
  code: 'bridge.unreachable',
  message: 'ReqBridge’s host is not answering. Check that the host (npm run host) is still running, then reload this page.',
};

const UNAUTHORIZED: ApiErrorBody = {
  code: 'host.unauthorized',
  message: 'This page has lost its access to the host. Open the address the host printed again (it carries the access token).',
};

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const candidate = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (candidate.ok === true) return 'value' in value;
  return candidate.ok === false && typeof candidate.error?.code === 'string' && typeof candidate.error.message === 'string';
}

async function post(channel: string, input: unknown): Promise<Envelope<unknown>> {
  const token = hostToken();
  if (!token) return { ok: false, error: UNAUTHORIZED };
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.status === 401) return { ok: false, error: UNAUTHORIZED };
  if (isEnvelope(body)) return body;
  return {
    ok: false,
    error: {
      code: 'bridge.bad_response',
      message: `The host answered in an unexpected way (HTTP ${response.status}). Reload the page; if it persists, restart the host.`,
    },
  };
}

/** Create the HTTP/SSE bridge for the page's own origin. The event stream opens on the first listener. */
export function createHttpBridge(): BridgeApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let stream: EventStream | null = null;
  // Read the token now: it leaves the address bar before the page's router looks at the fragment.
  hostToken();

  function deliver(event: string, data: string): void {
    const set = listeners.get(event);
    if (!set || set.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of set) listener(payload);
  }

  /** The stream opens on the first listener and carries every event. */
  function ensureStream(): void {
    stream ??= openEventStream({ url: '/api/events', token: hostToken, onEvent: deliver });
  }

  return {
    invoke(channel, input) {
      return post(channel, input) as ReturnType<BridgeApi['invoke']>;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      ensureStream();
      return () => {
        set.delete(wrapped);
      };
    },
  };
}
