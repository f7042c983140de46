/** `reqbridge profile list | create | show | set | export | import | delete`, through the contract. */
import { readFileSync } from 'node:fs';
import { writePrivateFile } from '../../core/files/private-files.ts';
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { ProfileSummary } from '../../../shared/api/views.ts';
import { AppError } from '../../core/errors.ts';
import type { CliOutput } from '../output.ts';
import { table } from '../output.ts';
import { assignmentsToPatch } from '../set-assignments.ts';
import { unwrap } from '../unwrap.ts';
import { changedVendorHosts, hostChangeMessage } from '../../../shared/settings/url-policy.ts';

/** Arguments of a profile command. */
export interface ProfileCommandArgs {
  action: string | undefined;
  rest: string[];
  json: boolean;
  out?: string;
}

const USAGE =
  'Usage: reqbridge profile list | create NAME | show NAME | set NAME key=value… | export NAME [--out FILE] | import FILE [--name NAME] [--allow-hosts HOST,…] | delete NAME';

/** Find a profile by id or (case-insensitive) name. */
export async function findProfile(api: BridgeApi, nameOrId: string | undefined): Promise<ProfileSummary> {
  if (!nameOrId) throw new AppError('cli.usage', USAGE);
  const { profiles } = unwrap(await api.invoke('profiles:list', {}));
  const wanted = nameOrId.toLowerCase();
  const found = profiles.find((p) => p.id === nameOrId) ?? profiles.find((p) => p.name.toLowerCase() === wanted);
  if (!found) throw new AppError('profiles.not_found', `There is no profile "${nameOrId}". See the list with: reqbridge profile list`);
  return found;
}

/** The names of the secrets stored in the keychain for a profile, or null when the keychain cannot say. */
async function storedSecretNames(api: BridgeApi, profileId: string): Promise<Set<string> | null> {
  const statuses = await api.invoke('secrets:status', { profileId });
  return statuses.ok ? new Set(statuses.value.filter((s) => s.set && s.source === 'keychain').map((s) => s.name)) : null;
}

/** Run a profile command; returns the process exit code. */
export async function runProfileCommand(
  api: BridgeApi,
  args: ProfileCommandArgs,
  out: CliOutput,
  options: { name?: string; allowHosts?: string[] } = {},
): Promise<number> {
  const [first, ...others] = args.rest;
  switch (args.action) {
    case 'list': {
      const view = unwrap(await api.invoke('profiles:list', {}));
      if (args.json) return (out.json(view), 0);
      out.line(
        table([
          ['', 'ID', 'NAME', 'ENVIRONMENT'],
          ...view.profiles.map((p) => [p.id === view.selectedId ? '*' : '', p.id, p.name, p.environment]),
        ]),
      );
      return 0;
    }
    case 'create': {
      if (!first) throw new AppError('cli.usage', 'Usage: reqbridge profile create NAME');
      const created = unwrap(await api.invoke('profiles:create', { name: [first, ...others].join(' ') }));
      if (args.json) return (out.json(created), 0);
      out.line(`Created profile "${created.name}" (id ${created.id}).`);
      return 0;
    }
    case 'show': {
      const profile = await findProfile(api, first);
      const settings = unwrap(await api.invoke('settings:get', { profileId: profile.id }));
      const secrets = unwrap(await api.invoke('secrets:status', { profileId: profile.id }));
      if (args.json) return (out.json({ settings, secrets }), 0);
      out.line(JSON.stringify(settings, null, 2));
      out.line();
      for (const s of secrets) out.line(`${s.name}: ${s.set ? `set (…${s.last4}, from ${s.source})` : 'not set'}`);
      return 0;
    }
    case 'set': {
      const profile = await findProfile(api, first);
      const before = unwrap(await api.invoke('settings:get', { profileId: profile.id }));
      const stored = (await storedSecretNames(api, profile.id)) ?? new Set<string>();
      const updated = unwrap(await api.invoke('settings:update', { profileId: profile.id, patch: assignmentsToPatch(others) }));
      if (args.json) return (out.json(updated), 0);
      out.line(`Saved ${others.length} setting${others.length === 1 ? '' : 's'} of "${updated.name}".`);
      // Keys never follow a profile to a new API host: say which ones the save removed.
      const moved = changedVendorHosts(before, updated);
      const removed = hostChangeMessage({
        lever: moved.lever && (stored.has('leverApiKey') || stored.has('leverWebhookSignatureToken')),
        charthop: moved.charthop && stored.has('charthopToken'),
      });
      if (before.kind === 'client' && removed) out.line(removed);
      return 0;
    }
    case 'export': {
      const profile = await findProfile(api, first);
      const exported = unwrap(await api.invoke('profiles:export', { id: profile.id }));
      if (args.out) {
        writePrivateFile(args.out, exported.json);
        out.line(`Exported "${profile.name}" to ${args.out} (no secrets included).`);
      } else {
        out.line(exported.json);
      }
      return 0;
    }
    case 'import': {
      if (!first) throw new AppError('cli.usage', 'Usage: reqbridge profile import FILE [--name NAME] [--allow-hosts HOST,…]');
      let json: string;
      try {
        json = readFileSync(first, 'utf8');
      } catch {
        throw new AppError('cli.file', `Cannot read ${first}. Check the path.`);
      }
      const imported = unwrap(
        await api.invoke('profiles:import', {
          json,
          ...(options.name ? { name: options.name } : {}),
          ...(options.allowHosts ? { allowHosts: options.allowHosts } : {}),
        }),
      );
      if (args.json) return (out.json(imported), 0);
      out.line(
        `Imported profile "${imported.name}" (id ${imported.id}). Set its secrets in the app or with REQBRIDGE_LEVER_KEY / REQBRIDGE_CHARTHOP_TOKEN.`,
      );
      return 0;
    }
    case 'delete': {
      const profile = await findProfile(api, first);
      unwrap(await api.invoke('profiles:delete', { id: profile.id }));
      out.line(`Deleted profile "${profile.name}", its secrets and its run history.`);
      return 0;
    }
    default:
      throw new AppError('cli.usage', USAGE);
  }
}
