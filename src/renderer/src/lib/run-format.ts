/** Words and numbers for runs, plans and their items, as every sync screen shows them, and for any progress bar. */
import type { Progress } from '../../../shared/api/progress-views.ts';
import type {
  PlanAction,
  RunCounts,
  RunItemView,
  RunProgress,
  RunStatus,
  RunSummary,
  RunTrigger,
  SyncDirection,
} from '../../../shared/api/sync-views.ts';
import type { Tense, Verb } from './wording.ts';
import { afterTheRun, capitalize, countedDeeds, plural, regularVerb } from './wording.ts';

/** Plan actions as the Reconcile sheet and the run detail name them. */
export const ACTION_LABELS: Record<PlanAction, string> = {
  create: 'Create',
  update: 'Update',
  close: 'Close',
  delete: 'Delete',
  link: 'Link',
  needs_attention: 'Needs attention',
  skip: 'Skip',
};

/** What started a run, in the consultant's words. */
export const TRIGGER_LABELS: Record<RunTrigger, string> = {
  manual: 'Sync now',
  reconcile: 'Reconcile',
  schedule: 'Daily run',
  change: 'On change',
  cli: 'Command line',
};

/** The direction of a run, short. */
export const DIRECTION_LABELS: Record<SyncDirection, string> = {
  outbound: 'ChartHop → Lever',
  inbound: 'Lever → ChartHop',
  reconcile: 'ChartHop → Lever (reconcile)',
  metrics: 'Candidate metrics (Lever → ChartHop)',
  hires: 'New-hire catch-up (Lever → ChartHop)',
};

/** True for a requisition sync (Sync now, Reconcile, daily, on change); false for candidate metrics and the new-hire catch-up. */
export function isSyncRun(run: Pick<RunSummary, 'direction'>): boolean {
  return run.direction === 'outbound' || run.direction === 'inbound' || run.direction === 'reconcile';
}

/** A run's status pill text. */
export const STATUS_LABELS: Record<RunStatus, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  partial: 'Partly failed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  needs_confirmation: 'Waiting for confirmation',
};

/** A run item's outcome. */
export const OUTCOME_LABELS: Record<RunItemView['outcome'], string> = {
  applied: 'Applied',
  failed: 'Failed',
  skipped: 'Skipped',
  attention: 'Needs attention',
  cancelled: 'Cancelled',
};

/** A run's phase while it is going. */
export const PHASE_LABELS: Record<RunProgress['phase'], string> = {
  reading: 'Reading ChartHop and Lever',
  planning: 'Planning',
  applying: 'Writing changes',
  finishing: 'Finishing',
};

/** Records a run wrote to either system (what the chart calls "written"). */
export function recordsWritten(counts: RunCounts): number {
  return counts.created + counts.updated + counts.closed + counts.deleted + counts.linked;
}

/** The writing actions as verbs, in the order a run's counts name them. */
const WRITES: ReadonlyArray<['created' | 'updated' | 'closed' | 'deleted' | 'linked', PlanAction, Verb]> = [
  ['created', 'create', regularVerb('create')],
  ['updated', 'update', regularVerb('update')],
  ['closed', 'close', regularVerb('close')],
  ['deleted', 'delete', regularVerb('delete')],
  ['linked', 'link', regularVerb('link')],
];

/** What a run's records are counted in: ChartHop jobs for an inbound sync, records for an undo, requisitions otherwise. */
export type RecordNoun = { one: string; many: string };

const REQUISITIONS: RecordNoun = { one: 'requisition', many: 'requisitions' };

/** The tense a run speaks in: the present while it is going, the past once it has ended. */
export function runTense(run: Pick<RunSummary, 'status'>): Tense {
  return run.status === 'running' ? 'present' : 'past';
}

/** The noun a run's counts are told in. */
export function recordNounOf(run: Pick<RunSummary, 'direction' | 'kind'>): RecordNoun {
  if (run.kind === 'undo') return { one: 'record', many: 'records' };
  return run.direction === 'inbound' ? { one: 'ChartHop job', many: 'ChartHop jobs' } : REQUISITIONS;
}

/**
 * "created 3 requisitions, updated 2 and linked 1 · 7 skipped · 1 failed" (a finished run) or "creating 3 requisitions …"
 * (a running one): what was written as deeds in the run's tense, then what was not; "nothing to change" when nothing counts.
 */
export function countsSentence(counts: RunCounts, tense: Tense = 'past', noun: RecordNoun = REQUISITIONS): string {
  const deeds = countedDeeds(
    WRITES.map(([key, , verb]) => ({ verb, count: counts[key] })),
    noun,
    tense,
  );
  const rest: Array<[number, string]> = [
    [counts.attention, 'need attention'],
    [counts.skipped, 'skipped'],
    [counts.failed, 'failed'],
    [counts.cancelled, 'cancelled'],
  ];
  const shown = [deeds, ...rest.filter(([count]) => count > 0).map(([count, word]) => `${count} ${word}`)].filter(Boolean);
  if (shown.length > 0) return shown.join(' · ');
  return tense === 'present' ? 'nothing written yet' : 'nothing to change';
}

