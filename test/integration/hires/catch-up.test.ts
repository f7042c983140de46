// "Webhook never delivered": the fake Lever's sender is disabled, a candidate is marked hired,
// and the real CLI (`reqbridge hires catch-up`, a child process on the same data folder) finds and
// processes the hire once; a second catch-up and a later (duplicate) delivery change nothing.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatchUpResult, HireView } from '../../../src/shared/api/hires-views.ts';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';
import type { TestClock } from './support.ts';
import { charthopCounts, createAcmeProfile, editOpportunity, PROFILE, registerWebhook, startTestCoreOn } from './support.ts';

const bin = fileURLToPath(new URL('../../../bin/reqbridge.js', import.meta.url));
// The CLI child runs on the real clock, so the sandbox does too here.
const realClock: TestClock = { now: () => Date.now(), set: () => undefined };

let sandbox: Sandbox;
let temp: ReturnType<typeof makeTempDir>;
beforeEach(async () => {
  temp = makeTempDir('reqbridge-catchup-');
  sandbox = await startSandbox({ jobs: 24, opportunities: 60 });
  const setup = await startTestCoreOn(temp.path, sandbox, realClock);
  await createAcmeProfile(setup.api, sandbox);
  await setup.close();
});
afterEach(async () => {
  await sandbox.close();
  temp.cleanup();
});

/** Runs the real CLI in a child process (asynchronously: the sandbox answers from this process). */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REQBRIDGE_HOME: temp.path,
    REQBRIDGE_LEVER_KEY: sandbox.credentials.leverKeys.full,
    REQBRIDGE_CHARTHOP_TOKEN: sandbox.credentials.charthopToken,
  };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('hires catch-up (real CLI)', () => {
  it('finds a hire whose webhook never arrived, processes it once; a later duplicate delivery changes nothing', async () => {
    const id = sandbox.facts.hires.toProcess[0]!;
    editOpportunity(sandbox, id, (o) => {
      o.emails = ['never.delivered@example.net'];
    });
    sandbox.control.lever.setWebhooksEnabled(false);
    await sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2027, 0, 4), salary: 99_000, currency: 'EUR' });
    expect(sandbox.control.lever.webhookDeliveries()).toEqual([]);
    const before = charthopCounts(sandbox);

    const first = await cli('hires', 'catch-up', '--profile', 'Acme', '--json');
    expect(first.stderr).toBe('');
    const result = JSON.parse(first.stdout) as CatchUpResult;
    expect(result.found).toBeGreaterThanOrEqual(5);
    expect(result.processed).toBe(result.found);
    // The demo's hires: the edge cases get their rule, the hires to process are created.
    expect(result.decisions).toMatchObject({ no_email: 1, job_missing: 1 });
    expect(result.decisions.person_exists).toBeGreaterThanOrEqual(1);
    expect(result.decisions.created).toBe(sandbox.facts.hires.toProcess.length);
    expect(first.code).toBe(0);

    const people = () =>
      sandbox.control.charthop.state().persons.filter((p) => p.contacts.some((c) => c.value === 'never.delivered@example.net'));
    expect(people()).toHaveLength(1);
    const personId = people()[0]!.id;
    const hireChanges = () =>
      sandbox.control.charthop.state().changes.filter((c) => c.type === 'HIRE' && c.status === 'ACTIVE' && c.personId === personId);
    expect(hireChanges()).toHaveLength(1);
    expect(hireChanges()[0]!.date).toBe('2027-01-04');
    const after = charthopCounts(sandbox);
    expect(after.persons - before.persons).toBe(sandbox.facts.hires.toProcess.length);

    // Catching up again reads from the checkpoint (with an overlap that re-finds the newest hire) and writes nothing.
    const second = JSON.parse((await cli('hires', 'catch-up', '--profile', 'acme', '--json')).stdout) as CatchUpResult;
    expect(second.found).toBeGreaterThanOrEqual(1);
    expect(second.found).toBeLessThan(result.found);
    expect(second.processed).toBe(0);
    expect(charthopCounts(sandbox)).toEqual(after);

    const listed = JSON.parse((await cli('hires', 'list', '--profile', 'acme', '--json')).stdout) as HireView[];
    expect(listed.find((h) => h.opportunityId === id)).toMatchObject({
      source: 'catch-up',
      decision: 'created',
      personId,
      startDate: '2027-01-04',
    });
    const text = await cli('hires', 'list', '--profile', 'acme');
    expect(text.stdout).toContain('catch-up');
    expect(text.stdout).toContain('created');

    // The webhook arrives after all (Lever's late retry): accepted, and nothing changes in ChartHop.
    const app = await startTestCoreOn(temp.path, sandbox, realClock);
    try {
      const status = await app.core.hires.serve(PROFILE);
      const token = await registerWebhook(sandbox, status.localUrl!);
      valueOf(await app.api.invoke('secrets:set', { profileId: PROFILE, name: 'leverWebhookSignatureToken', value: token }));
      sandbox.control.lever.setWebhooksEnabled(true);
      const report = await sandbox.control.lever.sender.sendCandidateHired(status.localUrl!, token, { opportunityId: id, contactId: 'c' });
      expect(report.attempts[0]?.status).toBe(202);
      await app.core.hires.drain(PROFILE);
      const views = valueOf(await app.api.invoke('hires:list', { profileId: PROFILE, limit: 100 })).filter((h) => h.opportunityId === id);
      expect(views.map((v) => [v.source, v.decision])).toEqual([
        ['webhook', 'not_first_hire'],
        ['catch-up', 'created'],
      ]);
      expect(charthopCounts(sandbox)).toEqual(after);
      expect(people()).toHaveLength(1);
      expect(hireChanges()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('needs --profile, and says which profile is unknown', async () => {
    expect((await cli('hires', 'catch-up')).code).toBe(2);
    const unknown = await cli('hires', 'catch-up', '--profile', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no profile "nobody"');
  });
});
