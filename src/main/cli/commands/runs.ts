/**
 * `reqbridge runs [RUN_ID] [--profile NAME] [--json] [--export csv|json] [--out FILE]`: the run
 * history (narrowed by `--kind`, `--trigger`, `--status`, `--search`), one run with its items, or a run exported as CSV or JSON.
 */
import { writePrivateFile } from '../../core/files/private-files.ts';
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { RunSummary } from '../../../shared/api/sync-views.ts';
import { AppError } from '../../core/errors.ts';
import type { CliOutput } from '../output.ts';
import { table } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import type { SyncCommandArgs } from './plan.ts';
import { countsText, profileIdOf } from './plan.ts';
import type { RunsFilterArgs } from './runs-filter.ts';
import { runsFilterOf } from './runs-filter.ts';

/** Arguments of `reqbridge runs`. */
export interface RunsCommandArgs extends SyncCommandArgs, RunsFilterArgs {
  runId: string | undefined;
  export: string | undefined;
  out: string | undefined;
}

function duration(run: RunSummary): string {
  if (!run.finishedAt) return '';
  const s = Math.max(0, Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000));
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Runs `reqbridge runs`. */
export async function runRunsCommand(api: BridgeApi, args: RunsCommandArgs, out: CliOutput): Promise<number> {
  const profileId = await profileIdOf(api, args.profile);
  if (args.runId === undefined) {
    if (args.export) throw new AppError('cli.usage', 'Name the run to export: reqbridge runs RUN_ID --export csv|json [--out FILE]');
    const filter = runsFilterOf(args);
    const runs = unwrap(await api.invoke('runs:list', { profileId, limit: 50, ...(filter ? { filter } : {}) }));
    if (args.json) return (out.json(runs), 0);
    if (runs.length === 0 && filter) return (out.line('No run matches these filters.'), 0);
    if (runs.length === 0) return (out.line('No runs yet: run reqbridge sync, or reqbridge reconcile --apply.'), 0);
    out.line(
      table([
        ['ID', 'STARTED', 'TRIGGER', 'DIRECTION', 'STATUS', 'DURATION', 'RESULT'],
        ...runs.map((r) => [
          String(r.id),
          r.startedAt.replace('T', ' ').slice(0, 19),
          r.trigger,
          r.kind === 'undo' ? `undo of #${r.undoes ?? '?'}` : r.direction,
          r.status,
          duration(r),
          countsText(r.counts),
        ]),
      ]),
    );
    return 0;
  }
  if (runsFilterOf(args))
    throw new AppError('cli.usage', '--kind, --trigger, --status and --search filter the list: leave out the run number.');
  const runId = Number(args.runId);
  if (!Number.isInteger(runId) || runId <= 0)
    throw new AppError('cli.usage', `"${args.runId}" is not a run number. See the list with: reqbridge runs`);
  if (args.export) {
    if (args.export !== 'csv' && args.export !== 'json')
      throw new AppError('cli.usage', 'Export as csv or json: reqbridge runs RUN_ID --export csv|json [--out FILE]');
    const file = unwrap(await api.invoke('runs:export', { profileId, runId, format: args.export }));
    if (args.out) {
      // Run exports hold candidate names: private to the user, like the data folder.
      writePrivateFile(args.out, file.content);
      out.line(`Exported run #${runId} to ${args.out}.`);
    } else {
      out.line(file.content.trimEnd());
    }
    return 0;
  }
  const run = unwrap(await api.invoke('runs:get', { profileId, runId }));
  if (args.json) return (out.json(run), 0);
  out.line(
    `Run #${run.id} (${run.trigger}, ${run.direction}) ${run.status}, started ${run.startedAt}${run.finishedAt ? `, ${duration(run)}` : ''}: ${countsText(run.counts)}.`,
  );
  if (run.error) out.line(run.error);
  if (run.items.length > 0) {
    out.line();
    out.line(
      table([
        ['OUTCOME', 'ACTION', 'RECORD', 'TITLE', 'REASON', 'ERROR'],
        ...run.items.map((i) => [i.outcome, i.action, i.recordKey, i.title.slice(0, 32), i.reason, (i.error ?? '').slice(0, 80)]),
      ]),
    );
    const warned = run.items.filter((i) => (i.warnings ?? []).length > 0);
    if (warned.length > 0) {
      out.line();
      out.line('Warnings (written all the same):');
      for (const i of warned) for (const w of i.warnings ?? []) out.line(`  ${i.recordKey}: ${w}`);
    }
  }
  return 0;
}
