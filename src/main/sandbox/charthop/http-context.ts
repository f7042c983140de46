// Glue between the kit's requests and the ChartHop domain: bearer auth,
// org resolution (id or slug), the per-token permission model, query-param
// parsing and turning domain errors into kit HttpErrors whose `code` is the
// numeric status (ChartHop's `{ "code": 404, "message": "…" }`).
import { httpError } from '../http/index.ts';
import type { AuthInput, Route, SandboxRequest, SandboxResponse } from '../http/index.ts';
import { ChartHopError } from './errors.ts';
import type { ChartHopOrg, ChartHopTokenGrant } from './state.ts';
import type { ChartHopStore } from './store.ts';
import type { Actor } from './timeline-write.ts';

function bearerGrant(store: ChartHopStore, header: string | string[] | undefined): ChartHopTokenGrant {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const grant = match?.[1] ? store.token(match[1]) : undefined;
  if (!grant) throw httpError(401, 'not authorized', 401);
  return grant;
}

/**
 * Reads `Authorization: Bearer <token>`; 401 `{ code: 401, message: "not authorized" }` when
 * missing, malformed or unknown. Returns the app user id (what the request log shows, never the token).
 */
export function authenticateBearer(store: ChartHopStore, input: AuthInput): string {
  return bearerGrant(store, input.headers.authorization).userId;
}

/** The grant behind an authenticated request (re-read from its bearer token). */
export function grantOf(store: ChartHopStore, req: SandboxRequest): ChartHopTokenGrant {
  return bearerGrant(store, req.headers.authorization);
}

/** What every org-scoped handler gets. */
export interface OrgRequest {
  req: SandboxRequest;
  org: ChartHopOrg;
  actor: Actor;
}

/** Who may do what (our reading of ChartHop's access levels; see the report). */
export type Permission = 'read' | 'writeJobs' | 'writePeople' | 'admin';

function allowed(access: ChartHopTokenGrant['access'], need: Permission): boolean {
  if (access === 'OWNER') return true;
  if (access === 'RECRUIT_EDITOR') return need !== 'admin';
  return need === 'read';
}

/** Resolves `:org` (id or slug): 404 `org not found`, 403 when the token is not installed there or lacks `need`. */
export function orgRequest(store: ChartHopStore, req: SandboxRequest, need: Permission): OrgRequest {
  const grant = grantOf(store, req);
  const org = store.org(req.params.org ?? '');
  if (!org) throw httpError(404, 'org not found', 404);
  if (!grant.orgIds.includes(org.id)) throw httpError(403, `permission denied: this token has no access to org ${org.slug}`, 403);
  if (!allowed(grant.access, need)) {
    const what = grant.access === 'READ' ? 'read-only access' : `${grant.access} access`;
    throw httpError(403, `permission denied: this token has ${what}`, 403);
  }
  return { req, org, actor: { userId: grant.userId, access: grant.access } };
}

/** Wraps a handler so domain ChartHopErrors become kit HttpErrors with a numeric code. */
export function handle(fn: (req: SandboxRequest) => SandboxResponse): Route['handler'] {
  return (req) => {
    try {
      return fn(req);
    } catch (e) {
      if (e instanceof ChartHopError) throw httpError(e.status, e.message, e.status);
      throw e;
    }
  };
}

/** Comma-separated list param (also repeated params, and `<name>List` arrays). */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = [...query.getAll(name), ...query.getAll(`${name}List`)];
  if (values.length === 0) return undefined;
  const items = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/** A single string param, or undefined when absent or empty. */
export function param(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

/** A boolean param (`true`/`false`); 400 on anything else. */
export function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const value = param(query, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw httpError(400, `invalid ${name}: expected true or false`, 400);
  return value === 'true';
}
