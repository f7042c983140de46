/**
 * Browser permissions of the app's session: everything is denied except
 * notifications (the only one the app uses), both when a page asks
 * (request handler) and when Chromium checks silently (check handler).
 * Without these handlers Electron grants most permissions by default.
 */
import type { Session } from 'electron';

/** The permissions the app's pages may have. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** True when the app's pages may use `permission`. */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/** Install the deny-by-default permission handlers on a session (the default session before any window opens). */
export function lockPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
