import type { HireDecision } from '../../../shared/api/hires-views.ts';
import { DECISION_LABELS, DECISION_TONES } from '../lib/hire-format.ts';

/** A hire's decision as a coloured chip whose text says it too. */
export function DecisionChip({ decision }: { decision: HireDecision }) {
  return (
    <span className={`pill pill-tone-${DECISION_TONES[decision]}`} data-testid="decision-chip" data-decision={decision}>
      {DECISION_LABELS[decision]}
    </span>
  );
}
