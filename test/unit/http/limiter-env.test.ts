// One limiter per vendor and credential for the whole process, and its rate and burst configurable
// from the environment (REQBRIDGE_LEVER_RATE / _BURST, REQBRIDGE_CHARTHOP_RATE / _BURST).
import { describe, expect, it } from 'vitest';
import { profileClientsFor } from '../../../src/main/core/clients/profile-clients.ts';
import type { ClientPorts } from '../../../src/main/core/clients/profile-clients.ts';
import { createLimiterRegistry, processLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import type { LimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { rateLimitFromEnv } from '../../../src/main/core/http/rate-limit-env.ts';
import type { RateLimiter } from '../../../src/main/core/http/rate-limiter.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { profileSettingsSchema } from '../../../src/shared/settings/schema.ts';

const LEVER_URL = 'http://127.0.0.1:9/v1';
const CHARTHOP_URL = 'http://127.0.0.1:9';

/** Service ports for one client profile whose secrets are `key` and `token`; nothing is called over the network. */
function ports(
  env: Record<string, string | undefined>,
  key = 'lever-key-limiter-0001',
  token = 'charthop-token-limiter-0001',
): ClientPorts {
  const profile = profileSettingsSchema.parse({
    id: 'acme',
    name: 'Acme',
    kind: 'client',
    lever: { environment: 'custom', baseUrl: LEVER_URL },
    charthop: { baseUrl: CHARTHOP_URL, org: 'acme' },
  });
  const secrets: Record<string, string> = { leverApiKey: key, charthopToken: token };
  const redactor = createRedactor();
  return {
    settings: { get: () => profile },
    secrets: { reveal: (_profileId: string, name: string) => Promise.resolve(secrets[name] ?? null) },
    env,
    environmentProfileId: () => 'acme',
    sandbox: null,
    logger: createLogger({ redactor, sink: () => {} }),
    redactor,
  } as unknown as ClientPorts;
}

/** A registry that remembers every limiter it handed out. */
function spying(): { registry: LimiterRegistry; handed: { vendor: string; limiter: RateLimiter }[] } {
  const inner = createLimiterRegistry();
  const handed: { vendor: string; limiter: RateLimiter }[] = [];
  return {
    handed,
    registry: {
      get: (vendor, baseUrl, credential, settings) => {
        const limiter = inner.get(vendor, baseUrl, credential, settings);
        handed.push({ vendor, limiter });
        return limiter;
      },
      size: () => inner.size(),
    },
  };
}

describe('the shared limiter registry', () => {
  it('processLimiterRegistry() is one object for the whole process', () => {
    expect(processLimiterRegistry()).toBe(processLimiterRegistry());
  });

  it('two profileClientsFor calls with the same credentials share the limiter; another key gets its own', async () => {
    const { registry, handed } = spying();
    await profileClientsFor(ports({}), 'acme', { registry });
    await profileClientsFor(ports({}), 'acme', { registry });
    const lever = handed.filter((h) => h.vendor === 'lever').map((h) => h.limiter);
    const charthop = handed.filter((h) => h.vendor === 'charthop').map((h) => h.limiter);
    expect(lever).toHaveLength(2);
    expect(lever[0]).toBe(lever[1]);
    expect(charthop[0]).toBe(charthop[1]);
    expect(lever[0]).not.toBe(charthop[0]);
    expect(registry.size()).toBe(2);
    await profileClientsFor(ports({}, 'lever-key-limiter-other'), 'acme', { registry });
    expect(handed.at(-2)?.limiter).not.toBe(lever[0]);
    expect(registry.size()).toBe(3);
    // The defaults: Lever 10 requests/s with bursts of 20.
    expect(lever[0]?.settings()).toEqual({ ratePerSecond: 10, burst: 20 });
  });

  it('without a registry, every caller uses the process registry', async () => {
    const key = 'lever-key-limiter-process';
    const before = processLimiterRegistry().size();
    await profileClientsFor(ports({ REQBRIDGE_LEVER_RATE: '50' }, key, 'charthop-token-limiter-process'), 'acme');
    await profileClientsFor(ports({ REQBRIDGE_LEVER_RATE: '50' }, key, 'charthop-token-limiter-process'), 'acme');
    expect(processLimiterRegistry().size()).toBe(before + 2);
    expect(processLimiterRegistry().get('lever', LEVER_URL, key).settings()).toEqual({ ratePerSecond: 50, burst: 20 });
  });
});

describe('rate limits from the environment', () => {
  it("an env rate of 50/s (and a burst) is the limiter's setting, per vendor", async () => {
    const { registry, handed } = spying();
    await profileClientsFor(ports({ REQBRIDGE_LEVER_RATE: '50', REQBRIDGE_LEVER_BURST: '80', REQBRIDGE_CHARTHOP_RATE: '2.5' }), 'acme', {
      registry,
    });
    const lever = handed.find((h) => h.vendor === 'lever')?.limiter;
    const charthop = handed.find((h) => h.vendor === 'charthop')?.limiter;
    expect(lever?.settings()).toEqual({ ratePerSecond: 50, burst: 80 });
    expect(charthop?.settings()).toEqual({ ratePerSecond: 2.5, burst: 20 });
  });

  it('applies to every profile, not only the one the connection overrides are for', async () => {
    const { registry, handed } = spying();
    const deps = { ...ports({ REQBRIDGE_LEVER_RATE: '5' }), environmentProfileId: () => 'someone-else' } as ClientPorts;
    await profileClientsFor(deps, 'acme', { registry });
    expect(handed.find((h) => h.vendor === 'lever')?.limiter.settings()).toEqual({ ratePerSecond: 5, burst: 20 });
  });

  it('a later caller with other env settings reconfigures the shared bucket rather than making a second one', async () => {
    const { registry, handed } = spying();
    await profileClientsFor(ports({}), 'acme', { registry });
    await profileClientsFor(ports({ REQBRIDGE_LEVER_RATE: '50' }), 'acme', { registry });
    const lever = handed.filter((h) => h.vendor === 'lever').map((h) => h.limiter);
    expect(lever[0]).toBe(lever[1]);
    expect(lever[0]?.settings()).toEqual({ ratePerSecond: 50, burst: 20 });
  });

  it('rejects values that are not positive numbers with an error naming the variable', async () => {
    for (const [name, value] of [
      ['REQBRIDGE_LEVER_RATE', '0'],
      ['REQBRIDGE_LEVER_RATE', '-3'],
      ['REQBRIDGE_LEVER_RATE', 'fast'],
      ['REQBRIDGE_LEVER_RATE', 'Infinity'],
      ['REQBRIDGE_LEVER_BURST', '0'],
      ['REQBRIDGE_LEVER_BURST', '2.5'],
      ['REQBRIDGE_CHARTHOP_RATE', 'NaN'],
      ['REQBRIDGE_CHARTHOP_BURST', '-1'],
    ] as const) {
      const { registry } = spying();
      const error = await profileClientsFor(ports({ [name]: value }), 'acme', { registry }).catch((e: unknown) => e);
      expect(error, `${name}=${value}`).toMatchObject({ code: 'settings.invalid_environment' });
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).toContain(`"${value}"`);
      expect(registry.size()).toBe(0);
    }
  });

  it('reads only what is set; blank means unset', () => {
    expect(rateLimitFromEnv('lever', {})).toEqual({});
    expect(rateLimitFromEnv('lever', { REQBRIDGE_LEVER_RATE: ' ', REQBRIDGE_LEVER_BURST: '30' })).toEqual({ burst: 30 });
    expect(rateLimitFromEnv('charthop', { REQBRIDGE_LEVER_RATE: '50', REQBRIDGE_CHARTHOP_BURST: '5' })).toEqual({ burst: 5 });
  });
});
