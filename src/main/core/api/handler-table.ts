/** The shape every host's handler table must satisfy: one handler per contract channel. */
import type { ParsedInput, RequestChannel, RequestOutput } from '../../../shared/api/contract.ts';

/** Who is calling, as the transport knows it. */
export interface CallContext {
  transport: 'ipc' | 'http' | 'in-process';
}

/** A handler: parsed input in, output out; throws AppError for user-facing failures. */
export type Handler<C extends RequestChannel> = (input: ParsedInput<C>, context: CallContext) => Promise<RequestOutput<C>>;

/** A complete handler table. A channel without a handler fails `tsc` where a table `satisfies` this. */
export type HandlerTable = { [C in RequestChannel]: Handler<C> };
