import type { ServerResponse } from 'node:http';
import { HttpError } from './types.ts';
import type { SandboxResponse } from './types.ts';

/** A JSON response with the given status (200 by default). */
export function json(body: unknown, status = 200, headers?: Record<string, string>): SandboxResponse {
  return headers ? { status, body, headers } : { status, body };
}

/** A `204 No Content` response (what both APIs answer on delete). */
export function noContent(): SandboxResponse {
  return { status: 204 };
}

/** Creates an {@link HttpError} to `throw` from a handler. */
export function httpError(status: number, message: string, code?: string | number, headers?: Record<string, string>): HttpError {
  return new HttpError(status, message, code, headers);
}

/** Restify-style error names (`NotFoundError`, `TooManyRequestsError`, …), the family Lever's errors belong to. */
export function errorCodeName(status: number): string {
  const names: Record<number, string> = {
    400: 'BadRequestError',
    401: 'UnauthorizedError',
    403: 'ForbiddenError',
    404: 'NotFoundError',
    405: 'MethodNotAllowedError',
    409: 'ConflictError',
    413: 'PayloadTooLargeError',
    415: 'UnsupportedMediaTypeError',
    422: 'UnprocessableEntityError',
    429: 'TooManyRequestsError',
    500: 'InternalServerError',
    502: 'BadGatewayError',
    503: 'ServiceUnavailableError',
    504: 'GatewayTimeoutError',
  };
  return names[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequestError');
}

/** How a response body is damaged on the way out (fault plans). */
export type BodyMode = 'normal' | 'truncate' | 'malformed';

/** Serialises a body the way a response will carry it (`undefined` for no body). */
export function serialiseBody(res: SandboxResponse): string | undefined {
  if (res.status === 204 || res.status === 304 || res.body === undefined) return undefined;
  return JSON.stringify(res.body);
}

/**
 * Writes a response. `truncate` declares the full Content-Length, sends only `keepBytes` (default
 * half) and destroys the socket; `malformed` sends syntactically broken JSON with a consistent length.
 */
export function writeResponse(
  res: ServerResponse,
  response: SandboxResponse,
  defaults: Record<string, string>,
  mode: BodyMode = 'normal',
  keepBytes?: number,
): void {
  let text = serialiseBody(response);
  if (mode === 'malformed') text = text === undefined ? '{"data":' : `${text.slice(0, -1)},}`;
  const headers: Record<string, string> = { ...defaults, ...(response.headers ?? {}) };
  if (text === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  headers['content-type'] = headers['content-type'] ?? 'application/json; charset=utf-8';
  headers['content-length'] = String(bytes.length);
  const status = mode === 'malformed' && response.status === 204 ? 200 : response.status;
  res.writeHead(status, headers);
  if (mode === 'truncate') {
    const keep = Math.max(0, Math.min(bytes.length - 1, keepBytes ?? Math.floor(bytes.length / 2)));
    res.write(bytes.subarray(0, keep), () => res.socket?.destroy());
    return;
  }
  res.end(bytes);
}
