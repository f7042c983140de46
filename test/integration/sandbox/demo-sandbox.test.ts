// startSandbox and the runnable entry: both fakes seeded with the demo world, over real HTTP.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';

const NOW = Date.UTC(2026, 0, 15, 9);
const basic = (secret: string): string => `Basic ${Buffer.from(`${secret}:`).toString('base64')}`;
let sandbox: Sandbox | undefined;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary JSON
async function getJson(url: string, authorization: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers: { authorization } });
  return { status: res.status, body: await res.json() };
}

describe('startSandbox', () => {
  it('starts both fakes with the same demo world and working credentials', async () => {
    sandbox = await startSandbox({ clock: () => NOW, seed: 42 });
    const { lever, charthop, credentials, facts } = sandbox;
    expect(lever.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(charthop.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const bearer = `Bearer ${credentials.charthopToken}`;
    const open = await getJson(
      `${charthop.url}/v2/org/${charthop.org}/job?q=${encodeURIComponent('open:open')}&fields=id,req&limit=1000`,
      bearer,
    );
    expect(open.status).toBe(200);
    expect(open.body.data).toHaveLength(facts.counts.openJobs);
    const byId = await getJson(`${charthop.url}/v2/org/${charthop.orgId}/job?fields=id&limit=1000`, bearer);
    expect(byId.body.data).toHaveLength(facts.counts.jobs);
    const reqs = await getJson(`${lever.url}/requisitions?limit=100&confidentiality=all`, basic(credentials.leverKeys.full));
    expect(reqs.status).toBe(200);
    const leverCodes = new Set(reqs.body.data.map((r: { requisitionCode: string }) => r.requisitionCode));
    const linked = open.body.data.filter((j: { req: string | null }) => j.req !== null && leverCodes.has(j.req));
    expect(linked.length).toBeGreaterThan(5);
    const denied = await fetch(`${lever.url}/requisitions`, {
      method: 'POST',
      headers: { authorization: basic(credentials.leverKeys.noCreateRequisitions), 'content-type': 'application/json' },
      body: JSON.stringify({ requisitionCode: 'X-1', name: 'X', headcountTotal: 1 }),
    });
    expect(denied.status).toBe(403);
    const readOnly = await fetch(`${charthop.url}/v2/org/${charthop.org}/job`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credentials.charthopTokens.readOnly}`, 'content-type': 'application/json' },
      body: '{"title":"X"}',
    });
    expect(readOnly.status).toBe(403);
  });

  it('serves the deliberate email mismatches through the Lever users API', async () => {
    sandbox = await startSandbox({ clock: () => NOW });
    const { lever, credentials, facts } = sandbox;
    const auth = basic(credentials.leverKeys.full);
    for (const m of facts.emailMismatches) {
      const byCharthopEmail = await getJson(`${lever.url}/users?email=${encodeURIComponent(m.charthopEmail)}`, auth);
      expect(byCharthopEmail.body.data, m.charthopEmail).toEqual([]);
    }
    const variant = facts.emailCaseVariants[0];
    expect(variant).toBeDefined();
    const byVariant = await getJson(`${lever.url}/users?email=${encodeURIComponent(variant?.charthopEmail ?? '')}`, auth);
    expect(byVariant.body.data.map((u: { email: string }) => u.email)).toEqual([variant?.leverEmail]);
  });

  it('registers a candidateHired webhook with the printed signature token when given a URL', async () => {
    sandbox = await startSandbox({ clock: () => NOW, webhookUrl: 'http://127.0.0.1:9/webhooks/lever/x' });
    const hooks = sandbox.control.lever.state().webhooks;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ event: 'candidateHired', signatureToken: sandbox.credentials.webhookSignatureToken });
  });
});

describe('sandbox entry (node src/main/sandbox/main.ts)', () => {
  it('prints one JSON object with working URLs and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, ['src/main/sandbox/main.ts', '--jobs=20', '--opportunities=50'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      let out = '';
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
      });
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
        });
        child.once('exit', () => reject(new Error(`exited before printing: ${err}`)));
      });
      const summary = JSON.parse(line) as {
        lever: { url: string };
        charthop: { url: string; org: string };
        credentials: { charthopToken: string; leverKeys: { full: string } };
      };
      const jobs = await getJson(
        `${summary.charthop.url}/v2/org/${summary.charthop.org}/job?fields=id&limit=100`,
        `Bearer ${summary.credentials.charthopToken}`,
      );
      expect(jobs.body.data).toHaveLength(20);
      const users = await getJson(`${summary.lever.url}/users`, basic(summary.credentials.leverKeys.full));
      expect(users.status).toBe(200);
      child.kill('SIGINT');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(out.trim().split('\n')).toHaveLength(1);
      await expect(fetch(`${summary.charthop.url}/v1/org`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    }
  });
});
