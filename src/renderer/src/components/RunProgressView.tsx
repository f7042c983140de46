import type { RunProgress } from '../../../shared/api/sync-views.ts';
import { PHASE_LABELS, progressDetail } from '../lib/run-format.ts';
import { ProgressBar } from './ProgressBar.tsx';

/** Props of a run's progress. */
export interface RunProgressViewProps {
  /** The last `run:progress` of the run, or null before the first one arrives. */
  progress: RunProgress | null;
  /** What to say before the first progress event. */
  startingLabel: string;
  onCancel?: () => void;
  cancelling?: boolean;
  compact?: boolean;
}

/** A run's phase, records done / total and ETA as a progress bar, with Cancel. */
export function RunProgressView({ progress, startingLabel, onCancel, cancelling, compact }: RunProgressViewProps) {
  const common = { ...(onCancel ? { onCancel } : {}), cancelling: cancelling ?? false, compact: compact ?? false };
  if (!progress) return <ProgressBar label={startingLabel} {...common} />;
  return (
    <ProgressBar
      label={PHASE_LABELS[progress.phase]}
      value={progress.done}
      max={progress.total}
      detail={progressDetail(progress, 'records')}
      {...common}
    />
  );
}
