/**
 * What a consultant reads when a Lever call fails: what happened, why, and
 * what to do — naming the Lever API key on 401 and the missing permission on
 * 403 (from the endpoint and method, in the vendor guide's words).
 */
import type { FailureFacts } from '../http/transport.ts';
import type { HttpMethod } from '../http/transport.ts';

/** Where Lever API keys are managed. */
export const LEVER_KEY_SETTINGS = 'Lever → Settings → Integrations and API → API credentials';

/** The write permissions the vendor guide requires, in its own words. */
export const LEVER_GUIDE_WRITE_PERMISSIONS = [
  'Create requisitions',
  'Delete requisitions',
  'Update posting',
  'Update requisition fields',
] as const;

/**
 * The Lever key permission an endpoint needs. Write names are the guide's. Read names are ours
 * (the guide only says "Select all read"). Requisition updates (PUT) are covered by
 * "Create requisitions": the guide's key has no separate update permission, yet the
 * integration updates requisitions with it.
 */
export function leverPermissionFor(method: HttpMethod, route: string): string {
  const path = route.split('?')[0] ?? route;
  const read = method === 'GET';
  if (path.startsWith('/requisition_fields')) return read ? 'Read requisition fields' : 'Update requisition fields';
  if (path.startsWith('/requisitions')) {
    if (read) return 'Read requisitions';
    return method === 'DELETE' ? 'Delete requisitions' : 'Create requisitions';
  }
  if (path.startsWith('/postings')) return read ? 'Read postings' : 'Update posting';
  if (/^\/opportunities\/[^/]+\/offers/.test(path)) return 'Read offers';
  if (/^\/opportunities\/[^/]+\/applications/.test(path)) return 'Read applications';
  if (path.startsWith('/opportunities')) return read ? 'Read opportunities' : 'Update opportunities';
  if (path.startsWith('/contacts')) return 'Read contacts';
  if (path.startsWith('/stages')) return 'Read stages';
  if (path.startsWith('/archive_reasons')) return 'Read archive reasons';
  if (path.startsWith('/users')) return read ? 'Read users' : 'Manage users';
  if (path.startsWith('/webhooks')) return read ? 'Read webhooks' : 'Manage webhooks';
  return read ? 'read access to this endpoint' : 'write access to this endpoint';
}

function said(facts: FailureFacts): string {
  return facts.serverMessage ? ` Lever said: "${facts.serverMessage}".` : '';
}

function attempts(facts: FailureFacts): string {
  return facts.attempts === 1 ? 'once' : `${facts.attempts} times`;
}

/** The message for a failed Lever call. */
export function leverMessage(facts: FailureFacts): string {
  const { endpoint } = facts;
  switch (facts.kind) {
    case 'unauthorized':
      return `Lever rejected the Lever API key (401 Unauthorized on ${endpoint}): the key is mistyped, was deleted or was rotated. Copy a current key from ${LEVER_KEY_SETTINGS} and paste it as the Lever API key on the Setup page.`;
    case 'forbidden': {
      if (facts.serverMessage && /confidential/i.test(facts.serverMessage)) {
        return `Lever refused ${endpoint} (403 Forbidden): the Lever API key has no access to confidential data. Allow confidential access for the key in ${LEVER_KEY_SETTINGS}.`;
      }
      const permission = leverPermissionFor(facts.method, facts.route);
      return `Lever refused ${endpoint} (403 Forbidden): the Lever API key lacks the "${permission}" permission. Edit the key in ${LEVER_KEY_SETTINGS} and enable "${permission}".`;
    }
    case 'not_found':
      return `Lever has no such record (${endpoint}, 404).${said(facts)}`;
    case 'bad_request':
      return `Lever rejected ${endpoint} (${facts.status ?? 'error'}).${said(facts) || ' It gave no reason.'} Check the values being sent.`;
    case 'rate_limited':
      return `Lever kept answering 429 Too Many Requests to ${endpoint} (tried ${attempts(facts)}). Another tool may be using the same API key; try again in a few minutes.`;
    case 'unavailable':
      return `Lever is not available: ${endpoint} failed with ${facts.status ?? 'an error'} (tried ${attempts(facts)}). Try again later.`;
    case 'unreachable':
      return `Could not reach Lever for ${endpoint} (${facts.detail ?? 'connection error'}; tried ${attempts(facts)}). Check the network and the Lever API address on the Setup page.`;
    case 'timeout':
      return `Lever did not answer ${endpoint} in time (tried ${attempts(facts)}). Try again later.`;
    case 'bad_response':
      return `Lever's answer to ${endpoint} was incomplete or not valid JSON (${facts.detail ?? 'unreadable body'}; tried ${attempts(facts)}). Nothing was read from it; try again.`;
    case 'unknown_outcome':
      return `Lever may or may not have applied ${endpoint} (${facts.detail ?? `status ${facts.status ?? '?'}`}); the record must be looked up before sending it again.`;
    case 'retry_budget_exhausted':
      return `This run used up its allowance of retries and waits while calling ${endpoint} (last problem: ${facts.detail ?? `status ${facts.status ?? '?'}`}). The run stopped; run it again later.`;
    default:
      return `Lever call ${endpoint} failed (${facts.kind}).`;
  }
}
