/** Turns zod's findings about a profile into one sentence a consultant can act on. */
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { profileSettingsSchema } from '../../../shared/settings/schema.ts';
import { findOptionConflicts } from '../../../shared/settings/options.ts';

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join(' ');
}

/**
 * Validate a complete profile. Exclusive options give `settings.exclusive_options`
 * naming both options; any other problem gives `settings.invalid` naming the fields.
 */
export function validateProfile(candidate: unknown, context: string): ProfileSettings {
  const options = (candidate as { options?: Record<string, unknown> } | null)?.options;
  if (options && typeof options === 'object') {
    const flags = Object.fromEntries(Object.entries(options).map(([key, value]) => [key, value === true]));
    const conflicts = findOptionConflicts(flags as Parameters<typeof findOptionConflicts>[0]);
    if (conflicts.length > 0) {
      throw new AppError('settings.exclusive_options', `${context}: ${conflicts.map((c) => c.message).join(' ')} Nothing was saved.`);
    }
  }
  const parsed = profileSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new AppError('settings.invalid', `${context}: ${describeIssues(parsed.error.issues)} Nothing was saved.`);
  }
  return parsed.data;
}
