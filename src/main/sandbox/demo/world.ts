// The generator's working state, shared by its steps: the random stream,
// the clock, id factories and everything generated so far on both sides.
import { isoDateOf } from './dates.ts';
import type { ChartHopChange, ChartHopField, ChartHopGroup, ChartHopOrg, ChartHopPerson, ChartHopTokenGrant } from '../charthop/state.ts';
import type { LeverOpportunitySeed, LeverSeed } from '../lever/index.ts';
import type { DemoFacts } from './types.ts';
import { createNameFactory } from './names.ts';
import type { NameFactory } from './names.ts';
import { createDemoRandom } from './random.ts';
import type { DemoRandom } from './random.ts';

/** Kinds of ChartHop ids; each kind counts separately so ids sort by creation. */
export type IdKind = 'org' | 'group' | 'person' | 'job' | 'change' | 'field' | 'user';

const KIND_CODE: Record<IdKind, string> = { org: '01', group: '02', person: '03', job: '04', change: '05', field: '06', user: '07' };

/** The generator's state. */
export interface World {
  readonly r: DemoRandom;
  readonly names: NameFactory;
  readonly now: number;
  readonly today: string;
  /** A fresh ChartHop id (24 hex, `6500` + kind + counter). */
  chId(kind: IdKind): string;
  org?: ChartHopOrg;
  groups: ChartHopGroup[];
  persons: ChartHopPerson[];
  changes: ChartHopChange[];
  fields: ChartHopField[];
  tokens: ChartHopTokenGrant[];
  lever: Required<
    Pick<LeverSeed, 'keys' | 'users' | 'requisitionFields' | 'requisitions' | 'postings' | 'stages' | 'archiveReasons' | 'webhooks'>
  > & { opportunities: LeverOpportunitySeed[] };
  facts: Omit<DemoFacts, 'counts' | 'recruitStatuses' | 'requisitionStatuses'>;
}

/** A fresh world for `seed` at `now`. */
export function createWorld(seed: number, now: number): World {
  const r = createDemoRandom(seed);
  const counters = new Map<IdKind, number>();
  return {
    r,
    names: createNameFactory(r),
    now,
    today: isoDateOf(now),
    chId(kind) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `6500${KIND_CODE[kind]}${n.toString(16).padStart(18, '0')}`;
    },
    groups: [],
    persons: [],
    changes: [],
    fields: [],
    tokens: [],
    lever: {
      keys: [],
      users: [],
      requisitionFields: [],
      requisitions: [],
      postings: [],
      stages: [],
      archiveReasons: [],
      webhooks: [],
      opportunities: [],
    },
    facts: {
      orgId: '',
      orgSlug: '',
      emailMismatches: [],
      emailCaseVariants: [],
      duplicatedTeam: { name: '', departments: ['', ''], requisitionCodes: [] },
      remoteLocation: { charthopGroupId: '', name: '' },
      hires: { alreadyInCharthop: [], toProcess: [], withoutEmail: [], existingPerson: [], withoutJob: [] },
      firstSync: { codelessJobIds: [], awaitingMappingJobIds: [], suggestedMapping: null },
    },
  };
}
