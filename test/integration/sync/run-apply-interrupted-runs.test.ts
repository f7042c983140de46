// Start-up recovery of the run log: runs a dead process left going are marked interrupted for every
// profile (and said so in the log, once per profile that had any); a profile never synced gets no
// database created, and a profile whose run another living process holds is left alone.
import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { markInterruptedRuns } from '../../../src/main/core/sync/interrupted-runs.ts';
import { createRunLog } from '../../../src/main/core/sync/run-log.ts';
import { startTestCore, valueOf } from '../../support/test-core.ts';
import type { TestCore } from '../../support/test-core.ts';

let test: TestCore | undefined;
afterEach(() => {
  test?.dispose();
  test = undefined;
});

const AT = new Date(Date.UTC(2026, 0, 5, 9));

describe('marking the runs a stopped ReqBridge left going', () => {
  it('marks each synced profile’s running runs, skips profiles never synced or held by a living process', async () => {
    test = startTestCore();
    const t = test;
    const deps = t.core.service.deps;
    const profile = async (name: string) => valueOf(await t.api.invoke('profiles:create', { name })).id;
    const acme = await profile('Acme');
    const globex = await profile('Globex');
    const initech = await profile('Initech');
    const hooli = await profile('Hooli');
    // Globex has never been synced: no database on disk.
    deps.stateDbs.release(globex);
    for (const suffix of ['', '-wal', '-shm']) rmSync(stateDbPath(t.dataDir, globex) + suffix, { force: true });
    const runLog = (id: string) => createRunLog(deps.stateDbs.forProfile(id), id, (s) => s);

    const acmeRuns = [runLog(acme).start('manual', 'outbound', AT), runLog(acme).start('schedule', 'outbound', AT)];
    const held = runLog(initech).start('cli', 'outbound', AT);
    deps.stateDbs
      .forProfile(initech)
      .db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      .run('sync.run_lock', JSON.stringify({ pid: process.ppid, owner: 'terminal', at: AT.toISOString() }));
    const done = runLog(hooli).start('manual', 'outbound', AT);
    runLog(hooli).finish(done, { status: 'succeeded', at: AT, error: null });

    expect(markInterruptedRuns(t.core, t.dataDir)).toBe(2);

    const interrupted = {
      status: 'failed',
      error: 'Interrupted: ReqBridge stopped during this run (closed or crashed). The next run settled its unfinished writes.',
    };
    expect(acmeRuns.map((id) => runLog(acme).get(id))).toEqual([
      expect.objectContaining(interrupted),
      expect.objectContaining(interrupted),
    ]);
    expect(runLog(initech).get(held)?.status).toBe('running');
    expect(runLog(hooli).get(done)?.status).toBe('succeeded');
    expect(existsSync(stateDbPath(t.dataDir, globex))).toBe(false);
    expect(t.logs.filter((r) => r.level === 'warn' && r.message.startsWith('Sync:')).map((r) => r.message)).toEqual([
      'Sync: 2 run(s) of Acme were going when ReqBridge stopped; they are marked interrupted.',
    ]);
  });
});
