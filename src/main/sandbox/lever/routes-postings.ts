import { json, route } from '../http/index.ts';
import type { Route, SandboxRequest } from '../http/index.ts';
import { requireConfidentialAccess, requirePermission } from './auth.ts';
import type { LeverContext } from './context.ts';
import { paginate } from './pagination.ts';
import { badRequest, bodyObject, confidentialityFilter, inRange, many, msParam, notFound } from './query.ts';
import { renderPosting } from './render.ts';
import type { LeverPosting, LeverPostingCategories } from './state.ts';

const STATES: readonly LeverPosting['state'][] = ['published', 'internal', 'closed', 'draft', 'pending', 'rejected'];
const CATEGORY_KEYS = ['team', 'department', 'location', 'commitment'] as const;

/**
 * `/postings` (§9): list (filters state, team, department, location, commitment, tag,
 * distributionChannel, confidentiality, updated_at range — category filters case-sensitive),
 * get, and update via POST (needs "Update posting" and a valid `perform_as` user).
 */
export function postingRoutes(ctx: LeverContext): Route[] {
  const base = '/v1/postings';
  const find = (req: SandboxRequest): LeverPosting => {
    const p = ctx.store.postings.get(req.params['id'] ?? '');
    if (!p) throw notFound('posting');
    return p;
  };
  return [
    route('GET', base, (req) => {
      const key = requirePermission(ctx, req, 'Read postings');
      const states = many(req, 'state');
      const cats = CATEGORY_KEYS.map((k) => [k, many(req, k)] as const);
      const tags = many(req, 'tag');
      const channels = many(req, 'distributionChannel');
      const start = msParam(req, 'updated_at_start');
      const end = msParam(req, 'updated_at_end');
      const conf = confidentialityFilter(req, key);
      const include = new Set(many(req, 'include'));
      return json(
        paginate(
          req,
          ctx.store.postings.sorted(),
          (p) =>
            (states.length === 0 || states.includes(p.state)) &&
            cats.every(([k, values]) => values.length === 0 || values.includes(p.categories[k] ?? '')) &&
            (tags.length === 0 || tags.some((t) => p.tags.includes(t))) &&
            (channels.length === 0 || channels.some((c) => (p.distributionChannels ?? []).includes(c as 'public' | 'internal'))) &&
            inRange(p.updatedAt, start, end) &&
            conf(p.confidentiality),
          (p) => renderPosting(p, include),
          ctx.behaviour.defaultPageSize,
        ),
      );
    }),
    route('GET', `${base}/:id`, (req) => {
      const key = requirePermission(ctx, req, 'Read postings');
      const p = find(req);
      if (p.confidentiality === 'confidential') requireConfidentialAccess(key);
      return json({ data: renderPosting(p, 'all') });
    }),
    route('POST', `${base}/:id`, (req) => {
      const key = requirePermission(ctx, req, 'Update posting');
      const old = find(req);
      if (old.confidentiality === 'confidential') requireConfidentialAccess(key);
      requirePerformAs(ctx, req);
      const updated = applyPostingUpdate(ctx, old, bodyObject(req.body));
      ctx.store.postings.set(updated);
      return json({ data: renderPosting(updated, 'all') });
    }),
  ];
}

/** `perform_as` is required on posting writes and must name an active user (§6). */
function requirePerformAs(ctx: LeverContext, req: SandboxRequest): void {
  const id = req.query.get('perform_as');
  if (!id) throw badRequest('perform_as is required: pass the id of the user to act as');
  const user = ctx.store.users.get(id);
  if (!user || user.deactivatedAt !== null) throw badRequest(`perform_as must be the id of an active user; got "${id}"`);
}

/**
 * Applies a posting update with Lever's observed semantics (§9.3): an omitted `state` resets the
 * posting to `draft`; omitted `categories` keep the single categories but clear `allLocations`;
 * given `categories` replace all of them; `requisitionCodes` must name existing requisitions;
 * `confidentiality` cannot change after creation; other omitted fields are kept.
 */
function applyPostingUpdate(ctx: LeverContext, old: LeverPosting, body: Record<string, unknown>): LeverPosting {
  const next: LeverPosting = { ...old, updatedAt: ctx.clock() };
  if (body['text'] !== undefined) {
    if (typeof body['text'] !== 'string' || body['text'].trim() === '') throw badRequest('text must be a non-empty string');
    next.text = body['text'];
  }
  const state = body['state'] ?? 'draft';
  if (typeof state !== 'string' || !STATES.includes(state as LeverPosting['state']))
    throw badRequest(`state must be one of ${STATES.join(', ')}`);
  next.state = state as LeverPosting['state'];
  next.distributionChannels = next.state === 'published' ? (old.distributionChannels ?? ['public', 'internal']) : null;
  if (body['categories'] === undefined) {
    next.categories = { ...old.categories, allLocations: [] };
  } else {
    next.categories = categories(body['categories']);
  }
  if (body['confidentiality'] !== undefined && body['confidentiality'] !== old.confidentiality) {
    throw badRequest('confidentiality cannot be changed after a posting is created');
  }
  if (body['requisitionCodes'] !== undefined) {
    const codes = body['requisitionCodes'];
    if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) throw badRequest('requisitionCodes must be a list of strings');
    const unknown = codes.find((c) => ctx.store.requisitions.withKey(c).length === 0);
    if (unknown !== undefined) throw badRequest(`No requisition has the code "${unknown}"`);
    next.requisitionCodes = [...new Set(codes as string[])];
  }
  for (const name of ['owner', 'hiringManager'] as const) {
    const v = body[name];
    if (v === undefined) continue;
    if (v !== null && (typeof v !== 'string' || !ctx.store.users.get(v))) throw badRequest(`${name} must be the id of an existing user`);
    next[name] = v;
  }
  if (body['tags'] !== undefined) {
    if (!Array.isArray(body['tags']) || !body['tags'].every((t) => typeof t === 'string'))
      throw badRequest('tags must be a list of strings');
    next.tags = body['tags'] as string[];
  }
  if (body['workplaceType'] !== undefined) {
    if (typeof body['workplaceType'] !== 'string') throw badRequest('workplaceType must be a string');
    next.workplaceType = body['workplaceType'];
  }
  return next;
}

function categories(v: unknown): LeverPostingCategories {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw badRequest('categories must be an object');
  const c = v as Record<string, unknown>;
  const pick = (k: string): string | null => {
    const value = c[k];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') throw badRequest(`categories.${k} must be a string`);
    return value;
  };
  const location = pick('location');
  const all = c['allLocations'];
  if (all !== undefined && (!Array.isArray(all) || !all.every((l) => typeof l === 'string')))
    throw badRequest('categories.allLocations must be a list of strings');
  return {
    team: pick('team'),
    department: pick('department'),
    location,
    commitment: pick('commitment'),
    level: pick('level'),
    allLocations: (all as string[] | undefined) ?? (location ? [location] : []),
  };
}
