/**
 * The core process's side of the contract: each call from the host goes through the core's one
 * dispatcher and its envelope goes back under the call's id; every event of the core's bus goes out.
 */
import type { Dispatch } from '../api/dispatcher.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Logger } from '../logging/logger.ts';
import type { ParentChannel } from './parent-channel.ts';

/** What the core process serves. */
export interface ServedCore {
  dispatch: Dispatch;
  events: EventBus;
  logger: Logger;
}

/** Answer the host's calls and forward the core's events; a `stop` message (or the host going away) runs `stop` once. */
export function serveCore(channel: ParentChannel, core: ServedCore, stop: () => void): void {
  core.events.onAny((event, payload) => void channel.send({ type: 'event', event, payload }));
  channel.onMessage((message) => {
    if (message.type === 'stop') return stop();
    // Answers to this process's own host calls are the host caller's (host-caller.ts).
    if (message.type !== 'call') return;
    void core
      .dispatch(message.channel, message.input, message.context)
      .catch((error: unknown) => {
        // The dispatcher answers every failure with an envelope; this only guards the channel.
        core.logger.error(`Unexpected failure on ${message.channel}`, error);
        return {
          ok: false as const,
          error: { code: 'internal', message: 'Something went wrong inside ReqBridge. The details are in the log; try again.' },
        };
      })
      .then((envelope) => channel.send({ type: 'answer', id: message.id, envelope }));
  });
  channel.onDisconnect(stop);
}
