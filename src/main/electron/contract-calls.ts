/**
 * The main process's own calls to the engine (the tray, wake from sleep, notifications, the login
 * item), typed by the contract and made over the same dispatch as the window's: the engine runs in
 * its own process, so the main process knows only what the contract answers.
 */
import type { RequestChannel, RequestInput, RequestOutput } from '../../shared/api/contract.ts';
import type { Dispatch } from '../core/api/dispatcher.ts';
import { AppError } from '../core/errors.ts';

/** A typed caller of the contract that throws an error envelope as an AppError (its code and sentence). */
export type ContractCall = <C extends RequestChannel>(channel: C, input: RequestInput<C>) => Promise<RequestOutput<C>>;

/** Calls over `dispatch`, as an in-process caller. */
export function contractCalls(dispatch: Dispatch): ContractCall {
  return async (channel, input) => {
    const envelope = await dispatch(channel, input, { transport: 'in-process' });
    if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message);
    return envelope.value as RequestOutput<typeof channel>;
  };
}
