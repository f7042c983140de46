// The hand-over report against the fakes over real HTTP, a real keychain and real SQLite: every
// section is there, it loads nothing from anywhere, and — the canary test — no secret and not even
// the last four characters of one appear in it, with every secret set to a canary and a run, a
// Check connection and a public webhook URL in the report.
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookStatus } from '../../../src/shared/api/hires-views.ts';
import type { SecretName } from '../../../src/shared/secrets/names.ts';
import { REPORT_SECTIONS } from '../../../src/main/core/report/report-html.ts';
import { valueOf } from '../../support/test-core.ts';
import type { SyncWorld } from '../sync/harness.ts';
import { startWorld } from '../sync/harness.ts';
import { activeJobs, charthopSeed, leverSeed } from '../sync/seeds.ts';

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const CANARIES: Record<SecretName, string> = {
  leverApiKey: 'canary-lever-key-5f1c9d2e7a3bQ7ZK',
  charthopToken: 'canary-charthop-token-8e4a1b6cW2MX',
  leverWebhookSignatureToken: 'canary-signature-3d7f0c2aJ9VR',
  ngrokAuthtoken: 'canary-ngrok-6b2e9f4dT4HY',
};

async function publicWebhook(w: SyncWorld): Promise<WebhookStatus> {
  const { api, core } = w.test;
  await core.hires.start();
  const up = new Promise<WebhookStatus>((resolve) => {
    const off = core.events.on('webhook:changed', (s) => {
      if (s.profileId === w.profileId && s.tunnel.state === 'up') {
        off();
        resolve(s);
      }
    });
  });
  valueOf(
    await api.invoke('settings:update', {
      profileId: w.profileId,
      patch: { webhook: { tunnel: 'public-url', publicUrl: 'https://hooks.example.com/' } },
    }),
  );
  return up;
}

describe('hand-over report', () => {
  it('holds every section, loads nothing, and shows the webhook URL without its secret path', async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(3)), lever: leverSeed(), noLeverRateLimit: true });
    world = w;
    const { api } = w.test;
    const webhook = await publicWebhook(w);
    valueOf(await api.invoke('doctor:run', { profileId: w.profileId }));
    valueOf(
      await api.invoke('settings:update', {
        profileId: w.profileId,
        patch: { mappings: { departments: { 'R&D Europe': 'Engineering' } } },
      }),
    );
    const run = valueOf(await api.invoke('sync:run', { profileId: w.profileId }));
    expect(run.counts.created).toBe(3);
    // A new profile starts with Sync On Change on; turned off, the report lists it as a to-do.
    valueOf(await api.invoke('settings:update', { profileId: w.profileId, patch: { options: { syncOnChange: false } } }));

    const file = valueOf(await api.invoke('report:create', { profileId: w.profileId }));
    expect(file).toMatchObject({
      mimeType: 'text/html',
      fileName: expect.stringMatching(/^reqbridge-handover-acme-\d{4}-\d\d-\d\d\.html$/),
    });
    const html = file.content;
    for (const [id, title] of REPORT_SECTIONS) expect(html, id).toContain(`<section id="${id}"><h2>${title}</h2>`);
    // Self-contained: no script, stylesheet, image, frame or font from anywhere; print CSS inline.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i);
    expect(html).toContain('@media print');
    // The facts: the options with the guide's marks, the check that ran, the mapping, the run's counts, the webhook.
    expect(html).toMatch(/<td>Sync On Change<\/td><td>Off<\/td><td>Required<\/td>/);
    expect(html).toMatch(/<td>Run Daily<\/td><td>Off<\/td><td>Recommended<\/td>/);
    expect(html).toContain('<td>R&amp;D Europe</td><td>Engineering</td>');
    expect(html).toMatch(new RegExp(`<td>${run.id}</td>.*?<td>outbound</td><td>succeeded</td><td>3</td>`));
    expect(html).toContain('https://hooks.example.com/webhooks/lever/[secret]');
    expect(html).not.toContain(webhook.secret);
    expect(html).toContain('Turn on Sync On Change under Options: the guide requires it for this direction.');
    expect(html).not.toContain('Check connection has not been run');
  });

  it('canary: with every secret set to a canary, neither the canary nor its last four characters appear anywhere in the report', async () => {
    const w = await startWorld({ charthop: charthopSeed(activeJobs(2)), lever: leverSeed(), noLeverRateLimit: true });
    world = w;
    const { api } = w.test;
    await publicWebhook(w);
    for (const [name, value] of Object.entries(CANARIES))
      valueOf(await api.invoke('secrets:set', { profileId: w.profileId, name: name as SecretName, value }));
    // A rejected key fails the checks and the run, so their messages and details are in the report too.
    valueOf(await api.invoke('doctor:run', { profileId: w.profileId }));
    const run = valueOf(await api.invoke('sync:run', { profileId: w.profileId }));
    expect(run.status).toBe('failed');

    const html = valueOf(await api.invoke('report:create', { profileId: w.profileId })).content;
    expect(html).toContain(`<section id="runs">`);
    expect(html).toMatch(/<td>failed<\/td>/);
    for (const [name, value] of Object.entries(CANARIES)) {
      expect(html, name).not.toContain(value);
      expect(html, `${name} last 4`).not.toContain(value.slice(-4));
      expect(html.toLowerCase(), `${name} last 4, any case`).not.toContain(value.slice(-4).toLowerCase());
    }
  });
});
