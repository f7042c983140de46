/**
 * The per-profile settings schema (non-secret). One zod schema serves the
 * renderer's forms, the main process's validation on save, and the
 * export/import file format. Secrets never live here.
 */
import { z } from 'zod';
import { OPTION_KEYS, findOptionConflicts } from './options.ts';
import { PROFILE_NAME_MAX, URL_EXAMPLES } from './field-rules.ts';

/** Lever API roots by environment (lever-api.md §1.1). */
export const LEVER_BASE_URLS = {
  production: 'https://api.lever.co/v1',
  sandbox: 'https://api.sandbox.lever.co/v1',
  eu: 'https://api.eu.lever.co/v1',
} as const;

/** ChartHop's public API root (charthop-api.md §1.1). */
export const CHARTHOP_DEFAULT_BASE_URL = 'https://api.charthop.com';

/** The id of the built-in profile that runs against the embedded sandbox servers. */
export const SANDBOX_PROFILE_ID = 'sandbox';

/** A web address (http:// or https://); the sentence quotes the vendor's own example. The https-only rule is checked on save. */
const httpUrl = (what: string, example: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, `${what} must be a full address starting with https://, for example ${example}.`);

/** A profile id: lower-case slug, used in file names and keychain accounts. */
export const profileIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'A profile id is 1–48 lower-case letters, digits or dashes.');

/** A human profile name, usually the client's name. */
export const profileNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the profile a name, usually the client’s.')
  .max(PROFILE_NAME_MAX, `Keep the profile name to ${PROFILE_NAME_MAX} characters or fewer.`);

/** The built-in Sandbox profile's name, which no client profile may take. */
export const SANDBOX_PROFILE_NAME = 'Sandbox';

/** Why `name` cannot name a client profile (it is the built-in Sandbox's), or null. */
export function reservedProfileNameProblem(name: string): string | null {
  if (name.trim().toLowerCase() !== SANDBOX_PROFILE_NAME.toLowerCase()) return null;
  return '“Sandbox” is the name of the built-in rehearsal profile. Name the new profile after the client, for example “Acme Corp”.';
}

/** Where the Lever API lives for this profile. */
export const leverConnectionSchema = z.discriminatedUnion('environment', [
  z.object({ environment: z.literal('production') }),
  z.object({ environment: z.literal('sandbox') }),
  z.object({ environment: z.literal('eu') }),
  z.object({ environment: z.literal('custom'), baseUrl: httpUrl('The Lever API base URL', URL_EXAMPLES.lever) }),
]);

/** Where ChartHop lives for this profile and which org to use (id or slug). */
export const charthopConnectionSchema = z.object({
  baseUrl: httpUrl('The ChartHop base URL', URL_EXAMPLES.charthop).default(CHARTHOP_DEFAULT_BASE_URL),
  // Blank until the consultant enters it; its id-or-slug form is checked on save (charthopOrgProblem).
  org: z.string().trim().max(80, 'The ChartHop org is at most 80 characters: enter its id or slug, for example acme.').default(''),
});

const optionFlagsSchema = z.object(
  Object.fromEntries(OPTION_KEYS.map((key) => [key, z.boolean().default(false)])) as Record<
    (typeof OPTION_KEYS)[number],
    z.ZodDefault<z.ZodBoolean>
  >,
);

const crosswalk = z.record(z.string(), z.string()).default({});

/** Value crosswalks between the two systems (ChartHop value → Lever value). */
export const mappingsSchema = z.object({
  departments: crosswalk,
  teams: crosswalk,
  locations: crosswalk,
  employmentTypes: crosswalk,
  users: crosswalk,
});

/** How the webhook listener is reached from Lever. */
export const webhookSettingsSchema = z.object({
  tunnel: z.enum(['none', 'ngrok', 'localtunnel', 'public-url']).default('none'),
  localtunnelHost: z.string().trim().default(''),
  localtunnelSubdomain: z.string().trim().default(''),
  publicUrl: z.string().trim().default(''),
  listenPort: z.number().int().min(0).max(65535).default(0),
});

