/**
 * A profile's webhook endpoint: its listener on 127.0.0.1 and the tunnel the
 * profile chose, forwarding to that listener only. Rebuilt when the profile's
 * webhook settings change (the key says when).
 */
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import { tunnelDriverFor, tunnelKey } from '../tunnel/providers.ts';
import type { TunnelLoaders } from '../tunnel/providers.ts';
import { createTunnel } from '../tunnel/tunnel.ts';
import type { Tunnel, TunnelTimers } from '../tunnel/tunnel.ts';
import { createWebhookListener } from './listener.ts';
import type { ListenerAnswer, WebhookListener, WebhookListenerOptions } from './listener.ts';

/** Listener limits a host or test may tune. */
export type ListenerTuning = Partial<
  Pick<
    WebhookListenerOptions,
    'bodyLimit' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'checkIntervalMs' | 'maxConnections'
  >
>;

/** What opening an endpoint needs. */
export interface EndpointDeps {
  webhook: ProfileSettings['webhook'];
  secret: () => string;
  handle: (body: Buffer) => Promise<ListenerAnswer>;
  logger: Logger;
  redact: (text: string) => string;
  ngrokAuthtoken: () => Promise<string | null>;
  /** Called whenever the tunnel's state changes. */
  onChange: () => void;
  tuning?: ListenerTuning;
  timers?: TunnelTimers;
  loaders?: TunnelLoaders;
}

/** A running endpoint. */
export interface Endpoint {
  /** Settings fingerprint (tunnel choice and listen port). */
  readonly key: string;
  readonly listener: WebhookListener;
  readonly tunnel: Tunnel | null;
  close(): Promise<void>;
}

/** The fingerprint of the settings an endpoint was built from. */
export function endpointKey(webhook: ProfileSettings['webhook']): string {
  return `${tunnelKey(webhook)}|port=${webhook.listenPort}`;
}

/** Opens the listener (and creates, without starting, the tunnel). */
export async function openEndpoint(deps: EndpointDeps): Promise<Endpoint> {
  let listener: WebhookListener;
  try {
    listener = await createWebhookListener({
      ...deps.tuning,
      port: deps.webhook.listenPort,
      secret: deps.secret,
      handle: deps.handle,
      logger: deps.logger,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new AppError(
        'webhook.port_unavailable',
        `The webhook listener cannot use port ${deps.webhook.listenPort} on 127.0.0.1 (${code === 'EADDRINUSE' ? 'another program uses it' : 'not permitted'}). Choose another port, or 0 for any free port, in Setup → New-hire data flow.`,
        { cause: error },
      );
    }
    throw error;
  }
  const driver = tunnelDriverFor(deps.webhook, { ngrokAuthtoken: deps.ngrokAuthtoken, ...(deps.loaders ? { loaders: deps.loaders } : {}) });
  const tunnel = driver
    ? createTunnel({ driver, logger: deps.logger, redact: deps.redact, ...(deps.timers ? { timers: deps.timers } : {}) })
    : null;
  const unsubscribe = tunnel?.onChange(() => deps.onChange());
  return {
    key: endpointKey(deps.webhook),
    listener,
    tunnel,
    async close() {
      unsubscribe?.();
      await tunnel?.stop();
      await listener.close();
    },
  };
}
