/** Turns zod's findings about a profile into one sentence a consultant can act on. */
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { profileSettingsSchema } from '../../../shared/settings/schema.ts';
import { findDirectionConflicts, findOptionConflicts } from '../../../shared/settings/options.ts';
import type { OptionFlags } from '../../../shared/settings/options.ts';
import { insecureUrlProblem } from '../../../shared/settings/url-policy.ts';

/** Sentences for every URL of a profile that would carry keys or deliveries in clear. */
export function insecureUrlProblems(profile: ProfileSettings): string[] {
  const problems = [
    profile.lever.environment === 'custom' ? insecureUrlProblem(profile.lever.baseUrl, 'The Lever API URL') : null,
    insecureUrlProblem(profile.charthop.baseUrl, 'The ChartHop API URL'),
    profile.webhook.localtunnelHost ? insecureUrlProblem(profile.webhook.localtunnelHost, 'The localtunnel server') : null,
  ];
  return problems.filter((p): p is string => p !== null);
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join(' ');
}

/**
 * Validate a complete profile. Exclusive options give `settings.exclusive_options`
 * naming both options; when `saving`, options that contradict the source of truth give
 * `settings.direction_conflict` (a file written by an older version still loads, and
 * the run refuses it with the same sentence), and a plain http:// API or localtunnel URL off
 * this machine gives `settings.insecure_url` (an older file still loads; its calls are refused);
 * any other problem gives `settings.invalid`
 * naming the fields.
 */
export function validateProfile(candidate: unknown, context: string, mode: { saving: boolean } = { saving: true }): ProfileSettings {
  const options = (candidate as { options?: Record<string, unknown> } | null)?.options;
  const flags = options && typeof options === 'object' ? (Object.fromEntries(Object.entries(options).map(([key, value]) => [key, value === true])) as OptionFlags) : null;
  if (flags) {
    const conflicts = findOptionConflicts(flags);
    if (conflicts.length > 0) {
      throw new AppError('settings.exclusive_options', `${context}: ${conflicts.map((c) => c.message).join(' ')} Nothing was saved.`);
    }
  }
  const parsed = profileSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new AppError('settings.invalid', `${context}: ${describeIssues(parsed.error.issues)} Nothing was saved.`);
  }
  if (mode.saving) {
    const insecure = parsed.data.kind === 'client' ? insecureUrlProblems(parsed.data) : [];
    if (insecure.length > 0) throw new AppError('settings.insecure_url', `${context}: ${insecure.join(' ')} Nothing was saved.`);
    const contradictions = findDirectionConflicts(parsed.data.sourceOfTruth, parsed.data.options);
    if (contradictions.length > 0) {
      throw new AppError('settings.direction_conflict', `${context}: ${contradictions.map((c) => c.message).join(' ')} Nothing was saved.`);
    }
  }
  return parsed.data;
}
