import { httpError } from '../http/index.ts';
import type { AuthInput, SandboxRequest } from '../http/index.ts';
import type { LeverContext } from './context.ts';
import type { LeverApiKey, LeverPermission } from './state.ts';

/**
 * Lever's API-key auth: HTTP Basic with the key as username and an empty password (§2.1). Returns
 * the key's id as the identity (the request log never sees the secret). Missing/unknown → 401.
 * Bearer (OAuth) is not accepted: an API key sent as Bearer fails against real Lever too.
 */
export function leverAuthenticator(ctx: LeverContext): (input: AuthInput) => string {
  return (input) => {
    const header = input.headers.authorization;
    const unauthorized = (message: string): Error =>
      httpError(401, message, 'UnauthorizedError', { 'www-authenticate': 'Basic realm="Lever API"' });
    if (typeof header !== 'string' || header.trim() === '')
      throw unauthorized('Missing API credentials: send the API key as the Basic auth username');
    const [scheme, encoded] = header.trim().split(/\s+/, 2);
    if (scheme?.toLowerCase() !== 'basic' || !encoded)
      throw unauthorized('Unsupported authorization scheme: use Basic auth with the API key as username');
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const secret = colon >= 0 ? decoded.slice(0, colon) : decoded;
    const key = ctx.store.keys.find((k) => k.secret === secret);
    if (!key || secret === '') throw unauthorized('Invalid API key');
    return key.id;
  };
}

/** The key behind an authenticated request. */
export function keyOf(ctx: LeverContext, req: SandboxRequest): LeverApiKey {
  const key = ctx.store.keys.find((k) => k.id === req.identity);
  if (!key) throw httpError(401, 'Invalid API key', 'UnauthorizedError');
  return key;
}

/** Throws Lever's 403 `{ code: 'ForbiddenError', message }` unless the key holds `permission`. */
export function requirePermission(ctx: LeverContext, req: SandboxRequest, permission: LeverPermission): LeverApiKey {
  const key = keyOf(ctx, req);
  const viaPreset = permission.startsWith('Read ') && key.permissions.includes('Select all read');
  if (!key.permissions.includes(permission) && !viaPreset) {
    throw httpError(403, `This API key does not have the '${permission}' permission`, 'ForbiddenError');
  }
  return key;
}

/** Throws 403 unless the key may access confidential data. */
export function requireConfidentialAccess(key: LeverApiKey): void {
  if (!key.confidentialAccess) throw httpError(403, 'This API key does not have access to confidential data', 'ForbiddenError');
}
