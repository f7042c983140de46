import { describe, expect, it } from 'vitest';
import { isFromCoreMessage, isToCoreMessage } from '../../../src/main/core/process/messages.ts';
import { DEFAULT_RESTART_LIMIT, createRestartBudget } from '../../../src/main/core/process/restart-budget.ts';

describe('the restart bound', () => {
  it('allows 3 restarts a minute by default, and another once the oldest is a minute old', () => {
    let now = 0;
    const budget = createRestartBudget(DEFAULT_RESTART_LIMIT, () => now);
    expect(budget.take()).toBe(true);
    now = 30_000;
    expect([budget.take(), budget.take()]).toEqual([true, true]);
    now = 59_999;
    expect(budget.take()).toBe(false);
    now = 60_000;
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
  });
});

describe('the core process messages', () => {
  it('lets through only well-formed messages each way', () => {
    expect(isToCoreMessage({ type: 'call', id: 1, channel: 'app:info', input: {}, context: { transport: 'http' } })).toBe(true);
    expect(isToCoreMessage({ type: 'stop' })).toBe(true);
    const calls = [
      { type: 'call', id: '1', channel: 'app:info', context: {} },
      { type: 'call', id: 1, channel: 'app:info' },
    ];
    for (const junk of [null, 'stop', ...calls, { type: 'ready' }]) {
      expect(isToCoreMessage(junk)).toBe(false);
    }
    expect(isToCoreMessage({ type: 'host-answer', id: 1, ok: true, result: 'c2VjcmV0' })).toBe(true);
    expect(isToCoreMessage({ type: 'host-answer', id: 2, ok: false, error: { code: 'host.unsupported', message: 'No.' } })).toBe(true);
    for (const junk of [
      { type: 'host-answer', ok: true, result: 1 },
      { type: 'host-answer', id: 3, ok: false },
      { type: 'host-answer', id: 3, ok: false, error: { code: 'x' } },
      { type: 'host-answer', id: 3 },
    ]) {
      expect(isToCoreMessage(junk)).toBe(false);
    }
    expect(isFromCoreMessage({ type: 'ready', dataDir: '/d', pid: 7 })).toBe(true);
    expect(isFromCoreMessage({ type: 'host-call', id: 1, name: 'safeStorage.encrypt', args: ['x'] })).toBe(true);
    for (const junk of [
      { type: 'host-call', id: 1, name: 'shell.openExternal', args: ['https://example.com'] },
      { type: 'host-call', id: 1, name: 'safeStorage.encrypt' },
      { type: 'host-call', name: 'updates.check', args: [] },
    ]) {
      expect(isFromCoreMessage(junk)).toBe(false);
    }
    expect(isFromCoreMessage({ type: 'answer', id: 1, envelope: { ok: true, value: 1 } })).toBe(true);
    for (const junk of [
      undefined,
      { type: 'ready', dataDir: '/d' },
      { type: 'failed' },
      { type: 'answer', id: 1 },
      { type: 'event' },
      { type: 'call' },
    ]) {
      expect(isFromCoreMessage(junk)).toBe(false);
    }
  });
});
