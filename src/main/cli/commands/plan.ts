/**
 * `reqbridge plan [--profile NAME] [--json]`: the plan of the profile's direction, written to
 * nothing. Also the plan and run printers the sync, reconcile and runs commands share.
 */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { PlanRowView, PlanView, RunCounts, RunSummary } from '../../../shared/api/sync-views.ts';
import { PLAN_ACTIONS } from '../../../shared/api/sync-views.ts';
import type { CliOutput } from '../output.ts';
import { table } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import { errorDetailsLine } from '../error-details-line.ts';
import { findProfile } from './profile.ts';

/** Options every sync command takes. */
export interface SyncCommandArgs {
  profile: string | undefined;
  json: boolean;
}

/** The named profile, or the selected one. */
export async function profileIdOf(api: BridgeApi, name: string | undefined): Promise<string> {
  return name ? (await findProfile(api, name)).id : unwrap(await api.invoke('profiles:list', {})).selectedId;
}

const ROW_LIMIT = 200;
const cut = (text: string | null, width: number): string => {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length > width ? `${t.slice(0, width - 1)}…` : t;
};
const pct = (share: number): string => `${Math.round(share * 1000) / 10}%`;

function changes(row: PlanRowView): string {
  return row.diff.map((d) => `${d.label}: ${d.before ?? '∅'} → ${d.after ?? '∅'}`).join('; ');
}

/** Prints a plan: counts, safety, a compact table of rows and the unmapped values. */
export function printPlan(out: CliOutput, plan: PlanView): void {
  out.line(`Plan ${plan.planId} for profile ${plan.profileId} (${plan.direction}), computed ${plan.createdAt}`);
  out.line(PLAN_ACTIONS.map((a) => `${a.replace('_', ' ')} ${plan.counts[a]}`).join(' · '));
  const s = plan.safety;
  out.line(
    `Closes and deletes: ${s.closesOrDeletes} of ${s.linked} linked (${pct(s.share)}; limit ${pct(s.limit)})${s.needsConfirmation ? ' — needs confirmation to apply' : ''}`,
  );
  if (plan.rows.length === 0) {
    out.line('Nothing to do: both systems agree.');
  } else {
    const order = new Map(PLAN_ACTIONS.map((a, i) => [a, i]));
    const rows = [...plan.rows].sort((a, b) => (order.get(a.action) ?? 0) - (order.get(b.action) ?? 0));
    out.line();
    out.line(
      table([
        ['ACTION', 'CODE', 'TITLE', 'REASON', 'CHANGES'],
        ...rows.slice(0, ROW_LIMIT).map((r) => [r.action, r.requisitionCode ?? '', cut(r.title, 32), r.reason, cut(changes(r), 70)]),
      ]),
    );
    if (rows.length > ROW_LIMIT) out.line(`… and ${rows.length - ROW_LIMIT} more rows (see them all with --json).`);
  }
  if (plan.unmapped.length > 0) {
    out.line();
    out.line(`Unmapped values (add them under Mappings): ${plan.unmapped.map((u) => `${u.kind} "${u.value}" (${u.records})`).join(', ')}`);
  }
}

/** "3 created, 1 updated" — the non-zero counts of a run. */
export function countsText(counts: RunCounts): string {
  const parts = (Object.entries(counts) as [keyof RunCounts, number][]).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

/** Prints how a run ended. */
export function printRun(out: CliOutput, run: RunSummary): void {
  const undo = run.kind === 'undo' ? `, undo of run #${run.undoes ?? '?'}` : '';
  out.line(`Run #${run.id} (${run.trigger}, ${run.direction}${undo}) ${run.status}: ${countsText(run.counts)}.`);
  if (run.error) out.line(run.error);
  const details = errorDetailsLine(run.errorDetails);
  if (details) out.line(details);
  if (run.status === 'needs_confirmation') out.line('Run again with --confirm to apply it anyway.');
}

/** 0 for a run that succeeded, 1 for anything else (failed, partial, cancelled, needs confirmation). */
export function exitCodeOf(run: RunSummary): number {
  return run.status === 'succeeded' ? 0 : 1;
}

/** Runs `reqbridge plan`. */
export async function runPlanCommand(api: BridgeApi, args: SyncCommandArgs, out: CliOutput): Promise<number> {
  const profileId = await profileIdOf(api, args.profile);
  const plan = unwrap(await api.invoke('sync:plan', { profileId, mode: 'sync' }));
  if (args.json) out.json(plan);
  else printPlan(out, plan);
  return 0;
}
