// The process killed at each journal state, then a new run: no duplicate record, both sides
// converged. The engine runs in a child process (test/fixtures/sync-crash-child.ts) that SIGKILLs
// itself at the named journal point of its second write; the fakes and the data folder outlive it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDb, stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { createFakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverRequisition, SeedOf } from '../../../src/main/sandbox/lever/index.ts';
import type { RunSummary } from '../../../src/shared/api/sync-views.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestCore, valueOf } from '../../support/test-core.ts';
import { fakeConnection } from './harness.ts';
import { CHARTHOP_TOKEN, LEVER_KEY, ORG, STAFF, activeJobs, charthopSeed, jobId, leverSeed } from './seeds.ts';

const child = fileURLToPath(new URL('../../fixtures/sync-crash-child.ts', import.meta.url));

interface Scene {
  lever: FakeLever;
  charthop: FakeChartHop;
  dataDir: string;
  profileId: string;
  cleanup(): Promise<void>;
}

let scene: Scene | undefined;
afterEach(async () => {
  await scene?.cleanup();
  scene = undefined;
});

async function setUp(direction: 'outbound' | 'inbound'): Promise<Scene> {
  // Job 2 has no requisition code: its create uses the generated code, which a retry must find again.
  const jobs = direction === 'outbound' ? activeJobs(3, (i) => (i === 1 ? { req: undefined } : {})) : [];
  const reqs: SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'>[] =
    direction === 'inbound'
      ? [1, 2, 3].map((i) => ({
          id: `lr-${i}`,
          requisitionCode: `LVR-${i}`,
          name: `Role ${i}`,
          headcountTotal: 1,
          status: 'open',
          hiringManager: STAFF.grace.leverId,
        }))
      : [];
  const lever = await createFakeLever({ seed: leverSeed(reqs) });
  const charthop = await createFakeChartHop({ seed: charthopSeed(jobs) });
  const temp = makeTempDir();
  const core = startTestCore({ dataDir: temp.path });
  const created = valueOf(await core.api.invoke('profiles:create', { name: 'Crash' }));
  const patch =
    direction === 'inbound'
      ? {
          sourceOfTruth: 'lever' as const,
          options: { reverseSync: true, runDaily: false, syncOnChange: false, reconciliation: false, remoteLocationAsDefault: false },
        }
      : {};
  valueOf(await core.api.invoke('settings:update', { profileId: created.id, patch: { ...fakeConnection(lever, charthop), ...patch } }));
  core.dispose();
  return {
    lever,
    charthop,
    dataDir: temp.path,
    profileId: created.id,
    async cleanup() {
      await Promise.all([lever.close(), charthop.close()]);
      temp.cleanup();
    },
  };
}

/** Runs the child; resolves with its exit code, signal and stdout. */
function runChild(
  s: Scene,
  crashAt?: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SYNC_DATA_DIR: s.dataDir,
    SYNC_PROFILE: s.profileId,
    REQBRIDGE_LEVER_KEY: LEVER_KEY,
    REQBRIDGE_CHARTHOP_TOKEN: CHARTHOP_TOKEN,
    SYNC_CRASH_AT: crashAt ?? '',
    SYNC_CRASH_INDEX: '1',
  };
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 25_000);
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function journal(s: Scene): { states: string[]; runs: { status: string; error: string | null }[]; links: number; reasons: string[] } {
  const db = openStateDb(stateDbPath(s.dataDir, s.profileId));
  try {
    const states = (db.db.prepare('SELECT state FROM intents ORDER BY id').all() as { state: string }[]).map((r) => r.state);
    const runs = db.db.prepare('SELECT status, error FROM runs ORDER BY id').all() as { status: string; error: string | null }[];
    const links = (db.db.prepare('SELECT COUNT(*) AS n FROM links').get() as { n: number }).n;
    const reasons = (
      db.db.prepare('SELECT reason FROM run_items WHERE run_id = (SELECT MAX(id) FROM runs) ORDER BY id').all() as { reason: string }[]
    ).map((r) => r.reason);
    return { states, runs, links, reasons };
  } finally {
    db.close();
  }
}

/**
 * The journal of a run killed at its second write: that intent is in `state`. Records are completed in a lane
 * of their own (apply-rows.ts), so the write before it is confirmed or still waiting for its completion, and
 * the next one may already be planned or sent. Returns the states.
 */
function expectKilledAt(states: string[], state: string): string[] {
  expect(states[1]).toBe(state);
  expect(['CONFIRMED', 'SENT']).toContain(states[0]);
  expect(states.slice(2).every((s) => s === 'PLANNED' || s === 'SENT')).toBe(true);
  return states;
}

const POINTS = [
  ['after_planned', 'PLANNED'],
  ['after_sent', 'SENT'],
  ['after_write', 'SENT'],
  ['before_confirmed', 'SENT'],
] as const;

