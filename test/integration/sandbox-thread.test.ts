// The embedded Sandbox on a worker thread, as the core process runs it: real servers on the thread, its
// state saved on request and on close, restored by the next thread, and a start failure as a reason.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogRecord } from '../../src/main/core/logging/logger.ts';
import { createLogger } from '../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../src/main/core/logging/redactor.ts';
import { SOURCE_SANDBOX_THREAD_ENTRY, sandboxThreadEntryFor, startSandboxThread } from '../../src/main/host/sandbox-thread.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const home = makeTempDir();
afterAll(() => home.cleanup());
const logs: LogRecord[] = [];
const logger = createLogger({ redactor: createRedactor(), sink: (record) => logs.push(record) });
const auth = (key: string | undefined) => ({
  authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
  'content-type': 'application/json',
});

describe('the embedded Sandbox on its own thread', () => {
  it('serves from the thread, saves when asked and on close, and the next thread restores it', async () => {
    const first = await startSandboxThread(home.path, logger, { controlToken: 'control-token-for-test' });
    expect(first.addresses.leverUrl).toBe(first.runtime.endpoints.leverBaseUrl);
    expect(first.addresses.org).toBe(first.runtime.endpoints.charthopOrg);
    const lever = first.runtime.endpoints.leverBaseUrl;
    const created = await fetch(`${lever}/requisitions`, {
      method: 'POST',
      headers: auth(first.runtime.secrets.leverApiKey),
      body: JSON.stringify({ requisitionCode: 'THREAD-1', name: 'Saved by the thread', headcountTotal: 1 }),
    });
    expect(created.status).toBe(201);
    const file = join(home.path, 'sandbox', 'state.json');
    first.save();
    expect(readFileSync(file, 'utf8')).toContain('THREAD-1');
    await first.close();
    // Closed: its servers no longer answer, and a second close or save is harmless.
    await expect(fetch(`${lever}/requisitions?limit=1`, { headers: auth(first.runtime.secrets.leverApiKey) })).rejects.toThrow();
    await first.close();
    first.save();

    const second = await startSandboxThread(home.path, logger);
    try {
      const listed = await fetch(`${second.runtime.endpoints.leverBaseUrl}/requisitions?limit=100&requisition_code=THREAD-1`, {
        headers: auth(second.runtime.secrets.leverApiKey),
      });
      expect(JSON.stringify(await listed.json())).toContain('Saved by the thread');
    } finally {
      await second.close();
    }
  });

  it('passes what the thread logs to the core process’s log, and a state it cannot read is replaced', async () => {
    const dir = makeTempDir();
    try {
      const file = join(dir.path, 'sandbox', 'state.json');
      mkdirSync(join(dir.path, 'sandbox'), { recursive: true });
      writeFileSync(file, '{ not json');
      const thread = await startSandboxThread(dir.path, logger);
      await thread.close();
      expect(logs.some((r) => r.level === 'warn' && r.message.includes('could not be restored'))).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1 });
    } finally {
      dir.cleanup();
    }
  });

  it('rejects with the thread’s reason when it cannot start', async () => {
    // An entry file that does not exist: the thread ends before it is ready, and the start says so.
    const missing = new URL('./no-such-sandbox-thread.ts', SOURCE_SANDBOX_THREAD_ENTRY);
    await expect(startSandboxThread(home.path, logger, { entry: missing })).rejects.toThrow(/no-such-sandbox-thread|Cannot find module/);
  });

  it('finds the bundled thread next to the bundled entry, and the source next to its module', () => {
    expect(sandboxThreadEntryFor('file:///opt/ReqBridge/resources/app.asar/out/main/core.js').href).toBe(
      'file:///opt/ReqBridge/resources/app.asar/out/main/sandbox-thread.js',
    );
    expect(sandboxThreadEntryFor('file:///repo/src/main/core-process/main.ts')).toBe(SOURCE_SANDBOX_THREAD_ENTRY);
    expect(SOURCE_SANDBOX_THREAD_ENTRY.pathname.endsWith('/src/main/host/sandbox-thread-main.ts')).toBe(true);
  });
});
