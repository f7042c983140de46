/**
 * The one typed API contract between the renderer and the main process.
 *
 * Each request channel declares a zod input schema (validated in main, whatever
 * the transport) and an output type; each push event declares its payload type.
 * Electron IPC, the browser host's HTTP/SSE and the in-process test transport all
 * carry exactly this contract. Channel names are `domain:verb` / `domain:event`.
 */
import { z } from 'zod';
import type { ProfileSettings, ProfileSettingsPatch } from '../settings/schema.ts';
import { profileIdSchema, profileNameSchema } from '../settings/schema.ts';
import type { SecretStatus } from '../secrets/names.ts';
import { SECRET_NAMES } from '../secrets/names.ts';
import type { AppInfo, ProfileSummary, ProfilesView } from './views.ts';

/** Phantom marker carrying an output type at compile time only. */
export interface Out<T> {
  readonly __out?: T;
}

/** Declare a channel's output type. */
function out<T>(): Out<T> {
  return {};
}

const none = z.object({}).strict();
const profileRef = z.object({ profileId: profileIdSchema }).strict();

/** Request channels: input schema and output type of each. */
export const requestContract = {
  'app:info': { input: none, output: out<AppInfo>() },

  'profiles:list': { input: none, output: out<ProfilesView>() },
  'profiles:create': {
    input: z.object({ name: profileNameSchema, copyFromId: profileIdSchema.optional() }).strict(),
    output: out<ProfileSummary>(),
  },
  'profiles:rename': { input: z.object({ id: profileIdSchema, name: profileNameSchema }).strict(), output: out<ProfileSummary>() },
  'profiles:delete': { input: z.object({ id: profileIdSchema }).strict(), output: out<ProfilesView>() },
  'profiles:select': { input: z.object({ id: profileIdSchema }).strict(), output: out<ProfilesView>() },
  'profiles:export': { input: z.object({ id: profileIdSchema }).strict(), output: out<{ fileName: string; json: string }>() },
  'profiles:import': {
    input: z.object({ json: z.string().max(1_000_000), name: profileNameSchema.optional() }).strict(),
    output: out<ProfileSummary>(),
  },

  'settings:get': { input: profileRef, output: out<ProfileSettings>() },
  'settings:update': {
    // The patch is validated against the full schema (including the exclusivity rules) in main.
    input: z.object({ profileId: profileIdSchema, patch: z.record(z.string(), z.unknown()) }).strict(),
    output: out<ProfileSettings>(),
  },

  'secrets:status': { input: profileRef, output: out<SecretStatus[]>() },
  'secrets:set': {
    input: z.object({ profileId: profileIdSchema, name: z.enum(SECRET_NAMES), value: z.string().trim().min(1, 'Paste a value.').max(4096) }).strict(),
    output: out<SecretStatus>(),
  },
  'secrets:clear': { input: z.object({ profileId: profileIdSchema, name: z.enum(SECRET_NAMES) }).strict(), output: out<SecretStatus>() },
} as const;

/** Push events: payload type of each. */
export const eventContract = {
  'profiles:changed': out<ProfilesView>(),
  'settings:changed': out<{ profileId: string }>(),
  'secrets:changed': out<{ profileId: string }>(),
  'app:navigate': out<{ route: string }>(),
} as const;

/** A request channel name. */
export type RequestChannel = keyof typeof requestContract;
/** A push event name. */
export type EventChannel = keyof typeof eventContract;
/** The input a caller passes on a channel (before defaults). */
export type RequestInput<C extends RequestChannel> = z.input<(typeof requestContract)[C]['input']>;
/** The input a handler receives on a channel (parsed, defaults applied). */
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['input']>;
/** The value a channel answers with. */
export type RequestOutput<C extends RequestChannel> = (typeof requestContract)[C]['output'] extends Out<infer T> ? T : never;
/** The payload of a push event. */
export type EventPayload<E extends EventChannel> = (typeof eventContract)[E] extends Out<infer T> ? T : never;

/** Patch type accepted by `settings:update`, for typed callers. */
export type SettingsPatch = ProfileSettingsPatch;
