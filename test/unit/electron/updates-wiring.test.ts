// "Check for updates" wired as the packaged app wires it (electron and electron-updater faked): the update flow in
// this (the main) process, offered as host services to a real engine process started through the fake
// utilityProcess.fork, whose updates port asks for it; the IPC handlers over the engine's dispatch with their sender
// check, and `updates:changed` published on the engine client's bus and forwarded to the window. Check → available →
// progress → downloaded → restart; an error as a sentence with redacted details; a build without an update feed;
// electron-updater failing to load; a run that is not packaged.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { UpdateStatus } from '../../../src/shared/api/domains/updates.ts';
import { forwardEvents, registerIpcHandlers } from '../../../src/main/electron/ipc.ts';
import type { UpdaterLike } from '../../../src/main/electron/update-flow.ts';
import { NO_FEED_MESSAGE, updateErrorMessage } from '../../../src/main/electron/update-flow.ts';
import type { DesktopUpdates } from '../../../src/main/electron/updates.ts';
import { UPDATER_LOAD_FAILED, createDesktopUpdates, desktopUpdatesServices } from '../../../src/main/electron/updates.ts';
import { APP_ORIGIN } from '../../../src/main/electron/window-options.ts';
import { createRedactor } from '../../../src/main/core/logging/redactor.ts';
import type { DesktopEngine } from '../../support/desktop-engine.ts';
import { startDesktopEngine } from '../../support/desktop-engine.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

vi.mock('electron', () => ({}));

type FakeUpdater = EventEmitter & UpdaterLike & { checks: number; installs: number };

/** A fake autoUpdater: `script` decides what a check and a download emit (and whether they reject). */
function fakeUpdater(script: { check(u: FakeUpdater): void | Promise<void>; download?(u: FakeUpdater): void }): FakeUpdater {
  const updater = Object.assign(new EventEmitter(), { autoDownload: true, checks: 0, installs: 0 }) as FakeUpdater;
  updater.checkForUpdates = async () => {
    updater.checks += 1;
    await script.check(updater);
  };
  updater.downloadUpdate = async () => script.download?.(updater);
  updater.quitAndInstall = () => void (updater.installs += 1);
  return updater;
}

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

const temps: Array<ReturnType<typeof makeTempDir>> = [];
let desktop: DesktopEngine | null = null;
let updates: DesktopUpdates | null = null;
afterEach(async () => {
  updates?.stop();
  updates = null;
  await desktop?.close();
  desktop = null;
  for (const temp of temps.splice(0)) temp.cleanup();
});

/**
 * The packaged app's wiring over a real engine process: returns IPC calls from the window (or a stranger), what the
 * window was sent, the notifications and the main process's log. `secret` is a value the main process's redactor knows.
 */
async function wire(loadUpdater: (() => Promise<UpdaterLike>) | null, secret?: string) {
  const notes: Array<{ title: string; click: () => void }> = [];
  const logs: string[] = [];
  const logger = { debug: () => undefined, info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: () => undefined };
  const redactor = createRedactor();
  if (secret) redactor.addSecret(secret);
  const temp = makeTempDir();
  temps.push(temp);
  const started = await startDesktopEngine(temp.path, {
    version: '1.0.0',
    redactor,
    hostServices: desktopUpdatesServices(() => updates, '1.0.0'),
  });
  desktop = started;
  if (loadUpdater) {
    updates = createDesktopUpdates({
      version: '1.0.0',
      logger,
      redact: (text) => redactor.redact(text),
      notify: (title, _body, click) => notes.push({ title, click }),
      loadUpdater,
      publish: (status) => started.engine.events.emit('updates:changed', status),
    });
  }
  const handlers = new Map<string, Listener>();
  const mainFrame = { url: `${APP_ORIGIN}/index.html` };
  const sent: UpdateStatus[] = [];
  const send = (channel: string, payload: UpdateStatus) => channel === 'updates:changed' && sent.push(payload);
  const contents = { mainFrame, isDestroyed: () => false, send } as unknown as WebContents;
  const ipcMain = { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) } as unknown as IpcMain;
  registerIpcHandlers(ipcMain, started.engine.dispatch, () => contents, logger);
  forwardEvents(started.engine.events, () => contents);
  const ipc = (channel: string, sender: unknown = contents) =>
    handlers.get(channel)!({ sender, senderFrame: mainFrame } as unknown as IpcMainInvokeEvent, {});
  return { ipc, sent, notes, logs, engineLog: () => started.stderr() };
}

const phases = (sent: UpdateStatus[]) => sent.map((s) => (s.phase === 'downloading' ? `downloading ${s.percent}` : s.phase));

