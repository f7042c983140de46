// The Tunnel port and its providers without a network: state changes, reconnect backoff on
// injected timers, drops, stop, error sentences (no secrets), and each provider's checks. The
// localtunnel and ngrok drivers run against stand-in modules here; the real localtunnel client and
// server run in test/integration/hires/tunnel-localtunnel.test.ts.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { AppError } from '../../../src/main/core/errors.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { createLocaltunnelDriver, localtunnelTarget } from '../../../src/main/core/tunnel/localtunnel.ts';
import type { LocaltunnelClient } from '../../../src/main/core/tunnel/localtunnel.ts';
import { createNgrokDriver, ngrokErrorSentence } from '../../../src/main/core/tunnel/ngrok.ts';
import type { NgrokModule } from '../../../src/main/core/tunnel/ngrok.ts';
import { importOptional } from '../../../src/main/core/tunnel/optional-import.ts';
import { tunnelDriverFor, tunnelKey } from '../../../src/main/core/tunnel/providers.ts';
import { createPublicUrlDriver, normalisePublicUrl } from '../../../src/main/core/tunnel/public-url.ts';
import { createTunnel } from '../../../src/main/core/tunnel/tunnel.ts';
import type { TunnelConnection, TunnelDriver, TunnelEvents, TunnelStatus, TunnelTimers } from '../../../src/main/core/tunnel/tunnel.ts';

const logger = createLogger({ redactor: createRedactor(), sink: () => undefined });

/** Timers that only fire when the test says so. */
function manualTimers(): TunnelTimers & { pending(): number[]; fire(): Promise<void> } {
  let queue: Array<{ id: number; ms: number; callback: () => void }> = [];
  let next = 1;
  return {
    setTimeout(callback, ms) {
      const id = next++;
      queue.push({ id, ms, callback });
      return id;
    },
    clearTimeout(handle) {
      queue = queue.filter((t) => t.id !== handle);
    },
    pending: () => queue.map((t) => t.ms),
    async fire() {
      const due = queue.shift();
      due?.callback();
      for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
    },
  };
}

/** A driver whose connects succeed or fail as scripted. */
function scriptedDriver(script: Array<'ok' | Error>): TunnelDriver & { events: TunnelEvents[]; closed: number; connects: number } {
  const driver = {
    provider: 'localtunnel' as const,
    events: [] as TunnelEvents[],
    closed: 0,
    connects: 0,
    async connect(port: number, events: TunnelEvents): Promise<TunnelConnection> {
      driver.connects += 1;
      driver.events.push(events);
      const step = script.shift() ?? 'ok';
      if (step instanceof Error) throw step;
      return {
        url: `https://t${driver.connects}.example`,
        close: async () => {
          driver.closed += 1;
        },
      };
    },
  };
  return driver;
}

describe('the tunnel state machine', () => {
  it('goes starting → up with the URL, then off on stop', async () => {
    const driver = scriptedDriver(['ok']);
    const tunnel = createTunnel({ driver, logger, timers: manualTimers() });
    const seen: TunnelStatus['state'][] = [];
    tunnel.onChange((s) => seen.push(s.state));
    expect(tunnel.status()).toMatchObject({ state: 'off', url: null });
    expect(await tunnel.start(4000)).toMatchObject({ state: 'up', url: 'https://t1.example', error: null });
    await tunnel.stop();
    expect(seen).toEqual(['starting', 'up', 'off']);
    expect(driver.closed).toBe(1);
  });

  it('is down with the reason after a failed start and reconnects with capped exponential backoff', async () => {
    const timers = manualTimers();
    const driver = scriptedDriver([new AppError('x', 'first'), new Error('second'), new Error('third'), 'ok']);
    const tunnel = createTunnel({ driver, logger, timers, initialDelayMs: 1000, maxDelayMs: 3000 });
    expect(await tunnel.start(4000)).toMatchObject({ state: 'down', error: 'first' });
    expect(timers.pending()).toEqual([1000]);
    await timers.fire();
    expect(tunnel.status().state).toBe('down');
    expect(tunnel.status().error).toContain('second');
    expect(timers.pending()).toEqual([2000]);
    await timers.fire();
    expect(timers.pending()).toEqual([3000]);
    await timers.fire();
    expect(tunnel.status()).toMatchObject({ state: 'up', url: 'https://t4.example', error: null });
    expect(timers.pending()).toEqual([]);
  });

  it('reconnects after a drop, and a restored provider is up again', async () => {
    const timers = manualTimers();
    const driver = scriptedDriver(['ok', 'ok']);
    const tunnel = createTunnel({ driver, logger, timers });
    await tunnel.start(4000);
    driver.events[0]!.lost('socket hang up');
    expect(tunnel.status()).toMatchObject({ state: 'down', url: null });
    expect(tunnel.status().error).toContain('socket hang up');
    expect(driver.closed).toBe(1);
    await timers.fire();
    expect(tunnel.status()).toMatchObject({ state: 'up', url: 'https://t2.example' });
    // A stale connection's events are ignored.
    driver.events[0]!.lost('late');
    expect(tunnel.status().state).toBe('up');
  });

  it('stop cancels a pending reconnect and closes a connection that opens after it', async () => {
    const timers = manualTimers();
    let release: (c: TunnelConnection) => void = () => undefined;
    let closed = 0;
    const slow: TunnelDriver = {
      provider: 'ngrok',
      connect: () =>
        new Promise((resolve) => {
          release = resolve;
        }),
    };
    const tunnel = createTunnel({ driver: slow, logger, timers });
    const starting = tunnel.start(4000);
    await new Promise((r) => setImmediate(r));
    await tunnel.stop();
    release({
      url: 'https://late.example',
      close: async () => {
        closed += 1;
      },
    });
    await starting;
    expect(tunnel.status().state).toBe('off');
    expect(closed).toBe(1);
    expect(timers.pending()).toEqual([]);
  });

  it('a restart (e.g. a new ngrok authtoken) closes the open connection before opening the next', async () => {
    const driver = scriptedDriver(['ok', 'ok']);
    const tunnel = createTunnel({ driver, logger, timers: manualTimers() });
    await tunnel.start(4000);
    expect(await tunnel.start(4000)).toMatchObject({ state: 'up', url: 'https://t2.example' });
    expect(driver.closed).toBe(1);
  });

  it('masks secrets in error sentences and refuses to start without a listener port', async () => {
    const driver = scriptedDriver([new Error('bad token tok_SECRET123 rejected')]);
    const redactor = createRedactor(['tok_SECRET123']);
    const tunnel = createTunnel({ driver, logger, timers: manualTimers(), redact: (t) => redactor.redact(t) });
    await tunnel.start(4000);
    expect(tunnel.status().error).not.toContain('tok_SECRET123');
    await expect(tunnel.start(0)).rejects.toThrow(/no listener/);
  });
});