/**
 * How one record of a run came out, told after the fact: "Created", "Not created" (failed or cancelled), with its reason
 * in the same tense ("… was created", "… was to be created"). Skipped and needs-attention records: no deed (their outcome says it).
 */
export function itemDeedText(item: Pick<RunItemView, 'action' | 'outcome' | 'reasonText'>): { deed: string; reason: string } {
  const write = WRITES.find(([, action]) => action === item.action);
  if (!write || item.outcome === 'skipped' || item.outcome === 'attention') return { deed: '', reason: item.reasonText };
  const done = item.outcome === 'applied';
  return { deed: done ? capitalize(write[2].past) : `Not ${write[2].past}`, reason: afterTheRun(item.reasonText, done) };
}

/** What started a run, knowing that a metrics run started by hand came from "Pull candidate metrics now", not Sync now. */
export function triggerText(run: Pick<RunSummary, 'trigger' | 'direction' | 'kind' | 'undoes'>): string {
  if (run.kind === 'undo') return run.trigger === 'cli' ? 'Undo · command line' : 'Undo';
  if (run.direction === 'metrics' && run.trigger === 'manual') return 'Pull metrics now';
  return TRIGGER_LABELS[run.trigger];
}

/** What a run was, in a few words: "Candidate metrics", "New-hire catch-up", "Reconcile · ChartHop as truth", "Sync now · ChartHop → Lever". */
export function runKindText(run: Pick<RunSummary, 'trigger' | 'direction' | 'kind' | 'undoes'>): string {
  if (run.kind === 'undo') return `Undo of run ${run.undoes ?? '?'}`;
  if (run.direction === 'metrics') return 'Candidate metrics';
  if (run.direction === 'hires') return 'New-hire catch-up';
  if (run.trigger === 'reconcile' && run.direction === 'reconcile') return 'Reconcile · ChartHop as truth';
  return `${triggerText(run)} · ${DIRECTION_LABELS[run.direction]}`;
}

/** A run item's outcome in the words of its run: a metrics run writes numbers or finds them unchanged. */
export function outcomeLabel(outcome: RunItemView['outcome'], direction: SyncDirection): string {
  if (direction === 'metrics' && outcome === 'applied') return 'Written';
  if (direction === 'metrics' && outcome === 'skipped') return 'Unchanged';
  return OUTCOME_LABELS[outcome];
}

/** "3 jobs written · 7 unchanged": a metrics run's counts (its updates are jobs whose numbers changed). */
export function metricsCountsSentence(counts: RunCounts): string {
  const parts: string[] = [];
  if (counts.updated > 0) parts.push(`${plural(counts.updated, 'job')} written`);
  if (counts.skipped > 0) parts.push(`${counts.skipped} unchanged`);
  if (counts.failed > 0) parts.push(`${counts.failed} failed`);
  if (counts.cancelled > 0) parts.push(`${counts.cancelled} cancelled`);
  return parts.length ? parts.join(' · ') : 'no linked jobs to count';
}

/**
 * A run's counts in a sentence, in the words of its direction (a catch-up's hires are on the Hires page, not in its items)
 * and in its tense: the past once it ended, the present while it runs. Starts in lower case: {@link capitalize} it to open a sentence.
 */
export function runCountsText(run: Pick<RunSummary, 'counts' | 'direction' | 'status' | 'kind'>): string {
  if (run.direction === 'hires') return 'hire decisions are on the Hires page';
  return run.direction === 'metrics' ? metricsCountsSentence(run.counts) : countsSentence(run.counts, runTense(run), recordNounOf(run));
}

/** "850 ms", "12 s", "3 min 4 s" between two ISO times; "" when unknown. */
export function formatDuration(startedAt: string, finishedAt: string | null): string {
  if (!finishedAt) return '';
  const ms = new Date(finishedAt).getTime() - new Date(startedAt).getTime();
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
}

/** "about 40 s left", "about 3 min left"; null while it cannot be estimated. */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 1) return 'almost done';
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/**
 * The counts and ETA of any progress event, as every progress bar shows them: "12 of 40 records ·
 * about 8 s left", or "12 records" while the total is not known. `counts` words the counts differently
 * (e.g. "check 5 of 20: Lever read permissions").
 */
export function progressDetail(
  progress: Pick<Progress, 'done' | 'total' | 'etaSeconds'>,
  noun: string,
  counts: (done: number, total: number) => string = (done, total) => `${done} of ${total} ${noun}`,
): string {
  const { done, total } = progress;
  const text = total > 0 ? counts(done, total) : done > 0 ? `${done} ${noun}` : '';
  return [text, formatEta(progress.etaSeconds)].filter(Boolean).join(' · ');
}

/** The safety question of a large change, as the guide's safety rule asks it. */
export function largeChangeQuestion(closesOrDeletes: number, linked: number): string {
  const share = linked > 0 ? Math.round((closesOrDeletes / linked) * 1000) / 10 : 100;
  return `This would close or delete ${closesOrDeletes} of ${linked} linked requisitions (${share}%). Apply anyway?`;
}
