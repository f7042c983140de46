/**
 * Contract of the foundation domains: app, profiles, settings, secrets.
 */
import { z } from 'zod';
import type { ProfileSettings } from '../../settings/schema.ts';
import { profileIdSchema, profileNameSchema } from '../../settings/schema.ts';
import type { SecretStatus } from '../../secrets/names.ts';
import { SECRET_NAMES } from '../../secrets/names.ts';
import { SECRET_VALUE_MAX } from '../../settings/field-rules.ts';
import type { AppInfo, ProfileSummary, ProfilesView } from '../views.ts';
import { out, profileRef } from './out.ts';

const none = z.object({}).strict();

/** A pasted key or token, refused with the sentence Setup shows beside the field. */
const secretValueSchema = z
  .string()
  .trim()
  .min(1, 'Paste the value first.')
  .max(
    SECRET_VALUE_MAX,
    `That value is longer than ${SECRET_VALUE_MAX.toLocaleString('en-US')} characters, longer than any key or token. Copy only the key itself and paste it again.`,
  );

/** Request channels: input schema and output type of each. */
export const coreRequests = {
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
    // allowHosts: the hosts other than the vendors' own the user confirmed (the import refuses any other).
    input: z
      .object({
        json: z.string().max(1_000_000),
        name: profileNameSchema.optional(),
        allowHosts: z.array(z.string().max(300)).max(20).optional(),
      })
      .strict(),
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
    input: z.object({ profileId: profileIdSchema, name: z.enum(SECRET_NAMES), value: secretValueSchema }).strict(),
    output: out<SecretStatus>(),
  },
  'secrets:clear': { input: z.object({ profileId: profileIdSchema, name: z.enum(SECRET_NAMES) }).strict(), output: out<SecretStatus>() },
} as const;

/** Push events: payload type of each. */
export const coreEvents = {
  'profiles:changed': out<ProfilesView>(),
  'settings:changed': out<{ profileId: string }>(),
  'secrets:changed': out<{ profileId: string }>(),
  'app:navigate': out<{ route: string }>(),
  /** The engine's process stopped unexpectedly and a new one took over; calls in flight were answered with an error. */
  'app:core-restarted': out<EngineNotice>(),
  /** The engine's process stopped too often and stays down: every call now fails until ReqBridge is started again. */
  'app:core-stopped': out<EngineNotice>(),
} as const;

/** What the UI says when the engine's process stopped: when, and the sentence to show. */
export interface EngineNotice {
  at: string;
  message: string;
}
