import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useScheduleStore } from '../../stores/useScheduleStore.ts';
import { Ago, DayTime } from '../../components/Moment.tsx';

/** Home's header: whether the schedules run on this computer, the very next run, and Pause / Resume schedules. */
export function SchedulesBar() {
  const status = useScheduleStore((s) => s.status);
  const saving = useScheduleStore((s) => s.saving);
  const saveError = useScheduleStore((s) => s.saveError);
  if (!status) return null;

  const next = [...status.nextRuns].sort((a, b) => a.at.localeCompare(b.at))[0];
  let text;
  if (status.paused) {
    text = (
      <>
        <strong>Schedules paused.</strong> No daily run and no Sync On Change for any profile until you resume. Sync now and Reconcile…
        still work.
      </>
    );
  } else if (!status.active) {
    text = (
      <>
        <strong>Schedules run in the desktop app.</strong> Daily runs and Sync On Change happen while ReqBridge runs there.
      </>
    );
  } else if (!next) {
    text = (
      <>
        <strong>Schedules on.</strong> No profile has Run Daily on: turn it on in Options to run every morning.
      </>
    );
  } else {
    text = (
      <>
        <strong>Schedules on.</strong> Next daily run: {next.profileName}, <DayTime iso={next.at} /> (<Ago iso={next.at} />
        ).
      </>
    );
  }

  return (
    <section
      className={status.paused ? 'schedules-bar schedules-paused' : 'schedules-bar'}
      aria-label="Schedules"
      data-testid="schedules-bar"
      data-paused={status.paused}
    >
      <p className="schedules-text">{text}</p>
      <button
        type="button"
        className={status.paused ? 'button button-primary' : 'button'}
        disabled={saving}
        onClick={() => void useScheduleStore.getState().setPaused(!status.paused)}
      >
        {saving ? (status.paused ? 'Resuming…' : 'Pausing…') : status.paused ? 'Resume schedules' : 'Pause schedules'}
      </button>
      {saveError && (
        <div className="schedules-error">
          <ErrorNote error={saveError} />
        </div>
      )}
    </section>
  );
}
