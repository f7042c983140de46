/**
 * What a host shows when ReqBridge cannot start (a corrupt settings file, a
 * state database from a newer ReqBridge, a data folder it cannot use): the
 * error's own sentence when it is an AppError, else a generic one — never a
 * stack trace. The browser host puts it on a page, the desktop app in a dialog.
 */
import { isAppError } from './errors.ts';

/** The sentence a start-up error is shown as. */
export function startupFailureText(error: unknown): string {
  if (isAppError(error)) return error.message;
  return 'ReqBridge could not start because of an unexpected error (the details are in the terminal it was started from). Start it again; if it keeps failing, report the details.';
}

/** What to do next, said after the sentence on every host. */
export const STARTUP_FAILURE_NEXT = 'Nothing was changed. Fix the cause, then start ReqBridge again.';
