/**
 * Profiles and their settings: list, create, rename, delete, select, update,
 * export and import. Every write validates the complete result first and
 * writes nothing when it is invalid. The built-in Sandbox profile always exists.
 */
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { SANDBOX_PROFILE_ID, environmentBadge, profileExportSchema, reservedProfileNameProblem } from '../../../shared/settings/schema.ts';
import type { ProfileSummary, ProfilesView } from '../../../shared/api/views.ts';
import { AppError } from '../errors.ts';
import type { Preferences, SettingsBacking, SettingsDocument } from './settings-file.ts';
import { settingsDocumentSchema } from './settings-file.ts';
import { newClientProfile, sandboxProfile, uniqueProfileId } from './profile-defaults.ts';
import type { z } from 'zod';
import { validateProfile } from './profile-validation.ts';
import { issueSentence, issuesSentence, plainErrorMap } from '../../../shared/validation/issue-sentences.ts';
import { charthopOrgProblem } from '../../../shared/settings/field-rules.ts';
import type { ForeignHost } from '../../../shared/settings/url-policy.ts';
import { foreignHosts } from '../../../shared/settings/url-policy.ts';

/** The sentence refusing an import that points at hosts nobody confirmed. */
function importHostsMessage(hosts: readonly ForeignHost[]): string {
  const listed = hosts.map((h) => `${h.host} (${h.field})`).join(', ');
  const names = [...new Set(hosts.map((h) => h.host))].join(',');
  return `This file points at hosts other than Lever's and ChartHop's own: ${listed}; import it only if you trust them, by confirming them in Profiles → Import or with reqbridge profile import FILE --allow-hosts ${names}.`;
}

/** A save that sets the ChartHop org to blank is refused (a new profile's org is blank until it is first entered). */
function refuseBlankOrg(current: ProfileSettings, patch: Record<string, unknown>): void {
  const charthop = patch['charthop'];
  if (current.kind !== 'client' || !charthop || typeof charthop !== 'object' || !Object.hasOwn(charthop, 'org')) return;
  const org = (charthop as { org?: unknown }).org;
  if (typeof org === 'string' && org.trim() === '') {
    throw new AppError('settings.invalid', `Profile "${current.name}": ${charthopOrgProblem('')} Nothing was saved.`);
  }
}

/**
 * Why an export file cannot be imported, in sentences: a file that is not an export at all says
 * only that; an export whose settings are wrong names each setting and what to do.
 */
function importProblem(issues: readonly z.core.$ZodIssue[]): string {
  const envelope = issues.filter((issue) => issue.path[0] !== 'profile' || issue.path.length === 1);
  if (envelope.length > 0) {
    const [first] = envelope;
    return first && first.path[0] === 'version'
      ? issueSentence(first)
      : 'That file is not a profile exported from ReqBridge: choose the .json file that Profiles → Export saved.';
  }
  return `That profile file has settings ReqBridge cannot use: ${issuesSentence(issues)} Fix them in the file, or export the profile again from ReqBridge.`;
}

/** Nested settings objects a patch merges into rather than replaces. */
const MERGED_KEYS = ['charthop', 'options', 'mappings', 'webhook', 'safety', 'metricFields'] as const;

/** The profiles store used by every host. */
export interface ProfilesRepository {
  list(): ProfilesView;
  get(id: string): ProfileSettings;
  selected(): ProfileSettings;
  create(name: string, copyFromId?: string): ProfileSummary;
  rename(id: string, name: string): ProfileSummary;
  remove(id: string): ProfilesView;
  select(id: string): ProfilesView;
  update(id: string, patch: Record<string, unknown>): ProfileSettings;
  /** The profile `update` would save, validated, without saving it. */
  preview(id: string, patch: Record<string, unknown>): ProfileSettings;
  exportProfile(id: string, now: Date): { fileName: string; json: string };
  /**
   * Import an export file. A file pointing at hosts other than Lever's and ChartHop's own is
   * refused unless every such host is in `allowHosts` (the user confirmed them).
   */
  importProfile(json: string, name?: string, allowHosts?: readonly string[]): ProfileSummary;
  preferences(): Preferences;
  updatePreferences(patch: Partial<Preferences>): Preferences;
}

/** Summarise a profile for the switcher. */
export function summarize(profile: ProfileSettings): ProfileSummary {
  return { id: profile.id, name: profile.name, kind: profile.kind, environment: environmentBadge(profile) };
}

