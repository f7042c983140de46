import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { bySeverity, cancelledChecks, doctorProgressDetail, doctorSummary } from '../../lib/doctor-summary.ts';
import { useDoctorStore } from '../../stores/useDoctorStore.ts';
import { DoctorCheckRow } from './DoctorCheckRow.tsx';
import { plural } from '../../lib/wording.ts';
import { Ago, Took } from '../../components/Moment.tsx';

/**
 * Step 3: run the connection doctor — check K of N with an ETA, and Cancel — and show its report,
 * green / amber / red / grey rows each with its fix.
 */
export function StepCheckConnection({ profileId }: { profileId: string }) {
  const report = useDoctorStore((s) => s.reports[profileId]);
  const running = useDoctorStore((s) => s.running[profileId] === true);
  const progress = useDoctorStore((s) => s.progress[profileId] ?? null);
  const cancelling = useDoctorStore((s) => s.cancelling[profileId] === true);
  const notChecked = report ? cancelledChecks(report) : 0;
  const error = useDoctorStore((s) => s.errors[profileId] ?? null);
  const run = useDoctorStore((s) => s.run);

  return (
    <>
      <p>
        ReqBridge calls Lever and ChartHop with the keys above, without changing any data: key accepted, each write permission the guide
        asks for, org found, managers and recruiters matched by email, teams and departments consistent, options valid.
      </p>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={running} onClick={() => void run(profileId)}>
          {running ? 'Checking…' : report ? 'Check again' : 'Check connection'}
        </button>
        {report && !running && (
          <span className="form-state">
            {report.cancelled ? 'Cancelled' : 'Checked'} <Ago iso={report.finishedAt} />, took{' '}
            <Took startedAt={report.startedAt} finishedAt={report.finishedAt} />
          </span>
        )}
      </div>
      {running && (
        <ProgressBar
          label="Checking Lever and ChartHop"
          value={progress?.done ?? 0}
          max={progress?.total ?? 0}
          detail={progress ? doctorProgressDetail(progress) : 'This takes a few seconds; nothing is changed.'}
          onCancel={() => void useDoctorStore.getState().cancel(profileId)}
          cancelling={cancelling}
        />
      )}
      <ErrorNote error={error} />
      {report && (
        <section className="doctor-report" aria-labelledby="doctor-summary" data-testid="doctor-report">
          <p
            id="doctor-summary"
            className={`doctor-summary ${report.counts.fail > 0 ? 'text-danger' : report.counts.warn > 0 ? 'text-warn' : 'text-ok'}`}
            role="status"
          >
            {report.counts.fail > 0
              ? 'Fix the failed checks before syncing: '
              : report.cancelled
                ? `Cancelled — ${plural(notChecked, 'check was', 'checks were')} not run; press Check again for the full report: `
                : report.counts.warn > 0
                  ? 'Ready to sync, with warnings to review: '
                  : 'All set: '}
            {doctorSummary(report)}
          </p>
          <ul className="checks">
            {bySeverity(report.checks).map((check) => (
              <DoctorCheckRow key={check.id} profileId={profileId} check={check} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
