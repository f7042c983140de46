/** Props of the progress bar. */
export interface ProgressBarProps {
  /** What is happening, e.g. "Writing changes". */
  label: string;
  /** Done so far; with `max` the bar is determinate, without it it moves without a value. */
  value?: number;
  max?: number;
  /** Counts and ETA, e.g. "12 of 40 records · about 8 s left". */
  detail?: string;
  onCancel?: () => void;
  cancelling?: boolean;
  compact?: boolean;
}

/** Long work as a bar with counts and an ETA, and a Cancel button when it can be stopped. */
export function ProgressBar({ label, value, max, detail, onCancel, cancelling, compact }: ProgressBarProps) {
  const determinate = max !== undefined && max > 0 && value !== undefined;
  return (
    <div className={compact ? 'progress progress-compact' : 'progress'} data-testid="progress">
      <div className="progress-text">
        <span className="progress-label">{label}</span>
        {detail && <span className="progress-detail">{detail}</span>}
      </div>
      <div className="progress-row">
        <progress className="progress-bar" aria-label={label} aria-valuetext={detail} {...(determinate ? { value, max } : {})} />
        {onCancel && (
          <button type="button" className="button button-small" disabled={cancelling} onClick={onCancel}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
    </div>
  );
}