/** Create the repository on a storage backing. */
export function createProfilesRepository(backing: SettingsBacking): ProfilesRepository {
  let preferences: SettingsDocument['preferences'] = { startAtLogin: false, schedulesPaused: false };

  function load(): { document: SettingsDocument; profiles: Map<string, ProfileSettings> } {
    const parsed = settingsDocumentSchema.safeParse(backing.read());
    if (!parsed.success) {
      throw new AppError(
        'settings.unreadable',
        `The settings file ${backing.location} has an unexpected shape. Fix or move it; ReqBridge has not changed it.`,
      );
    }
    const document = parsed.data;
    preferences = document.preferences;
    const profiles = new Map<string, ProfileSettings>();
    for (const [id, raw] of Object.entries(document.profiles)) {
      profiles.set(id, validateProfile(raw, `Profile "${id}" in ${backing.location}`, { saving: false }));
    }
    if (!profiles.has(SANDBOX_PROFILE_ID)) profiles.set(SANDBOX_PROFILE_ID, sandboxProfile());
    if (!profiles.has(document.selectedProfileId)) document.selectedProfileId = SANDBOX_PROFILE_ID;
    return { document, profiles };
  }

  function save(selectedProfileId: string, profiles: Map<string, ProfileSettings>): void {
    backing.write({ version: 1, selectedProfileId, profiles: Object.fromEntries(profiles), preferences });
  }

  function view(selectedId: string, profiles: Map<string, ProfileSettings>): ProfilesView {
    const list = [...profiles.values()].map(summarize);
    // The Sandbox first, then clients by name.
    list.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'sandbox' ? -1 : 1));
    return { selectedId, profiles: list };
  }

  function need(profiles: Map<string, ProfileSettings>, id: string): ProfileSettings {
    const profile = profiles.get(id);
    if (!profile) throw new AppError('profiles.not_found', `There is no profile "${id}". Pick one from the profile switcher or create it.`);
    return profile;
  }

  /** A client profile may not take the built-in Sandbox's name (it would read as the rehearsal profile). */
  function refuseReservedName(name: string): void {
    const problem = reservedProfileNameProblem(name);
    if (problem) throw new AppError('profiles.name_reserved', `${problem} Nothing was saved.`);
  }

  function addProfile(profiles: Map<string, ProfileSettings>, name: string, base: Partial<ProfileSettings>): ProfileSettings {
    refuseReservedName(name);
    const id = uniqueProfileId(name, new Set(profiles.keys()));
    const profile = validateProfile({ ...newClientProfile(id, name), ...base, id, name, kind: 'client' }, `New profile "${name}"`);
    profiles.set(id, profile);
    return profile;
  }

  function merge(current: ProfileSettings, patch: Record<string, unknown>): ProfileSettings {
    if ('id' in patch || 'kind' in patch)
      throw new AppError('settings.invalid', "A profile's id and kind cannot be changed. Create a new profile instead.");
    refuseBlankOrg(current, patch);
    const merged: Record<string, unknown> = { ...current, ...patch };
    for (const key of MERGED_KEYS) {
      const part = patch[key];
      if (part && typeof part === 'object' && !Array.isArray(part)) merged[key] = { ...current[key], ...part };
    }
    return validateProfile(merged, `Profile "${current.name}"`);
  }

  return {
    list() {
      const { document, profiles } = load();
      return view(document.selectedProfileId, profiles);
    },
    get(id) {
      return need(load().profiles, id);
    },
    selected() {
      const { document, profiles } = load();
      return need(profiles, document.selectedProfileId);
    },
    create(name, copyFromId) {
      const { document, profiles } = load();
      const source = copyFromId ? need(profiles, copyFromId) : undefined;
      const base =
        source && source.kind === 'client' ? { ...source } : source ? { options: source.options, sourceOfTruth: source.sourceOfTruth } : {};
      const profile = addProfile(profiles, name, base);
      save(document.selectedProfileId, profiles);
      return summarize(profile);
    },
    rename(id, name) {
      const { document, profiles } = load();
      if (need(profiles, id).kind === 'client') refuseReservedName(name);
      const profile = validateProfile({ ...need(profiles, id), name }, `Profile "${id}"`, { saving: false });
      profiles.set(id, profile);
      save(document.selectedProfileId, profiles);
      return summarize(profile);
    },
    remove(id) {
      const { document, profiles } = load();
      const profile = need(profiles, id);
      if (profile.kind === 'sandbox') throw new AppError('profiles.builtin', 'The Sandbox profile is built in and cannot be deleted.');
      profiles.delete(id);
      const selected = document.selectedProfileId === id ? SANDBOX_PROFILE_ID : document.selectedProfileId;
      save(selected, profiles);
      return view(selected, profiles);
    },
    select(id) {
      const { profiles } = load();
      need(profiles, id);
      save(id, profiles);
      return view(id, profiles);
    },
    preview(id, patch) {
      return merge(need(load().profiles, id), patch);
    },
    update(id, patch) {
      const { document, profiles } = load();
      const next = merge(need(profiles, id), patch);
      profiles.set(id, next);
      save(document.selectedProfileId, profiles);
      return next;
    },
    exportProfile(id, now) {
      const { id: _id, kind: _kind, ...portable } = need(load().profiles, id);
      const json = JSON.stringify({ format: 'reqbridge.profile', version: 1, exportedAt: now.toISOString(), profile: portable }, null, 2);
      return { fileName: `reqbridge-${id}.json`, json };
    },
    preferences() {
      load();
      return { ...preferences };
    },
    updatePreferences(patch) {
      const { document, profiles } = load();
      preferences = { ...preferences, ...patch };
      save(document.selectedProfileId, profiles);
      return { ...preferences };
    },
    importProfile(json, name, allowHosts = []) {
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch {
        throw new AppError('profiles.import_invalid', 'That file is not JSON. Choose a file exported from ReqBridge (Profiles → Export).');
      }
      const parsed = profileExportSchema.safeParse(raw, { error: plainErrorMap });
      if (!parsed.success) throw new AppError('profiles.import_invalid', importProblem(parsed.error.issues));
      const unconfirmed = foreignHosts(parsed.data.profile).filter((found) => !allowHosts.includes(found.host));
      if (unconfirmed.length > 0) throw new AppError('profiles.import_hosts', importHostsMessage(unconfirmed));
      const { document, profiles } = load();
      const profile = addProfile(profiles, name ?? parsed.data.profile.name, parsed.data.profile);
      save(document.selectedProfileId, profiles);
      return summarize(profile);
    },
  };
}
