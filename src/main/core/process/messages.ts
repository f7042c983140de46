/**
 * The messages between a host and the core's own process. Calls go in and envelopes come back,
 * every push event of the core's bus comes out, and a start-up says `ready` (or `failed` with the
 * sentence to show, already redacted). Everything is plain JSON, as on every other transport.
 */
import type { Envelope } from '../../../shared/api/envelope.ts';
import type { CallContext } from '../api/handler-table.ts';

/** What the host tells the core process. */
export type ToCoreMessage = { type: 'call'; id: number; channel: string; input: unknown; context: CallContext } | { type: 'stop' };

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
  | { type: 'event'; event: string; payload: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** True when `value` is a message the host may send (anything else is ignored). */
export function isToCoreMessage(value: unknown): value is ToCoreMessage {
  if (!isObject(value)) return false;
  if (value['type'] === 'stop') return true;
  return value['type'] === 'call' && typeof value['id'] === 'number' && typeof value['channel'] === 'string' && isObject(value['context']);
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
    default:
      return false;
  }
}
