// The core process asking its host (host-services.ts): the caller's side over a channel, the host's answers.
// A service the host does not offer, or that fails, comes back as a sentence; what was asked (a secret to encrypt)
// is never in an answer or the log.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors.ts';
import { HOST_SERVICE_FAILED, HOST_SERVICE_UNSUPPORTED, answerHostCall } from '../../../src/main/core/process/host-answers.ts';
import { createHostCaller } from '../../../src/main/core/process/host-caller.ts';
import type { FromCoreMessage, ToCoreMessage } from '../../../src/main/core/process/messages.ts';
import type { ParentChannel } from '../../../src/main/core/process/parent-channel.ts';

/** A channel whose sent messages are recorded and whose incoming messages the test delivers. */
function channel() {
  const sent: FromCoreMessage[] = [];
  const listeners: Array<(message: ToCoreMessage) => void> = [];
  const port: ParentChannel = {
    send: async (message) => void sent.push(message),
    onMessage: (listener) => void listeners.push(listener),
    onDisconnect: () => {},
  };
  return { port, sent, deliver: (message: ToCoreMessage) => listeners.forEach((listener) => listener(message)) };
}

describe('host calls', () => {
  it('the caller sends one host-call per call and settles each with the answer under its id', async () => {
    const { port, sent, deliver } = channel();
    const host = createHostCaller(port);
    const encrypted = host.call('safeStorage.encrypt', 'plain');
    const available = host.call('safeStorage.available');
    expect(sent).toEqual([
      { type: 'host-call', id: 1, name: 'safeStorage.encrypt', args: ['plain'] },
      { type: 'host-call', id: 2, name: 'safeStorage.available', args: [] },
    ]);
    deliver({ type: 'host-answer', id: 99, ok: true, result: 'not ours' });
    deliver({ type: 'call', id: 2, channel: 'app:info', input: {}, context: { transport: 'ipc' } });
    deliver({ type: 'host-answer', id: 2, ok: true, result: true });
    deliver({ type: 'host-answer', id: 1, ok: false, error: { code: 'secrets.no_keychain', message: 'No real encryption.' } });
    expect(await available).toBe(true);
    const refused = await encrypted.catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'secrets.no_keychain', message: 'No real encryption.' });
  });

  it('the host answers with the service’s result, its AppError’s sentence, or a sentence of its own; never with what was asked', async () => {
    const logged: unknown[][] = [];
    const logger = { error: (...args: unknown[]) => void logged.push(args) };
    const services = {
      'safeStorage.encrypt': async (text: string) => Buffer.from(text).toString('base64'),
      'safeStorage.decrypt': async () => {
        throw new AppError('secrets.undecryptable', 'The secrets file was encrypted on another computer.');
      },
      'updates.check': async () => {
        throw new Error('socket hang up');
      },
    };
    const call = (name: 'safeStorage.encrypt' | 'safeStorage.decrypt' | 'updates.check' | 'safeStorage.available', args: unknown[]) =>
      answerHostCall(services, { id: 7, name, args }, logger);
    expect(await call('safeStorage.encrypt', ['s3cret-value'])).toEqual({
      type: 'host-answer',
      id: 7,
      ok: true,
      result: 'czNjcmV0LXZhbHVl',
    });
    expect(await call('safeStorage.decrypt', ['czNj'])).toEqual({
      type: 'host-answer',
      id: 7,
      ok: false,
      error: { code: 'secrets.undecryptable', message: 'The secrets file was encrypted on another computer.' },
    });
    expect(await call('safeStorage.available', [])).toEqual({
      type: 'host-answer',
      id: 7,
      ok: false,
      error: { code: HOST_SERVICE_UNSUPPORTED, message: 'This copy of ReqBridge does not offer safeStorage.available to its engine.' },
    });
    const failed = await call('updates.check', ['s3cret-value']);
    expect(failed).toMatchObject({
      ok: false,
      error: { code: HOST_SERVICE_FAILED, message: expect.stringMatching(/^ReqBridge could not complete updates\.check/) },
    });
    expect(logged).toHaveLength(1);
    expect(JSON.stringify([failed, logged.map(([message]) => message)])).not.toContain('s3cret-value');
  });
});
