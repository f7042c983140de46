import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src/shared/api/channels.ts';
import { eventContract, requestContract } from '../../src/shared/api/contract.ts';
import { createHandlers } from '../../src/main/core/service/create-service.ts';
import type { ServiceDeps } from '../../src/main/core/service/service-deps.ts';
import { createBridgeApi } from '../../src/preload/bridge-api.ts';

const sorted = (values: Iterable<string>) => [...values].sort();

describe('one contract, three surfaces', () => {
  it('the channel lists, the contract and the main handler table name exactly the same channels', () => {
    // The handler factories only close over deps; building the table calls nothing.
    const handlers = createHandlers({} as ServiceDeps);
    expect(sorted(REQUEST_CHANNELS)).toEqual(sorted(Object.keys(requestContract)));
    expect(sorted(Object.keys(handlers))).toEqual(sorted(Object.keys(requestContract)));
    expect(sorted(EVENT_CHANNELS)).toEqual(sorted(Object.keys(eventContract)));
  });

  it('the preload API forwards every contract channel and nothing else', async () => {
    const ipc = { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() };
    const api = createBridgeApi(ipc);
    for (const channel of REQUEST_CHANNELS) {
      await api.invoke(channel, {} as never);
    }
    expect(sorted(ipc.invoke.mock.calls.map((call) => String((call as unknown[])[0])))).toEqual(sorted(Object.keys(requestContract)));

    const refused = await api.invoke('fs:read' as never, {} as never);
    expect(refused).toEqual({ ok: false, error: { code: 'api.unknown_channel', message: 'There is no channel "fs:read".' } });
    expect(ipc.invoke).toHaveBeenCalledTimes(REQUEST_CHANNELS.length);

    for (const event of EVENT_CHANNELS) api.on(event, () => {});
    expect(sorted(ipc.on.mock.calls.map((call) => String(call[0])))).toEqual(sorted(Object.keys(eventContract)));
    expect(() => api.on('ipc:any' as never, () => {})).toThrow('There is no event');
  });

  it('the preload hands an error envelope to the page unchanged, its details included', async () => {
    const failed = {
      ok: false,
      error: {
        code: 'charthop.forbidden',
        message: 'ChartHop refused GET /v2/org/:org/job.',
        details: {
          vendor: 'charthop',
          endpoint: 'GET /v2/org/:org/job',
          status: 403,
          requestId: 'ch-1',
          attempts: 1,
          at: '2026-01-05T09:00:00.000Z',
        },
      },
    };
    const ipc = { invoke: vi.fn(async () => failed), on: vi.fn(), removeListener: vi.fn() };
    expect(await createBridgeApi(ipc).invoke('sync:plan', { profileId: 'acme', mode: 'sync' })).toEqual(failed);
  });

  it('the preload never hands the IPC event object to the page', () => {
    let registered: ((event: unknown, payload: unknown) => void) | undefined;
    const ipc = {
      invoke: vi.fn(),
      on: vi.fn((_channel: string, listener: (event: unknown, payload: unknown) => void) => (registered = listener)),
      removeListener: vi.fn(),
    };
    const received: unknown[][] = [];
    const stop = createBridgeApi(ipc).on('settings:changed', (...args: unknown[]) => received.push(args));
    registered?.({ sender: 'ipc internals' }, { profileId: 'acme' });
    expect(received).toEqual([[{ profileId: 'acme' }]]);
    stop();
    expect(ipc.removeListener).toHaveBeenCalledWith('settings:changed', registered);
  });
});
