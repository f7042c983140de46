import { EmptyState } from '../components/EmptyState.tsx';

/** Hires: a teaching empty state until the new-hire webhook delivers hires. */
export function HiresPage() {
  return (
    <div className="page">
      <EmptyState title="No hires yet">
        <p>
          When a candidate is marked Hired in Lever, the new-hire webhook brings them here: the candidate, the job, and whether ReqBridge created
          the person and a pending hire in ChartHop — or why not (the job is not in ChartHop, the person already exists, the job already had a hire,
          the candidate has no email).
        </p>
        <p>The webhook (Setup, step 5) and the daily catch-up of missed hires arrive in a later release.</p>
      </EmptyState>
    </div>
  );
}