/** The four candidate metrics, in the order ChartHop lists their built-in fields. */
export const METRIC_KEYS = ['active', 'interview', 'activeOffers', 'totalOffers'] as const;

/** One of the four candidate metrics. */
export type MetricKey = (typeof METRIC_KEYS)[number];

/** ChartHop's built-in job fields for the candidate metrics (charthop-api.md §3.3). */
export const BUILT_IN_METRIC_FIELDS: Readonly<Record<MetricKey, string>> = {
  active: 'applyActive',
  interview: 'applyInterview',
  activeOffers: 'applyOffer',
  totalOffers: 'applyTotalOffer',
};

/** Plain-English names of the four metrics, for forms, the doctor and error messages. */
export const METRIC_LABELS: Readonly<Record<MetricKey, string>> = {
  active: 'Active candidates',
  interview: 'Active interviews',
  activeOffers: 'Active offers',
  totalOffers: 'Total offers',
};

/**
 * A ChartHop field code: letters and digits, starting with a letter (ChartHop's
 * rule for field codes; a code is not the field's label and has no spaces or dots).
 */
export const charthopFieldCodeSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter the ChartHop field code, or use the built-in fields.', abort: true })
  .max(64, { message: 'A ChartHop field code is at most 64 characters: copy the code from the field in ChartHop.', abort: true })
  .regex(
    /^[A-Za-z][A-Za-z0-9]*$/,
    'A ChartHop field code is letters and digits, starting with a letter (for example candidatesActive): copy the field’s code from ChartHop, not its label.',
  );

/**
 * The ChartHop job field each candidate metric is written to: the built-in
 * fields by default, or custom fields of the client's org. The four must differ
 * (ChartHop compares codes without regard to case).
 */
