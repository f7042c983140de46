/** Contract of "Check for updates": the running version, a check, the download's progress and "Restart to update". */
import { z } from 'zod';
import { out } from './out.ts';

/**
 * Where the app's updates stand, as the panel in Profiles → This computer shows them. `unsupported`:
 * this copy does not update itself (a development run, the browser host, the CLI); `no-feed`: a
 * packaged build made without an update feed. The other phases follow electron-updater.
 */
export type UpdateStatus =
  | { phase: 'unsupported'; version: string }
  | { phase: 'no-feed'; version: string; message: string }
  | { phase: 'idle'; version: string }
  | { phase: 'checking'; version: string }
  | { phase: 'not-available'; version: string }
  | { phase: 'available'; version: string; next: string }
  | { phase: 'downloading'; version: string; next: string; percent: number }
  | { phase: 'downloaded'; version: string; next: string }
  | { phase: 'error'; version: string; message: string; details: string };

const none = z.object({}).strict();

/** Request channels of the updates. */
export const updatesRequests = {
  'updates:status': { input: none, output: out<UpdateStatus>() },
  /** Checks now; what it finds is downloaded and arrives as `updates:changed`. */
  'updates:check': { input: none, output: out<UpdateStatus>() },
  /** Quits and installs a downloaded update; refused with a sentence when none is downloaded. */
  'updates:restart': { input: none, output: out<UpdateStatus>() },
} as const;

/** Push events of the updates. */
export const updatesEvents = {
  'updates:changed': out<UpdateStatus>(),
} as const;
