// The renderer's run-detail filters, run counts wording and `app:navigate` routing, as pure functions
// (the same modules the Runs page, the top bar and the tray's events use).
import { describe, expect, it } from 'vitest';
import type { RunCounts, RunItemView } from '../../src/shared/api/sync-views.ts';
import { NO_ITEM_FILTER, filterItems, outcomeCounts, reasonLabel, reasonsOf } from '../../src/renderer/src/lib/run-items.ts';
import { countsSentence, itemDeedText, metricsCountsSentence, runCountsText } from '../../src/renderer/src/lib/run-format.ts';
import { navigationAction } from '../../src/renderer/src/lib/routes.ts';
import { countsText } from '../../src/main/cli/commands/plan.ts';

let nextId = 1;
function item(patch: Partial<RunItemView>): RunItemView {
  const id = nextId++;
  return {
    id,
    recordKey: `REQ-${id}`,
    title: `Job ${id}`,
    action: 'create',
    outcome: 'applied',
    reason: 'new_job',
    reasonText: 'New active job in ChartHop.',
    diff: [],
    error: null,
    ...patch,
  };
}

const items: RunItemView[] = [
  item({ title: 'Senior Engineer', recordKey: 'ENG-100', outcome: 'applied', reason: 'new_job' }),
  item({
    title: 'Product Designer',
    recordKey: 'DES-7',
    outcome: 'applied',
    reason: 'fields_changed',
    action: 'update',
    reasonText: 'Title changed in ChartHop.',
  }),
  item({
    title: 'Account Executive',
    recordKey: 'SAL-3',
    outcome: 'skipped',
    action: 'skip',
    reason: 'unmapped_value',
    reasonText: 'Department "Sales EMEA" has no Lever team.',
  }),
  item({
    title: 'Sales Engineer',
    recordKey: 'SAL-4',
    outcome: 'skipped',
    action: 'skip',
    reason: 'unmapped_value',
    reasonText: 'Department "Sales EMEA" has no Lever team.',
  }),
  item({ title: 'Data Engineer', recordKey: 'ENG-200', outcome: 'failed', reason: 'new_job', error: 'Lever answered 500.' }),
  item({
    title: 'Recruiter',
    recordKey: 'PPL-1',
    outcome: 'cancelled',
    reason: 'new_job',
    error: 'The run was cancelled before this record.',
  }),
];
const titles = (list: RunItemView[]) => list.map((i) => i.title);

describe('run detail filters (filterItems)', () => {
  it('keeps every item with no filter', () => {
    expect(filterItems(items, NO_ITEM_FILTER)).toEqual(items);
  });

  it('filters by outcome', () => {
    expect(titles(filterItems(items, { ...NO_ITEM_FILTER, outcome: 'skipped' }))).toEqual(['Account Executive', 'Sales Engineer']);
    expect(titles(filterItems(items, { ...NO_ITEM_FILTER, outcome: 'cancelled' }))).toEqual(['Recruiter']);
    expect(filterItems(items, { ...NO_ITEM_FILTER, outcome: 'attention' })).toEqual([]);
  });

  it('filters by reason', () => {
    expect(titles(filterItems(items, { ...NO_ITEM_FILTER, reason: 'fields_changed' }))).toEqual(['Product Designer']);
    expect(titles(filterItems(items, { ...NO_ITEM_FILTER, reason: 'new_job' }))).toEqual(['Senior Engineer', 'Data Engineer', 'Recruiter']);
  });

  it('combines outcome, reason and text; the text matches the title or the record key, ignoring case and spaces around it', () => {
    expect(titles(filterItems(items, { outcome: 'applied', reason: 'new_job', text: '' }))).toEqual(['Senior Engineer']);
    expect(titles(filterItems(items, { outcome: 'all', reason: 'new_job', text: '  ENGINEER ' }))).toEqual([
      'Senior Engineer',
      'Data Engineer',
    ]);
    expect(titles(filterItems(items, { ...NO_ITEM_FILTER, text: 'sal-' }))).toEqual(['Account Executive', 'Sales Engineer']);
    expect(titles(filterItems(items, { outcome: 'failed', reason: 'all', text: 'eng-200' }))).toEqual(['Data Engineer']);
    expect(filterItems(items, { outcome: 'skipped', reason: 'new_job', text: '' })).toEqual([]);
  });
});

describe('run detail reasons (reasonsOf, reasonLabel) and outcome counts', () => {
  it('lists each reason once with its sentence and count, most frequent first, ties by code', () => {
    expect(reasonsOf(items)).toEqual([
      { reason: 'new_job', text: 'New active job in ChartHop.', count: 3 },
      { reason: 'unmapped_value', text: 'Department "Sales EMEA" has no Lever team.', count: 2 },
      { reason: 'fields_changed', text: 'Title changed in ChartHop.', count: 1 },
    ]);
    expect(reasonsOf([])).toEqual([]);
    const tie = [item({ reason: 'zeta' }), item({ reason: 'alpha' })];
    expect(reasonsOf(tie).map((r) => r.reason)).toEqual(['alpha', 'zeta']);
  });

  it('words a reason code for the filter', () => {
    expect(reasonLabel('unmapped_value')).toBe('Unmapped value');
    expect(reasonLabel('posting.follow-up')).toBe('Posting follow up');
    expect(reasonLabel('')).toBe('');
  });

  it('counts items by outcome', () => {
    expect(outcomeCounts(items)).toEqual({ applied: 2, skipped: 2, failed: 1, cancelled: 1 });
  });
});

