import type { ScheduleStatus } from '../../../../shared/api/domains/schedule.ts';
import type { ProfileSettings } from '../../../../shared/settings/schema.ts';
import { fullTime } from '../../lib/format.ts';
import { scheduleView } from '../../lib/next-run.ts';
import { Fact } from './Fact.tsx';

/** A card's schedule: Run Daily and its local time, the next run (or "paused"), Sync On Change. */
export function ScheduleFacts({
  settings,
  schedule,
  titleId,
}: {
  settings: ProfileSettings;
  schedule: ScheduleStatus | null;
  titleId: string;
}) {
  const view = scheduleView(settings, schedule);
  return (
    <section className="card-section" aria-labelledby={titleId} data-testid="home-schedule">
      <h3 id={titleId} className="card-section-title">
        Schedule
      </h3>
      <dl className="facts">
        <Fact term="Run Daily" testId="schedule-run-daily">
          {view.runDaily}
        </Fact>
        <Fact term="Next run" testId="schedule-next-run">
          {view.nextAt ? (
            <time className={view.tone === 'warn' ? 'text-warn' : undefined} dateTime={view.nextAt} title={fullTime(view.nextAt)}>
              {view.nextRun}
            </time>
          ) : (
            <span className={view.tone === 'warn' ? 'text-warn' : view.tone === 'off' ? 'text-muted' : undefined}>{view.nextRun}</span>
          )}
        </Fact>
        <Fact term="Sync On Change" testId="schedule-sync-on-change">
          <span data-clock>{view.syncOnChange}</span>
        </Fact>
      </dl>
    </section>
  );
}
