/**
 * `reqbridge hires catch-up --profile NAME [--json]` (poll Lever for hires the webhook missed and
 * process them; exit 1 when one failed), `reqbridge hires list [--profile NAME] [--json]` and
 * `reqbridge hires replay ID --profile NAME [--json]`, through the contract.
 */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { CatchUpResult, HireDecision, HireView } from '../../../shared/api/hires-views.ts';
import { AppError } from '../../core/errors.ts';
import type { CliOutput } from '../output.ts';
import { table } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import { findProfile } from './profile.ts';

/** Arguments of a hires command. */
export interface HiresCommandArgs {
  action: string | undefined;
  rest: string[];
  profile: string | undefined;
  json: boolean;
}

const USAGE =
  'Usage: reqbridge hires catch-up --profile NAME [--json] | list [--profile NAME] [--json] | replay ID --profile NAME [--json]';

const WORDS: Record<HireDecision, string> = {
  created: 'created',
  job_missing: 'job missing',
  person_exists: 'person exists',
  not_first_hire: 'not the first hire',
  no_email: 'no email',
  not_hired: 'not hired',
  needs_attention: 'needs attention',
  pending: 'waiting',
  failed: 'failed',
};

/** "created 2, job missing 1" */
export function decisionSummary(decisions: Partial<Record<HireDecision, number>>): string {
  const parts = Object.entries(decisions)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([d, n]) => `${WORDS[d as HireDecision]} ${n}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function hiresTable(views: HireView[]): string {
  return table([
    ['#', 'RECEIVED', 'SOURCE', 'CANDIDATE', 'JOB', 'DECISION', 'REASON'],
    ...views.map((v) => [
      v.id,
      v.receivedAt.slice(0, 16).replace('T', ' '),
      v.source,
      clip(v.candidateName ?? v.opportunityId, 28),
      clip(v.jobTitle ?? v.jobId ?? '', 28),
      WORDS[v.decision],
      clip(v.reason, 90),
    ]),
  ]);
}

async function profileId(api: BridgeApi, args: HiresCommandArgs, required: boolean): Promise<string> {
  if (args.profile) return (await findProfile(api, args.profile)).id;
  if (required) throw new AppError('cli.usage', `Name the profile with --profile NAME.\n${USAGE}`);
  return unwrap(await api.invoke('profiles:list', {})).selectedId;
}

/** Run a hires command; returns the exit code. */
export async function runHiresCommand(api: BridgeApi, args: HiresCommandArgs, out: CliOutput): Promise<number> {
  switch (args.action) {
    case 'catch-up': {
      const id = await profileId(api, args, true);
      const result: CatchUpResult = unwrap(await api.invoke('hires:catch-up', { profileId: id }));
      if (args.json) out.json(result);
      else
        out.line(
          `Lever shows ${result.found} hire${result.found === 1 ? '' : 's'} since the last check; processed ${result.processed}: ${decisionSummary(result.decisions)}.`,
        );
      return (result.decisions.failed ?? 0) > 0 ? 1 : 0;
    }
    case 'list': {
      const id = await profileId(api, args, false);
      const views = unwrap(await api.invoke('hires:list', { profileId: id, limit: 200 }));
      if (args.json) return (out.json(views), 0);
      out.line(views.length === 0 ? 'No hires yet: nothing was delivered or caught up for this profile.' : hiresTable(views));
      return 0;
    }
    case 'replay': {
      const hireId = args.rest[0];
      if (!hireId) throw new AppError('cli.usage', USAGE);
      const id = await profileId(api, args, true);
      const view = unwrap(await api.invoke('hires:replay', { profileId: id, hireId }));
      if (args.json) return (out.json(view), 0);
      out.line(`#${view.id} ${WORDS[view.decision]}: ${view.reason}`);
      return view.decision === 'failed' ? 1 : 0;
    }
    default:
      throw new AppError('cli.usage', USAGE);
  }
}
