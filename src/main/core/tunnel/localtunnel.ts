/**
 * The localtunnel provider (`localtunnel` client, loaded only when chosen).
 * The server is configurable (profile `webhook.localtunnelHost`), so a
 * self-hosted localtunnel server works, and so does a named subdomain
 * (`webhook.localtunnelSubdomain`). The client retries an unreachable server
 * forever on its own, so the server is probed first and the connect attempt
 * is bounded; a late connection after a timeout is closed at once.
 */
import { insecureUrlProblem } from '../../../shared/settings/url-policy.ts';
import { AppError } from '../errors.ts';
import { importOptional } from './optional-import.ts';
import type { TunnelConnection, TunnelDriver, TunnelEvents } from './tunnel.ts';

/** The part of the `localtunnel` client ReqBridge uses. */
export interface LocaltunnelClient {
  url: string;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

/** `localtunnel(options)`. */
export type LocaltunnelFn = (options: {
  port: number;
  local_host?: string;
  host?: string;
  subdomain?: string;
}) => Promise<LocaltunnelClient>;

/** The package, pinned to the version verified on these machines (toolchain.md). */
export const LOCALTUNNEL_PACKAGE = { name: 'localtunnel', version: '2.0.2', purpose: 'localtunnel tunnel' } as const;

/** localtunnel's public server, used when no host is configured. */
export const LOCALTUNNEL_DEFAULT_HOST = 'https://localtunnel.me';

const SUBDOMAIN_RE = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/;

/** Options of {@link createLocaltunnelDriver}. */
export interface LocaltunnelDriverOptions {
  /** Server base URL; empty for the public server. */
  host?: string;
  /** Requested subdomain; empty for a random one. */
  subdomain?: string;
  /** Bound on one connect attempt, ms (default 20 000). */
  connectTimeoutMs?: number;
  load?: () => Promise<LocaltunnelFn>;
  fetch?: typeof fetch;
}

async function loadLocaltunnel(): Promise<LocaltunnelFn> {
  const mod = await importOptional<{ default?: LocaltunnelFn } | LocaltunnelFn>(LOCALTUNNEL_PACKAGE);
  return typeof mod === 'function' ? mod : (mod.default as LocaltunnelFn);
}

/** Checks the settings before anything connects. */
export function localtunnelTarget(options: Pick<LocaltunnelDriverOptions, 'host' | 'subdomain'>): {
  host: string;
  subdomain: string | undefined;
} {
  const host = (options.host ?? '').trim().replace(/\/+$/, '') || LOCALTUNNEL_DEFAULT_HOST;
  let parsed: URL;
  try {
    parsed = new URL(host);
  } catch {
    throw new AppError(
      'tunnel.localtunnel_host',
      `The localtunnel server "${host}" is not a URL. Enter it as https://your-server.example (or leave it empty for ${LOCALTUNNEL_DEFAULT_HOST}).`,
    );
  }
  const insecure = insecureUrlProblem(parsed.href, 'The localtunnel server');
  if (insecure) throw new AppError('tunnel.localtunnel_host', insecure);
  const subdomain = (options.subdomain ?? '').trim().toLowerCase() || undefined;
  if (subdomain && !SUBDOMAIN_RE.test(subdomain)) {
    throw new AppError(
      'tunnel.localtunnel_subdomain',
      `The localtunnel subdomain "${subdomain}" is not allowed: use 4 to 63 lower-case letters, digits or dashes.`,
    );
  }
  return { host, subdomain };
}

/** The localtunnel driver. */
export function createLocaltunnelDriver(options: LocaltunnelDriverOptions): TunnelDriver {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.connectTimeoutMs ?? 20_000;
  return {
    provider: 'localtunnel',
    async connect(port: number, events: TunnelEvents): Promise<TunnelConnection> {
      const { host, subdomain } = localtunnelTarget(options);
      const localtunnel = await (options.load ?? loadLocaltunnel)();
      try {
        const probe = await doFetch(`${host}/api/status`, { signal: AbortSignal.timeout(Math.min(timeoutMs, 10_000)) });
        await probe.arrayBuffer().catch(() => undefined);
      } catch {
        throw new AppError(
          'tunnel.localtunnel_unreachable',
          `The localtunnel server ${host} could not be reached. Check the address in Setup → New-hire data flow and that the server runs; ReqBridge keeps retrying.`,
        );
      }
      let timedOut = false;
      const pending = localtunnel({ port, local_host: '127.0.0.1', host, ...(subdomain ? { subdomain } : {}) });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          reject(
            new AppError(
              'tunnel.localtunnel_timeout',
              `The localtunnel server ${host} did not open a tunnel within ${Math.round(timeoutMs / 1000)} s. ReqBridge keeps retrying.`,
            ),
          );
        }, timeoutMs);
      });
      pending.then(
        (late) => {
          if (timedOut) late.close();
        },
        () => undefined,
      );
      let client: LocaltunnelClient;
      try {
        client = await Promise.race([pending, timeout]);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError(
          'tunnel.localtunnel_failed',
          `The localtunnel server ${host} refused the tunnel (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}). ReqBridge keeps retrying.`,
        );
      } finally {
        clearTimeout(timer);
      }
      let closing = false;
      client.on('error', (error) => events.lost(error.message.slice(0, 200)));
      client.on('close', () => {
        if (!closing) events.lost('the server closed it');
      });
      if (subdomain && !new URL(client.url).hostname.startsWith(`${subdomain}.`)) {
        // The server hands out another name when the requested one is taken: say so rather than show a surprise URL.
        closing = true;
        client.close();
        throw new AppError(
          'tunnel.localtunnel_subdomain_taken',
          `The localtunnel subdomain "${subdomain}" is taken on ${host}. Choose another one in Setup → New-hire data flow.`,
        );
      }
      return {
        url: client.url.replace(/\/+$/, ''),
        async close() {
          closing = true;
          client.close();
        },
      };
    },
  };
}
