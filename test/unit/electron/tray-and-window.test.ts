import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { trayMenuTemplate } from '../../../src/main/electron/tray-menu.ts';
import { createMainWindow } from '../../../src/main/electron/main-window.ts';

vi.mock('electron', () => ({}));

describe('tray menu', () => {
  const state = {
    currentProfile: 'Acme',
    reconcileAvailable: true,
    profiles: [
      { name: 'Acme', nextRun: 'tomorrow 06:00', lastResult: 'succeeded 2 h ago' },
      { name: 'Globex', nextRun: null, lastResult: null },
    ],
    paused: false,
  };

  it("lists each profile's next run and last result, then Preview… / Sync now / Reconcile… / Pause / Open / Quit, each wired", () => {
    const actions = { open: vi.fn(), syncNow: vi.fn(), preview: vi.fn(), reconcile: vi.fn(), togglePause: vi.fn(), quit: vi.fn() };
    const items = trayMenuTemplate(state, actions);
    expect(items.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Acme — next run tomorrow 06:00; last succeeded 2 h ago',
      'Globex — no daily run',
      'Preview… (Acme)',
      'Sync now (Acme)',
      'Reconcile… (Acme)',
      'Pause schedules',
      'Open ReqBridge',
      'Quit ReqBridge',
    ]);
    const click = (label: string) => (items.find((i) => i.label === label)?.click as () => void)();
    click('Preview… (Acme)');
    click('Sync now (Acme)');
    click('Reconcile… (Acme)');
    click('Pause schedules');
    click('Open ReqBridge');
    click('Quit ReqBridge');
    for (const action of Object.values(actions)) expect(action).toHaveBeenCalledTimes(1);
  });

  it('offers Reconcile… only when ChartHop is the current profile’s source of truth, and says why not', () => {
    const reconcile = vi.fn();
    const items = trayMenuTemplate(
      { ...state, reconcileAvailable: false },
      { open: vi.fn(), syncNow: vi.fn(), preview: vi.fn(), reconcile, togglePause: vi.fn(), quit: vi.fn() },
    );
    const item = items.find((i) => i.label?.startsWith('Reconcile…'));
    expect(item).toMatchObject({ label: 'Reconcile… (Acme: Lever is its source of truth)', enabled: false });
    expect(item?.click).toBeUndefined();
  });

  it('says when schedules are paused and offers to resume them', () => {
    const items = trayMenuTemplate(
      { ...state, paused: true },
      { open: vi.fn(), syncNow: vi.fn(), preview: vi.fn(), reconcile: vi.fn(), togglePause: vi.fn(), quit: vi.fn() },
    );
    expect(items[0]?.label).toBe('Acme — paused; last succeeded 2 h ago');
    expect(items.some((i) => i.label === 'Resume schedules')).toBe(true);
  });
});

class FakeWindow extends EventEmitter {
  static last: FakeWindow | null = null;
  options: unknown;
  loaded: string | null = null;
  hidden = false;
  shown = false;
  webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
  constructor(options: unknown) {
    super();
    this.options = options;
    FakeWindow.last = this;
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  hide() {
    this.hidden = true;
  }
  show() {
    this.shown = true;
  }
}

describe('main window lifecycle', () => {
  function open(quitting: { value: boolean }) {
    createMainWindow({
      BrowserWindow: FakeWindow as never,
      openExternal: vi.fn(),
      preloadPath: '/p.cjs',
      isQuitting: () => quitting.value,
    });
    return FakeWindow.last!;
  }

  it('loads the app from app://reqbridge and shows when ready', () => {
    const window = open({ value: false });
    expect(window.loaded).toBe('app://reqbridge/index.html');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('closing the window keeps the app in the tray; closing after Quit really closes', () => {
    const quitting = { value: false };
    const window = open(quitting);
    const prevent = vi.fn();
    window.emit('close', { preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    expect(window.hidden).toBe(true);
    quitting.value = true;
    const second = vi.fn();
    window.emit('close', { preventDefault: second });
    expect(second).not.toHaveBeenCalled();
  });
});
