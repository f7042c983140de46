import { EmptyState } from '../components/EmptyState.tsx';
import { useRouteStore } from '../stores/useRouteStore.ts';

/** Runs: a teaching empty state until the sync engine records runs. */
export function RunsPage() {
  const navigate = useRouteStore((s) => s.navigate);
  return (
    <div className="page">
      <EmptyState title="No runs yet">
        <p>
          Each sync run will be listed here — when, trigger, direction, status, and how many requisitions were created, updated, closed or
          failed — with every record’s before → after diff and an export to CSV or JSON.
        </p>
        <p>
          Runs start from <strong>Sync now</strong> in the top bar or from Run Daily, both arriving with the sync engine. Until then, finish the
          Setup and choose the Options; try it on the Sandbox profile first.
        </p>
        <button type="button" className="button" onClick={() => navigate('setup')}>Go to Setup</button>
      </EmptyState>
    </div>
  );
}