export const metricFieldsSchema = z
  .object({
    active: charthopFieldCodeSchema.default(BUILT_IN_METRIC_FIELDS.active),
    interview: charthopFieldCodeSchema.default(BUILT_IN_METRIC_FIELDS.interview),
    activeOffers: charthopFieldCodeSchema.default(BUILT_IN_METRIC_FIELDS.activeOffers),
    totalOffers: charthopFieldCodeSchema.default(BUILT_IN_METRIC_FIELDS.totalOffers),
  })
  .superRefine((fields, ctx) => {
    const seen = new Map<string, MetricKey>();
    for (const key of METRIC_KEYS) {
      const lower = fields[key].toLowerCase();
      const first = seen.get(lower);
      if (first) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${METRIC_LABELS[first]} and ${METRIC_LABELS[key]} both use the field ${fields[key]}: give each number its own ChartHop field.`,
        });
      } else {
        seen.set(lower, key);
      }
    }
  });

/** The ChartHop field codes of the four candidate metrics. */
export type MetricFieldCodes = z.output<typeof metricFieldsSchema>;

/** True when every metric goes to ChartHop's built-in field (case-insensitively). */
export function usesBuiltInMetricFields(fields: MetricFieldCodes): boolean {
  return METRIC_KEYS.every((key) => fields[key].toLowerCase() === BUILT_IN_METRIC_FIELDS[key].toLowerCase());
}

/** How often Sync On Change reads ChartHop's events feed, in seconds: the default, the least and the most. */
export const SYNC_ON_CHANGE_INTERVAL_SECONDS = { default: 30, min: 10, max: 600 } as const;

const intervalMessage = `Check ChartHop for changes every ${SYNC_ON_CHANGE_INTERVAL_SECONDS.min} to ${SYNC_ON_CHANGE_INTERVAL_SECONDS.max} seconds, in whole seconds (the default is ${SYNC_ON_CHANGE_INTERVAL_SECONDS.default}).`;

/**
 * Sync On Change's poll interval in whole seconds (default 30, 10 to 600). The watcher stretches
 * it while nothing changes (to 2 minutes, or this interval when longer) and while ChartHop fails.
 */
export const syncOnChangeIntervalSchema = z
  .number({ message: intervalMessage })
  .int({ message: intervalMessage })
  .min(SYNC_ON_CHANGE_INTERVAL_SECONDS.min, { message: intervalMessage })
  .max(SYNC_ON_CHANGE_INTERVAL_SECONDS.max, { message: intervalMessage });

/** The object part of a profile, before the cross-field rules. */
export const profileObjectSchema = z.object({
  id: profileIdSchema,
  name: profileNameSchema,
  kind: z.enum(['sandbox', 'client']).default('client'),
  lever: leverConnectionSchema.default({ environment: 'production' }),
  charthop: charthopConnectionSchema.default({ baseUrl: CHARTHOP_DEFAULT_BASE_URL, org: '' }),
  sourceOfTruth: z.enum(['charthop', 'lever']).default('charthop'),
  options: optionFlagsSchema.default({
    runDaily: false,
    syncOnChange: false,
    reverseSync: false,
    reconciliation: false,
    remoteLocationAsDefault: false,
  }),
  dailyRunTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'The daily run time must be a 24-hour time such as 06:00.')
    .default('06:00'),
  /** Sync On Change: seconds between two reads of ChartHop's events feed (settings files without it get 30). */
  syncOnChangeIntervalSeconds: syncOnChangeIntervalSchema.default(SYNC_ON_CHANGE_INTERVAL_SECONDS.default),
  mappings: mappingsSchema.default({ departments: {}, teams: {}, locations: {}, employmentTypes: {}, users: {} }),
  webhook: webhookSettingsSchema.default({
    tunnel: 'none',
    localtunnelHost: '',
    localtunnelSubdomain: '',
    publicUrl: '',
    listenPort: 0,
  }),
  safety: z.object({ maxCloseShare: z.number().min(0).max(1).default(0.1) }).default({ maxCloseShare: 0.1 }),
  /** Where the daily candidate metrics are written on the ChartHop job. */
  metricFields: metricFieldsSchema.default({ ...BUILT_IN_METRIC_FIELDS }),
});

/** A profile's complete settings, with the exclusivity rules of the guide enforced. */
export const profileSettingsSchema = profileObjectSchema.superRefine((profile, ctx) => {
  for (const conflict of findOptionConflicts(profile.options)) {
    ctx.addIssue({ code: 'custom', path: ['options', conflict.b], message: conflict.message });
  }
});

/** A profile's complete settings (parsed, defaults filled in). */
export type ProfileSettings = z.output<typeof profileObjectSchema>;

/** The editable part of a profile: everything but its identity. */
export type ProfileSettingsPatch = Partial<Omit<ProfileSettings, 'id' | 'kind'>>;

const NOT_AN_EXPORT = 'That file is not a profile exported from ReqBridge: choose the .json file that Profiles → Export saved.';

/** The portable export format of a profile: settings without secrets, with a format marker. */
export const profileExportSchema = z.object({
  format: z.literal('reqbridge.profile', { message: NOT_AN_EXPORT }),
  version: z.literal(1, {
    message: 'This profile file was written by a newer ReqBridge: update ReqBridge, or export the profile again from this version.',
  }),
  exportedAt: z.string({ message: NOT_AN_EXPORT }),
  profile: profileObjectSchema.omit({ id: true, kind: true }),
});

/** A parsed profile export file. */
export type ProfileExport = z.output<typeof profileExportSchema>;

/** Resolve a profile's Lever API root. */
export function leverBaseUrl(profile: Pick<ProfileSettings, 'lever'>): string {
  return profile.lever.environment === 'custom' ? profile.lever.baseUrl : LEVER_BASE_URLS[profile.lever.environment];
}

/** A short badge for a profile's environment, as the UI's profile switcher shows it. */
export function environmentBadge(
  profile: Pick<ProfileSettings, 'kind' | 'lever'>,
): 'Sandbox' | 'Lever sandbox' | 'Production' | 'EU' | 'Custom' {
  if (profile.kind === 'sandbox') return 'Sandbox';
  switch (profile.lever.environment) {
    case 'sandbox':
      return 'Lever sandbox';
    case 'eu':
      return 'EU';
    case 'custom':
      return 'Custom';
    default:
      return 'Production';
  }
}
