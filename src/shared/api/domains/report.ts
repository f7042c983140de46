/** Contract of the hand-over report (Home's profile card, `reqbridge report`). */
import { out, profileRef } from './out.ts';

/** Request channels of the hand-over report. */
export const reportRequests = {
  /** The profile's hand-over report: one self-contained HTML file that holds no secret. */
  'report:create': { input: profileRef, output: out<{ fileName: string; mimeType: string; content: string }>() },
} as const;
