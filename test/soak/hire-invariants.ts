/**
 * The soak's new-hire invariants, checked after the clean final pass: one ChartHop person per
 * hired candidate (by email), every stored delivery decided exactly once, no hire of a hired
 * candidate lost (applied, or recorded with its reason), badly signed deliveries refused and
 * stored nowhere, and nobody created for a candidate Lever does not show as hired.
 */
import { openStateDb, stateDbPath } from '../../src/main/core/state/state-db.ts';
import type { SoakDelivery } from './deliveries.ts';
import type { SoakWorld } from './world.ts';

/** The invariant names the new-hire checks report under. */
export type HireInvariantName =
  'no duplicates' | 'deliveries decided' | 'no hire lost' | 'bad signatures refused' | 'nothing unplanned written';

/** Decisions that settle a hire for good (a `failed` one is retried; `pending` is not decided). */
const SETTLED = new Set(['created', 'job_missing', 'person_exists', 'not_first_hire', 'no_email', 'not_hired', 'needs_attention']);

interface InboxFact {
  dedupe_key: string;
  kind: string;
  status: string;
  opportunity_id: string | null;
  decision: string | null;
  reason: string | null;
}

function inboxOf(world: SoakWorld): InboxFact[] {
  const db = openStateDb(stateDbPath(world.dataDir, world.profileId));
  try {
    return db.db.prepare('SELECT dedupe_key, kind, status, opportunity_id, decision, reason FROM inbox').all() as unknown as InboxFact[];
  } finally {
    db.close();
  }
}

/** Checks the new-hire invariants; `deliveries` are every delivery the soak sent. */
export function checkHireInvariants(
  world: SoakWorld,
  deliveries: readonly SoakDelivery[],
  add: (invariant: HireInvariantName, detail: string) => void,
): void {
  const inbox = inboxOf(world);
  const persons = world.charthop.control.state().persons;
  const holders = (email: string): number =>
    persons.filter((p) => p.contacts.some((c) => c.format === 'EMAIL' && c.value.toLowerCase() === email)).length;
  const lever = world.lever.control.state();
  const hiredReasons = new Set(lever.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  const hired = new Set(lever.opportunities.filter((o) => o.archived && hiredReasons.has(o.archived.reason)).map((o) => o.id));

  for (const c of world.candidates) {
    const n = holders(c.email);
    if (n > 1) add('no duplicates', `${n} ChartHop people hold the email of hired candidate ${c.opportunityId}`);
    if (!hired.has(c.opportunityId)) {
      if (n > 0)
        add('nothing unplanned written', `candidate ${c.opportunityId} is not hired in Lever, yet ChartHop has a person with their email`);
      continue;
    }
    const rows = inbox.filter((r) => r.opportunity_id === c.opportunityId && r.kind === 'hire');
    if (!rows.some((r) => r.decision !== null && SETTLED.has(r.decision) && r.reason)) {
      const seen = rows.map((r) => `${r.status}/${r.decision ?? 'none'}`).join(', ') || 'no row';
      add('no hire lost', `hired candidate ${c.opportunityId} has no settled decision (${seen})`);
    }
  }

  for (const row of inbox) {
    if (row.kind !== 'hire') continue;
    if (row.status === 'queued' || row.status === 'processing' || row.decision === null || row.decision === 'pending' || !row.reason) {
      const what = `${row.status} with decision ${row.decision ?? 'none'}`;
      add('deliveries decided', `inbox row ${row.dedupe_key} (opportunity ${row.opportunity_id ?? '?'}) is ${what}`);
    }
  }

  const keys = new Map<string, number>();
  for (const row of inbox) keys.set(row.dedupe_key, (keys.get(row.dedupe_key) ?? 0) + 1);
  const seen = new Set<string>();
  for (const d of deliveries) {
    if (seen.has(d.dedupeKey)) continue;
    seen.add(d.dedupeKey);
    const stored = keys.get(d.dedupeKey) ?? 0;
    if (d.kind === 'bad_signature') {
      if (stored > 0) add('bad signatures refused', `a delivery signed with the wrong token (${d.opportunityId}) is stored in the inbox`);
      const answered = d.statuses.filter((s) => s !== 0);
      if (answered.some((s) => s !== 401))
        add('bad signatures refused', `a delivery signed with the wrong token was answered ${answered.join(', ')}`);
      continue;
    }
    const acknowledged = deliveries.some((o) => o.dedupeKey === d.dedupeKey && o.statuses.some((s) => s >= 200 && s < 300));
    if (acknowledged && stored !== 1)
      add('deliveries decided', `delivery ${d.dedupeKey} (${d.kind}) was acknowledged and is stored ${stored} times`);
  }
}
