/**
 * The messages between a host and the core's own process. Calls go in and envelopes come back,
 * every push event of the core's bus comes out, and a start-up says `ready` (or `failed` with the
 * sentence to show, already redacted). The other way round, the core process asks the host for
 * what only the host can do (`host-call`, host-services.ts) and the host answers (`host-answer`).
 * Everything is plain JSON, as on every other transport.
 */
import type { Envelope } from '../../../shared/api/envelope.ts';
import type { CallContext } from '../api/handler-table.ts';
import type { HostServiceName } from './host-services.ts';
import { isHostServiceName } from './host-services.ts';

/** The host's answer to a `host-call`: the result, or the sentence why not. */
export type HostAnswerMessage = { type: 'host-answer'; id: number } & (
  { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } }
);

/** What the host tells the core process. */
export type ToCoreMessage =
  { type: 'call'; id: number; channel: string; input: unknown; context: CallContext } | { type: 'stop' } | HostAnswerMessage;

/** The embedded Sandbox's servers, told to the host only when it opened their control surface. */
export interface SandboxAddresses {
  leverUrl: string;
  charthopUrl: string;
  org: string;
}

/** What the host needs once the core runs. */
export interface CoreReadyInfo {
  dataDir: string;
  /** The process's id (a test kills it to prove the restart). */
  pid: number;
  sandbox?: SandboxAddresses;
}

/** What the core process tells the host. */
export type FromCoreMessage =
  | ({ type: 'ready' } & CoreReadyInfo)
  | { type: 'failed'; text: string }
  | { type: 'answer'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'host-call'; id: number; name: HostServiceName; args: unknown[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** True when `value` is a message the host may send (anything else is ignored). */
export function isToCoreMessage(value: unknown): value is ToCoreMessage {
  if (!isObject(value)) return false;
  if (value['type'] === 'stop') return true;
  if (value['type'] === 'host-answer') return isHostAnswer(value);
  return value['type'] === 'call' && typeof value['id'] === 'number' && typeof value['channel'] === 'string' && isObject(value['context']);
}

function isHostAnswer(value: Record<string, unknown>): boolean {
  if (typeof value['id'] !== 'number') return false;
  if (value['ok'] === true) return true;
  const error = value['error'];
  return value['ok'] === false && isObject(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string';
}

/** True when `value` is a message the core process may send (anything else is ignored). */
export function isFromCoreMessage(value: unknown): value is FromCoreMessage {
  if (!isObject(value)) return false;
  switch (value['type']) {
    case 'ready':
      return typeof value['dataDir'] === 'string' && typeof value['pid'] === 'number';
    case 'failed':
      return typeof value['text'] === 'string';
    case 'answer':
      return typeof value['id'] === 'number' && isObject(value['envelope']);
    case 'event':
      return typeof value['event'] === 'string';
    case 'host-call':
      return typeof value['id'] === 'number' && isHostServiceName(value['name']) && Array.isArray(value['args']);
    default:
      return false;
  }
}
