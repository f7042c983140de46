import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';

const home = makeTempDir();
afterAll(() => home.cleanup());
const bin = fileURLToPath(new URL('../../bin/reqbridge.js', import.meta.url));

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return cliWith({}, ...args);
}

function cliWith(extra: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, REQBRIDGE_HOME: home.path, ...extra };
    const child = spawn(process.execPath, [bin, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('reqbridge daily (real CLI process, embedded Sandbox)', () => {
  it('--force runs the daily steps of the Sandbox; the next call the same day runs nothing', async () => {
    const forced = await cli('daily', '--profile', 'sandbox', '--force', '--json');
    expect(forced.code).toBe(0);
    const outcomes = JSON.parse(forced.stdout) as Array<{ profileId: string; steps: Array<{ step: string; ok: boolean }> }>;
    expect(outcomes.map((o) => o.profileId)).toEqual(['sandbox']);
    // The sync first, then hires, then metrics: the day's metrics cover the jobs the day linked.
    expect(outcomes[0]?.steps).toEqual([
      { step: 'reconcile', ok: true, error: null, skipped: null },
      { step: 'hires', ok: true, error: null, skipped: null },
      { step: 'metrics', ok: true, error: null, skipped: null },
    ]);
    const again = await cli('daily');
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('No daily run is due') });
    const runs = JSON.parse((await cli('runs', '--profile', 'sandbox', '--json')).stdout) as Array<{ direction: string; trigger: string }>;
    expect(runs.map((r) => `${r.direction}:${r.trigger}`).sort()).toEqual(['metrics:schedule', 'reconcile:schedule']);
    // So a metrics run straight after it has nothing left to write.
    const metrics = await cli('metrics', '--profile', 'sandbox', '--json');
    expect(metrics.code, metrics.stderr).toBe(0);
    expect((JSON.parse(metrics.stdout) as { counts: { updated: number } }).counts.updated).toBe(0);
  }, 60_000);
});

describe("the environment's overrides and the Sandbox (real CLI process)", () => {
  it('says they are not used when the command runs on the Sandbox, and still runs it there', async () => {
    const planned = await cliWith(
      { REQBRIDGE_LEVER_KEY: 'client-key-not-for-the-sandbox', REQBRIDGE_LEVER_URL: 'https://api.lever.co/v1' },
      'plan',
      '--profile',
      'sandbox',
    );
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stderr).toContain(
      'runs on the Sandbox profile, which always uses its own fake Lever and ChartHop, so REQBRIDGE_LEVER_KEY, REQBRIDGE_LEVER_URL are not used',
    );
    expect(planned.stderr).toContain('pass --profile NAME');
    expect(planned.stderr).not.toContain('client-key-not-for-the-sandbox');
    // Without overrides there is nothing to say.
    expect((await cli('plan', '--profile', 'sandbox')).stderr).not.toContain('Note:');
  });
});
