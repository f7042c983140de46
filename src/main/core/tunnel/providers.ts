/** The tunnel driver a profile's webhook settings ask for. */
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { createLocaltunnelDriver } from './localtunnel.ts';
import type { LocaltunnelFn } from './localtunnel.ts';
import { createNgrokDriver } from './ngrok.ts';
import type { NgrokModule } from './ngrok.ts';
import { createPublicUrlDriver } from './public-url.ts';
import type { TunnelDriver } from './tunnel.ts';

/** Package loaders, replaceable in tests. */
export interface TunnelLoaders {
  ngrok?: () => Promise<NgrokModule>;
  localtunnel?: () => Promise<LocaltunnelFn>;
}

/** A settings fingerprint: the tunnel is restarted when it changes. */
export function tunnelKey(webhook: ProfileSettings['webhook']): string {
  switch (webhook.tunnel) {
    case 'localtunnel':
      return `localtunnel|${webhook.localtunnelHost}|${webhook.localtunnelSubdomain}`;
    case 'public-url':
      return `public-url|${webhook.publicUrl}`;
    default:
      return webhook.tunnel;
  }
}

/** The driver for the profile's choice, or null for "none". */
export function tunnelDriverFor(
  webhook: ProfileSettings['webhook'],
  deps: { ngrokAuthtoken: () => Promise<string | null>; loaders?: TunnelLoaders },
): TunnelDriver | null {
  switch (webhook.tunnel) {
    case 'ngrok':
      return createNgrokDriver({ authtoken: deps.ngrokAuthtoken, ...(deps.loaders?.ngrok ? { load: deps.loaders.ngrok } : {}) });
    case 'localtunnel':
      return createLocaltunnelDriver({
        host: webhook.localtunnelHost,
        subdomain: webhook.localtunnelSubdomain,
        ...(deps.loaders?.localtunnel ? { load: deps.loaders.localtunnel } : {}),
      });
    case 'public-url':
      return createPublicUrlDriver(webhook.publicUrl);
    default:
      return null;
  }
}
