// The tray and the desktop hooks over the contract, as the desktop app wires them to the engine's process:
// here the engine is a real core in this process, reached only through its dispatch and its event bus.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../src/shared/api/sync-views.ts';
import { wireDesktop } from '../../../src/main/electron/desktop-integration.ts';
import { startTray } from '../../../src/main/electron/desktop-tray.ts';
import type { Background } from '../../../src/main/core/background.ts';
import type { TestCore } from '../../support/test-core.ts';
import { startTestCore } from '../../support/test-core.ts';

vi.mock('electron', () => ({}));

let t: TestCore;
beforeEach(() => {
  t = startTestCore();
});
afterEach(() => t.dispose());

function fakeBackground(): Background & { resumed: number } {
  let paused = false;
  const fake = {
    resumed: 0,
    schedule: {
      start() {},
      stop() {},
      resume: () => void (fake.resumed += 1),
      refresh() {},
      setPaused: (value: boolean) => void (paused = value),
      isPaused: () => paused,
      nextRuns: () => [{ profileId: 'sandbox', profileName: 'Sandbox', at: new Date(Date.now() + 3_600_000) }],
      lastPolls: () => [],
      runDaily: async () => ({ profileId: 'sandbox', reason: 'manual' as const, steps: [] }),
      runDue: async () => [],
      settled: async () => {},
    },
    stop: async () => {},
  };
  t.core.service.deps.schedule.current = fake.schedule;
  return fake;
}

const failedRun: RunSummary = {
  id: 3,
  profileId: 'sandbox',
  trigger: 'schedule',
  direction: 'outbound',
  status: 'failed',
  startedAt: new Date().toISOString(),
  finishedAt: new Date().toISOString(),
  counts: { created: 0, updated: 0, closed: 0, deleted: 0, linked: 0, skipped: 0, attention: 0, failed: 0, cancelled: 0 },
  error: 'Lever rejected the API key.',
};

type MenuItem = { label?: string; click?: () => void };

/** The tray over the test core's contract, recording each menu it builds and what it logs. */
function tray(showWindow: () => void = () => {}) {
  const menus: MenuItem[][] = [];
  const warnings: string[] = [];
  const stop = startTray({
    tray: { setContextMenu: () => {}, setToolTip: () => {} },
    buildMenu: (template) => (menus.push(template as never), template as never),
    dispatch: t.core.service.dispatch,
    events: t.core.events,
    logger: { warn: (message: string) => void warnings.push(message) },
    showWindow,
    quit: () => {},
  });
  const click = (label: string) => {
    const item = menus.at(-1)?.find((entry) => entry.label === label);
    expect(item, `tray item "${label}"`).toBeDefined();
    item?.click?.();
  };
  return { menus, warnings, stop, click };
}

describe('desktop wiring over the contract (electron mocked)', () => {
  it('the tray lists the next runs and rebuilds when a run finishes; Pause goes through the contract', async () => {
    const background = fakeBackground();
    const { menus, stop, click } = tray();
    await vi.waitFor(() => expect(menus).toHaveLength(1));
    expect(menus[0]?.[0]?.label).toMatch(/^Sandbox — next run today|^Sandbox — next run tomorrow/);
    t.core.events.emit('run:finished', failedRun);
    await vi.waitFor(() => expect(menus).toHaveLength(2));
    click('Pause schedules');
    await vi.waitFor(() => expect(background.schedule.isPaused()).toBe(true));
    expect(t.core.service.deps.settings.preferences().schedulesPaused).toBe(true);
    // The answer's schedule:changed rebuilds the menu: it now offers to resume.
    await vi.waitFor(() => expect(menus.at(-1)?.some((item) => item.label === 'Resume schedules')).toBe(true));
    expect(menus.at(-1)?.[0]?.label).toBe('Sandbox — paused');
    stop();
  });

  it('the tray’s Sync now and Reconcile… show the window and send app:navigate with sync-now and reconcile, each its own', async () => {
    fakeBackground();
    const log: string[] = [];
    const off = t.core.events.on('app:navigate', ({ route }) => log.push(`navigate ${route}`));
    const { menus, stop, click } = tray(() => log.push('show'));
    await vi.waitFor(() => expect(menus).toHaveLength(1));
    click('Sync now (Sandbox)');
    expect(log).toEqual(['show', 'navigate sync-now']);
    log.length = 0;
    click('Reconcile… (Sandbox)');
    expect(log).toEqual(['show', 'navigate reconcile']);
    off();
    stop();
  });

  it('a refresh the engine cannot answer is logged, and the tray keeps its last menu', async () => {
    fakeBackground();
    const { menus, warnings, stop } = tray();
    await vi.waitFor(() => expect(menus).toHaveLength(1));
    // The settings file broken under the tray: profiles:list now answers an error.
    writeFileSync(join(t.dataDir, 'settings.json'), 'not json');
    t.core.events.emit('settings:changed', { profileId: 'sandbox' });
    await vi.waitFor(() => expect(warnings).toEqual(['The tray could not be brought up to date; it shows what it last knew.']));
    expect(menus).toHaveLength(1);
    stop();
  });

  it('a failed run raises a notification that opens the run; resume triggers the catch-up; the login item follows the preference', async () => {
    const background = fakeBackground();
    const shown: Array<{ title: string; click?: () => void }> = [];
    class FakeNotification {
      entry: { title: string; click?: () => void };
      constructor(options: { title: string; body: string }) {
        this.entry = { title: options.title };
        shown.push(this.entry);
      }
      on(_event: 'click', listener: () => void) {
        this.entry.click = listener;
      }
      show() {}
    }
    let resume: (() => void) | undefined;
    const loginItems: boolean[] = [];
    const opened: string[] = [];
    const scheduleChanges: number[] = [];
    t.core.events.on('schedule:changed', () => scheduleChanges.push(1));
    const unwire = wireDesktop({
      powerMonitor: { on: (_event, listener) => (resume = listener) },
      Notification: FakeNotification,
      setLoginItem: (value) => loginItems.push(value),
      openRun: (profileId, runId) => opened.push(`${profileId}/${runId}`),
      dispatch: t.core.service.dispatch,
      events: t.core.events,
      logger: { warn: () => {} },
    });
    await vi.waitFor(() => expect(loginItems).toEqual([false]));
    t.core.events.emit('run:finished', failedRun);
    await vi.waitFor(() => expect(shown.map((n) => n.title)).toEqual(['Sandbox: the run failed']));
    shown[0]?.click?.();
    expect(opened).toEqual(['sandbox/3']);
    // Wake from sleep: schedule:catch-up runs the scheduler's catch-up and announces the schedule.
    resume?.();
    await vi.waitFor(() => expect(background.resumed).toBe(1));
    expect(scheduleChanges).toHaveLength(1);
    await t.api.invoke('app:set-preferences', { startAtLogin: true });
    expect(loginItems).toEqual([false, true]);
    unwire();
  });
});
