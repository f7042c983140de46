// The sync CLI as a real child process: REQBRIDGE_HOME in a temp dir, keys and URLs from the
// environment (the headless overrides of the selected profile) pointing at fakes in this process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView, RunDetail, RunSummary } from '../../../src/shared/api/sync-views.ts';
import { createFakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever } from '../../../src/main/sandbox/lever/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestCore, valueOf } from '../../support/test-core.ts';
import { CHARTHOP_TOKEN, LEVER_KEY, ORG, activeJobs, charthopSeed, leverSeed } from './seeds.ts';

const bin = fileURLToPath(new URL('../../../bin/reqbridge.js', import.meta.url));
const home = makeTempDir();
let lever: FakeLever;
let charthop: FakeChartHop;

beforeAll(async () => {
  lever = await createFakeLever({ seed: leverSeed() });
  charthop = await createFakeChartHop({ seed: charthopSeed(activeJobs(4)) });
  const core = startTestCore({ dataDir: home.path });
  const created = valueOf(await core.api.invoke('profiles:create', { name: 'Acme' }));
  valueOf(await core.api.invoke('profiles:select', { id: created.id }));
  core.dispose();
});
afterAll(async () => {
  await Promise.all([lever?.close(), charthop?.close()]);
  home.cleanup();
});

