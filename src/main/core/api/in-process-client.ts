/** The in-process transport: the same contract, called directly (tests, CLI). */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { Envelope } from '../../../shared/api/envelope.ts';
import type { RequestOutput } from '../../../shared/api/contract.ts';
import type { Dispatch } from './dispatcher.ts';
import type { EventBus } from './event-bus.ts';

/**
 * A BridgeApi over a dispatcher and an event bus. Inputs and outputs are
 * copied through JSON, as they would be over IPC or HTTP, so a test cannot
 * pass or receive something a real transport could not carry.
 */
export function createInProcessClient(dispatch: Dispatch, events: EventBus): BridgeApi {
  return {
    async invoke(channel, input) {
      const envelope = await dispatch(channel, JSON.parse(JSON.stringify(input ?? {})), { transport: 'in-process' });
      return JSON.parse(JSON.stringify(envelope)) as Envelope<RequestOutput<typeof channel>>;
    },
    on(event, listener) {
      return events.on(event, (payload) => listener(JSON.parse(JSON.stringify(payload))));
    },
  };
}
