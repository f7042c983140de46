/**
 * Lever users (lever-api.md §13) and the webhooks API (§12.5). A webhook's
 * signature token is a secret that Lever shows only in the create response:
 * it is registered with the redactor before it is returned.
 */
import type { Redactor } from '../logging/redactor.ts';
import { createIdempotent } from '../http/idempotent.ts';
import { backoffDelay } from '../http/retry-policy.ts';
import type { LeverApi } from './api.ts';
import { seg } from './api.ts';
import type { CreateResult } from './requisitions.ts';
import { single, userSchema, webhookSchema } from './schemas.ts';
import type { LeverUser, LeverWebhook } from './schemas.ts';

/** Filters of `GET /users` (active users only unless `includeDeactivated`). */
export interface UserFilter {
  email?: string | string[];
  includeDeactivated?: boolean;
  accessRole?: string | string[];
}

/** What a webhook is created or updated with. */
export interface WebhookInput {
  event: string;
  url: string;
  configuration?: { conditions?: { origins?: string[] } };
}

/** A created webhook with its signature token (null when the create was recovered by lookup). */
export type CreatedWebhook = LeverWebhook & { signatureToken: string | null };

/** Lever compares emails on the canonical (trimmed, lower-case) address; so do we. */
export function canonicalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** User and webhook operations. */
export function accountOperations(api: LeverApi, redactor: Redactor | undefined) {
  const users = (filter: UserFilter = {}): AsyncGenerator<LeverUser, void, undefined> =>
    api.list(userSchema, '/users', '/users', {
      email: filter.email,
      includeDeactivated: filter.includeDeactivated,
      accessRole: filter.accessRole,
    });
  const webhooks = (): AsyncGenerator<LeverWebhook, void, undefined> => api.list(webhookSchema, '/webhooks', '/webhooks');

  return {
    /** Every user matching `filter`. */
    users,
    /** One user by id. */
    user: (id: string): Promise<LeverUser> => api.getOne(userSchema, `/users/${seg(id)}`, '/users/:id'),
    /**
     * Users by email, looked up in batches of 50 (`email` repeated); the map is keyed by the
     * canonical address. Invalid addresses are skipped (Lever answers 400 for them).
     */
    async usersByEmail(emails: readonly string[], options: { includeDeactivated?: boolean } = {}): Promise<Map<string, LeverUser>> {
      const wanted = [...new Set(emails.map(canonicalEmail).filter((e) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)))];
      const found = new Map<string, LeverUser>();
      for (let i = 0; i < wanted.length; i += 50) {
        for await (const user of users({ email: wanted.slice(i, i + 50), ...options })) found.set(canonicalEmail(user.email), user);
      }
      return found;
    },
    /** Every webhook the key can see (tokens are never listed). */
    webhooks,
    /**
     * Registers a webhook. On an unknown outcome the webhook is looked up by event and URL; a
     * recovered webhook comes back with `signatureToken: null` (Lever shows the token only once).
     */
    async createWebhook(input: WebhookInput): Promise<CreateResult<CreatedWebhook>> {
      const { transport } = api;
      const result = await createIdempotent<CreatedWebhook>({
        vendor: 'lever',
        endpoint: 'POST /webhooks',
        recorder: transport.recorder,
        now: () => transport.clock.now(),
        write: async () => {
          const response = await api.send('POST', '/webhooks', '/webhooks', { body: input, idempotent: false });
          const created = api.parse(single(webhookSchema), response.body, 'POST /webhooks', response.status).data;
          const token = created.configuration?.signatureToken ?? null;
          if (token) redactor?.addSecret(token);
          return { ...created, signatureToken: token };
        },
        lookup: async () => {
          for await (const w of webhooks()) if (w.event === input.event && w.url === input.url) return { ...w, signatureToken: null };
          return null;
        },
        pause: (write) => transport.clock.sleep(backoffDelay(write, transport.policy), transport.signal),
      });
      return { record: result.value, outcome: result.outcome };
    },
    /** Replaces a webhook's event, URL or conditions (only API-created webhooks can be changed). */
    async updateWebhook(id: string, input: WebhookInput): Promise<LeverWebhook> {
      const response = await api.send('PUT', `/webhooks/${seg(id)}`, '/webhooks/:id', { body: input });
      return api.parse(single(webhookSchema), response.body, 'PUT /webhooks/:id', response.status).data;
    },
    /** Deletes a webhook; `deleted: false` when it was already gone. */
    async deleteWebhook(id: string): Promise<{ deleted: boolean }> {
      const response = await api.send('DELETE', `/webhooks/${seg(id)}`, '/webhooks/:id', { passStatuses: [404] });
      return { deleted: response.status !== 404 };
    },
  };
}
