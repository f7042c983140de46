/** `reqbridge metrics [--profile NAME] [--json]`: pull candidate metrics into ChartHop now. */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { CliOutput } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import { findProfile } from './profile.ts';

/** Pull the metrics of a profile (the selected one when none is named); exit 1 when the run failed. */
export async function runMetricsCommand(
  api: BridgeApi,
  args: { profile: string | undefined; json: boolean },
  out: CliOutput,
): Promise<number> {
  const profileId = args.profile ? (await findProfile(api, args.profile)).id : unwrap(await api.invoke('profiles:list', {})).selectedId;
  const run = unwrap(await api.invoke('metrics:run', { profileId }));
  if (args.json) {
    out.json(run);
  } else {
    out.line(`Candidate metrics run #${run.id}: ${run.status}. ${run.counts.updated} job(s) updated, ${run.counts.skipped} unchanged.`);
    if (run.error) out.line(run.error);
    out.line(`Details: reqbridge runs ${run.id}${args.profile ? ` --profile ${args.profile}` : ''}`);
  }
  return run.status === 'failed' ? 1 : 0;
}
