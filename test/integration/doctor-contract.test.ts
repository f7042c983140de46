import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxCore } from '../support/sandbox-core.ts';
import { startSandboxCore } from '../support/sandbox-core.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import type { EmbeddedSandbox } from '../../src/main/host/embedded-sandbox.ts';
import { valueOf } from '../support/test-core.ts';

let t: SandboxCore;
let embedded: EmbeddedSandbox;

beforeAll(async () => {
  t = await startSandboxCore();
  ({ embedded } = t);
});
afterAll(async () => {
  await t.dispose();
});

describe('Check connection through the contract', () => {
  it('runs the doctor on the Sandbox profile, announces the report and records the verified keys', async () => {
    const api = t.api;
    const announced: string[] = [];
    api.on('doctor:finished', (report) => announced.push(report.profileId));
    const report = valueOf(await api.invoke('doctor:run', { profileId: 'sandbox' }));
    expect(report.checks.find((c) => c.id === 'lever.key')?.status).toBe('pass');
    expect(report.checks.find((c) => c.id === 'charthop.org')?.status).toBe('pass');
    // The demo data's deliberate problems are found.
    expect(report.checks.find((c) => c.id === 'lever.duplicate-teams')).toMatchObject({ status: 'warn' });
    expect(report.checks.find((c) => c.id === 'users.match')?.status).toBe('warn');
    expect(announced).toEqual(['sandbox']);
    const statuses = valueOf(await api.invoke('secrets:status', { profileId: 'sandbox' }));
    expect(statuses.find((s) => s.name === 'leverApiKey')?.verifiedAt).toMatch(/^\d{4}-/);
    expect(JSON.stringify(report)).not.toContain(embedded.runtime.secrets.leverApiKey);
  });
});

describe('reqbridge doctor (real CLI process)', () => {
  it('exits 1 and names the missing permission when the key lacks "Delete requisitions"', async () => {
    const cliHome = makeTempDir();
    try {
      // A key with every permission the guide asks for but "Delete requisitions".
      const lever = embedded.sandbox.control.lever;
      const state = lever.state();
      const full = state.keys.find((k) => k.secret === embedded.runtime.secrets.leverApiKey)!;
      const reduced = {
        ...full,
        id: 'key-no-delete',
        secret: 'lvr_nodelete_0c1d2e3f4a5b',
        name: 'No delete',
        permissions: full.permissions.filter((p) => p !== 'Delete requisitions'),
      };
      lever.seed({ ...state, keys: [...state.keys, reduced] });
      const bin = fileURLToPath(new URL('../../bin/reqbridge.js', import.meta.url));
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        REQBRIDGE_HOME: cliHome.path,
        REQBRIDGE_LEVER_KEY: reduced.secret,
        REQBRIDGE_CHARTHOP_TOKEN: embedded.runtime.secrets.charthopToken,
      };
      // Asynchronous: the sandbox servers live in this process and must keep answering.
      const run = (...args: string[]) =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [bin, ...args], { env });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('close', (status) => resolve({ status, stdout, stderr }));
        });
      expect((await run('profile', 'create', 'Client')).status).toBe(0);
      const { leverBaseUrl, charthopBaseUrl, charthopOrg } = embedded.runtime.endpoints;
      expect(
        (
          await run(
            'profile',
            'set',
            'client',
            'lever.environment=custom',
            `lever.baseUrl=${leverBaseUrl}`,
            `charthop.baseUrl=${charthopBaseUrl}`,
            `charthop.org=${charthopOrg}`,
          )
        ).status,
      ).toBe(0);
      // Nothing stored yet: --last says so without checking.
      const none = await run('doctor', '--last', '--profile', 'client');
      expect(none.status).toBe(1);
      expect(none.stdout).toContain('Check connection has not run for this profile yet');
      const result = await run('doctor', '--profile', 'client', '--json');
      expect(result.status).toBe(1);
      // --last prints the stored report as it was, without running the checks again.
      const doctorCalls = lever.requestLog({}).length;
      const last = await run('doctor', '--last', '--profile', 'client', '--json');
      expect(last.status).toBe(1);
      expect(JSON.parse(last.stdout)).toEqual(JSON.parse(result.stdout));
      expect(lever.requestLog({}).length, 'no Lever call').toBe(doctorCalls);
      const text = await run('doctor', '--last', '--profile', 'client');
      expect(text.stdout).toMatch(/^Last checked \d{4}-\d\d-\d\dT.+ \(stored report; nothing was checked now\)\./);
      expect(text.stdout).toContain('FAIL');
      const report = JSON.parse(result.stdout) as { ok: boolean; checks: Array<{ id: string; status: string; fix: string | null }> };
      expect(report.ok).toBe(false);
      expect(report.checks.find((c) => c.id === 'lever.delete-requisitions')).toMatchObject({
        status: 'fail',
        fix: expect.stringContaining('Delete requisitions'),
      });
      expect(result.stdout + result.stderr).not.toContain(env.REQBRIDGE_LEVER_KEY!);
    } finally {
      cliHome.cleanup();
    }
  });
});
