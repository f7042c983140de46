/**
 * One soak seed's world: the fake Lever and ChartHop on 127.0.0.1 port 0 (bounded by the soak's
 * own deadline, closed at the end), a data folder with a profile pointing at them, and a Lever
 * key that is the seed's canary secret. Lever holds candidates on postings of the seed's
 * requisitions (hired during the seed), and ChartHop accepts two people with one email, so no
 * duplicate person is ever prevented by the fake instead of by ReqBridge.
 */
import { createFakeChartHop } from '../../src/main/sandbox/charthop/index.ts';
import type { FakeChartHop } from '../../src/main/sandbox/charthop/index.ts';
import { createFakeLever } from '../../src/main/sandbox/lever/index.ts';
import type { FakeLever, LeverRequisition, SeedOf } from '../../src/main/sandbox/lever/index.ts';
import type { ProfileSettingsPatch } from '../../src/shared/settings/schema.ts';
import { candidateSeed } from './candidates.ts';
import type { SoakCandidate } from './candidates.ts';
import { CHARTHOP_TOKEN, ORG, STAFF, activeJobs, charthopSeed, leverSeed } from '../integration/sync/seeds.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { startTestCore, valueOf } from '../support/test-core.ts';
import type { Prng } from './prng.ts';

/** Which side is the source of truth in a seed. */
export type SoakDirection = 'outbound' | 'inbound';

/** A running world. */
export interface SoakWorld {
  direction: SoakDirection;
  lever: FakeLever;
  charthop: FakeChartHop;
  dataDir: string;
  profileId: string;
  canary: string;
  /** The Lever webhook signature token ReqBridge verifies deliveries with. */
  signatureToken: string;
  /** Lever's candidates (opportunities) of the seed. */
  candidates: readonly SoakCandidate[];
  /** The ChartHop token of the person making edits (the schedule's own writes, told apart in the request log). */
  editorToken: string;
  /** Changes profile settings while no child runs (option and mapping changes). */
  updateProfile(patch: ProfileSettingsPatch): Promise<void>;
  /** An edit made by a person in the source of truth: a job or requisition title. */
  editTitle(index: number, title: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Starts a world of `size` records. */
export async function startSoakWorld(seed: number, direction: SoakDirection, size: number): Promise<SoakWorld> {
  const canary = `canary-lever-key-${seed}-7f3a9c2e5b`;
  const jobs = direction === 'outbound' ? activeJobs(size, (i) => (i % 3 === 1 ? { req: undefined } : {})) : [];
  const reqs: SeedOf<LeverRequisition, 'requisitionCode' | 'name' | 'headcountTotal'>[] =
    direction === 'inbound'
      ? Array.from({ length: size }, (_, i) => ({
          id: `lr-${i + 1}`,
          requisitionCode: `LVR-${i + 1}`,
          name: `Role ${i + 1}`,
          headcountTotal: 1,
          status: 'open',
          hiringManager: STAFF.grace.leverId,
        }))
      : [];
  // Postings on the requisitions known from the start first; a job whose code ReqBridge makes up gets a posting
  // without a requisition (its hires have no job to go into).
  const codes = direction === 'inbound' ? reqs.map((r) => r.requisitionCode) : [...jobs.flatMap((j) => (j.req ? [j.req] : [])), null];
  const people = candidateSeed(seed, codes);
  const ls = { ...leverSeed(reqs), postings: people.postings, opportunities: people.opportunities };
  const lever = await createFakeLever({
    seed: { ...ls, keys: (ls.keys ?? []).map((k) => ({ ...k, secret: canary })) },
    randomSeed: seed,
    uniqueRequisitionCodes: false,
  });
  const chSeed = charthopSeed(jobs);
  const owner = chSeed.tokens?.find((t) => t.token === CHARTHOP_TOKEN);
  const editor = owner ? [{ ...owner, token: EDITOR_TOKEN, userId: SOAK_EDITOR_USER, name: 'A person editing in ChartHop' }] : [];
  const charthop = await createFakeChartHop({
    seed: { ...chSeed, tokens: [...(chSeed.tokens ?? []), ...editor] },
    faultSeed: seed,
    uniquePersonEmails: false,
  });
  const temp = makeTempDir();
  const dataDir = temp.path;
  const setup = startTestCore({ dataDir });
  const created = valueOf(await setup.api.invoke('profiles:create', { name: `Soak ${seed}` }));
  const base: ProfileSettingsPatch = {
    lever: { environment: 'custom', baseUrl: lever.url },
    charthop: { baseUrl: charthop.url, org: ORG },
  };
  const inbound: ProfileSettingsPatch = {
    sourceOfTruth: 'lever',
    options: { reverseSync: true, runDaily: false, syncOnChange: false, reconciliation: false, remoteLocationAsDefault: false },
  };
  valueOf(
    await setup.api.invoke('settings:update', { profileId: created.id, patch: { ...base, ...(direction === 'inbound' ? inbound : {}) } }),
  );
  setup.dispose();
  const profileId = created.id;
  return {
    direction,
    lever,
    charthop,
    dataDir,
    profileId,
    canary,
    signatureToken: `soak-signature-token-${seed}-5d1e`,
    candidates: people.candidates,
    editorToken: EDITOR_TOKEN,
    async updateProfile(patch) {
      const core = startTestCore({ dataDir });
      try {
        valueOf(await core.api.invoke('settings:update', { profileId, patch }));
      } finally {
        core.dispose();
      }
    },
    async editTitle(index, title) {
      if (direction === 'inbound') {
        const state = lever.control.state();
        const req = state.requisitions[index % Math.max(1, state.requisitions.length)];
        if (!req) return false;
        req.name = title;
        lever.control.seed(state);
        return true;
      }
      const open = charthop.control
        .jobs(ORG)
        .filter((j) => (j['fields'] as Record<string, unknown> | undefined)?.['recruit'] !== undefined || j['title'] !== undefined);
      const job = open.filter((j) => String(j['title'] ?? '').startsWith('Engineer'))[index % Math.max(1, open.length)];
      if (!job) return false;
      const res = await fetch(`${charthop.url}/v2/org/${ORG}/job/${String(job['id'])}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${EDITOR_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      return res.ok;
    },
    async close() {
      await Promise.all([lever.close(), charthop.close()]);
      temp.cleanup();
    },
  };
}

const EDITOR_TOKEN = 'soak-charthop-editor-token';

/** The ChartHop user id of the editor token: the schedule's own edits carry it in the request log. */
export const SOAK_EDITOR_USER = '5f00000000000000000000e1';

/** The ChartHop org the fakes use (for request-log paths). */
export const SOAK_ORG = ORG;

/** A record count for a seed's world between `min` and `max`. */
export function worldSize(prng: Prng, min: number, max: number): number {
  return prng.int(min, max);
}
