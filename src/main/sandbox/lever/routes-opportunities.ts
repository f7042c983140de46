import { json, route } from '../http/index.ts';
import type { Route, SandboxRequest } from '../http/index.ts';
import { keyOf, requireConfidentialAccess, requirePermission } from './auth.ts';
import type { LeverContext } from './context.ts';
import { paginate } from './pagination.ts';
import { boolParam, confidentialityFilter, emailFilter, expands, inRange, many, msParam, notFound } from './query.ts';
import { renderApplication, renderContact, renderOpportunity } from './render.ts';
import type { LeverOpportunity } from './state.ts';

/**
 * `/opportunities` and friends (§10): list with the filters the engine needs, get with `expand`,
 * applications, offers, contacts, stages and archive reasons. `posting_id` matches opportunities
 * currently on the posting (not archived); `archived_posting_id` those archived from it.
 */
export function opportunityRoutes(ctx: LeverContext): Route[] {
  const base = '/v1/opportunities';
  const find = (req: SandboxRequest): LeverOpportunity => {
    const o = ctx.store.opportunities.get(req.params['id'] ?? '');
    if (!o) throw notFound('opportunity');
    if (o.confidentiality === 'confidential') requireConfidentialAccess(keyOf(ctx, req));
    return o;
  };
  const pageSize = (): number => ctx.behaviour.defaultPageSize;
  return [
    route('GET', base, (req) => {
      const key = requirePermission(ctx, req, 'Read opportunities');
      const postings = many(req, 'posting_id');
      const archivedPostings = many(req, 'archived_posting_id');
      const stages = many(req, 'stage_id');
      const reasons = many(req, 'archive_reason_id');
      const tags = many(req, 'tag');
      const origins = many(req, 'origin');
      const contacts = many(req, 'contact_id');
      const archived = boolParam(req, 'archived');
      const emails = emailFilter(req);
      const ranges = (['created_at', 'updated_at', 'archived_at', 'advanced_at'] as const).map(
        (n) => [n, msParam(req, `${n}_start`), msParam(req, `${n}_end`)] as const,
      );
      const conf = confidentialityFilter(req, key);
      const expand = expands(req);
      const stamp = (o: LeverOpportunity, n: (typeof ranges)[number][0]): number | null =>
        n === 'created_at'
          ? o.createdAt
          : n === 'updated_at'
            ? o.updatedAt
            : n === 'advanced_at'
              ? o.lastAdvancedAt
              : (o.archived?.archivedAt ?? null);
      return json(
        paginate(
          req,
          ctx.store.opportunities.sorted(),
          (o) => {
            const posting = o.application?.posting ?? '';
            return (
              (postings.length === 0 || (o.archived === null && postings.includes(posting))) &&
              (archivedPostings.length === 0 || (o.archived !== null && archivedPostings.includes(posting))) &&
              (stages.length === 0 || stages.includes(o.stage)) &&
              (reasons.length === 0 || (o.archived !== null && reasons.includes(o.archived.reason))) &&
              (archived === undefined || archived === (o.archived !== null)) &&
              (tags.length === 0 || tags.some((t) => o.tags.includes(t))) &&
              (origins.length === 0 || origins.includes(o.origin)) &&
              (contacts.length === 0 || contacts.includes(o.contact)) &&
              (emails === undefined || o.emails.some((e) => emails.has(e.trim().toLowerCase()))) &&
              ranges.every(([n, start, end]) => inRange(stamp(o, n), start, end)) &&
              conf(o.confidentiality)
            );
          },
          (o) => renderOpportunity(o, ctx.store, expand),
          pageSize(),
        ),
      );
    }),
    route('GET', `${base}/:id`, (req) => {
      requirePermission(ctx, req, 'Read opportunities');
      return json({ data: renderOpportunity(find(req), ctx.store, expands(req)) });
    }),
    route('GET', `${base}/:id/applications`, (req) => {
      requirePermission(ctx, req, 'Read applications');
      const app = renderApplication(find(req), ctx.store);
      return json({ data: app ? [app] : [], hasNext: false });
    }),
    route('GET', `${base}/:id/applications/:appId`, (req) => {
      requirePermission(ctx, req, 'Read applications');
      const app = renderApplication(find(req), ctx.store);
      if (!app || app['id'] !== req.params['appId']) throw notFound('application');
      return json({ data: app });
    }),
    route('GET', `${base}/:id/offers`, (req) => {
      requirePermission(ctx, req, 'Read offers');
      const o = find(req);
      return json(
        paginate(
          req,
          // Lever documents no order for offers: the fake answers newest first, so a client that needs the
          // newest status must sort by createdAt itself rather than trust the listing's order.
          [...o.offers].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)),
          () => true,
          (f) => f,
          pageSize(),
        ),
      );
    }),
    route('GET', '/v1/contacts/:id', (req) => {
      requirePermission(ctx, req, 'Read contacts');
      const key = keyOf(ctx, req);
      const owner = [...ctx.store.opportunities.sorted()]
        .reverse()
        .find((o) => o.contact === req.params['id'] && (o.confidentiality !== 'confidential' || key.confidentialAccess));
      if (!owner) throw notFound('contact');
      return json({ data: renderContact(owner) });
    }),
    route('GET', '/v1/stages', (req) => {
      requirePermission(ctx, req, 'Read stages');
      return json({ data: ctx.store.stages, hasNext: false });
    }),
    route('GET', '/v1/stages/:id', (req) => {
      requirePermission(ctx, req, 'Read stages');
      const s = ctx.store.stages.find((x) => x.id === req.params['id']);
      if (!s) throw notFound('stage');
      return json({ data: s });
    }),
    route('GET', '/v1/archive_reasons', (req) => {
      requirePermission(ctx, req, 'Read archive reasons');
      const type = req.query.get('type');
      return json({ data: ctx.store.archiveReasons.filter((a) => !type || a.type === type), hasNext: false });
    }),
    route('GET', '/v1/archive_reasons/:id', (req) => {
      requirePermission(ctx, req, 'Read archive reasons');
      const a = ctx.store.archiveReasons.find((x) => x.id === req.params['id']);
      if (!a) throw notFound('archive reason');
      return json({ data: a });
    }),
  ];
}
