/**
 * The one entry point every transport calls: checks the channel, validates the
 * input against the contract's zod schema, runs the handler and wraps the
 * outcome in the `{ ok, value | error }` envelope. Every error's message and
 * details pass through the redactor. Unexpected errors are logged (redacted)
 * and reported without their details. Every error carries safe
 * `details`: the time, and for a vendor call that failed (an HttpFailure, or an
 * AppError caused by one) its vendor, endpoint, status, attempts and request id.
 */
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.ts';
import type { RequestChannel } from '../../../shared/api/contract.ts';
import { requestContract } from '../../../shared/api/contract.ts';
import { isAppError } from '../errors.ts';
import { issuesSentence, plainErrorMap } from '../../../shared/validation/issue-sentences.ts';
import { errorDetailsOf } from '../http/error-details.ts';
import type { Logger } from '../logging/logger.ts';
import type { CallContext, HandlerTable } from './handler-table.ts';

/** Dispatch a raw call (channel name and input as received from a transport). */
export type Dispatch = (channel: string, input: unknown, context: CallContext) => Promise<Envelope<unknown>>;

/** True when `channel` is a request channel of the contract. */
export function isRequestChannel(channel: string): channel is RequestChannel {
  return Object.hasOwn(requestContract, channel);
}

/** What the dispatcher needs besides the handlers and the logger. */
export interface DispatcherOptions {
  /** The time stamped on an error's details; default the system clock. */
  now?: () => Date;
  /** Masks secrets in every error's message and details (the core's redactor); default none. */
  redact?: (text: string) => string;
}

/** Build the dispatcher over a complete handler table. */
export function createDispatcher(handlers: HandlerTable, logger: Logger, options: DispatcherOptions = {}): Dispatch {
  const now = options.now ?? (() => new Date());
  const redact = options.redact ?? ((text: string) => text);
  // A message can carry a vendor's text or a raw keychain error: it goes through the redactor like the details.
  const failed = (code: string, message: string, error?: unknown): { ok: false; error: ApiErrorBody } => ({
    ok: false,
    error: { code, message: redact(message), details: errorDetailsOf(error, now(), redact) },
  });
  return async (channel, input, context) => {
    if (!isRequestChannel(channel)) return failed('api.unknown_channel', `There is no channel "${channel}".`);
    // Input is worded for people: a schema's own sentence, or the field's name and what is wrong (never zod's text).
    const parsed = requestContract[channel].input.safeParse(input ?? {}, { error: plainErrorMap });
    if (!parsed.success) return failed('api.invalid_input', issuesSentence(parsed.error.issues));
    try {
      const handler = handlers[channel] as (input: unknown, context: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, context) };
    } catch (error) {
      if (isAppError(error)) return failed(error.code, error.message, error);
      logger.error(`Unexpected failure on ${channel}`, error);
      // An unexpected error's facts stay in the log: only the time goes out.
      return failed(
        'internal',
        'Something went wrong inside ReqBridge. The details are in the log; try again, and report it if it persists.',
      );
    }
  };
}
