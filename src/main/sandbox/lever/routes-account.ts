import { json, noContent, randomHex, randomUuid, route } from '../http/index.ts';
import type { Route } from '../http/index.ts';
import { requirePermission } from './auth.ts';
import type { LeverContext } from './context.ts';
import { ALL_ORIGINS } from './defaults.ts';
import { paginate } from './pagination.ts';
import { badRequest, bodyObject, emailFilter, many, notFound } from './query.ts';
import { renderUser, renderWebhook } from './render.ts';
import type { LeverOrigin, LeverWebhook, LeverWebhookEvent } from './state.ts';

/** Webhook events the API accepts. */
export const WEBHOOK_EVENTS: readonly LeverWebhookEvent[] = [
  'applicationCreated',
  'candidateStageChange',
  'candidateArchiveChange',
  'candidateHired',
  'candidateDeleted',
  'interviewCreated',
  'interviewUpdated',
  'interviewDeleted',
  'contactCreated',
  'contactUpdated',
];

/**
 * `/users` (§13: active only unless `includeDeactivated=true`; `email` exact on the canonical
 * address; `accessRole`) and `/webhooks` (§12.5: list without `hasNext` and without tokens;
 * create → 201 with `configuration.signatureToken`, the only time it is shown; delete → 204).
 */
export function accountRoutes(ctx: LeverContext): Route[] {
  return [
    route('GET', '/v1/users', (req) => {
      requirePermission(ctx, req, 'Read users');
      const emails = emailFilter(req);
      const roles = many(req, 'accessRole');
      const withDeactivated = req.query.get('includeDeactivated') === 'true';
      return json(
        paginate(
          req,
          ctx.store.users.sorted(),
          (u) =>
            (withDeactivated || u.deactivatedAt === null) &&
            (emails === undefined || emails.has(u.email.trim().toLowerCase())) &&
            (roles.length === 0 || roles.includes(u.accessRole)),
          renderUser,
          ctx.behaviour.defaultPageSize,
        ),
      );
    }),
    route('GET', '/v1/users/:id', (req) => {
      requirePermission(ctx, req, 'Read users');
      const u = ctx.store.users.get(req.params['id'] ?? '');
      if (!u) throw notFound('user');
      return json({ data: renderUser(u) });
    }),
    route('GET', '/v1/webhooks', (req) => {
      requirePermission(ctx, req, 'Read webhooks');
      return json({ data: [...ctx.store.webhooks.values()].map(renderWebhook) });
    }),
    route('POST', '/v1/webhooks', (req) => {
      requirePermission(ctx, req, 'Manage webhooks');
      const body = bodyObject(req.body);
      const event = body['event'];
      if (typeof event !== 'string' || !WEBHOOK_EVENTS.includes(event as LeverWebhookEvent))
        throw badRequest(`event must be one of ${WEBHOOK_EVENTS.join(', ')}`);
      const url = body['url'];
      if (typeof url !== 'string' || !isHttpUrl(url)) throw badRequest('url must be an absolute http(s) URL');
      const now = ctx.clock();
      const webhook: LeverWebhook = {
        id: randomUuid(ctx.random),
        event: event as LeverWebhookEvent,
        url,
        configuration: { conditions: { origins: origins(body['configuration']) } },
        signatureToken: randomHex(ctx.random, 48),
        createdAt: now,
        updatedAt: now,
      };
      ctx.store.webhooks.set(webhook);
      const shown = renderWebhook(webhook);
      return json({ data: { ...shown, configuration: { ...webhook.configuration, signatureToken: webhook.signatureToken } } }, 201);
    }),
    route('DELETE', '/v1/webhooks/:id', (req) => {
      requirePermission(ctx, req, 'Manage webhooks');
      if (!ctx.store.webhooks.delete(req.params['id'] ?? '')) throw notFound('webhook');
      return noContent();
    }),
  ];
}

/** Lever requires HTTPS in production; the sandbox also accepts http so local receivers work. */
function isHttpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function origins(configuration: unknown): LeverOrigin[] {
  if (configuration === undefined || configuration === null) return [...ALL_ORIGINS];
  const list = (configuration as { conditions?: { origins?: unknown } }).conditions?.origins;
  if (list === undefined) return [...ALL_ORIGINS];
  if (!Array.isArray(list) || !list.every((o) => ALL_ORIGINS.includes(o as LeverOrigin))) {
    throw badRequest(`configuration.conditions.origins must be a list of ${ALL_ORIGINS.join(', ')}`);
  }
  return [...new Set(list as LeverOrigin[])];
}
