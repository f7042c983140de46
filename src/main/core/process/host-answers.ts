/**
 * The host's side of the host services (host-services.ts): a `host-call` from the core process runs
 * the service the host offers and becomes a `host-answer` under the same id. A service the host does
 * not offer, or one that fails, is answered with a sentence; the failure's details go to the host's
 * log, and the call's arguments (a secret to encrypt) go nowhere.
 */
import { isAppError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import type { HostServiceName, HostServices } from './host-services.ts';
import type { HostAnswerMessage } from './messages.ts';

/** The code of the answer to a service the host does not offer. */
export const HOST_SERVICE_UNSUPPORTED = 'host.unsupported';
/** The code of the answer to a service that failed without a sentence of its own. */
export const HOST_SERVICE_FAILED = 'host.failed';

/** Run the service `name` with `args` and make the answer to send back. */
export async function answerHostCall(
  services: HostServices,
  call: { id: number; name: HostServiceName; args: unknown[] },
  logger: Pick<Logger, 'error'>,
): Promise<HostAnswerMessage> {
  const service = services[call.name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
  if (!service) {
    const message = `This copy of ReqBridge does not offer ${call.name} to its engine.`;
    return { type: 'host-answer', id: call.id, ok: false, error: { code: HOST_SERVICE_UNSUPPORTED, message } };
  }
  try {
    return { type: 'host-answer', id: call.id, ok: true, result: await service(...call.args) };
  } catch (error) {
    if (isAppError(error)) return { type: 'host-answer', id: call.id, ok: false, error: { code: error.code, message: error.message } };
    logger.error(`${call.name} failed in ReqBridge's main process`, error);
    const message = `ReqBridge could not complete ${call.name} in its main process; the details are in the log. Try again, and restart ReqBridge if it keeps failing.`;
    return { type: 'host-answer', id: call.id, ok: false, error: { code: HOST_SERVICE_FAILED, message } };
  }
}
