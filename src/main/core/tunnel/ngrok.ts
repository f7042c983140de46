/**
 * The ngrok provider (`@ngrok/ngrok`, the agent as a library, loaded only when
 * chosen). The authtoken comes from the keychain secret `ngrokAuthtoken` at
 * connect time and is never logged or shown (the redactor knows it).
 */
import { AppError } from '../errors.ts';
import { importOptional } from './optional-import.ts';
import type { TunnelConnection, TunnelDriver, TunnelEvents } from './tunnel.ts';

/** The part of `@ngrok/ngrok` ReqBridge uses. */
export interface NgrokModule {
  forward(config: {
    addr: string;
    authtoken: string;
    proto?: string;
    session_metadata?: string;
    onStatusChange?: (status: string) => void;
  }): Promise<{ url(): string | null; close(): Promise<void> }>;
}

/** The package, pinned to the version verified on these machines (toolchain.md). */
export const NGROK_PACKAGE = { name: '@ngrok/ngrok', version: '1.7.0', purpose: 'ngrok tunnel' } as const;

/** Options of {@link createNgrokDriver}. */
export interface NgrokDriverOptions {
  /** The authtoken, read when connecting. */
  authtoken: () => Promise<string | null>;
  /** Loads the module (tests pass their own). */
  load?: () => Promise<NgrokModule>;
}

async function loadNgrok(): Promise<NgrokModule> {
  const mod = await importOptional<NgrokModule & { default?: NgrokModule }>(NGROK_PACKAGE);
  return typeof mod.forward === 'function' ? mod : (mod.default as NgrokModule);
}

/** Turns ngrok's errors into sentences that say what to do. */
export function ngrokErrorSentence(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/auth|token|ERR_NGROK_1\d\d/i.test(text)) {
    return 'ngrok refused the authtoken. Copy it again from the ngrok dashboard (Your Authtoken) and paste it in Setup → New-hire data flow.';
  }
  if (/connect|dns|resolve|network|tcp/i.test(text)) {
    return "ngrok's service could not be reached from this computer (no internet, or a firewall blocks it). ReqBridge keeps retrying; or choose another tunnel.";
  }
  return `ngrok could not open the tunnel (${text.slice(0, 200)}). ReqBridge keeps retrying.`;
}

/** The ngrok driver. */
export function createNgrokDriver(options: NgrokDriverOptions): TunnelDriver {
  return {
    provider: 'ngrok',
    async connect(port: number, events: TunnelEvents): Promise<TunnelConnection> {
      const authtoken = (await options.authtoken())?.trim();
      if (!authtoken) {
        throw new AppError(
          'tunnel.ngrok_authtoken',
          'The ngrok tunnel needs your ngrok authtoken. Copy it from the ngrok dashboard (Your Authtoken) and paste it in Setup → New-hire data flow.',
        );
      }
      const ngrok = await (options.load ?? loadNgrok)();
      let listener;
      try {
        listener = await ngrok.forward({
          addr: `127.0.0.1:${port}`,
          authtoken,
          proto: 'http',
          session_metadata: 'ReqBridge webhook listener',
          onStatusChange: (status) => {
            if (status === 'closed') events.lost('ngrok lost its connection');
            else if (status === 'connected') events.restored?.();
          },
        });
      } catch (error) {
        throw new AppError('tunnel.ngrok_failed', ngrokErrorSentence(error));
      }
      const url = listener.url();
      if (!url) {
        await listener.close().catch(() => undefined);
        throw new AppError('tunnel.ngrok_failed', 'ngrok opened a tunnel without a public URL. ReqBridge retries.');
      }
      return { url: url.replace(/\/+$/, ''), close: () => listener.close() };
    },
  };
}
