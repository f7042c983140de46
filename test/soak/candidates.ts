/**
 * The soak's Lever candidates: one posting per requisition code of the seed (the codes the world
 * starts with, or the ChartHop jobs' codes that ReqBridge creates in Lever), and two or three
 * candidates on each of a few postings, each with an email of their own. Some are hired during the
 * seed; the others stay in the pipeline and are named by deliveries that must write nothing.
 */
import type { LeverOpportunitySeed, LeverPosting, SeedOf } from '../../src/main/sandbox/lever/index.ts';
import { createPrng } from './prng.ts';

/** One candidate: the Lever opportunity id and the email ChartHop would know them by. */
export interface SoakCandidate {
  opportunityId: string;
  email: string;
  /** The requisition code of their posting (null: a posting with no requisition). */
  code: string | null;
}

/** The postings and opportunities to seed, and the candidates they make. */
export interface CandidateSeed {
  postings: SeedOf<LeverPosting, 'id' | 'text'>[];
  opportunities: LeverOpportunitySeed[];
  candidates: SoakCandidate[];
}

/** Candidates for `codes` (one per requisition; null for a job whose code ReqBridge makes up). */
export function candidateSeed(seed: number, codes: readonly (string | null)[]): CandidateSeed {
  const prng = createPrng(seed * 31 + 7);
  const postings: CandidateSeed['postings'] = [];
  const opportunities: LeverOpportunitySeed[] = [];
  const candidates: SoakCandidate[] = [];
  const used = codes.slice(0, Math.max(2, Math.ceil(codes.length / 2)));
  used.forEach((code, p) => {
    const postingId = `post-${p + 1}`;
    postings.push({ id: postingId, text: `Posting ${p + 1}`, state: 'published', requisitionCodes: code ? [code] : [] });
    const count = prng.int(1, 3);
    for (let c = 0; c < count; c += 1) {
      const id = `opp-${p + 1}-${c + 1}`;
      const email = `cand-${seed}-${p + 1}-${c + 1}@example.net`;
      opportunities.push({ id, name: `Candidate ${p + 1}.${c + 1}`, emails: [email], application: { posting: postingId } });
      candidates.push({ opportunityId: id, email, code });
    }
  });
  return { postings, opportunities, candidates };
}
