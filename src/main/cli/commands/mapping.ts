/**
 * `reqbridge mapping set|remove|list [--profile NAME] KIND "from" ["to"]`: the profile's value
 * crosswalks from the command line, through the contract. Values are whole arguments, so emails and
 * names with spaces or dots need only the shell's quotes (which `profile set key=value` cannot take).
 */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { MappingKind } from '../../../shared/api/mapping-views.ts';
import { MAPPING_KINDS, MAPPING_KIND_WORDS, MAPPING_TABLES, mappingKindOf } from '../../../shared/settings/mapping-edits.ts';
import { AppError } from '../../core/errors.ts';
import type { CliOutput } from '../output.ts';
import { table } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import { profileIdOf } from './plan.ts';

/** Arguments of `reqbridge mapping`. */
export interface MappingCommandArgs {
  action: string | undefined;
  rest: string[];
  profile: string | undefined;
  json: boolean;
}

const USAGE =
  'Usage: reqbridge mapping list [KIND] | set KIND "ChartHop value" "Lever value" | remove KIND "ChartHop value"  [--profile NAME] [--json]';

/** The kind an argument names; a usage error listing the kinds otherwise. */
function kindOf(word: string | undefined): MappingKind {
  const kind = word === undefined ? null : mappingKindOf(word);
  if (kind) return kind;
  const what = word === undefined ? 'Name the kind of mapping' : `There is no mapping kind "${word}"`;
  throw new AppError('cli.usage', `${what}: use one of ${MAPPING_KINDS.join(', ')} (plurals work too).\n${USAGE}`);
}

function expectArgs(rest: readonly string[], count: number, usage: string): void {
  if (rest.length !== count) throw new AppError('cli.usage', `${usage}\nQuote a value that holds spaces: "Research & Development".`);
}

/** One mapping as `list` shows it. */
export interface MappingRow {
  kind: MappingKind;
  charthop: string;
  lever: string;
}

/** Runs `reqbridge mapping`; returns the exit code. */
export async function runMappingCommand(api: BridgeApi, args: MappingCommandArgs, out: CliOutput): Promise<number> {
  const { action, rest } = args;
  if (action !== 'list' && action !== 'set' && action !== 'remove') throw new AppError('cli.usage', USAGE);
  const profileId = await profileIdOf(api, args.profile);
  const settings = unwrap(await api.invoke('settings:get', { profileId }));
  if (action === 'list') {
    if (rest.length > 1) throw new AppError('cli.usage', USAGE);
    const only = rest[0] === undefined ? null : kindOf(rest[0]);
    const rows: MappingRow[] = MAPPING_KINDS.filter((kind) => only === null || kind === only).flatMap((kind) =>
      Object.entries(settings.mappings[MAPPING_TABLES[kind]]).map(([charthop, lever]) => ({ kind, charthop, lever })),
    );
    if (args.json) return (out.json(rows), 0);
    const which = only ? `${MAPPING_KIND_WORDS[only]} mappings` : 'value mappings';
    if (rows.length === 0)
      return (out.line(`${settings.name} has no ${which}. Add one with: reqbridge mapping set KIND "ChartHop value" "Lever value"`), 0);
    out.line(
      table([['KIND', 'CHARTHOP', '', 'LEVER'], ...rows.map((row) => [MAPPING_KIND_WORDS[row.kind], row.charthop, '→', row.lever])]),
    );
    return 0;
  }
  const kind = kindOf(rest[0]);
  const word = MAPPING_KIND_WORDS[kind];
  if (action === 'set') {
    expectArgs(rest, 3, `Usage: reqbridge mapping set ${kind} "ChartHop ${word}" "Lever ${word}" [--profile NAME]`);
    const [, charthop = '', lever = ''] = rest;
    const change = unwrap(await api.invoke('mappings:set', { profileId, kind, charthop, lever }));
    if (args.json) return (out.json(change), 0);
    const before = change.previous !== null && change.previous !== lever.trim() ? ` (it was mapped to “${change.previous}”)` : '';
    out.line(
      `${settings.name}: ChartHop ${word} “${charthop.trim()}” now maps to Lever “${lever.trim()}”${before}. The next plan uses it.`,
    );
    return 0;
  }
  expectArgs(rest, 2, `Usage: reqbridge mapping remove ${kind} "ChartHop ${word}" [--profile NAME]`);
  const [, charthop = ''] = rest;
  const change = unwrap(await api.invoke('mappings:remove', { profileId, kind, charthop }));
  if (args.json) return (out.json(change), 0);
  out.line(`${settings.name}: removed the ${word} mapping “${charthop.trim()}” → “${change.previous ?? ''}”.`);
  return 0;
}
