/**
 * The core process's side of the host services (host-services.ts): each call goes to the host as a
 * `host-call` and settles with the host's `host-answer` under the same id. A refusal arrives as the
 * host's sentence and rejects as an AppError with the host's code. There is no time limit: the host
 * answers every call (a macOS keychain prompt behind safeStorage may wait for the user), and when the
 * host goes away this process ends with it.
 */
import { AppError } from '../errors.ts';
import type { HostCaller } from './host-services.ts';
import type { ParentChannel } from './parent-channel.ts';

/** Call the host's services over `channel`. */
export function createHostCaller(channel: ParentChannel): HostCaller {
  const waiting = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  channel.onMessage((message) => {
    if (message.type !== 'host-answer') return;
    const call = waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id);
    if (message.ok) call.resolve(message.result);
    else call.reject(new AppError(message.error.code, message.error.message));
  });
  return {
    call(name, ...args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
        void channel.send({ type: 'host-call', id, name, args });
      });
    },
  };
}
