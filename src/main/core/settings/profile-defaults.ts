/** Built-in profiles and helpers to make new ones. */
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { startingOptions } from '../../../shared/settings/options.ts';
import { SANDBOX_PROFILE_ID, SANDBOX_PROFILE_NAME, profileObjectSchema } from '../../../shared/settings/schema.ts';

/**
 * The built-in Sandbox profile: hosts connect it to the embedded fake Lever and
 * ChartHop servers, so a consultant can rehearse a rollout without credentials.
 */
export function sandboxProfile(): ProfileSettings {
  return profileObjectSchema.parse({
    id: SANDBOX_PROFILE_ID,
    name: SANDBOX_PROFILE_NAME,
    kind: 'sandbox',
    lever: { environment: 'custom', baseUrl: 'http://127.0.0.1/sandbox-lever/v1' },
    charthop: { baseUrl: 'http://127.0.0.1/sandbox-charthop', org: 'sandbox-demo' },
    options: { runDaily: true, syncOnChange: true, reverseSync: false, reconciliation: true, remoteLocationAsDefault: false },
    // The demo data has two managers whose Lever email differs from ChartHop's: mapped here, as a
    // consultant would, so the rehearsal syncs them. Its recruiter missing from Lever stays unmapped.
    mappings: {
      departments: {},
      teams: {},
      locations: {},
      employmentTypes: {},
      users: {
        'nora.edwards@northwind.example': 'nedwards@northwind.example',
        'daniel.obrien@northwind.example': 'daniel.obrien@northwindlabs.example',
      },
    },
  });
}

/** A new client profile with the defaults and the given identity; its options meet what its direction (outbound) requires. */
export function newClientProfile(id: string, name: string): ProfileSettings {
  const profile = profileObjectSchema.parse({ id, name, kind: 'client' });
  return { ...profile, options: startingOptions(profile.sourceOfTruth) };
}

/** Derive a unique profile id from a name ("Acme Corp" → "acme-corp", "acme-corp-2", …). */
export function uniqueProfileId(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'profile';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
