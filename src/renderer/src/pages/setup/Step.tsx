import type { ReactNode } from 'react';
import type { StepState } from '../../components/StepStatus.tsx';
import { StepStatus } from '../../components/StepStatus.tsx';

/** Props of one step of the Setup stepper. */
export interface StepProps {
  number: number;
  title: string;
  state: StepState;
  stateLabel?: string;
  children: ReactNode;
}

/** One step of the vertical stepper: number, title, status chip and its content. */
export function Step({ number, title, state, stateLabel, children }: StepProps) {
  const id = `step-${number}`;
  return (
    <li className={`step step-${state}`} aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="step-marker" aria-hidden="true">
        {state === 'done' ? '✓' : number}
      </div>
      <section className="step-card">
        <header className="step-header">
          <h2 id={`${id}-title`} className="step-title">
            <span className="visually-hidden">Step {number}: </span>
            {title}
          </h2>
          <StepStatus state={state} label={stateLabel} />
        </header>
        <div className="step-body">{children}</div>
      </section>
    </li>
  );
}
