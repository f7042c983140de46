import { useEffect } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { usePreferencesStore } from '../../stores/usePreferencesStore.ts';
import { useScheduleStore } from '../../stores/useScheduleStore.ts';
import { AppUpdates } from './AppUpdates.tsx';
import { Ago, DayTime } from '../../components/Moment.tsx';

/** Which profiles this computer runs daily, in the order they come. */
function ScheduledHere() {
  const status = useScheduleStore((s) => s.status);
  if (!status) return null;
  const next = [...status.nextRuns].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div className="computer-schedules" data-testid="scheduled-here">
      <h3 className="card-section-title">Scheduled on this computer</h3>
      {status.paused ? (
        <p>
          <span className="text-warn">Schedules paused.</span> Resume them on Home (or from the tray) to run the daily runs again.
        </p>
      ) : next.length === 0 ? (
        <p className="text-muted">No profile has Run Daily on. Turn it on in a profile’s Options to run it every morning.</p>
      ) : (
        <ul className="computer-next-runs">
          {next.map((run) => (
            <li key={run.profileId}>
              <strong>{run.profileName}</strong> — next daily run <DayTime iso={run.at} /> (<Ago iso={run.at} />)
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The Profiles page's "This computer": Start ReqBridge at login, which profiles run daily here, and Check for updates. */
export function ThisComputer() {
  const preferences = usePreferencesStore((s) => s.preferences);
  const host = usePreferencesStore((s) => s.host);
  const loadError = usePreferencesStore((s) => s.loadError);
  const saving = usePreferencesStore((s) => s.saving);
  const saveError = usePreferencesStore((s) => s.saveError);

  useEffect(() => {
    void usePreferencesStore.getState().load();
  }, []);

  return (
    <section className="card computer-card" aria-labelledby="computer-title" data-testid="this-computer">
      <h2 id="computer-title" className="section-title">
        This computer
      </h2>
      <p className="section-hint">Settings of this computer, shared by every profile.</p>
      <ErrorNote error={loadError} />
      <div className="switch-row">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          id="start-at-login"
          checked={preferences?.startAtLogin ?? false}
          disabled={!preferences || saving}
          aria-describedby="start-at-login-text"
          onChange={(event) => void usePreferencesStore.getState().setStartAtLogin(event.target.checked)}
        />
        <div className="switch-body">
          <label htmlFor="start-at-login" className="switch-label">
            Start ReqBridge at login
          </label>
          <p className="switch-text" id="start-at-login-text">
            Applies to the desktop app: it starts when you log in to this computer and keeps running in the tray when you close its window,
            so the daily runs happen without you remembering to open it.
            {host === 'browser' &&
              ' You are in the browser version: the setting is saved here and the desktop app applies it when it next starts.'}
          </p>
          {saving && (
            <p className="form-state" role="status">
              Saving…
            </p>
          )}
        </div>
      </div>
      <ErrorNote error={saveError} />
      <ScheduledHere />
      <AppUpdates />
    </section>
  );
}