/** The real CLI (async: the fakes answer from this process's event loop). */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REQBRIDGE_HOME: home.path,
    REQBRIDGE_LEVER_KEY: LEVER_KEY,
    REQBRIDGE_CHARTHOP_TOKEN: CHARTHOP_TOKEN,
    REQBRIDGE_LEVER_URL: lever.url,
    REQBRIDGE_CHARTHOP_URL: charthop.url,
    REQBRIDGE_CHARTHOP_ORG: ORG,
  };
  delete env['DBUS_SESSION_BUS_ADDRESS'];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 25_000);
    proc.on('error', reject);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function editInLever(code: string, changes: Record<string, unknown>): Promise<void> {
  const headers = { authorization: `Basic ${Buffer.from(`${LEVER_KEY}:`).toString('base64')}`, 'content-type': 'application/json' };
  const r = lever.control.state().requisitions.find((x) => x.requisitionCode === code);
  const current = (await (await fetch(`${lever.url}/requisitions/${r?.id ?? ''}`, { headers })).json()) as {
    data: Record<string, unknown>;
  };
  const put = await fetch(`${lever.url}/requisitions/${r?.id ?? ''}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...current.data, ...changes }),
  });
  expect(put.status).toBe(200);
}

describe('reqbridge plan / sync / reconcile / runs (real CLI process)', () => {
  it('plans, syncs, reconciles, lists and exports runs; exits 1 on a failed run', async () => {
    const plan = await cli('plan', '--profile', 'Acme');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('create 4 · update 0');
    expect(plan.stdout).toMatch(/create\s+ENG-0001\s+Engineer 1\s+job_active_unlinked/);
    const planJson = JSON.parse((await cli('plan', '--json')).stdout) as PlanView;
    expect(planJson.counts.create).toBe(4);
    expect(lever.control.state().requisitions).toHaveLength(0);

    const sync = await cli('sync', '--profile', 'acme');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toContain('Applying 4 records…');
    expect(sync.stdout).toMatch(/Run #1 \(cli, outbound\) succeeded: 4 created\./);
    expect(lever.control.state().requisitions).toHaveLength(4);
    const again = JSON.parse((await cli('sync', '--json')).stdout) as RunSummary;
    expect(again).toMatchObject({ id: 2, trigger: 'cli', status: 'succeeded', counts: { created: 0, updated: 0 } });

    await editInLever('ENG-0002', { name: 'Edited in Lever' });
    const reconcile = await cli('reconcile');
    expect(reconcile.code).toBe(0);
    expect(reconcile.stdout).toMatch(/update\s+ENG-0002\s+Engineer 2\s+fields_drifted\s+Title: Edited in Lever → Engineer 2/);
    expect(reconcile.stdout).toContain('reqbridge reconcile --apply');
    const applied = JSON.parse((await cli('reconcile', '--apply', '--json')).stdout) as { plan: PlanView; run: RunSummary };
    expect(applied.run).toMatchObject({ id: 3, trigger: 'cli', direction: 'reconcile', status: 'succeeded', counts: { updated: 1 } });
    expect(lever.control.state().requisitions.find((r) => r.requisitionCode === 'ENG-0002')?.name).toBe('Engineer 2');

    const runs = await cli('runs');
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/ID\s+STARTED\s+TRIGGER\s+DIRECTION\s+STATUS/);
    expect(runs.stdout).toMatch(/3\s+\S+ \S+\s+cli\s+reconcile\s+succeeded/);
    const detail = JSON.parse((await cli('runs', '1', '--json')).stdout) as RunDetail;
    expect(detail.items.map((i) => i.recordKey)).toEqual(['ENG-0001', 'ENG-0002', 'ENG-0003', 'ENG-0004']);
    const file = join(home.path, 'run-1.csv');
    expect((await cli('runs', '1', '--export', 'csv', '--out', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8').split('\r\n')[0]).toMatch(
      /^run_id,trigger,direction,run_status,item_id,record_key,title,action,outcome/,
    );
    expect(await cli('runs', '99')).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no run #99') });
    expect((await cli('runs', '1', '--export', 'xml')).code).toBe(2);

    lever.control.setFault({ method: 'GET', path: '/v1/requisitions', action: { kind: 'status', status: 401 } });
    const failed = await cli('sync');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/Run #4 \(cli, outbound\) failed/);
    expect(failed.stdout).toContain('Reading requisitions from Lever failed');
    expect(`${failed.stdout}${failed.stderr}`).not.toContain(LEVER_KEY);
    // The safe facts for a support ticket, as in the app's Details: the request id is the one the fake answered with.
    const refused = lever.control
      .requestLog()
      .filter((e) => e.status === 401)
      .map((e) => e.requestId);
    const details = /Details: HTTP status 401 · Call Lever GET \/requisitions · Request id (\S+) · Attempts 1 · Time \d{4}-\d\d-\d\dT/.exec(
      failed.stdout,
    );
    expect(details, failed.stdout).not.toBeNull();
    expect(refused).toContain(details![1]);
    // A command whose call is refused (no run recorded) prints the same line under its sentence, on stderr.
    const planRefused = await cli('plan');
    expect(planRefused.code).toBe(1);
    expect(planRefused.stderr).toMatch(/\nDetails: HTTP status 401 · Call Lever GET \/requisitions · Request id \S+ · Attempts 1 · Time /);
    expect(planRefused.stderr).not.toContain(LEVER_KEY);
    lever.control.clearFaults();
  });

  it('runs --kind, --trigger, --status and --search filter the history as the Runs page does; an unknown value is refused with the allowed ones', async () => {
    // Runs 1 and 2 synced, 3 reconciled ENG-0002, 4 failed (the test before).
    const ids = async (...filters: string[]) =>
      (JSON.parse((await cli('runs', '--json', ...filters)).stdout) as RunSummary[]).map((r) => r.id);
    expect(await ids('--kind', 'reconcile')).toEqual([3]);
    expect(await ids('--kind', 'sync', '--status', 'succeeded', '--trigger', 'cli')).toEqual([2, 1]);
    expect(await ids('--status', 'failed')).toEqual([4]);
    expect(await ids('--search', 'ENG-0002')).toEqual([3, 1]);
    expect((await cli('runs', '--status', 'cancelled')).stdout).toContain('No run matches these filters.');
    expect(await cli('runs', '--kind', 'everything')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--kind takes one of sync, reconcile, undo, metrics, hires'),
    });
  });

  it('undo RUN_ID prints the plan and writes nothing; --apply records the undo run; a second undo is refused', async () => {
    lever.control.clearRequestLog();
    charthop.control.clearRequestLog();
    const writes = () => [...lever.control.requestLog(), ...charthop.control.requestLog()].filter((e) => e.method !== 'GET');
    const dry = await cli('undo', '1', '--profile', 'Acme');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Undo of run #1');
    expect(dry.stdout).toMatch(/delete\s+ENG-0001\s+Engineer 1\s+undo_created/);
    expect(dry.stdout).toContain('Nothing was written. Apply it with: reqbridge undo 1 --apply');
    expect(writes()).toEqual([]);
    expect(lever.control.state().requisitions).toHaveLength(4);

    const applied = await cli('undo', '1', '--apply');
    expect(applied.code, applied.stdout).toBe(0);
    // ENG-0002 was reconciled since run 1 wrote it, but its title is back as run 1 wrote it: every record goes.
    expect(applied.stdout).toMatch(/Run #\d+ \(cli, outbound, undo of run #1\) succeeded: 4 deleted\./);
    expect(lever.control.state().requisitions).toHaveLength(0);
    const again = await cli('undo', '1');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Run #1 was already undone by run #\d+; a run can be undone once\./);
    expect((await cli('undo')).code).toBe(2);
  });

  it('report --out FILE.html writes the hand-over report with every section and no key', async () => {
    const file = join(home.path, 'handover.html');
    const written = await cli('report', '--profile', 'Acme', '--out', file);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toContain(`Wrote the hand-over report of the profile to ${file}.`);
    const html = readFileSync(file, 'utf8');
    for (const id of ['profile', 'check-connection', 'mappings', 'webhook', 'schedule', 'runs', 'attention', 'unmapped', 'todo'])
      expect(html).toContain(`<section id="${id}">`);
    expect(html).toContain('undo of run 1');
    // (The canary test in test/integration/report proves no last four characters either; these keys end in common letters.)
    for (const secret of [LEVER_KEY, CHARTHOP_TOKEN]) expect(html).not.toContain(secret);
  });
});
