/** The contract over HTTP: `POST /api/<channel>` with a JSON body, and an SSE stream of push events. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from '../core/api/dispatcher.ts';
import { isRequestChannel } from '../core/api/dispatcher.ts';
import type { EventBus } from '../core/api/event-bus.ts';

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Send a JSON response. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Handle `POST /api/<channel>`. HTTP status mirrors the envelope: 404 unknown channel, 400 bad input. */
export async function handleApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  channel: string,
  dispatch: Dispatch,
): Promise<void> {
  if (request.method !== 'POST') return sendJson(response, 405, { ok: false, error: { code: 'api.method', message: 'Use POST.' } });
  if (!isRequestChannel(channel))
    return sendJson(response, 404, { ok: false, error: { code: 'api.unknown_channel', message: `There is no channel "${channel}".` } });
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return sendJson(response, 415, { ok: false, error: { code: 'api.content_type', message: 'Send the input as application/json.' } });
  }
  const text = await readBody(request);
  if (text === null)
    return sendJson(response, 413, { ok: false, error: { code: 'api.too_large', message: 'The request body is too large.' } });
  let input: unknown;
  try {
    input = text.trim() ? JSON.parse(text) : {};
  } catch {
    return sendJson(response, 400, { ok: false, error: { code: 'api.invalid_json', message: 'The request body is not valid JSON.' } });
  }
  const envelope = await dispatch(channel, input, { transport: 'http' });
  const status = envelope.ok ? 200 : envelope.error.code === 'api.invalid_input' ? 400 : envelope.error.code === 'internal' ? 500 : 200;
  sendJson(response, status, envelope);
}

/** Handle `GET /api/events`: a server-sent event stream of every push event, with heartbeats. */
export function handleEventStream(request: IncomingMessage, response: ServerResponse, events: EventBus): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  response.write(': connected\n\n');
  const stop = events.onAny((event, payload) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), 15_000);
  heartbeat.unref();
  request.on('close', () => {
    clearInterval(heartbeat);
    stop();
  });
}
