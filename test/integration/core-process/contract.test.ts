// The contract through the core's own process: real forks of the entry, real SQLite files and settings in
// a temp data dir, the embedded Sandbox's real servers. Calls, events, start-up failure and a clean stop.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreProcess } from '../../../src/main/core/process/core-process-client.ts';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import { forkedCoreChild } from '../../../src/main/core/process/core-child.ts';
import { CORE_PROCESS_V8_FLAGS } from '../../../src/main/core/process/core-exec-argv.ts';
import { createLogger } from '../../../src/main/core/logging/logger.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import { startupFailureText } from '../../../src/main/core/startup-failure.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';
import type { CoreForks } from './support.ts';
import { coreForks, startCoreProcess } from './support.ts';

let forks: CoreForks;
let core: CoreProcess | null = null;
let temp: ReturnType<typeof makeTempDir>;

afterEach(async () => {
  await core?.close();
  core = null;
  await forks.killAll();
  temp.cleanup();
});

const start = async (args: string[] = [], env: Record<string, string> = {}) => {
  forks = coreForks();
  temp = makeTempDir();
  core = await startCoreProcess(forks.options(temp.path, args, env));
  return core;
};

describe('the core in its own process', () => {
  it('answers the contract, forwards the events and says where its data and Sandbox are', async () => {
    const c = await start([], { REQBRIDGE_SANDBOX_CONTROL_TOKEN: 'control-token-for-test' });
    const leverUrl = expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(c.ready).toMatchObject({ dataDir: temp.path, sandbox: { leverUrl, org: expect.any(String) } });
    expect(c.ready.pid).toBe(forks.children[0]?.pid);
    expect(c.ready.pid).not.toBe(process.pid);
    // It runs with the core's V8 flags (a bounded young generation; core-exec-argv.ts), as the hosts start it.
    if (process.platform === 'linux')
      expect(readFileSync(`/proc/${c.ready.pid}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining([...CORE_PROCESS_V8_FLAGS]));
    const api = createInProcessClient(c.dispatch, c.events);
    expect(valueOf(await api.invoke('app:info', {}))).toMatchObject({ host: 'browser', dataDir: temp.path });
    expect(valueOf(await api.invoke('profiles:list', {})).profiles.map((p) => p.name)).toEqual(['Sandbox']);

    const changed: string[][] = [];
    api.on('profiles:changed', (view) => changed.push(view.profiles.map((p) => p.name)));
    const acme = valueOf(await api.invoke('profiles:create', { name: 'Acme' }));
    // The announcement follows the keychain's answer, so it may come just after the call's own answer.
    await expect.poll(() => changed).toContainEqual(['Sandbox', 'Acme']);
    // Bad input and an unknown channel come back as the dispatcher's envelopes, as on every transport.
    expect(await api.invoke('profiles:rename', { id: acme.id, name: '' })).toMatchObject({
      ok: false,
      error: { code: 'api.invalid_input' },
    });
    expect(await c.dispatch('nope:nothing', {}, { transport: 'http' })).toMatchObject({
      ok: false,
      error: { code: 'api.unknown_channel' },
    });
    // The Sandbox profile works against the Sandbox servers running in the child.
    const plan = valueOf(await api.invoke('sync:plan', { profileId: 'sandbox', mode: 'sync' }));
    expect(plan.rows.length).toBeGreaterThan(0);
  });

  it('keeps the control token off its command line, and gives no Sandbox addresses without it', async () => {
    const c = await start();
    expect(c.ready.sandbox).toBeUndefined();
    expect(forks.children[0]?.spawnargs.join(' ')).not.toContain('token');
  });

  it('stops cleanly on close: the Sandbox state is saved and the process exits 0', async () => {
    const c = await start();
    const child = forks.children[0]!;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await c.close();
    core = null;
    expect(await exited).toBe(0);
    expect(existsSync(join(temp.path, 'sandbox', 'state.json'))).toBe(true);
    expect(await c.dispatch('profiles:list', {}, { transport: 'http' })).toMatchObject({ ok: false, error: { code: 'core.stopping' } });
  });

  it('a start-up failure is the sentence a host shows, and the process exits', async () => {
    forks = coreForks();
    temp = makeTempDir();
    writeFileSync(join(temp.path, 'settings.json'), '{"profiles": [', { mode: 0o600 });
    const failed = await startCoreProcess(forks.options(temp.path, ['--no-sandbox'])).catch((error: unknown) => error);
    expect(failed).toMatchObject({ name: 'AppError', code: 'core.startup_failed' });
    const text = startupFailureText(failed);
    expect(text).toMatch(/settings/i);
    expect(text).not.toMatch(/unexpected error/);
    const child = forks.children[0]!;
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    expect(child.exitCode).toBe(1);
  });

  it('a process that never says ready is killed, and the start fails with the generic sentence', async () => {
    forks = coreForks();
    temp = makeTempDir();
    const silent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    forks.children.push(silent);
    const logger = createLogger({ redactor: createRedactor(), sink: () => {} });
    const failed = await startCoreProcess({ spawn: () => forkedCoreChild(silent), logger, startTimeoutMs: 300 }).catch(
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/ended \(code null, signal SIGKILL\) before it was ready/);
    expect(startupFailureText(failed)).toMatch(/could not start because of an unexpected error/);
    expect(silent.signalCode).toBe('SIGKILL');
  });
});
