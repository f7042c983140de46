/**
 * `reqbridge daily [--profile NAME] [--force] [--json]`: the Run Daily work for
 * machines where the app is not running — call it from cron or a systemd timer
 * (hourly is fine): each Run Daily profile runs once per day, at or after its
 * time, never twice and never a backlog.
 */
import type { Core } from '../../core/bootstrap.ts';
import { scheduledJobsFor } from '../../core/background.ts';
import { createScheduleService } from '../../core/schedule/schedule-service.ts';
import { systemSchedulerClock } from '../../core/schedule/timers.ts';
import type { CliOutput } from '../output.ts';

/** Run the due daily work; exit 1 when a step failed (each failure is also in the profile's run log: `reqbridge runs`). */
export async function runDailyCommand(
  core: Core,
  args: { profileId: string | undefined; force: boolean; json: boolean },
  out: CliOutput,
): Promise<number> {
  const deps = core.service.deps;
  const schedule = createScheduleService({
    clock: systemSchedulerClock,
    settings: deps.settings,
    stateDbs: deps.stateDbs,
    logger: deps.logger,
    events: deps.events,
    redactor: deps.redactor,
    jobs: scheduledJobsFor(core),
  });
  const outcomes = await schedule.runDue({ ...(args.profileId ? { only: args.profileId } : {}), force: args.force });
  if (args.json) {
    out.json(outcomes);
  } else if (outcomes.length === 0) {
    out.line('No daily run is due: each Run Daily profile already ran today, or its time has not come. Use --force to run anyway.');
  } else {
    for (const outcome of outcomes) {
      const name = deps.settings.get(outcome.profileId).name;
      out.line(
        `${name}: ${outcome.steps.map((s) => `${s.step} ${s.skipped ? `skipped (${s.skipped})` : s.ok ? 'done' : `failed (${s.error})`}`).join(', ')}`,
      );
    }
  }
  return outcomes.some((o) => o.steps.some((s) => !s.ok)) ? 1 : 0;
}
