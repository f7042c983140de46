/**
 * `reqbridge reconcile [--apply] [--confirm] [--profile NAME] [--json]`: the Reconcile plan
 * (ChartHop as truth); with --apply, every row of it is applied and the run is printed.
 */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { CliOutput } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import type { SyncCommandArgs } from './plan.ts';
import { exitCodeOf, printPlan, printRun, profileIdOf } from './plan.ts';
import { followProgress } from './sync.ts';

/** Runs `reqbridge reconcile`; with --apply, exit 1 unless the run succeeded. */
export async function runReconcileCommand(
  api: BridgeApi,
  args: SyncCommandArgs & { apply: boolean; confirm: boolean },
  out: CliOutput,
): Promise<number> {
  const profileId = await profileIdOf(api, args.profile);
  const plan = unwrap(await api.invoke('sync:plan', { profileId, mode: 'reconcile' }));
  if (!args.apply) {
    if (args.json) out.json(plan);
    else {
      printPlan(out, plan);
      if (plan.rows.length > 0) out.line('\nApply it with: reqbridge reconcile --apply');
    }
    return 0;
  }
  if (!args.json) printPlan(out, plan);
  const stop = followProgress(api, out, args.json);
  try {
    const run = unwrap(
      await api.invoke('sync:apply', {
        profileId,
        planId: plan.planId,
        rowIds: plan.rows.map((r) => r.id),
        confirmLargeChange: args.confirm,
      }),
    );
    if (args.json) out.json({ plan, run });
    else {
      out.line();
      printRun(out, run);
    }
    return exitCodeOf(run);
  } finally {
    stop();
  }
}