describe('providers', () => {
  it('public URL: https required (http only on loopback), the webhook path and trailing slash dropped', async () => {
    expect(normalisePublicUrl(' https://hooks.example.com/ ')).toBe('https://hooks.example.com');
    expect(normalisePublicUrl('https://hooks.example.com/base/webhooks/lever/abc')).toBe('https://hooks.example.com/base');
    expect(normalisePublicUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(() => normalisePublicUrl('http://hooks.example.com')).toThrow(/only calls HTTPS/);
    expect(() => normalisePublicUrl('')).toThrow(/Enter the public address/);
    expect(() => normalisePublicUrl('hooks.example.com')).toThrow(/not a URL/);
    expect(() => normalisePublicUrl('https://user:pw@hooks.example.com')).toThrow(/without a query/);
    const tunnel = createTunnel({ driver: createPublicUrlDriver('https://hooks.example.com'), logger, timers: manualTimers() });
    expect(await tunnel.start(1234)).toMatchObject({ provider: 'public-url', state: 'up', url: 'https://hooks.example.com' });
  });

  it('localtunnel: host and subdomain are checked; an unreachable server, a timeout and a taken subdomain are clear errors', async () => {
    expect(localtunnelTarget({})).toEqual({ host: 'https://localtunnel.me', subdomain: undefined });
    expect(localtunnelTarget({ host: 'http://127.0.0.1:9000/', subdomain: 'ReqBridge1' })).toEqual({
      host: 'http://127.0.0.1:9000',
      subdomain: 'reqbridge1',
    });
    expect(() => localtunnelTarget({ subdomain: 'a_b' })).toThrow(/not allowed/);
    expect(() => localtunnelTarget({ host: 'ftp://x' })).toThrow(/http/);

    const noNetwork = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const reachable = (async () => new Response('{}')) as unknown as typeof fetch;
    const client = (url: string): LocaltunnelClient & { closed: boolean } => ({
      url,
      closed: false,
      on: () => undefined,
      close() {
        this.closed = true;
      },
    });
    const unreachable = createLocaltunnelDriver({
      host: 'http://127.0.0.1:9',
      load: async () => async () => client('http://x'),
      fetch: noNetwork,
    });
    await expect(unreachable.connect(4000, { lost: () => undefined })).rejects.toThrow(/could not be reached/);

    let resolveLate: (c: LocaltunnelClient) => void = () => undefined;
    const hanging = createLocaltunnelDriver({
      host: 'http://127.0.0.1:9',
      connectTimeoutMs: 20,
      fetch: reachable,
      load: async () => () =>
        new Promise((r) => {
          resolveLate = r;
        }),
    });
    await expect(hanging.connect(4000, { lost: () => undefined })).rejects.toThrow(/did not open a tunnel/);
    const late = client('http://late.lt.test');
    resolveLate(late);
    await new Promise((r) => setImmediate(r));
    expect(late.closed).toBe(true);

    const taken = client('http://random-name.lt.test');
    const takenDriver = createLocaltunnelDriver({
      host: 'http://127.0.0.1:9',
      subdomain: 'wanted-name',
      fetch: reachable,
      load: async () => async () => taken,
    });
    await expect(takenDriver.connect(4000, { lost: () => undefined })).rejects.toThrow(/is taken/);
    expect(taken.closed).toBe(true);

    let options: unknown;
    const good = createLocaltunnelDriver({
      host: 'http://127.0.0.1:9',
      subdomain: 'wanted-name',
      fetch: reachable,
      load: async () => async (o) => {
        options = o;
        return client('http://wanted-name.lt.test/');
      },
    });
    expect((await good.connect(4000, { lost: () => undefined })).url).toBe('http://wanted-name.lt.test');
    expect(options).toEqual({ port: 4000, local_host: '127.0.0.1', host: 'http://127.0.0.1:9', subdomain: 'wanted-name' });
  });

  it('ngrok: needs the authtoken, forwards only the listener port, and explains failures without the token', async () => {
    const noToken = createNgrokDriver({
      authtoken: async () => null,
      load: async () => {
        throw new Error('not loaded');
      },
    });
    await expect(noToken.connect(4000, { lost: () => undefined })).rejects.toThrow(/needs your ngrok authtoken/);
    let config: Parameters<NgrokModule['forward']>[0] | undefined;
    const fake: NgrokModule = {
      forward: async (c) => {
        config = c;
        return { url: () => 'https://abc.ngrok.app/', close: async () => undefined };
      },
    };
    const driver = createNgrokDriver({ authtoken: async () => 'tok_123', load: async () => fake });
    const events = { lost: (_reason: string) => undefined, restored: () => undefined };
    expect((await driver.connect(4100, events)).url).toBe('https://abc.ngrok.app');
    expect(config).toMatchObject({ addr: '127.0.0.1:4100', authtoken: 'tok_123', proto: 'http' });
    const failing = createNgrokDriver({
      authtoken: async () => 'tok_123',
      load: async () => ({
        forward: async () => {
          throw new Error('authentication failed: The authtoken you specified is invalid tok_123');
        },
      }),
    });
    const error = (await failing.connect(4000, events).then(
      () => new Error('connected'),
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(/refused the authtoken/);
    expect(error.message).not.toContain('tok_123');
    expect(ngrokErrorSentence(new Error('failed to connect session: failed to establish tcp connection'))).toMatch(/could not be reached/);
  });

  it('the real @ngrok/ngrok: a clear "not installed" error here, or its error path when it is installed (no network)', async () => {
    let installed = true;
    try {
      createRequire(import.meta.url).resolve('@ngrok/ngrok');
    } catch {
      installed = false;
    }
    const driver = createNgrokDriver({ authtoken: async () => 'not-a-real-ngrok-authtoken-000' });
    const tunnel = createTunnel({
      driver,
      logger,
      timers: manualTimers(),
      redact: (t) => createRedactor(['not-a-real-ngrok-authtoken-000']).redact(t),
    });
    const status = await tunnel.start(4000);
    await tunnel.stop();
    expect(status.state).toBe('down');
    if (installed) expect(status.error).toMatch(/ngrok/);
    else expect(status.error).toMatch(/needs the @ngrok\/ngrok package.*npm install @ngrok\/ngrok@1\.7\.0/);
    expect(status.error).not.toContain('not-a-real-ngrok-authtoken-000');
  });

  it('optional imports name the missing package and what to do', async () => {
    await expect(importOptional({ name: 'reqbridge-no-such-package', version: '1.0.0', purpose: 'test tunnel' })).rejects.toThrow(
      /The test tunnel needs the reqbridge-no-such-package package.*npm install reqbridge-no-such-package@1\.0\.0/,
    );
  });

  it('settings choose the driver; the key changes when a tunnel setting changes', () => {
    const base = { tunnel: 'none' as const, localtunnelHost: '', localtunnelSubdomain: '', publicUrl: '', listenPort: 0 };
    const deps = { ngrokAuthtoken: async () => null };
    expect(tunnelDriverFor(base, deps)).toBeNull();
    expect(tunnelDriverFor({ ...base, tunnel: 'ngrok' }, deps)?.provider).toBe('ngrok');
    expect(tunnelDriverFor({ ...base, tunnel: 'localtunnel' }, deps)?.provider).toBe('localtunnel');
    expect(tunnelDriverFor({ ...base, tunnel: 'public-url', publicUrl: 'https://x.example' }, deps)?.provider).toBe('public-url');
    expect(tunnelKey({ ...base, tunnel: 'localtunnel', localtunnelSubdomain: 'a' })).not.toBe(
      tunnelKey({ ...base, tunnel: 'localtunnel', localtunnelSubdomain: 'b' }),
    );
  });
});
