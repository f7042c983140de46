/**
 * Serves the built renderer on `app://reqbridge/…` with the strict CSP and
 * security headers (file:// could not carry headers). Paths cannot escape the
 * renderer folder; unknown routes fall back to index.html.
 */
import type { Protocol } from 'electron';
import { RENDERER_CSP } from '../../shared/security/csp.ts';
import { loadStaticFile } from '../host/static-files.ts';
import { APP_SCHEME } from './window-options.ts';

/** Register the scheme as privileged. Must run before the app is ready. */
export function registerAppSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Answer `app://` requests from `rendererDir`. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await loadStaticFile(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
