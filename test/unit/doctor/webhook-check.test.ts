import { describe, expect, it } from 'vitest';
import type { WebhookStatus } from '../../../src/shared/api/hires-views.ts';
import { webhookCheck } from '../../../src/main/core/doctor/settings-checks.ts';

const ready: WebhookStatus = {
  profileId: 'acme',
  publicUrl: 'https://acme.example/webhooks/lever/s3cr3t',
  localUrl: 'http://127.0.0.1:40000/webhooks/lever/s3cr3t',
  secret: 's3cr3t',
  tunnel: { provider: 'public-url', state: 'up', error: null },
  signatureTokenSet: true,
  lastDeliveryAt: null,
  lastVerificationAt: null,
};

describe('doctor: new-hire webhook', () => {
  it('warns without the signature token, without a public URL (saying why the tunnel is down), and passes once Lever called', () => {
    expect(webhookCheck({ ...ready, signatureTokenSet: false })).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining('signature token'),
    });
    expect(
      webhookCheck({ ...ready, publicUrl: null, tunnel: { provider: 'localtunnel', state: 'down', error: 'connection refused' } }),
    ).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('The tunnel is down: connection refused'),
    });
    expect(webhookCheck(ready)).toMatchObject({ status: 'unverified', fix: expect.stringContaining('Verify Connection') });
    expect(webhookCheck({ ...ready, lastVerificationAt: '2026-03-01T10:00:00.000Z' })).toMatchObject({
      status: 'pass',
      detail: expect.stringContaining('verified 2026-03-01T10:00:00.000Z'),
    });
    expect(webhookCheck(null).status).toBe('unverified');
    // The Sandbox's fake Lever calls the local listener: no tunnel needed.
    expect(webhookCheck({ ...ready, publicUrl: null }, true)).toMatchObject({
      status: 'unverified',
      detail: expect.stringContaining('http://127.0.0.1:40000'),
    });
  });
});
