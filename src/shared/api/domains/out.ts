/** Helpers every domain contract uses. */
import { z } from 'zod';
import { profileIdSchema } from '../../settings/schema.ts';

/** Phantom marker carrying an output (or event payload) type at compile time only. */
export interface Out<T> {
  readonly __out?: T;
}

/** Declare a channel's output type. */
export function out<T>(): Out<T> {
  return {};
}

/** The input of a channel that only names a profile. */
export const profileRef = z.object({ profileId: profileIdSchema }).strict();
