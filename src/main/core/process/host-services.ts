/**
 * What the core process may ask of its host: the few things only the host's own process can do.
 * In the desktop app that is Electron's safeStorage (it works only in the main process) and the
 * update flow (electron-updater runs in the main process too). The core process sends a `host-call`
 * and the host answers with a `host-answer` under the same id (messages.ts); a host that does not
 * offer a service answers with a sentence saying so. Plain JSON both ways: encrypted values travel
 * as base64.
 */
import type { UpdateStatus } from '../../../shared/api/domains/updates.ts';

/** Each service's arguments and result. */
export interface HostServiceTable {
  /** True when safeStorage offers real encryption (not Linux's `basic_text` backend, which protects nothing). */
  'safeStorage.available': { args: []; result: boolean };
  /** The text encrypted with safeStorage, as base64. */
  'safeStorage.encrypt': { args: [text: string]; result: string };
  /** The text of a base64 value `safeStorage.encrypt` made. */
  'safeStorage.decrypt': { args: [encrypted: string]; result: string };
  /** Where the app's updates stand. */
  'updates.status': { args: []; result: UpdateStatus };
  /** Check for an update now. */
  'updates.check': { args: []; result: UpdateStatus };
  /** Quit and install the downloaded update. */
  'updates.restart': { args: []; result: UpdateStatus };
}

/** A service's name. */
export type HostServiceName = keyof HostServiceTable;

/** Every service's name, so a message naming anything else is refused. */
export const HOST_SERVICE_NAMES = [
  'safeStorage.available',
  'safeStorage.encrypt',
  'safeStorage.decrypt',
  'updates.status',
  'updates.check',
  'updates.restart',
] as const satisfies readonly HostServiceName[];

/** The host's implementation of the services it offers (any it leaves out is answered "not offered"). */
export type HostServices = {
  [N in HostServiceName]?: (...args: HostServiceTable[N]['args']) => Promise<HostServiceTable[N]['result']>;
};

/** The core process's way to call its host's services; rejects with the host's sentence (an AppError). */
export interface HostCaller {
  call<N extends HostServiceName>(name: N, ...args: HostServiceTable[N]['args']): Promise<HostServiceTable[N]['result']>;
}

/** True when `name` is a service's name. */
export function isHostServiceName(name: unknown): name is HostServiceName {
  return typeof name === 'string' && (HOST_SERVICE_NAMES as readonly string[]).includes(name);
}
