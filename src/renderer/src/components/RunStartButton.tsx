import type { ReactNode } from 'react';
import { useId } from 'react';
import { RUN_IN_PROGRESS_REASON, useRunInProgress } from '../lib/use-run-in-progress.ts';

/** Props of a button that starts a run of a profile. */
export interface RunStartButtonProps {
  /** The profile the run would be for; null disables the button. */
  profileId: string | null;
  className: string;
  onClick: () => void;
  children: ReactNode;
  /** Disabled for another reason (e.g. the button's own call is under way). */
  disabled?: boolean;
  /** The button's tooltip when it is enabled. */
  title?: string;
  /** Show the reason as text beside the button while a run is going (always given to assistive tech). */
  showReason?: boolean;
  /** Why this run is not available for the profile at all (e.g. Reconcile on a Lever-truth profile); null when it is. */
  unavailable?: string | null;
  /** The short visible form of `unavailable`, shown beside the button (the full sentence stays its description); without it the full sentence shows. */
  unavailableShort?: string;
}

/**
 * A button that starts a run (Sync now, Preview, Reconcile…, a metrics pull): disabled while the profile has a run in
 * progress, with the reason in its tooltip and accessible description, since the core would refuse the second run.
 * A button unavailable for the profile says why in visible text beside it.
 */
export function RunStartButton({
  profileId,
  className,
  onClick,
  children,
  disabled,
  title,
  showReason,
  unavailable,
  unavailableShort,
}: RunStartButtonProps) {
  const busy = useRunInProgress(profileId);
  const reasonId = useId();
  const reason = unavailable ?? (busy ? RUN_IN_PROGRESS_REASON : null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={!profileId || reason !== null || disabled}
        title={reason ?? title}
        aria-describedby={reason ? reasonId : undefined}
        onClick={onClick}
      >
        {children}
      </button>
      {reason && (
        // A button that is off for good says why in visible text; a run in progress says so beside it where `showReason` asks.
        <span
          id={reasonId}
          className={showReason || (unavailable && !unavailableShort) ? 'run-busy-reason' : 'visually-hidden'}
          data-testid={unavailable ? 'run-unavailable-reason' : 'run-busy-reason'}
        >
          {reason}
        </span>
      )}
      {unavailable && unavailableShort && (
        <span className="run-busy-reason run-unavailable-short" aria-hidden="true" data-testid="run-unavailable-short">
          {unavailableShort}
        </span>
      )}
    </>
  );
}
