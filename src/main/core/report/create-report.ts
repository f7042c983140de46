/**
 * The hand-over report of a profile as a file: gathered, rendered, and run
 * through the redactor (which knows every secret the process has seen) as a
 * last guard, so a secret that slipped into a stored message still does not
 * reach the file.
 */
import type { ServiceDeps } from '../service/service-deps.ts';
import { gatherReport } from './report-data.ts';
import { reportHtml } from './report-html.ts';

/** A report file, as the UI downloads it and the CLI writes it. */
export interface ReportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** Builds the hand-over report of `profileId`. */
export async function createReport(
  deps: Pick<ServiceDeps, 'settings' | 'secrets' | 'stateDbs' | 'hires' | 'schedule' | 'clock' | 'redactor'>,
  profileId: string,
): Promise<ReportFile> {
  const data = await gatherReport(deps, profileId);
  const slug =
    data.profile.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'profile';
  return {
    fileName: `reqbridge-handover-${slug}-${data.generatedAt.slice(0, 10)}.html`,
    mimeType: 'text/html',
    content: deps.redactor.redact(reportHtml(data)),
  };
}
