import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { REQUEST_CHANNELS } from '../../../src/shared/api/channels.ts';
import { createEventBus } from '../../../src/main/core/api/event-bus.ts';
import { forwardEvents, registerIpcHandlers } from '../../../src/main/electron/ipc.ts';
import { APP_ORIGIN } from '../../../src/main/electron/window-options.ts';

vi.mock('electron', () => ({}));

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function setup(frameUrl = `${APP_ORIGIN}/index.html`) {
  const handlers = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) } as unknown as IpcMain;
  const mainFrame = { url: frameUrl };
  const contents = { mainFrame, send: vi.fn(), isDestroyed: () => false } as unknown as WebContents;
  const dispatch = vi.fn(async (channel: string) => ({ ok: true as const, value: channel }));
  const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  registerIpcHandlers(ipcMain, dispatch, () => contents, logger);
  return { handlers, contents, mainFrame, dispatch, logger };
}

const call = (listener: Listener | undefined, event: Partial<IpcMainInvokeEvent>) => listener!(event as IpcMainInvokeEvent, {});

describe('IPC handlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
  });

  it("dispatches a call from the main window's top frame on the app origin", async () => {
    const { handlers, contents, mainFrame, dispatch } = setup();
    const result = await call(handlers.get('profiles:list'), { sender: contents, senderFrame: mainFrame as never });
    expect(result).toEqual({ ok: true, value: 'profiles:list' });
    expect(dispatch).toHaveBeenCalledWith('profiles:list', {}, { transport: 'ipc' });
  });

  it('hands an error envelope back unchanged, its details included', async () => {
    const { handlers, contents, mainFrame, dispatch } = setup();
    const failed = {
      ok: false as const,
      error: {
        code: 'sync.listing_failed',
        message: 'Reading requisitions from Lever failed.',
        details: {
          vendor: 'lever' as const,
          endpoint: 'GET /requisitions',
          status: 401,
          requestId: 'req-1',
          attempts: 1,
          at: '2026-01-05T09:00:00.000Z',
        },
      },
    };
    dispatch.mockResolvedValueOnce(failed as never);
    expect(await call(handlers.get('sync:plan'), { sender: contents, senderFrame: mainFrame as never })).toEqual(failed);
  });

  it('rejects calls from a subframe, another window, a foreign origin or a gone frame', async () => {
    const { handlers, contents, mainFrame, dispatch, logger } = setup();
    const listener = handlers.get('secrets:set');
    const refused = { ok: false, error: { code: 'ipc.untrusted_sender' } };
    expect(await call(listener, { sender: contents, senderFrame: { url: `${APP_ORIGIN}/index.html` } as never })).toMatchObject(refused);
    expect(await call(listener, { sender: { mainFrame } as never, senderFrame: mainFrame as never })).toMatchObject(refused);
    // The main window itself navigated to a foreign page (navigation lock bypassed): still refused.
    const hijacked = setup('https://evil.example/');
    expect(
      await call(hijacked.handlers.get('secrets:set'), { sender: hijacked.contents, senderFrame: hijacked.mainFrame as never }),
    ).toMatchObject(refused);
    expect(hijacked.dispatch).not.toHaveBeenCalled();
    expect(await call(listener, { sender: contents, senderFrame: null })).toMatchObject(refused);
    expect(dispatch).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith('Refused secrets:set from an untrusted frame');
  });

  it('forwards push events to the main window only', () => {
    const { contents } = setup();
    const events = createEventBus();
    const stop = forwardEvents(events, () => contents);
    events.emit('settings:changed', { profileId: 'acme' });
    expect(contents.send).toHaveBeenCalledWith('settings:changed', { profileId: 'acme' });
    stop();
    events.emit('settings:changed', { profileId: 'other' });
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
