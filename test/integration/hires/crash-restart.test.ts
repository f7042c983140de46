// Persist-then-acknowledge across a real crash (reliability.md C4, A4): a ReqBridge core in a child
// process acknowledges a hire and is killed with SIGKILL by the injected hook before processing it;
// after a restart on the same data folder the hire is processed exactly once, and the same delivery
// sent again is recognised as a duplicate (the dedupe key is on disk).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stateDbPath } from '../../../src/main/core/state/state-db.ts';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import { signLeverWebhook } from '../../../src/main/sandbox/webhook/index.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { postJson } from './http-support.ts';
import type { TestClock } from './support.ts';
import { charthopCounts, createAcmeProfile, editOpportunity, PROFILE, startTestCoreOn } from './support.ts';

const child = fileURLToPath(new URL('../../fixtures/hires-crash-child.ts', import.meta.url));
const SIGNATURE_TOKEN = 'crash-test-signature-token-0123456789abcdef';
const realClock: TestClock = { now: () => Date.now(), set: () => undefined };

let sandbox: Sandbox;
let temp: ReturnType<typeof makeTempDir>;
const children: ChildProcess[] = [];
beforeEach(async () => {
  temp = makeTempDir('reqbridge-crash-');
  sandbox = await startSandbox({ jobs: 24, opportunities: 60 });
  const setup = await startTestCoreOn(temp.path, sandbox, realClock);
  await createAcmeProfile(setup.api, sandbox);
  await setup.close();
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await sandbox.close();
  temp.cleanup();
});

interface Running {
  process: ChildProcess;
  lines: AsyncIterator<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startChild(crash: boolean): Running {
  const args = [
    child,
    temp.path,
    sandbox.credentials.leverKeys.full,
    sandbox.credentials.charthopToken,
    SIGNATURE_TOKEN,
    ...(crash ? ['--crash-after-ack'] : []),
  ];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(proc);
  proc.stderr?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: proc, lines: createInterface({ input: proc.stdout! })[Symbol.asyncIterator](), exited };
}

async function nextJson(running: Running): Promise<Record<string, unknown>> {
  const line = await running.lines.next();
  if (line.done) throw new Error('the child ended without output');
  return JSON.parse(line.value) as Record<string, unknown>;
}

/** Points the fake Lever's candidateHired webhook at `url`, signed with the child's token. */
function pointWebhookAt(url: string): void {
  const state = sandbox.control.lever.state();
  state.webhooks = [
    {
      id: 'hook-1',
      event: 'candidateHired',
      url,
      signatureToken: SIGNATURE_TOKEN,
      configuration: { conditions: { origins: ['applied', 'sourced', 'referred', 'university', 'internal', 'agency'] } },
      createdAt: 1,
      updatedAt: 1,
    },
  ];
  sandbox.control.lever.seed(state);
}

function inboxRows(): Array<{ status: string; decision: string | null }> {
  const db = new DatabaseSync(stateDbPath(temp.path, PROFILE), { readOnly: true });
  try {
    return db.prepare("SELECT status, decision FROM inbox WHERE kind = 'hire'").all() as Array<{ status: string; decision: string | null }>;
  } finally {
    db.close();
  }
}

describe('a crash between the 2xx and processing', () => {
  it('is recovered after a restart: the hire is processed once, and a resend is a duplicate', async () => {
    const id = sandbox.facts.hires.toProcess[0]!;
    editOpportunity(sandbox, id, (o) => {
      o.emails = ['crash.candidate@example.net'];
    });
    const people = () =>
      sandbox.control.charthop.state().persons.filter((p) => p.contacts.some((c) => c.value === 'crash.candidate@example.net'));
    const before = charthopCounts(sandbox);

    const first = startChild(true);
    pointWebhookAt(String((await nextJson(first)).url));
    await sandbox.control.lever.hireOpportunity(id, { startDate: Date.UTC(2027, 1, 1) });
    const delivered = sandbox.control.lever.webhookDeliveries();
    expect(delivered.map((d) => d.status)).toEqual([202]);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Acknowledged and durable, not processed.
    expect(inboxRows()).toEqual([{ status: 'queued', decision: 'pending' }]);
    expect(people()).toHaveLength(0);
    expect(charthopCounts(sandbox)).toEqual(before);

    const second = startChild(false);
    const url = String((await nextJson(second)).url);
    expect(await nextJson(second)).toEqual({ idle: true });
    expect(inboxRows()).toEqual([{ status: 'done', decision: 'created' }]);
    expect(people()).toHaveLength(1);
    const personId = people()[0]!.id;
    expect(
      sandbox.control.charthop.state().changes.filter((c) => c.type === 'HIRE' && c.status === 'ACTIVE' && c.personId === personId),
    ).toHaveLength(1);
    expect(charthopCounts(sandbox)).toMatchObject({ persons: before.persons + 1, hires: before.hires + 1 });

    // A4: the same delivery again, after the restart: 200, nothing new.
    const { token, triggeredAt } = delivered[0]!;
    const body = {
      triggeredAt,
      event: 'candidateHired',
      token,
      signature: signLeverWebhook(SIGNATURE_TOKEN, token, triggeredAt),
      data: { opportunityId: id, candidateId: id, contactId: 'c' },
    };
    const port = Number(new URL(url).port);
    expect((await postJson(port, new URL(url).pathname, body)).status).toBe(200);
    expect(inboxRows()).toHaveLength(1);
    expect(people()).toHaveLength(1);

    second.process.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});
