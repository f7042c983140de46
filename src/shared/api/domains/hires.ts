/** Contract of the new-hire flow: the webhook endpoint, its tunnel, the hires log, catch-up and replay. */
import { z } from 'zod';
import { profileIdSchema } from '../../settings/schema.ts';
import type { CatchUpFinished, CatchUpProgress, CatchUpResult, HireView, JobMatchView, WebhookStatus } from '../hires-views.ts';
import { out, profileRef } from './out.ts';

/** Request channels of the new-hire flow. */
export const hiresRequests = {
  'hires:list': {
    input: z.object({ profileId: profileIdSchema, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: out<HireView[]>(),
  },
  'hires:replay': { input: z.object({ profileId: profileIdSchema, hireId: z.string().min(1) }).strict(), output: out<HireView>() },
  /** The ChartHop jobs a "Job missing" hire could go into (read-only). */
  'hires:job-match': { input: z.object({ profileId: profileIdSchema, hireId: z.string().min(1) }).strict(), output: out<JobMatchView>() },
  /** Link the hire's requisition to the one matching job (refused unless it is still the only one), then process the hire again. */
  'hires:link-job': {
    input: z.object({ profileId: profileIdSchema, hireId: z.string().min(1), jobId: z.string().min(1).max(128) }).strict(),
    output: out<HireView>(),
  },
  /** Poll Lever for hires since the checkpoint and process them; resolves when done (progress comes as `catch-up:progress`). */
  'hires:catch-up': { input: profileRef, output: out<CatchUpResult>() },
  /** Stop the profile's running catch-up between two hires (never in the middle of one). */
  'hires:cancel-catch-up': { input: profileRef, output: out<{ cancelled: boolean }>() },
  'webhook:status': { input: profileRef, output: out<WebhookStatus>() },
  'webhook:rotate-secret': { input: profileRef, output: out<WebhookStatus>() },
  /** Post a signed test ping to the profile's own listener: it verifies the connection like Lever's Verify, and is never a hire. */
  'webhook:test-delivery': { input: profileRef, output: out<WebhookStatus>() },
} as const;

/** Push events of the new-hire flow. */
export const hiresEvents = {
  'hire:received': out<HireView>(),
  'catch-up:progress': out<CatchUpProgress>(),
  'catch-up:finished': out<CatchUpFinished>(),
  'webhook:changed': out<WebhookStatus>(),
} as const;