describe('"Check for updates" in the packaged app (electron and electron-updater faked, the engine in its own process)', () => {
  it('check → available → progress → downloaded → restart, through IPC, with every state pushed to the window', async () => {
    const updater = fakeUpdater({
      check: (u) => {
        u.emit('checking-for-update');
        u.emit('update-available', { version: '1.1.0' });
      },
      download: (u) => {
        u.emit('download-progress', { percent: 42.4 });
        u.emit('download-progress', { percent: 100 });
        u.emit('update-downloaded', { version: '1.1.0' });
      },
    });
    const { ipc, sent, notes } = await wire(async () => updater);
    expect(await ipc('updates:status')).toEqual({ ok: true, value: { phase: 'idle', version: '1.0.0' } });
    const early = await ipc('updates:restart');
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'updates.nothing_downloaded', message: expect.stringContaining('Check for updates') },
    });
    // The check answers once it found 1.1.0; the download it starts may have gone on already.
    expect(await ipc('updates:check')).toMatchObject({ ok: true, value: { next: '1.1.0' } });
    await vi.waitFor(() => expect(sent.at(-1)?.phase).toBe('downloaded'), { timeout: 5_000 });
    expect(phases(sent)).toEqual(['checking', 'available', 'downloading 42', 'downloading 100', 'downloaded']);
    expect(await ipc('updates:status')).toEqual({ ok: true, value: { phase: 'downloaded', version: '1.0.0', next: '1.1.0' } });
    expect(notes.map((n) => n.title)).toEqual(['ReqBridge 1.1.0 is ready']);
    // Another window's frame cannot restart the app.
    expect(await ipc('updates:restart', { mainFrame: {} })).toMatchObject({ ok: false, error: { code: 'ipc.untrusted_sender' } });
    expect(updater.installs).toBe(0);
    expect(await ipc('updates:restart')).toMatchObject({ ok: true, value: { phase: 'downloaded' } });
    expect(updater.installs).toBe(1);
  });

  it('a failed check is a sentence with its details, secrets masked; the next check starts clean', async () => {
    let fail = true;
    const updater = fakeUpdater({
      check: (u) => {
        u.emit('checking-for-update');
        if (fail) {
          const error = new Error('HttpError: 401 GET https://updates.example/latest.yml?token=feed-token-5ecr3t');
          u.emit('error', error);
          throw error;
        }
        u.emit('update-not-available');
      },
    });
    const { ipc, sent, logs, engineLog } = await wire(async () => updater, 'feed-token-5ecr3t');
    const failed = await ipc('updates:check');
    const sentence = updateErrorMessage('check');
    expect(failed).toMatchObject({
      ok: true,
      value: { phase: 'error', message: sentence, details: expect.stringContaining('HttpError: 401') },
    });
    expect(JSON.stringify([failed, sent, logs, engineLog()])).not.toContain('feed-token-5ecr3t');
    expect(sent.filter((s) => s.phase === 'error')).toHaveLength(1);
    fail = false;
    expect(await ipc('updates:check')).toEqual({ ok: true, value: { phase: 'not-available', version: '1.0.0' } });
  });

  it('a build without an update feed (no app-update.yml) says so, once, and does not check again', async () => {
    const updater = fakeUpdater({
      check: (u) => {
        const error = Object.assign(new Error("ENOENT: no such file or directory, open '/opt/ReqBridge/resources/app-update.yml'"), {
          code: 'ENOENT',
        });
        u.emit('error', error);
        throw error;
      },
    });
    const { ipc, sent, logs } = await wire(async () => updater);
    expect(await ipc('updates:check')).toEqual({ ok: true, value: { phase: 'no-feed', version: '1.0.0', message: NO_FEED_MESSAGE } });
    expect(NO_FEED_MESSAGE).toMatch(/^This build has no update feed/);
    expect(await ipc('updates:check')).toMatchObject({ ok: true, value: { phase: 'no-feed' } });
    expect(updater.checks).toBe(1);
    expect(phases(sent)).toEqual(['no-feed']);
    expect(logs.filter((line) => line.includes('ENOENT'))).toEqual([]);
  });

  it('electron-updater that cannot load is a sentence with its details, and the app keeps running', async () => {
    const { ipc, sent } = await wire(async () => {
      throw new Error("Cannot find module 'electron-updater'");
    });
    await updates?.ready;
    const expected = { phase: 'error', version: '1.0.0', message: UPDATER_LOAD_FAILED, details: "Cannot find module 'electron-updater'" };
    expect(await ipc('updates:check')).toEqual({ ok: true, value: expected });
    expect(sent).toEqual([expected]);
  });

  it('a run that is not packaged has no update flow: the version and "unsupported", no check, no restart', async () => {
    const { ipc } = await wire(null);
    expect(await ipc('updates:status')).toEqual({ ok: true, value: { phase: 'unsupported', version: '1.0.0' } });
    expect(await ipc('updates:check')).toEqual({ ok: true, value: { phase: 'unsupported', version: '1.0.0' } });
    expect(await ipc('updates:restart')).toMatchObject({ ok: false, error: { code: 'updates.nothing_downloaded' } });
  });
});
