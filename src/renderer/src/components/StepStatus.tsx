/** The state of a setup step or a checklist item. */
export type StepState = 'done' | 'attention' | 'later';

const TEXT: Record<StepState, string> = { done: 'Done', attention: 'Needs attention', later: 'Arrives later' };

/** A chip saying whether a step is done, needs attention, or arrives in a later release. */
export function StepStatus({ state, label }: { state: StepState; label?: string }) {
  return <span className={`chip chip-${state}`}>{label ?? TEXT[state]}</span>;
}
