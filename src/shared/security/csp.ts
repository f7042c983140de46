/**
 * The Content-Security-Policy of the renderer, used by the Electron window and
 * the browser host alike: only the app's own scripts, styles and API; no
 * inline scripts, no frames, no plugins, no external network.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
