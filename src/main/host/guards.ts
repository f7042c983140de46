/**
 * Request guards of the browser host: DNS-rebinding and cross-origin defence
 * (Host and Origin must be the host's own) and the per-launch token, accepted
 * only in the Authorization header. No cookie: cookies are scoped per host, not
 * per port (RFC 6265 §8.5), so any other service on 127.0.0.1 would receive it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The Host header values this host answers to. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** True when Host is ours and Origin (if sent) is ours too. */
export function isSameOrigin(request: IncomingMessage, port: number): boolean {
  const hosts = allowedHosts(port);
  const host = request.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return [...hosts].some((h) => origin.toLowerCase() === `http://${h}`);
}

/** Constant-time comparison of a presented token with the real one. */
export function tokenMatches(presented: string | null | undefined, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request presents in its `Authorization: Bearer …` header (the only place it is accepted). */
export function presentedToken(request: IncomingMessage): string | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return null;
}
