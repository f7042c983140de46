/** `reqbridge sync [--profile NAME] [--json] [--confirm]`: plan and apply the profile's direction (Sync now). */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { RunProgress } from '../../../shared/api/sync-views.ts';
import type { CliOutput } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import type { SyncCommandArgs } from './plan.ts';
import { exitCodeOf, printRun, profileIdOf } from './plan.ts';

const PHASES: Record<RunProgress['phase'], string> = {
  reading: 'Reading ChartHop and Lever…',
  planning: 'Planning…',
  applying: 'Applying',
  finishing: 'Finishing…',
};

/** Prints each phase once (human output only): a long run shows it is alive. */
export function followProgress(api: BridgeApi, out: CliOutput, json: boolean): () => void {
  if (json) return () => undefined;
  let last: string | null = null;
  return api.on('run:progress', (p) => {
    if (p.phase === last) return;
    last = p.phase;
    out.line(p.phase === 'applying' ? `${PHASES.applying} ${p.total} record${p.total === 1 ? '' : 's'}…` : PHASES[p.phase]);
  });
}

/** Runs `reqbridge sync`; exit 1 unless the run succeeded. */
export async function runSyncCommand(api: BridgeApi, args: SyncCommandArgs & { confirm: boolean }, out: CliOutput): Promise<number> {
  const profileId = await profileIdOf(api, args.profile);
  const stop = followProgress(api, out, args.json);
  try {
    const run = unwrap(await api.invoke('sync:run', { profileId, confirmLargeChange: args.confirm }));
    if (args.json) out.json(run);
    else printRun(out, run);
    return exitCodeOf(run);
  } finally {
    stop();
  }
}
