/**
 * `reqbridge undo RUN_ID [--profile NAME] [--apply] [--json]`: the plan that reverses a run.
 * Without --apply it prints the plan and writes nothing; with --apply every row of it is applied
 * and the undo run is printed. The people a run created are listed with their ChartHop address:
 * hires are never undone automatically.
 */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { PlanView } from '../../../shared/api/sync-views.ts';
import { AppError } from '../../core/errors.ts';
import type { CliOutput } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import type { SyncCommandArgs } from './plan.ts';
import { exitCodeOf, printPlan, printRun, profileIdOf } from './plan.ts';
import { followProgress } from './sync.ts';

/** Arguments of `reqbridge undo`. */
export interface UndoCommandArgs extends SyncCommandArgs {
  runId: string | undefined;
  apply: boolean;
}

function printUndoPlan(out: CliOutput, plan: PlanView): void {
  out.line(`Undo of run #${plan.undoes ?? '?'}`);
  if (plan.notice) out.line(plan.notice);
  printPlan(out, plan);
  const attention = plan.rows.filter(
    (r) => r.action === 'needs_attention' || r.reason === 'not_undoable' || r.reason === 'hire_not_undone',
  );
  if (attention.length > 0) {
    out.line();
    out.line('Not undone automatically:');
    for (const row of attention) out.line(`- ${row.requisitionCode ?? row.title}: ${row.reasonText}${row.link ? ` ${row.link.url}` : ''}`);
  }
}

/** Runs `reqbridge undo`; with --apply, exit 1 unless the undo run succeeded. */
export async function runUndoCommand(api: BridgeApi, args: UndoCommandArgs, out: CliOutput): Promise<number> {
  const runId = Number(args.runId);
  if (!args.runId || !Number.isInteger(runId) || runId <= 0) {
    throw new AppError(
      'cli.usage',
      'Name the run to undo: reqbridge undo RUN_ID [--profile NAME] [--apply] (the ids are in reqbridge runs).',
    );
  }
  const profileId = await profileIdOf(api, args.profile);
  const plan = unwrap(await api.invoke('runs:undo-plan', { profileId, runId }));
  if (!args.apply) {
    if (args.json) out.json(plan);
    else {
      printUndoPlan(out, plan);
      if (plan.rows.some((r) => r.action !== 'skip' && r.action !== 'needs_attention'))
        out.line(`\nNothing was written. Apply it with: reqbridge undo ${runId} --apply`);
    }
    return 0;
  }
  if (!args.json) printUndoPlan(out, plan);
  const stop = followProgress(api, out, args.json);
  try {
    const run = unwrap(
      await api.invoke('sync:apply', { profileId, planId: plan.planId, rowIds: plan.rows.map((r) => r.id), confirmLargeChange: false }),
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
