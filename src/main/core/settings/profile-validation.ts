/** Turns zod's findings about a profile into one sentence a consultant can act on. */
import { AppError } from '../errors.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { profileSettingsSchema } from '../../../shared/settings/schema.ts';
import { findDirectionConflicts, findOptionConflicts } from '../../../shared/settings/options.ts';
import type { OptionFlags } from '../../../shared/settings/options.ts';
import { insecureUrlProblem } from '../../../shared/settings/url-policy.ts';
import { charthopOrgProblem, publicUrlProblem } from '../../../shared/settings/field-rules.ts';
import { issuesSentence, plainErrorMap } from '../../../shared/validation/issue-sentences.ts';

/** Sentences for every URL of a profile that would carry keys or deliveries in clear (https:// only, http:// on this machine). */
export function insecureUrlProblems(profile: ProfileSettings): string[] {
  const { lever, charthop, webhook } = profile;
  const problems = [
    lever.environment === 'custom' ? insecureUrlProblem(lever.baseUrl, 'The Lever API base URL') : null,
    insecureUrlProblem(charthop.baseUrl, 'The ChartHop base URL'),
    webhook.localtunnelHost ? insecureUrlProblem(webhook.localtunnelHost, 'The localtunnel server') : null,
    webhook.publicUrl ? insecureUrlProblem(webhook.publicUrl, 'The public address') : null,
  ];
  return problems.filter((p): p is string => p !== null);
}

/**
 * The other field rules Setup checks beside each field: the ChartHop org is an id or slug (blank
 * only until it is first entered), and the public address has no query, fragment or user name.
 */
export function fieldProblems(profile: ProfileSettings): string[] {
  const { charthop, webhook } = profile;
  const problems = [
    charthop.org ? charthopOrgProblem(charthop.org) : null,
    webhook.publicUrl || webhook.tunnel === 'public-url' ? publicUrlProblem(webhook.publicUrl) : null,
  ];
  return problems.filter((p): p is string => p !== null);
}

/**
 * Validate a complete profile. Exclusive options give `settings.exclusive_options`
 * naming both options; when `saving`, options that contradict the source of truth give
 * `settings.direction_conflict` (a file written by an older version still loads, and
 * the run refuses it with the same sentence), and a plain http:// API or localtunnel URL off
 * this machine gives `settings.insecure_url` (an older file still loads; its calls are refused);
 * a field that breaks Setup's rules (`fieldProblems`) or any other problem gives `settings.invalid`
 * naming the fields.
 */
export function validateProfile(candidate: unknown, context: string, mode: { saving: boolean } = { saving: true }): ProfileSettings {
  const options = (candidate as { options?: Record<string, unknown> } | null)?.options;
  const flags =
    options && typeof options === 'object'
      ? (Object.fromEntries(Object.entries(options).map(([key, value]) => [key, value === true])) as OptionFlags)
      : null;
  if (flags) {
    const conflicts = findOptionConflicts(flags);
    if (conflicts.length > 0) {
      throw new AppError('settings.exclusive_options', `${context}: ${conflicts.map((c) => c.message).join(' ')} Nothing was saved.`);
    }
  }
  const parsed = profileSettingsSchema.safeParse(candidate, { error: plainErrorMap });
  if (!parsed.success) {
    throw new AppError('settings.invalid', `${context}: ${issuesSentence(parsed.error.issues)} Nothing was saved.`);
  }
  if (mode.saving) {
    const insecure = parsed.data.kind === 'client' ? insecureUrlProblems(parsed.data) : [];
    if (insecure.length > 0) throw new AppError('settings.insecure_url', `${context}: ${insecure.join(' ')} Nothing was saved.`);
    const invalid = parsed.data.kind === 'client' ? fieldProblems(parsed.data) : [];
    if (invalid.length > 0) throw new AppError('settings.invalid', `${context}: ${invalid.join(' ')} Nothing was saved.`);
    const contradictions = findDirectionConflicts(parsed.data.sourceOfTruth, parsed.data.options);
    if (contradictions.length > 0) {
      throw new AppError('settings.direction_conflict', `${context}: ${contradictions.map((c) => c.message).join(' ')} Nothing was saved.`);
    }
  }
  return parsed.data;
}
