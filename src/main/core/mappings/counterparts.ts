/**
 * The values a consultant picks a counterpart from (Map…): read now from the system named, through
 * the profile's clients. Lever: active users (name and email), the department, team and location
 * values its requisitions and postings use (Lever has no list of them), and its employment statuses.
 * ChartHop: people with a work email, departments, teams and locations (groups), employment types.
 * Nothing is written.
 */
import type { CounterpartChoice, CounterpartList, MappingKind } from '../../../shared/api/mapping-views.ts';
import type { ChartHopClient } from '../charthop/client.ts';
import { personEmails } from '../charthop/identity.ts';
import type { GroupType } from '../charthop/org.ts';
import { leverUses } from '../doctor/data-sources.ts';
import type { LeverClient } from '../lever/client.ts';
import { readWithConfidentialFallback } from '../lever/confidentiality.ts';
import { EMPLOYMENT_TO_LEVER } from '../sync/fields.ts';

/** ChartHop's employment enum (charthop-api.md §3.2) with the names ChartHop shows. */
const CHARTHOP_EMPLOYMENT: ReadonlyArray<[string, string]> = [
  ['FULL', 'Full Time'],
  ['PART', 'Part Time'],
  ['TEMP', 'Temporary'],
  ['CONTRACT', 'Contract'],
  ['INTERN', 'Intern'],
  ['EXPAT', 'Ex-Pat'],
];

const byLabel = (a: CounterpartChoice, b: CounterpartChoice): number => a.label.localeCompare(b.label) || a.value.localeCompare(b.value);

function personName(row: Record<string, unknown>): string | null {
  const name = row['name'];
  if (typeof name === 'string' && name.trim()) return name.trim();
  if (name && typeof name === 'object') {
    const n = name as Record<string, unknown>;
    const text = [n['pref'] ?? n['first'], n['last']].filter((part) => typeof part === 'string' && part.trim()).join(' ');
    return text || null;
  }
  return null;
}

async function charthopChoices(client: ChartHopClient, kind: MappingKind): Promise<CounterpartChoice[]> {
  if (kind === 'employment') return CHARTHOP_EMPLOYMENT.map(([value, label]) => ({ value, label: `${label} (${value})` }));
  const choices: CounterpartChoice[] = [];
  if (kind === 'user') {
    for await (const row of client.people.rows({ fields: ['name', 'contact.workEmail'] })) {
      const emails = personEmails(row, ['work']);
      const [email] = emails.readable ? emails.value : [];
      if (email) choices.push({ value: email.trim().toLowerCase(), label: personName(row) ?? email, detail: email.trim().toLowerCase() });
    }
    return choices.sort(byLabel);
  }
  for await (const group of client.orgs.groups(kind satisfies GroupType)) {
    const aliases = [...(group.aliases ?? [])].filter(Boolean);
    choices.push({
      value: group.name.trim(),
      label: group.name.trim(),
      ...(aliases.length > 0 ? { detail: `also ${aliases.join(', ')}` } : {}),
    });
  }
  return choices.sort(byLabel);
}

async function leverChoices(client: LeverClient, kind: MappingKind): Promise<CounterpartChoice[]> {
  if (kind === 'user') {
    const choices: CounterpartChoice[] = [];
    for await (const user of client.account.users()) {
      const email = user.email.trim().toLowerCase();
      choices.push({ value: email, label: user.name.trim() || email, detail: email });
    }
    return choices.sort(byLabel);
  }
  const seen = new Map<string, { value: string; count: number }>();
  const add = (value: string | null | undefined): void => {
    const v = value?.trim();
    if (!v) return;
    const entry = seen.get(v.toLowerCase()) ?? { value: v, count: 0 };
    entry.count += 1;
    seen.set(v.toLowerCase(), entry);
  };
  if (kind === 'employment') {
    for (const status of Object.values(EMPLOYMENT_TO_LEVER)) seen.set(status, { value: status, count: 0 });
    const { value: statuses } = await readWithConfidentialFallback(async (confidentiality) => {
      const out: Array<string | null> = [];
      for await (const r of client.requisitions.list(confidentiality ? { confidentiality } : {})) out.push(r.employmentStatus ?? null);
      return out;
    });
    statuses.forEach(add);
  } else {
    const { value: uses } = await readWithConfidentialFallback((confidentiality) => leverUses(client, confidentiality === 'all'));
    for (const use of uses) for (const value of kind === 'location' ? use.locations : [use[kind]]) add(value);
  }
  const used = (n: number): string =>
    n === 0 ? 'Lever’s own value, not used yet' : `used by ${n} ${n === 1 ? 'requisition or posting' : 'requisitions and postings'}`;
  return [...seen.values()].map(({ value, count }) => ({ value, label: value, detail: used(count) })).sort(byLabel);
}

/** Where a list is read from: one system and its client. */
export type CounterpartSource = { system: 'lever'; client: LeverClient } | { system: 'charthop'; client: ChartHopClient };

/** The values of `kind` in the source's system, as that system answers now. */
export async function counterpartList(source: CounterpartSource, kind: MappingKind): Promise<CounterpartList> {
  if (source.system === 'lever') {
    const choices = await leverChoices(source.client, kind);
    const listed = kind !== 'user' && kind !== 'employment';
    const note = `Lever keeps no list of ${kind}s: these are the values its requisitions and postings use.`;
    return { kind, system: 'lever', choices, ...(listed ? { note } : {}) };
  }
  return { kind, system: 'charthop', choices: await charthopChoices(source.client, kind) };
}
