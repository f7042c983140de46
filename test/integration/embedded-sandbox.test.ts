import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedSandbox } from '../../src/main/host/embedded-sandbox.ts';
import { startTestCore, valueOf } from '../support/test-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { createLogger } from '../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../src/main/core/logging/redactor.ts';

const home = makeTempDir();
afterAll(() => home.cleanup());
const logger = createLogger({ redactor: createRedactor(), sink: () => {} });

describe('the embedded Sandbox', () => {
  it("gives the Sandbox profile the fake servers' credentials, shown as from the sandbox, never their values", async () => {
    const embedded = await startEmbeddedSandbox(home.path, logger);
    const t = startTestCore({ dataDir: home.path });
    try {
      const { startCore } = await import('../../src/main/core/bootstrap.ts');
      const { createConfBacking } = await import('../../src/main/core/settings/conf-backing.ts');
      const { createMemorySecretStore } = await import('../../src/main/core/secrets/secret-store.ts');
      const core = startCore({
        dataDir: home.path,
        host: 'test',
        version: '0',
        settingsBacking: createConfBacking(home.path),
        secretStore: createMemorySecretStore(),
        env: {},
        logSink: () => {},
        sandbox: embedded.runtime,
      });
      const statuses = await core.service.handlers['secrets:status']({ profileId: 'sandbox' }, { transport: 'in-process' });
      expect(statuses.find((s) => s.name === 'leverApiKey')).toMatchObject({
        set: true,
        source: 'sandbox',
        last4: embedded.runtime.secrets.leverApiKey?.slice(-4),
      });
      expect(JSON.stringify(statuses)).not.toContain(embedded.runtime.secrets.leverApiKey);
      // The key really opens the fake Lever.
      const response = await fetch(`${embedded.runtime.endpoints.leverBaseUrl}/requisitions?limit=1`, {
        headers: { authorization: `Basic ${Buffer.from(`${embedded.runtime.secrets.leverApiKey}:`).toString('base64')}` },
      });
      expect(response.status).toBe(200);
      // Other profiles never see the sandbox's secrets.
      const client = valueOf(await t.api.invoke('profiles:create', { name: 'Client' }));
      const clientStatuses = await core.service.handlers['secrets:status']({ profileId: client.id }, { transport: 'in-process' });
      expect(clientStatuses.every((s) => !s.set)).toBe(true);
      core.close();
    } finally {
      t.dispose();
      await embedded.close();
    }
  });

  it('saves its state on close and restores it at the next start', async () => {
    const first = await startEmbeddedSandbox(home.path, logger);
    const auth = {
      authorization: `Basic ${Buffer.from(`${first.runtime.secrets.leverApiKey}:`).toString('base64')}`,
      'content-type': 'application/json',
    };
    const created = await fetch(`${first.runtime.endpoints.leverBaseUrl}/requisitions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ requisitionCode: 'REHEARSAL-1', name: 'Rehearsal role', headcountTotal: 1, status: 'open' }),
    });
    expect(created.status).toBe(201);
    await first.close();

    const second = await startEmbeddedSandbox(home.path, logger);
    try {
      const auth2 = { authorization: `Basic ${Buffer.from(`${second.runtime.secrets.leverApiKey}:`).toString('base64')}` };
      const listed = (await (
        await fetch(`${second.runtime.endpoints.leverBaseUrl}/requisitions?requisition_code=REHEARSAL-1`, { headers: auth2 })
      ).json()) as { data: Array<{ name: string }> };
      expect(listed.data.map((r) => r.name)).toEqual(['Rehearsal role']);
    } finally {
      await second.close();
    }
  });
});
