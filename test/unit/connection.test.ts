import { describe, expect, it } from 'vitest';
import { profileObjectSchema } from '../../src/shared/settings/schema.ts';
import { resolveConnection } from '../../src/main/core/settings/connection.ts';
import { sandboxProfile } from '../../src/main/core/settings/profile-defaults.ts';

const eu = profileObjectSchema.parse({ id: 'acme', name: 'Acme', lever: { environment: 'eu' }, charthop: { org: 'acme' } });
const env = { REQBRIDGE_LEVER_URL: 'http://127.0.0.1:9/v1', REQBRIDGE_CHARTHOP_ORG: 'acme-staging' };

describe('connection resolution', () => {
  it("uses the profile's environment", () => {
    expect(resolveConnection(eu, { env: {}, environmentApplies: true })).toEqual({
      leverBaseUrl: 'https://api.eu.lever.co/v1',
      charthopBaseUrl: 'https://api.charthop.com',
      charthopOrg: 'acme',
      overriddenBy: [],
    });
  });

  it('lets REQBRIDGE_* variables override the selected profile only', () => {
    expect(resolveConnection(eu, { env, environmentApplies: true })).toMatchObject({
      leverBaseUrl: 'http://127.0.0.1:9/v1',
      charthopOrg: 'acme-staging',
      overriddenBy: ['REQBRIDGE_LEVER_URL', 'REQBRIDGE_CHARTHOP_ORG'],
    });
    expect(resolveConnection(eu, { env, environmentApplies: false }).leverBaseUrl).toBe('https://api.eu.lever.co/v1');
  });

  it('points the Sandbox profile at the embedded servers, and says so when they are not running', () => {
    const sandbox = { leverBaseUrl: 'http://127.0.0.1:1/v1', charthopBaseUrl: 'http://127.0.0.1:2', charthopOrg: 'demo' };
    expect(resolveConnection(sandboxProfile(), { env, environmentApplies: true, sandbox })).toEqual({ ...sandbox, overriddenBy: [] });
    expect(() => resolveConnection(sandboxProfile(), { env, environmentApplies: true })).toThrow(/sandbox is not running/);
  });
});
