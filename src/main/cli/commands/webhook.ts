/**
 * `reqbridge webhook serve --profile NAME`: the profile's webhook listener and tunnel, headless,
 * until Ctrl+C (deliveries are processed as they arrive). `reqbridge webhook status --profile NAME
 * [--json]` shows the URL to paste into Lever.
 */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { WebhookStatus } from '../../../shared/api/hires-views.ts';
import { AppError } from '../../core/errors.ts';
import type { HiresRuntime } from '../../core/hires/runtime.ts';
import type { CliOutput } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import { findProfile } from './profile.ts';

/** Arguments of a webhook command. */
export interface WebhookCommandArgs {
  action: string | undefined;
  profile: string | undefined;
  json: boolean;
}

const USAGE = 'Usage: reqbridge webhook serve --profile NAME | status --profile NAME [--json]';

/** Resolves on the first SIGINT or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

function describe(status: WebhookStatus): string[] {
  const lines = [`Listening on ${status.localUrl ?? '(not listening)'}`];
  const t = status.tunnel;
  if (t.provider === 'none')
    lines.push('Tunnel: none (Lever cannot reach this computer; choose a tunnel in Setup, or run your own proxy).');
  else lines.push(`Tunnel (${t.provider}): ${t.state}${t.error ? ` — ${t.error}` : ''}`);
  if (status.publicUrl) lines.push(`Paste into Lever (Settings → Integrations and API → Webhooks → Candidate Hire): ${status.publicUrl}`);
  if (!status.signatureTokenSet)
    lines.push("Lever's signature token is not set: deliveries are refused until it is (reqbridge profile / Setup).");
  return lines;
}

/** Run a webhook command; `stop` ends `serve` (default: Ctrl+C). Returns the exit code. */
export async function runWebhookCommand(
  api: BridgeApi,
  hires: HiresRuntime,
  args: WebhookCommandArgs,
  out: CliOutput,
  stop: () => Promise<void> = untilInterrupted,
): Promise<number> {
  if (args.action !== 'serve' && args.action !== 'status') throw new AppError('cli.usage', USAGE);
  if (!args.profile) throw new AppError('cli.usage', `Name the profile with --profile NAME.\n${USAGE}`);
  const profileId = (await findProfile(api, args.profile)).id;
  if (args.action === 'status') {
    const status = unwrap(await api.invoke('webhook:status', { profileId }));
    if (args.json) out.json(status);
    else for (const line of describe(status)) out.line(line);
    return 0;
  }
  const stopped = stop();
  const status = await hires.serve(profileId);
  if (args.json) out.json(status);
  else {
    for (const line of describe(status)) out.line(line);
    out.line('Press Ctrl+C to stop.');
  }
  let lastTunnel = `${status.tunnel.state}|${status.publicUrl ?? ''}`;
  const offStatus = api.on('webhook:changed', (next) => {
    const key = `${next.tunnel.state}|${next.publicUrl ?? ''}`;
    if (next.profileId !== profileId || key === lastTunnel || args.json) return;
    lastTunnel = key;
    out.line(
      `Tunnel (${next.tunnel.provider}): ${next.tunnel.state}${next.publicUrl ? ` at ${next.publicUrl}` : ''}${next.tunnel.error ? ` — ${next.tunnel.error}` : ''}`,
    );
  });
  const offHires = api.on('hire:received', (view) => {
    if (args.json) return;
    out.line(
      `Hire #${view.id} (${view.candidateName ?? view.opportunityId}): ${view.decision}${view.decision === 'pending' ? '' : ` — ${view.reason}`}`,
    );
  });
  try {
    await stopped;
  } finally {
    offStatus();
    offHires();
    await hires.stop();
  }
  if (!args.json) out.line('Stopped.');
  return 0;
}
