// ChartHop side of the org: the org itself, department/team/location groups,
// one custom job field, and the app tokens. ChartHop keeps ONE "Operations"
// team (no parent department) used by Sales and Finance jobs alike; only
// Lever spells the duplicate out per department.
import type { ChartHopGroup } from '../charthop/state.ts';
import { DEPARTMENTS, DUPLICATED_TEAM, LOCATIONS } from './catalog.ts';
import { isoTimeOf } from './dates.ts';
import type { World } from './world.ts';

/** Group ids by name, per type. */
export interface OrgGroups {
  departments: Map<string, ChartHopGroup>;
  teams: Map<string, ChartHopGroup>;
  locations: Map<string, ChartHopGroup>;
}

const ORG_CREATED_DAYS_AGO = 1500;

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Creates the org, its groups, its custom field and its tokens. */
export function buildOrg(world: World): OrgGroups {
  const at = isoTimeOf(world.now - ORG_CREATED_DAYS_AGO * 86_400_000);
  const orgId = world.chId('org');
  world.org = {
    id: orgId,
    name: 'Northwind Labs',
    slug: 'northwind',
    status: 'ACTIVE',
    timezone: 'America/New_York',
    currencies: ['USD', 'GBP', 'EUR', 'CAD'],
    domains: ['northwind.example'],
    createAt: at,
    updateAt: at,
  };
  world.facts.orgId = orgId;
  world.facts.orgSlug = 'northwind';
  const groups: OrgGroups = { departments: new Map(), teams: new Map(), locations: new Map() };
  const add = (group: Omit<ChartHopGroup, 'id' | 'orgId' | 'slug' | 'createAt' | 'updateAt'>, slugPrefix = ''): ChartHopGroup => {
    const full: ChartHopGroup = {
      id: world.chId('group'),
      orgId,
      slug: slugPrefix + slug(group.name),
      createAt: at,
      updateAt: at,
      ...group,
    };
    world.groups.push(full);
    return full;
  };
  for (const dept of DEPARTMENTS) {
    groups.departments.set(dept.name, add({ type: 'DEPARTMENT', name: dept.name, code: dept.code, aliases: [...dept.aliases] }));
  }
  for (const dept of DEPARTMENTS) {
    for (const team of dept.teams) {
      if (groups.teams.has(team)) continue;
      const parent = team === DUPLICATED_TEAM ? undefined : groups.departments.get(dept.name);
      groups.teams.set(team, add({ type: 'TEAM', name: team, aliases: [], ...(parent ? { parentGroupId: parent.id } : {}) }, 'team-'));
    }
  }
  for (const loc of LOCATIONS) {
    const address = { country: loc.country, ...(loc.city ? { city: loc.city } : {}), ...(loc.state ? { state: loc.state } : {}) };
    const group = add(
      {
        type: 'LOCATION',
        name: loc.name,
        code: loc.code,
        aliases: [...loc.aliases],
        locationType: loc.remote ? 'REMOTE' : 'OFFICE',
        address,
        timezone: loc.timezone,
      },
      'loc-',
    );
    groups.locations.set(loc.name, group);
    if (loc.remote) world.facts.remoteLocation = { charthopGroupId: group.id, name: loc.name };
  }
  world.fields.push({
    id: world.chId('field'),
    orgId,
    name: 'costCenter',
    label: 'Cost Center',
    type: 'STRING',
    plural: 'SINGLE',
    isUnique: false,
    isRequired: false,
    sensitive: 'ORG',
    entityType: 'JOB',
    builtIn: false,
    status: 'ACTIVE',
    createAt: at,
    updateAt: at,
  });
  const token = (label: string): string => `chp_${label}_${world.r.hex(32)}`;
  world.tokens.push(
    { token: token('owner'), userId: world.chId('user'), name: 'ReqBridge', access: 'OWNER', orgIds: [orgId] },
    {
      token: token('recruit'),
      userId: world.chId('user'),
      name: 'ReqBridge (Recruiting Editor)',
      access: 'RECRUIT_EDITOR',
      orgIds: [orgId],
    },
    { token: token('read'), userId: world.chId('user'), name: 'ReqBridge (read-only)', access: 'READ', orgIds: [orgId] },
  );
  return groups;
}
