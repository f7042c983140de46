/**
 * The one entry point every transport calls: checks the channel, validates the
 * input against the contract's zod schema, runs the handler and wraps the
 * outcome in the `{ ok, value | error }` envelope. Unexpected errors are logged
 * (redacted) and reported without their details.
 */
import type { Envelope } from '../../../shared/api/envelope.ts';
import type { RequestChannel } from '../../../shared/api/contract.ts';
import { requestContract } from '../../../shared/api/contract.ts';
import { isAppError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import type { CallContext, HandlerTable } from './handler-table.ts';

/** Dispatch a raw call (channel name and input as received from a transport). */
export type Dispatch = (channel: string, input: unknown, context: CallContext) => Promise<Envelope<unknown>>;

/** True when `channel` is a request channel of the contract. */
export function isRequestChannel(channel: string): channel is RequestChannel {
  return Object.hasOwn(requestContract, channel);
}

/** Build the dispatcher over a complete handler table. */
export function createDispatcher(handlers: HandlerTable, logger: Logger): Dispatch {
  return async (channel, input, context) => {
    if (!isRequestChannel(channel)) {
      return { ok: false, error: { code: 'api.unknown_channel', message: `There is no channel "${channel}".` } };
    }
    const parsed = requestContract[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join(' ');
      return { ok: false, error: { code: 'api.invalid_input', message } };
    }
    try {
      const handler = handlers[channel] as (input: unknown, context: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, context) };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message } };
      logger.error(`Unexpected failure on ${channel}`, error);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside ReqBridge. The details are in the log; try again, and report it if it persists.' } };
    }
  };
}
