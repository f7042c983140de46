import { httpError } from '../http/index.ts';
import type { SandboxRequest } from '../http/index.ts';
import { requireConfidentialAccess } from './auth.ts';
import type { LeverApiKey } from './state.ts';

/** A 400 with Lever's error body. */
export function badRequest(message: string): Error {
  return httpError(400, message, 'BadRequestError');
}

/** A 404 `NotFoundError` worded like Lever's ("That requisition doesn't exist on your account"). */
export function notFound(what: string): Error {
  return httpError(404, `That ${what} doesn't exist on your account`, 'NotFoundError');
}

/** Every value of a repeatable query key (repeated keys OR together; empty values dropped). */
export function many(req: SandboxRequest, name: string): string[] {
  return req.query.getAll(name).filter((v) => v !== '');
}

/** An epoch-ms query parameter; non-integers → 400. */
export function msParam(req: SandboxRequest, name: string): number | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`Invalid ${name}: expected a timestamp in milliseconds`);
  return Number(raw);
}

/** A `true`/`false` query parameter; anything else → 400. */
export function boolParam(req: SandboxRequest, name: string): boolean | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw badRequest(`Invalid ${name}: expected true or false`);
  return raw === 'true';
}

/**
 * A `[start, end]` range check on a timestamp. Our choice where Lever is silent: both bounds
 * inclusive, so an incremental sync from `created_at_start = lastSeen` re-reads the boundary.
 */
export function inRange(value: number | null, start: number | undefined, end: number | undefined): boolean {
  if (start === undefined && end === undefined) return true;
  if (value === null) return false;
  return (start === undefined || value >= start) && (end === undefined || value <= end);
}

/**
 * The `confidentiality` list filter: `non-confidential` (default), `confidential` or `all`;
 * the last two need a key with confidential access (§14.14).
 */
export function confidentialityFilter(req: SandboxRequest, key: LeverApiKey): (c: string) => boolean {
  const raw = req.query.get('confidentiality') ?? 'non-confidential';
  if (raw === 'non-confidential') return (c) => c === 'non-confidential';
  if (raw !== 'confidential' && raw !== 'all') throw badRequest('Invalid confidentiality: use confidential, non-confidential or all');
  requireConfidentialAccess(key);
  return raw === 'all' ? () => true : (c) => c === 'confidential';
}

/** Lower-cased, trimmed email; `undefined` when not a syntactically valid address. */
export function canonicalEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}

/** The `email` filter values, canonicalised; an invalid one → 400 "Email address is not valid". */
export function emailFilter(req: SandboxRequest): Set<string> | undefined {
  const raw = many(req, 'email');
  if (raw.length === 0) return undefined;
  return new Set(
    raw.map((r) => {
      const e = canonicalEmail(r);
      if (!e) throw badRequest('Email address is not valid');
      return e;
    }),
  );
}

/** The `expand` values (repeatable key; comma lists tolerated). */
export function expands(req: SandboxRequest): Set<string> {
  return new Set(
    req.query
      .getAll('expand')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  );
}

/** Narrows a JSON body to a plain object or throws 400. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Request body must be a JSON object');
  return body as Record<string, unknown>;
}
