/**
 * One HTTP attempt with axios, reduced to an {@link AttemptResult}. The body
 * is read as text and parsed here, so a malformed or truncated page is seen
 * for what it is. The per-request timeout and the run's cancellation share
 * one AbortSignal; which one fired decides between "timeout" and "cancelled".
 * Whenever a response arrived, the vendor's request id (if its headers name
 * one, see {@link REQUEST_ID_HEADERS}) rides along for the error details.
 */
import axios from 'axios';
import type { AxiosInstance } from 'axios';
import type { AttemptResult } from './classify.ts';
import { neverSent } from './classify.ts';

/** A prepared request. Headers may hold the credential: they never leave this module in any form. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** One shared axios instance: no status validation, text bodies, no redirects (an API must not redirect). */
const instance: AxiosInstance = axios.create({
  validateStatus: () => true,
  responseType: 'text',
  transformResponse: [(data: unknown) => data],
  maxRedirects: 0,
});

function headerValue(headers: unknown, name: string): string | undefined {
  if (headers && typeof (headers as { get?: unknown }).get === 'function') {
    const value = (headers as { get(n: string): unknown }).get(name);
    return typeof value === 'string' ? value : undefined;
  }
  const value = (headers as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Response headers that may carry the vendor's id of a request, in the order they are tried.
 * Neither Lever nor ChartHop documents one (shared/reference/lever-api.md, charthop-api.md), so
 * these are the common names: the generic ones, AWS API Gateway's, and correlation ids.
 */
export const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid', 'x-correlation-id'] as const;

/** A request id is shown to the user and copied into reports: visible ASCII only, bounded. */
const SAFE_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** The vendor's request id from response headers, or null when none is present or it looks unsafe. */
export function requestIdOf(headers: unknown): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headerValue(headers, name)?.trim();
    if (value !== undefined && value !== '') return SAFE_REQUEST_ID.test(value) ? value : null;
  }
  return null;
}

function parseBody(status: number, text: unknown, requestId: string | null): AttemptResult {
  // The instance asks for text bodies and leaves them untransformed, so `text` is always a string here.
  const raw = String(text);
  if (raw.trim() === '') return { type: 'response', status, body: undefined, retryAfter: undefined, requestId };
  try {
    return { type: 'response', status, body: JSON.parse(raw) as unknown, retryAfter: undefined, requestId };
  } catch {
    // Only a success must carry valid JSON; an error page (a proxy's HTML 502) is still that status.
    return status >= 200 && status < 300
      ? { type: 'malformed', status, requestId }
      : { type: 'response', status, body: undefined, retryAfter: undefined, requestId };
  }
}

/** Sends one attempt and classifies what came back. Never throws. */
export async function sendOnce(request: OutgoingRequest): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    const response = await instance.request({
      method: request.method,
      url: request.url,
      headers: request.headers,
      data: request.body,
      signal,
    });
    const parsed = parseBody(response.status, response.data, requestIdOf(response.headers));
    if (parsed.type === 'response') parsed.retryAfter = headerValue(response.headers, 'retry-after');
    return parsed;
  } catch (error) {
    if (request.signal?.aborted) return { type: 'cancelled' };
    if (timeout.aborted) return { type: 'timeout' };
    // Stryker disable next-line StringLiteral: every error axios raises here carries a code, so the fallback name is never seen.
    const code = String((error as { code?: unknown }).code ?? 'UNKNOWN');
    const response = (error as { response?: { status?: unknown; headers?: unknown } }).response;
    const status = response?.status;
    // An error status whose body was cut off is still that status (its body is not needed).
    const requestId = requestIdOf(response?.headers);
    if (typeof status === 'number' && status >= 400)
      return { type: 'response', status, body: undefined, retryAfter: headerValue(response?.headers, 'retry-after'), requestId };
    // Headers arrived but the body was cut off (axios: "stream has been aborted").
    if (typeof status === 'number') return { type: 'truncated', status, requestId };
    // Stryker disable next-line ConditionalExpression,StringLiteral: axios raises ERR_BAD_RESPONSE without a response only past a maxContentLength, which this instance never sets.
    if (code === 'ERR_BAD_RESPONSE') return { type: 'truncated', status: null };
    return { type: 'network', code, sent: !neverSent(code) };
  }
}
