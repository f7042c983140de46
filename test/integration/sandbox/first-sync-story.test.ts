// The Sandbox rehearses a real first sync (the app's embedded Sandbox, real HTTP, real SQLite):
// the first Sync now creates, updates, links and skips, each counted in the run; adding the
// suggested mapping makes the next Sync now create the skipped Active jobs; the first run can be
// undone, after which a fresh plan creates the same requisitions again.
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_PROFILE_ID } from '../../../src/shared/settings/schema.ts';
import type { SandboxCore } from '../../support/sandbox-core.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import { valueOf } from '../../support/test-core.ts';

let sandbox: SandboxCore | undefined;
afterEach(async () => {
  await sandbox?.dispose();
  sandbox = undefined;
});

const profileId = SANDBOX_PROFILE_ID;

describe('the Sandbox’s first sync', () => {
  it('creates, updates, links and skips, each counted; the suggested mapping creates the skipped ones; the first run can be undone', async () => {
    sandbox = await startSandboxCore();
    const { api } = sandbox;
    const story = sandbox.embedded.sandbox.facts.firstSync;
    expect(story.codelessJobIds.length).toBeGreaterThan(0);
    expect(story.awaitingMappingJobIds.length).toBeGreaterThan(0);
    const before = valueOf(await api.invoke('sync:plan', { profileId, mode: 'sync' }));

    const first = valueOf(await api.invoke('sync:run', { profileId }));
    expect(first.status).toBe('succeeded');
    expect(first.counts.created).toBe(story.codelessJobIds.length);
    expect(first.counts.updated).toBeGreaterThanOrEqual(2);
    expect(first.counts.linked).toBeGreaterThan(0);
    expect(first.counts.skipped).toBeGreaterThanOrEqual(story.awaitingMappingJobIds.length);
    const items = valueOf(await api.invoke('runs:get', { profileId, runId: first.id })).items;
    expect(items.filter((i) => i.action === 'update').map((i) => i.reason)).toContain('code_matched_drifted');
    expect(new Set(items.filter((i) => i.outcome === 'skipped').map((i) => i.reason))).toEqual(new Set(['unmapped_value']));
    // The codes ReqBridge generated were written back to the ChartHop jobs.
    const created = items.filter((i) => i.action === 'create');
    expect(created.every((i) => i.recordKey.startsWith('RB-'))).toBe(true);

    // The suggested mapping: the recruiter missing from Lever → a Lever user.
    const mapping = story.suggestedMapping;
    expect(mapping).not.toBeNull();
    const settings = valueOf(await api.invoke('settings:get', { profileId }));
    valueOf(
      await api.invoke('settings:update', {
        profileId,
        patch: { mappings: { users: { ...settings.mappings.users, [mapping!.charthopValue]: mapping!.leverValue } } },
      }),
    );
    const second = valueOf(await api.invoke('sync:run', { profileId }));
    expect(second.status).toBe('succeeded');
    expect(second.counts).toMatchObject({ created: story.awaitingMappingJobIds.length, skipped: 0, failed: 0 });

    // Undo of the first run: what it created is deleted, what it linked unlinked, what it updated restored.
    const undo = valueOf(await api.invoke('runs:undo-plan', { profileId, runId: first.id }));
    // The Sandbox has Sync On Change and Run Daily on: the plan says what they would do after the undo.
    expect(undo.notice).toContain('Sync On Change is on for this profile');
    expect(undo.notice).toContain('The next daily run plans these records again');
    expect(undo.counts).toMatchObject({
      delete: first.counts.created,
      update: first.counts.updated + first.counts.linked,
      needs_attention: 0,
    });
    const undone = valueOf(await api.invoke('sync:apply', { profileId, planId: undo.planId, rowIds: undo.rows.map((r) => r.id) }));
    expect(undone).toMatchObject({ status: 'succeeded', kind: 'undo', undoes: first.id });
    const after = valueOf(await api.invoke('sync:plan', { profileId, mode: 'sync' }));
    const rowsOf = (plan: typeof before, action: string) =>
      plan.rows.filter((r) => r.action === action).map((r) => [r.id, r.requisitionCode, r.diff]);
    expect(rowsOf(after, 'create').filter(([id]) => before.rows.some((r) => r.id === id))).toEqual(rowsOf(before, 'create'));
    expect(rowsOf(after, 'link')).toEqual(rowsOf(before, 'link'));
  });
});
