/**
 * "My own public URL": the user runs a reverse proxy that forwards HTTPS to the
 * webhook listener; ReqBridge only checks and shows the address (profile
 * `webhook.publicUrl`), with the webhook path appended.
 */
import { AppError } from '../errors.ts';
import type { TunnelConnection, TunnelDriver } from './tunnel.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The public base URL: absolute, https (http only on loopback, for tests), without a trailing slash or webhook path. */
export function normalisePublicUrl(raw: string): string {
  const text = raw.trim();
  if (!text)
    throw new AppError(
      'tunnel.public_url_missing',
      'Enter the public address of your reverse proxy (https://…) in Setup → New-hire data flow.',
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError(
      'tunnel.public_url_invalid',
      `"${text}" is not a URL. Enter the public address of your reverse proxy, e.g. https://hooks.example.com.`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new AppError(
      'tunnel.public_url_https',
      `Lever only calls HTTPS addresses, and ${url.origin} is not one. Enter the https:// address of your reverse proxy.`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new AppError(
      'tunnel.public_url_invalid',
      'Enter the public address without a query, fragment or credentials, e.g. https://hooks.example.com.',
    );
  }
  const path = url.pathname.replace(/\/webhooks\/lever(\/.*)?$/, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

/** The public-URL driver: up as soon as the address is valid. */
export function createPublicUrlDriver(publicUrl: string): TunnelDriver {
  return {
    provider: 'public-url',
    async connect(): Promise<TunnelConnection> {
      return { url: normalisePublicUrl(publicUrl), close: async () => undefined };
    },
  };
}
