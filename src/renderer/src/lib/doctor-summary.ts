/** What a doctor report means for the Setup step, the rail's dot and Home. */
import type { DoctorCheck, DoctorProgress, DoctorReport, DoctorStatus } from '../../../shared/api/doctor-views.ts';
import { CANCELLED_CHECK_DETAIL } from '../../../shared/api/doctor-views.ts';
import type { StepState } from '../components/StepStatus.tsx';
import { progressDetail } from './run-format.ts';
import { plural } from './wording.ts';

/** Status words as the report's rows say them. */
export const DOCTOR_STATUS_LABELS: Record<DoctorStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failed',
  unverified: 'Not verified',
};

/** "13 passed · 3 warnings · 0 failed · 1 not verified". */
export function doctorSummary(report: DoctorReport): string {
  const { pass, warn, fail, unverified } = report.counts;
  return `${pass} passed · ${plural(warn, 'warning')} · ${fail} failed · ${unverified} not verified`;
}

/** Step 3's chip: done when nothing failed (warnings are counted in the label), else needs attention. */
export function doctorStep(report: DoctorReport | undefined): { state: StepState; label: string } {
  if (!report) return { state: 'attention', label: 'Not checked yet' };
  const { warn, fail } = report.counts;
  if (fail > 0) return { state: 'attention', label: `Needs attention — ${fail} failed` };
  if (report.cancelled) return { state: 'attention', label: 'Needs attention — check cancelled' };
  if (warn > 0) return { state: 'done', label: `Done — ${plural(warn, 'warning')} to review` };
  return { state: 'done', label: 'Done — all checks passed' };
}

const SEVERITY: Record<DoctorStatus, number> = { fail: 0, warn: 1, unverified: 2, pass: 3 };

/** The checks with what needs doing first (failed, warnings, not verified, passed), keeping the doctor's order within each. */
export function bySeverity(checks: readonly DoctorCheck[]): DoctorCheck[] {
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => SEVERITY[a.check.status] - SEVERITY[b.check.status] || a.index - b.index)
    .map(({ check }) => check);
}

/** The progress bar's detail of a check under way: "check 5 of 20: Lever read permissions · about 3 s left". */
export function doctorProgressDetail(progress: DoctorProgress): string {
  return progressDetail(
    progress,
    'checks',
    (done, total) => `check ${done} of ${total}${progress.current && done > 0 ? `: ${progress.current}` : ''}`,
  );
}

/** How many checks a cancel left unrun. */
export function cancelledChecks(report: DoctorReport): number {
  return report.cancelled ? report.checks.filter((check) => check.detail === CANCELLED_CHECK_DETAIL).length : 0;
}
