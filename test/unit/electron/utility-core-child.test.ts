// The UtilityProcess adapter: Electron's surface (the message itself to 'message' listeners, 'exit' with a code,
// kill() asking politely) turned into the CoreChild the core process client drives; and the arguments the desktop
// app forks its engine with. Then the same adapter over a real process (the fake electron's utilityProcess.fork).
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CORE_PROCESS_V8_FLAGS } from '../../../src/main/core/process/core-exec-argv.ts';
import type { UtilityProcessLike } from '../../../src/main/electron/utility-core-child.ts';
import { engineEntryFile, engineForkArguments, utilityCoreChild } from '../../../src/main/electron/utility-core-child.ts';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import type { DesktopEngine } from '../../support/desktop-engine.ts';
import { startDesktopEngine } from '../../support/desktop-engine.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';

vi.mock('electron', () => ({}));

/** A UtilityProcess stand-in: records posts and kills; the test emits its events. */
function utilityProcess(pid: number | null = 4242) {
  const posted: unknown[] = [];
  const emitter = new EventEmitter();
  const child = Object.assign(emitter, {
    pid: pid ?? undefined,
    killed: 0,
    postMessage: (message: unknown) => void posted.push(message),
    kill: () => {
      child.killed += 1;
      return true;
    },
  });
  return { child: child as typeof child & UtilityProcessLike, posted };
}

describe('the UtilityProcess adapter', () => {
  it('passes messages both ways as they are, and the exit code with no signal', () => {
    const { child, posted } = utilityProcess();
    const adapted = utilityCoreChild(child);
    const received: unknown[] = [];
    const exits: Array<[number | null, string | null]> = [];
    adapted.onMessage((message) => received.push(message));
    adapted.onExit((code, signal) => exits.push([code, signal]));
    adapted.send({ type: 'stop' });
    expect(posted).toEqual([{ type: 'stop' }]);
    child.emit('message', { type: 'ready', dataDir: '/d', pid: 4242 });
    expect(received).toEqual([{ type: 'ready', dataDir: '/d', pid: 4242 }]);
    child.emit('exit', 137);
    expect(exits).toEqual([[137, null]]);
  });

  it('drops a message to a process that has exited, or that is ending as it is posted', () => {
    const { child, posted } = utilityProcess();
    const adapted = utilityCoreChild(child);
    child.postMessage = () => {
      throw new Error('The utility process is gone');
    };
    expect(() => adapted.send({ type: 'stop' })).not.toThrow();
    child.emit('exit', 0);
    child.postMessage = (message: unknown) => void posted.push(message);
    adapted.send({ type: 'stop' });
    expect(posted).toEqual([]);
  });

  it('kills with SIGKILL by process id; before the spawn, or when that fails, with the process’s own kill; after the exit, not at all', () => {
    const kills: Array<[number, string]> = [];
    const spawned = utilityProcess(4242);
    utilityCoreChild(spawned.child, (pid, signal) => void kills.push([pid, signal])).kill();
    expect(kills).toEqual([[4242, 'SIGKILL']]);
    expect(spawned.child.killed).toBe(0);

    const unspawned = utilityProcess(null);
    utilityCoreChild(unspawned.child, (pid, signal) => void kills.push([pid, signal])).kill();
    expect(unspawned.child.killed).toBe(1);

    const gone = utilityProcess(4243);
    utilityCoreChild(gone.child, () => {
      throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    }).kill();
    expect(gone.child.killed).toBe(1);

    const exited = utilityProcess(4244);
    const adapted = utilityCoreChild(exited.child, (pid, signal) => void kills.push([pid, signal]));
    exited.child.emit('exit', 0);
    adapted.kill();
    expect(kills).toHaveLength(1);
    expect(exited.child.killed).toBe(0);
  });
});

describe('how the desktop app forks its engine', () => {
  it('the built core.js beside the main bundle, or the source entry when the main process runs from source', () => {
    expect(engineEntryFile(join('/app', 'out', 'main'), false)).toBe(join('/app', 'out', 'main', 'core.js'));
    expect(engineEntryFile(join('/repo', 'src', 'main', 'electron'), true)).toBe(join('/repo', 'src', 'main', 'core-process', 'main.ts'));
  });

  it('with the app’s version, the data folder as REQBRIDGE_HOME over the environment, named, its log where main’s goes', () => {
    const [entry, args, options] = engineForkArguments({
      mainDir: join('/app', 'out', 'main'),
      fromSource: false,
      version: '2.3.4',
      dataDir: '/home/u/.config/ReqBridge',
      env: { PATH: '/usr/bin', REQBRIDGE_HOME: '/elsewhere', UNSET: undefined },
    });
    expect(entry).toBe(join('/app', 'out', 'main', 'core.js'));
    expect(args).toEqual(['--host', 'electron', '--app-version', '2.3.4']);
    expect(options).toEqual({
      serviceName: 'ReqBridge engine',
      stdio: 'inherit',
      env: { PATH: '/usr/bin', REQBRIDGE_HOME: '/home/u/.config/ReqBridge' },
      execArgv: [...CORE_PROCESS_V8_FLAGS],
    });
  });
});

describe('the engine over the fake utilityProcess.fork (a real process with Electron’s parentPort)', () => {
  let desktop: DesktopEngine | null = null;
  const temp = makeTempDir();
  afterEach(async () => {
    await desktop?.close();
    desktop = null;
    temp.cleanup();
  });

  it('answers calls with the passed version; a host service main does not offer is answered so; a kill ends it at once and it is restarted', async () => {
    desktop = await startDesktopEngine(temp.path, { version: '3.1.4' });
    const api = createInProcessClient(desktop.engine.dispatch, desktop.engine.events);
    expect(valueOf(await api.invoke('app:info', {}))).toMatchObject({ version: '3.1.4', host: 'electron', dataDir: temp.path });
    // No host services here: the engine's question about safeStorage was answered "not offered", and it said so.
    expect(desktop.stderr()).toContain('The desktop app did not say whether it can encrypt secrets');
    // The updates port asks main, which offers no update flow either: the sentence comes back as the call's error.
    expect(await api.invoke('updates:status', {})).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'host.unsupported',
        message: 'This copy of ReqBridge does not offer updates.status to its engine.',
      }),
    });
    const restarted: string[] = [];
    api.on('app:core-restarted', (notice) => restarted.push(notice.message));
    const first = desktop.state.utilityForks[0]!.child;
    expect(first.stdio[0]).toBeNull();
    // The client's kill of a process that does not answer: SIGKILL, not Electron's polite kill().
    utilityCoreChild({ pid: first.pid, postMessage() {}, kill: () => false, on: () => undefined }).kill();
    await vi.waitFor(() => expect(first.signalCode).toBe('SIGKILL'));
    await vi.waitFor(() => expect(restarted).toHaveLength(1), { timeout: 20_000 });
    expect(desktop.state.utilityForks).toHaveLength(2);
    expect(valueOf(await api.invoke('profiles:list', {})).profiles.map((p) => p.id)).toEqual(['sandbox']);
  });
});
