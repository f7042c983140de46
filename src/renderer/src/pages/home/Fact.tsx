import type { ReactNode } from 'react';

/** One term and its description in a card's facts (`<dl className="facts">`). */
export function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
