/**
 * The browser host: the built renderer and the same contract over HTTP and
 * SSE on 127.0.0.1, for machines without a display or an Electron binary and
 * for end-to-end tests in Chromium. A per-launch token guards the API and the
 * event stream; it is printed in the URL's fragment (never sent to a server),
 * and the page sends it back in the Authorization header. The renderer's own
 * files are served without it (they hold no data). Host and Origin must be the
 * host's own on every request.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { RENDERER_CSP } from '../../shared/security/csp.ts';
import type { Dispatch } from '../core/api/dispatcher.ts';
import type { EventBus } from '../core/api/event-bus.ts';
import type { Logger } from '../core/logging/logger.ts';
import { isSameOrigin, presentedToken, tokenMatches } from './guards.ts';
import { listenOnLoopback } from './listen-loopback.ts';
import { handleApiCall, handleEventStream, sendJson } from './http-api.ts';
import { loadStaticFile } from './static-files.ts';

/** Options of the browser host. */
export interface HostServerOptions {
  dispatch: Dispatch;
  events: EventBus;
  logger: Logger;
  /** The built renderer (electron-vite's out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token (tests); random 32 bytes by default. */
  token?: string;
}

/** A running browser host. */
export interface HostServer {
  /** The address to open, with the token in its fragment: `http://127.0.0.1:<port>/#token=…`. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** Start the browser host on 127.0.0.1. */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (!isSameOrigin(request, port)) {
      return sendJson(response, 403, {
        ok: false,
        error: { code: 'host.forbidden_origin', message: 'This host only answers to its own address.' },
      });
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!tokenMatches(presentedToken(request), token)) {
        return sendJson(response, 401, {
          ok: false,
          error: { code: 'host.unauthorized', message: 'Open the address the host printed (it carries the access token).' },
        });
      }
      if (url.pathname === '/api/events') return handleEventStream(request, response, options.events);
      return handleApiCall(request, response, url.pathname.slice('/api/'.length), options.dispatch);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendJson(response, 405, { ok: false, error: { code: 'host.method', message: 'Method not allowed.' } });
    const file = await loadStaticFile(options.rendererDir, url.pathname);
    if (!file)
      return sendJson(response, 404, {
        ok: false,
        error: { code: 'host.not_found', message: 'Not found. Was the renderer built (npm run build)?' },
      });
    response.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      options.logger.error('Browser host request failed', error);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'The host failed to answer.' } });
      else response.end();
    });
  });
  const listener = await listenOnLoopback(server, options.port ?? 0);
  port = listener.port;
  return { url: `${listener.origin}/#token=${encodeURIComponent(token)}`, origin: listener.origin, token, close: listener.close };
}
