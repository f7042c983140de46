// "Check for updates" driven through a faked electron-updater: checking → available → progress → downloaded →
// restart; not available; an error shown as a sentence with its details; the daily check only when packaged.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { UpdateState, UpdaterLike } from '../../../src/main/electron/update-flow.ts';
import { createUpdateFlow } from '../../../src/main/electron/update-flow.ts';
import { startUpdates } from '../../../src/main/electron/updates.ts';

/** A fake autoUpdater: `script` decides what a check and a download emit. */
function fakeUpdater(script: { check(u: FakeUpdater): void; download?(u: FakeUpdater): void }): FakeUpdater {
  const emitter = new EventEmitter() as FakeUpdater;
  emitter.autoDownload = true;
  emitter.installs = 0;
  emitter.checkForUpdates = async () => script.check(emitter);
  emitter.downloadUpdate = async () => script.download?.(emitter);
  emitter.quitAndInstall = () => void (emitter.installs += 1);
  return emitter;
}
type FakeUpdater = EventEmitter & UpdaterLike & { installs: number };

const noTimers = { setInterval: () => ({}), setTimeout: () => ({}), clear: () => undefined };

describe('the update flow (faked updater)', () => {
  it('checking → available → progress → downloaded → restart', async () => {
    const seen: UpdateState[] = [];
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
    const flow = createUpdateFlow({ updater, version: '1.0.0', packaged: false, onChange: (s) => seen.push(s), timers: noTimers });
    expect(updater.autoDownload).toBe(false);
    expect(flow.state()).toEqual({ phase: 'idle', version: '1.0.0' });
    flow.restart();
    expect(updater.installs).toBe(0);
    expect(await flow.check()).toEqual({ phase: 'available', version: '1.0.0', next: '1.1.0' });
    expect(await flow.download()).toEqual({ phase: 'downloaded', version: '1.0.0', next: '1.1.0' });
    expect(seen.map((s) => (s.phase === 'downloading' ? `downloading ${s.percent}` : s.phase))).toEqual([
      'checking',
      'available',
      'downloading 42',
      'downloading 100',
      'downloaded',
    ]);
    flow.restart();
    expect(updater.installs).toBe(1);
  });

  it('says when there is nothing new', async () => {
    const flow = createUpdateFlow({
      updater: fakeUpdater({
        check: (u) => {
          u.emit('checking-for-update');
          u.emit('update-not-available');
        },
      }),
      version: '1.0.0',
      packaged: false,
      onChange: () => undefined,
      timers: noTimers,
    });
    expect(await flow.check()).toEqual({ phase: 'not-available', version: '1.0.0' });
    expect(await flow.download()).toEqual({ phase: 'not-available', version: '1.0.0' });
  });

  it('shows an error as a sentence with its details, redacted, from an event or a rejected check', async () => {
    const failing = fakeUpdater({ check: (u) => u.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED token=abc123')) });
    const flow = createUpdateFlow({
      updater: failing,
      version: '1.0.0',
      packaged: false,
      onChange: () => undefined,
      redact: (t) => t.replace('abc123', '[redacted]'),
      timers: noTimers,
    });
    expect(await flow.check()).toEqual({
      phase: 'error',
      version: '1.0.0',
      message: 'ReqBridge could not check for updates. Check the internet connection and try again; the details are below.',
      details: 'net::ERR_INTERNET_DISCONNECTED token=[redacted]',
    });
    const rejecting = fakeUpdater({
      check: () => {
        throw new Error('HttpError: 404 latest.yml');
      },
    });
    const second = createUpdateFlow({ updater: rejecting, version: '1.0.0', packaged: false, onChange: () => undefined, timers: noTimers });
    expect(await second.check()).toMatchObject({ phase: 'error', details: 'HttpError: 404 latest.yml' });
    // Another try shows its own failure, not the last one's.
    let attempt = 0;
    const flaky = fakeUpdater({
      check: () => {
        attempt += 1;
        throw new Error(`HttpError: 50${attempt}`);
      },
    });
    const third = createUpdateFlow({ updater: flaky, version: '1.0.0', packaged: false, onChange: () => undefined, timers: noTimers });
    expect(await third.check()).toMatchObject({ phase: 'error', details: 'HttpError: 501' });
    expect(await third.check()).toMatchObject({ phase: 'error', details: 'HttpError: 502' });
  });

  it('checks daily in packaged builds only', () => {
    const scheduled: number[] = [];
    const timers = {
      setInterval: (_fn: () => void, ms: number) => (scheduled.push(ms), {}),
      setTimeout: (_fn: () => void, ms: number) => (scheduled.push(ms), {}),
      clear: () => undefined,
    };
    createUpdateFlow({
      updater: fakeUpdater({ check: () => undefined }),
      version: '1.0.0',
      packaged: false,
      onChange: () => undefined,
      timers,
    });
    expect(scheduled).toEqual([]);
    createUpdateFlow({
      updater: fakeUpdater({ check: () => undefined }),
      version: '1.0.0',
      packaged: true,
      onChange: () => undefined,
      timers,
    }).stop();
    expect(scheduled).toEqual([60_000, 24 * 60 * 60_000]);
  });

  it('in the packaged app, downloads what the check finds and offers a restart in a notification', async () => {
    const updater = fakeUpdater({
      check: (u) => u.emit('update-available', { version: '2.0.0' }),
      download: (u) => u.emit('update-downloaded', { version: '2.0.0' }),
    });
    const notes: Array<{ title: string; click: () => void }> = [];
    const logs: string[] = [];
    const logger = {
      info: (m: string) => logs.push(m),
      warn: (m: string) => logs.push(m),
      error: () => undefined,
      debug: () => undefined,
    } as never;
    const flow = await startUpdates({
      version: '1.0.0',
      logger,
      redact: (t) => t,
      notify: (title, _body, click) => notes.push({ title, click }),
      loadUpdater: async () => updater,
      publish: () => undefined,
    });
    await flow.check();
    await new Promise((r) => setImmediate(r));
    expect(flow.state()).toEqual({ phase: 'downloaded', version: '1.0.0', next: '2.0.0' });
    expect(notes.map((n) => n.title)).toEqual(['ReqBridge 2.0.0 is ready']);
    notes[0]!.click();
    expect(updater.installs).toBe(1);
    flow.stop();
  });
});
