/**
 * `reqbridge report [--profile NAME] [--out FILE.html]`: the profile's hand-over report, one
 * self-contained HTML file with no secret in it (default file name: the report's own, here).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BridgeApi } from '../../../shared/api/channels.ts';
import { AppError } from '../../core/errors.ts';
import type { CliOutput } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import type { SyncCommandArgs } from './plan.ts';
import { profileIdOf } from './plan.ts';

/** Runs `reqbridge report`. */
export async function runReportCommand(
  api: BridgeApi,
  args: SyncCommandArgs & { out: string | undefined },
  out: CliOutput,
): Promise<number> {
  const profileId = await profileIdOf(api, args.profile);
  const file = unwrap(await api.invoke('report:create', { profileId }));
  const path = resolve(args.out ?? file.fileName);
  try {
    writeFileSync(path, file.content, 'utf8');
  } catch (error) {
    throw new AppError(
      'report.write_failed',
      `The report could not be written to ${path} (${(error as Error).message}). Pick a folder you can write to with --out.`,
    );
  }
  if (args.json) out.json({ path, fileName: file.fileName });
  else out.line(`Wrote the hand-over report of the profile to ${path}. Open it in a browser; print it or save it as PDF for the client.`);
  return 0;
}
