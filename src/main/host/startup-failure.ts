/**
 * When the browser host cannot start its core (a corrupt settings file, a
 * state database from a newer ReqBridge, a data folder it cannot write), it
 * still answers on its address, with one page that says what happened and
 * what to do, instead of a stack trace in a terminal the consultant may not
 * be watching. `/api/…` answers the same sentence as an error envelope.
 */
import { createServer } from 'node:http';
import { isSameOrigin } from './guards.ts';
import { listenOnLoopback } from './listen-loopback.ts';

export { startupFailureText } from '../core/startup-failure.ts';

/** A running failure page. */
export interface StartupFailurePage {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The self-contained page (no script, inline style). */
export function startupFailureHtml(text: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ReqBridge could not start</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:40rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.4rem}p.why{background:#fdecea;border-left:4px solid #b42318;padding:.75rem 1rem}</style></head>
<body><main><h1>ReqBridge could not start</h1><p class="why" role="alert">${escapeHtml(text)}</p>
<p>Nothing was changed. Fix the cause, then stop ReqBridge (Ctrl+C in its terminal) and start it again.</p></main></body></html>
`;
}

/** Serves the failure page on 127.0.0.1 (port 0 by default) until closed. */
export async function startStartupFailurePage(text: string, port = 0): Promise<StartupFailurePage> {
  let bound = 0;
  const server = createServer((request, response) => {
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    if (!isSameOrigin(request, bound)) {
      response
        .writeHead(403, { 'content-type': 'application/json' })
        .end(
          JSON.stringify({ ok: false, error: { code: 'host.forbidden_origin', message: 'This host only answers to its own address.' } }),
        );
      return;
    }
    if ((request.url ?? '/').startsWith('/api')) {
      response
        .writeHead(503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: { code: 'host.not_started', message: text } }));
      return;
    }
    response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(startupFailureHtml(text));
  });
  const listener = await listenOnLoopback(server, port);
  bound = listener.port;
  return { url: `${listener.origin}/`, origin: listener.origin, close: listener.close };
}