describe('crash at each journal state (real SIGKILL), then a new run', () => {
  for (const [point, state] of POINTS) {
    it(`outbound, killed ${point}: no duplicate requisition, both sides converge`, async () => {
      scene = await setUp('outbound');
      const killed = await runChild(scene, point);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      const before = expectKilledAt(journal(scene).states, state);
      const postsBefore = scene.lever.control.requestLog({ method: 'POST', path: '/v1/requisitions' }).length;
      expect(postsBefore).toBeGreaterThanOrEqual(point === 'after_write' || point === 'before_confirmed' ? 2 : 1);
      expect(postsBefore).toBeLessThanOrEqual(3);
      const confirmedBefore = before.filter((s) => s === 'CONFIRMED').length;

      const rerun = await runChild(scene);
      expect(rerun.code, rerun.stderr).toBe(0);
      const summary = JSON.parse(rerun.stdout) as RunSummary;
      expect(summary.status).toBe('succeeded');

      const reqs = scene.lever.control.state().requisitions;
      expect(reqs).toHaveLength(3);
      expect(new Set(reqs.map((r) => r.requisitionCode)).size).toBe(3);
      expect(scene.lever.control.requestLog({ method: 'POST', path: '/v1/requisitions' })).toHaveLength(3);
      const jobs = new Map(scene.charthop.control.jobs(ORG).map((j) => [j['id'], j]));
      for (const r of reqs) {
        const job = [...jobs.values()].find((j) => j['leverReqId'] === r.id);
        expect(job, r.requisitionCode).toBeDefined();
        expect(job?.['req']).toBe(r.requisitionCode);
      }
      expect(jobs.get(jobId(2))?.['req']).toMatch(/^RB-[0-9A-F]{10}$/);
      const after = journal(scene);
      expect(after.states.filter((s) => s === 'PLANNED' || s === 'SENT')).toEqual([]);
      expect(after.links).toBe(3);
      expect(after.runs[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('Interrupted') });
      expect(after.runs[1]?.status).toBe('succeeded');
      // Every create whose request went out and was not confirmed is found (by its recorded id or its code), not sent again.
      expect(after.reasons.filter((r) => r === 'recovered_after_interruption')).toHaveLength(postsBefore - confirmedBefore);
    });
  }

  it('outbound, killed after the create answered: the rerun continues from the id the journal recorded, even when the code no longer finds it', async () => {
    scene = await setUp('outbound');
    const killed = await runChild(scene, 'after_write');
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const before = expectKilledAt(journal(scene).states, 'SENT');
    // Someone edits the new requisition's code in Lever before the next run: a lookup by code finds nothing.
    const state = scene.lever.control.state();
    const linkedIds = new Set(scene.charthop.control.jobs(ORG).map((j) => j['leverReqId']));
    const orphan = state.requisitions.find((r) => !linkedIds.has(r.id))!;
    orphan.requisitionCode = `${orphan.requisitionCode}-EDITED`;
    scene.lever.control.seed(state);

    const rerun = await runChild(scene);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(scene.lever.control.state().requisitions).toHaveLength(3);
    expect(scene.lever.control.requestLog({ method: 'POST', path: '/v1/requisitions' })).toHaveLength(3);
    const job = scene.charthop.control.jobs(ORG).find((j) => j['leverReqId'] === orphan.id);
    expect(job).toBeDefined();
    expect(journal(scene).links).toBe(3);
    expect(journal(scene).reasons.filter((r) => r === 'recovered_after_interruption')).toHaveLength(
      2 - before.filter((s) => s === 'CONFIRMED').length,
    );
  });

  for (const [point, state] of [POINTS[1], POINTS[3]] as const) {
    it(`inbound, killed ${point}: no duplicate job, both sides converge`, async () => {
      scene = await setUp('inbound');
      const killed = await runChild(scene, point);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      const before = expectKilledAt(journal(scene).states, state);
      const postsBefore = scene.charthop.control.requestLog({ method: 'POST', path: '/v2/org/acme/job' }).length;
      const rerun = await runChild(scene);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect((JSON.parse(rerun.stdout) as RunSummary).status).toBe('succeeded');
      const linked = scene.charthop.control.jobs(ORG).filter((j) => typeof j['leverReqId'] === 'string');
      expect(linked.map((j) => j['leverReqId']).sort()).toEqual(['lr-1', 'lr-2', 'lr-3']);
      expect(scene.charthop.control.requestLog({ method: 'POST', path: '/v2/org/acme/job' })).toHaveLength(3);
      expect(journal(scene).links).toBe(3);
      expect(journal(scene).reasons.filter((r) => r === 'recovered_after_interruption')).toHaveLength(
        postsBefore - before.filter((s) => s === 'CONFIRMED').length,
      );
    });
  }
});