describe('run counts wording', () => {
  const zero: RunCounts = { created: 0, updated: 0, closed: 0, deleted: 0, linked: 0, skipped: 0, attention: 0, failed: 0, cancelled: 0 };

  it('names a cancelled run’s cancelled records (run detail, Home, top bar)', () => {
    const counts = { ...zero, created: 4, cancelled: 6 };
    expect(countsSentence(counts)).toBe('created 4 requisitions · 6 cancelled');
    expect(runCountsText({ counts, direction: 'outbound', status: 'cancelled' })).toBe('created 4 requisitions · 6 cancelled');
    expect(countsSentence(zero)).toBe('nothing to change');
    expect(metricsCountsSentence({ ...zero, updated: 1, skipped: 2, cancelled: 3 })).toBe('1 job written · 2 unchanged · 3 cancelled');
  });

  it('a finished run speaks in the past tense, a running one in the present, each in the records of its direction', () => {
    const counts = { ...zero, created: 3, updated: 2, linked: 1, skipped: 7, attention: 1 };
    expect(runCountsText({ counts, direction: 'outbound', status: 'succeeded' })).toBe(
      'created 3 requisitions, updated 2 and linked 1 · 1 need attention · 7 skipped',
    );
    expect(runCountsText({ counts, direction: 'reconcile', status: 'running' })).toBe(
      'creating 3 requisitions, updating 2 and linking 1 · 1 need attention · 7 skipped',
    );
    expect(runCountsText({ counts: { ...zero, created: 1 }, direction: 'inbound', status: 'partial' })).toBe('created 1 ChartHop job');
    const undo = { counts: { ...zero, deleted: 2, updated: 1 }, direction: 'outbound', status: 'succeeded', kind: 'undo' } as const;
    expect(runCountsText(undo)).toBe('updated 1 record and deleted 2');
    expect(runCountsText({ counts: zero, direction: 'outbound', status: 'running' })).toBe('nothing written yet');
    expect(runCountsText({ counts: zero, direction: 'hires', status: 'failed' })).toBe('hire decisions are on the Hires page');
  });

  it('tells each record of a run by what happened to it, its plan reason in the same tense', () => {
    const reasonText =
      'Open Active job with no Lever requisition: a requisition RB-1 will be created (code generated and written back to the job).';
    expect(itemDeedText({ action: 'create', outcome: 'applied', reasonText })).toEqual({
      deed: 'Created',
      reason: 'Open Active job with no Lever requisition: a requisition RB-1 was created (code generated and written back to the job).',
    });
    expect(itemDeedText({ action: 'create', outcome: 'failed', reasonText })).toMatchObject({
      deed: 'Not created',
      reason: expect.stringContaining('RB-1 was to be created'),
    });
    expect(itemDeedText({ action: 'link', outcome: 'cancelled', reasonText: 'Found in Lever: it will be linked to the job.' })).toEqual({
      deed: 'Not linked',
      reason: 'Found in Lever: it was to be linked to the job.',
    });
    const skipped = 'Skipped, so nothing is written wrongly: the user x has no Lever user.';
    // Skipped and needs-attention records: their outcome says it all, the reason is kept as it is.
    expect(itemDeedText({ action: 'skip', outcome: 'skipped', reasonText: skipped })).toEqual({ deed: '', reason: skipped });
    expect(itemDeedText({ action: 'needs_attention', outcome: 'attention', reasonText: 'Two jobs match.' })).toEqual({
      deed: '',
      reason: 'Two jobs match.',
    });
  });

  it('the CLI prints the cancelled count too', () => {
    expect(countsText({ ...zero, created: 4, cancelled: 6 })).toBe('4 created, 6 cancelled');
    expect(countsText(zero)).toBe('no changes');
  });
});

describe('app:navigate routing (navigationAction, what followNavigate does)', () => {
  it('the tray’s sync-now starts Sync now and reconcile opens Reconcile…, with or without a leading #/ or /', () => {
    expect(navigationAction('sync-now')).toEqual({ kind: 'sync-now' });
    expect(navigationAction('reconcile')).toEqual({ kind: 'reconcile' });
    expect(navigationAction('preview')).toEqual({ kind: 'preview' });
    expect(navigationAction('#/sync-now')).toEqual({ kind: 'sync-now' });
    expect(navigationAction('/reconcile')).toEqual({ kind: 'reconcile' });
  });

  it('a run link opens the run; a page goes to it; anything else goes Home', () => {
    expect(navigationAction('runs/sandbox/3')).toEqual({ kind: 'open-run', run: { profileId: 'sandbox', runId: 3 } });
    expect(navigationAction('runs')).toEqual({ kind: 'page', route: 'runs' });
    expect(navigationAction('#/options')).toEqual({ kind: 'page', route: 'options' });
    expect(navigationAction('runs/Not A Profile/x')).toEqual({ kind: 'page', route: 'runs' });
    expect(navigationAction('sync-now-please')).toEqual({ kind: 'page', route: 'home' });
  });
});
