/**
 * Which direction a run of a profile goes, and the profiles that may not run
 * at all: the option exclusivity rules of the vendor guide
 * (`findOptionConflicts`), options that contradict the source of truth
 * (`findDirectionConflicts`: saving refuses them, but an older settings file
 * may hold one), and Reconcile (ChartHop as truth) on a Lever-truth profile.
 */
import { directionOf, findDirectionConflicts, findOptionConflicts } from '../../../shared/settings/options.ts';
import type { SyncDirection } from '../../../shared/api/sync-views.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { AppError } from '../errors.ts';

/** The direction of a run: `requested` when the profile allows it, else the profile's own. */
export function runDirection(profile: ProfileSettings, requested?: SyncDirection): SyncDirection {
  const conflicts = findOptionConflicts(profile.options);
  if (conflicts.length > 0) {
    throw new AppError(
      'sync.invalid_profile',
      `The profile "${profile.name}" cannot run: ${conflicts.map((c) => c.message).join(' ')} Fix it under Options.`,
    );
  }
  const contradictions = findDirectionConflicts(profile.sourceOfTruth, profile.options);
  if (contradictions.length > 0) {
    throw new AppError(
      'sync.invalid_profile',
      `The profile "${profile.name}" cannot run: ${contradictions.map((c) => c.message).join(' ')} Fix it under Options.`,
    );
  }
  const own = directionOf(profile.sourceOfTruth);
  if (requested === 'reconcile' && own === 'inbound') {
    throw new AppError(
      'sync.reconcile_not_allowed',
      `Reconcile treats ChartHop as the source of truth, and the profile "${profile.name}" has Lever as its source of truth, so it cannot reconcile. Use Sync now instead.`,
    );
  }
  if (requested && requested !== 'reconcile' && requested !== own) {
    throw new AppError(
      'sync.wrong_direction',
      `The profile "${profile.name}" syncs ${own} (source of truth: ${profile.sourceOfTruth === 'charthop' ? 'ChartHop' : 'Lever'}); an ${requested} run is not allowed. Change the source of truth under Options first.`,
    );
  }
  return requested ?? own;
}
