// The Sandbox rehearses a rollout's first sync. After the jobs are planned, and without drawing on
// the random stream (so the rest of the demo stays as it was): a few Active jobs have no
// requisition code and no Lever requisition yet (the first Sync now creates them, codes generated
// and written back), and the Active jobs of the recruiter missing from Lever have no requisition
// either (skipped for the unmapped recruiter; created once the suggested mapping is added). Requisitions whose copy drifted
// in Lever (requisitions.ts: two Offer jobs' titles renamed there, plus the random drift) are the
// updates; the other coded ones are linked.
import type { PlannedJob } from './jobs.ts';
import type { Staff } from './staff.ts';
import type { World } from './world.ts';

/** How many Active jobs start without a requisition code (the first Sync now's creates). */
export const CODELESS_ACTIVE_JOBS = 3;

/** The Lever user the Sandbox suggests for the recruiter missing from Lever. */
export const SUGGESTED_LEVER_USER = 'sandbox.admin@northwind.example';

/** How many linked requisitions have a title renamed in Lever (the first Sync now's updates, with any other drift). */
export const DRIFTED_REQUISITIONS = 2;

/** True when the person is a Lever user (by the same email, or one the Sandbox profile maps). */
const inLever = (staff: Staff | undefined): boolean => staff === undefined || staff.leverUserId !== undefined;

/** The jobs of the story, by plan (their ids are known once written). */
export interface FirstSyncStory {
  codeless: PlannedJob[];
  awaitingMapping: PlannedJob[];
  suggestedMapping: { kind: 'user'; charthopValue: string; leverValue: string } | null;
}

/** Shapes the planned jobs for the first-sync story. */
export function shapeFirstSync(planned: PlannedJob[]): FirstSyncStory {
  const story: FirstSyncStory = { codeless: [], awaitingMapping: [], suggestedMapping: null };
  for (const job of planned) {
    if (!job.open || job.recruit !== 'Active' || job.hire || job.confidential) continue;
    if (job.recruiter && job.recruiter.leverUserId === undefined) {
      if (job.leverStatus) job.firstSync = 'awaitingMapping';
      story.awaitingMapping.push(job);
      story.suggestedMapping = { kind: 'user', charthopValue: job.recruiter.charthopEmail, leverValue: SUGGESTED_LEVER_USER };
      continue;
    }
    if (story.codeless.length < CODELESS_ACTIVE_JOBS && job.leverStatus && inLever(job.manager) && inLever(job.recruiter)) {
      job.firstSync = 'codeless';
      story.codeless.push(job);
    }
  }
  let drifted = 0;
  for (const job of planned) {
    if (drifted >= DRIFTED_REQUISITIONS) break;
    if (!job.open || job.recruit !== 'Offer' || job.hire || !job.leverStatus || !inLever(job.manager) || !inLever(job.recruiter)) continue;
    job.leverTitleDrift = true;
    drifted += 1;
  }
  return story;
}

/** Records the story in the facts, once the jobs have their ids. */
export function recordFirstSync(world: World, story: FirstSyncStory): void {
  world.facts.firstSync = {
    codelessJobIds: story.codeless.map((j) => j.id),
    awaitingMappingJobIds: story.awaitingMapping.map((j) => j.id),
    suggestedMapping: story.suggestedMapping,
  };
}
