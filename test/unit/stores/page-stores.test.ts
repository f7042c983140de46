// useRouteStore, useUnsavedStore and useHiresStore on their own: routing on the hash (a typed run
// link goes to the run), the one "Discard unsaved changes?" question (never two at once), and the
// hires log of the profile shown with a replay's answer put in place, and a test delivery refused without a listener.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { useHiresStore as HiresStore } from '../../../src/renderer/src/stores/useHiresStore.ts';
import type { useRouteStore as RouteStore, watchHash as WatchHash } from '../../../src/renderer/src/stores/useRouteStore.ts';
import type {
  confirmDiscard as ConfirmDiscard,
  useUnsavedStore as UnsavedStore,
} from '../../../src/renderer/src/stores/useUnsavedStore.ts';
import type { HireView } from '../../../src/shared/api/hires-views.ts';
import type { StoreWorld } from './store-world.ts';
import { installStoreWorld } from './store-world.ts';

let world: StoreWorld;
let useRouteStore: typeof RouteStore;
let watchHash: typeof WatchHash;
let useUnsavedStore: typeof UnsavedStore;
let confirmDiscard: typeof ConfirmDiscard;
let useHiresStore: typeof HiresStore;
beforeAll(async () => {
  world = installStoreWorld();
  ({ useRouteStore, watchHash } = await import('../../../src/renderer/src/stores/useRouteStore.ts'));
  ({ useUnsavedStore, confirmDiscard } = await import('../../../src/renderer/src/stores/useUnsavedStore.ts'));
  ({ useHiresStore } = await import('../../../src/renderer/src/stores/useHiresStore.ts'));
});
afterAll(() => world.dispose());

const win = () => (globalThis as unknown as { window: EventTarget & { location: { hash: string } } }).window;

describe('useRouteStore', () => {
  it('navigates by the hash, follows a changed hash, and sends a run link to the run', () => {
    useRouteStore.getState().navigate('runs');
    expect(win().location.hash).toBe('#/runs');
    expect(useRouteStore.getState().route).toBe('runs');
    const opened: unknown[] = [];
    let closed = 0;
    const stop = watchHash({ openRun: (run) => opened.push(run), closeRun: () => (closed += 1), isOpen: (run) => run.runId === 8 });
    win().location.hash = '#/setup';
    win().dispatchEvent(new Event('hashchange'));
    expect(useRouteStore.getState().route).toBe('setup');
    win().location.hash = '#/runs/acme/7';
    win().dispatchEvent(new Event('hashchange'));
    expect(opened).toEqual([expect.objectContaining({ profileId: 'acme', runId: 7 })]);
    // A run already shown is not opened again; Back to `#/runs` shows the list.
    win().location.hash = '#/runs/acme/8';
    win().dispatchEvent(new Event('hashchange'));
    expect(opened).toHaveLength(1);
    expect(useRouteStore.getState().route).toBe('runs');
    win().location.hash = '#/runs';
    win().dispatchEvent(new Event('hashchange'));
    expect(closed).toBe(1);
    // Going to Runs keeps a run link already in the hash.
    win().location.hash = '#/runs/acme/8';
    useRouteStore.getState().navigate('runs');
    expect(win().location.hash).toBe('#/runs/acme/8');
    stop();
    win().location.hash = '#/home';
    win().dispatchEvent(new Event('hashchange'));
    expect(useRouteStore.getState().route).toBe('runs');
  });
});

describe('useUnsavedStore', () => {
  it('asks once when a form has unsaved edits, refuses a second question meanwhile, and goes on when nothing is unsaved', async () => {
    expect(await confirmDiscard('leave-page', 'open Runs')).toBe(true);
    useUnsavedStore.getState().markForm('connection', 'the connection settings in Setup');
    const asked = confirmDiscard('leave-page', 'open Runs');
    expect(useUnsavedStore.getState().question).toMatchObject({ action: 'open Runs', unsaved: ['the connection settings in Setup'] });
    expect(await confirmDiscard('leave-page', 'open Hires')).toBe(false);
    useUnsavedStore.getState().answer(false);
    expect(await asked).toBe(false);
    useUnsavedStore.getState().markForm('connection', null);
    expect(await confirmDiscard('leave-page', 'open Runs')).toBe(true);
  });
});

describe('useHiresStore', () => {
  it('loads the hires of the profile shown and ignores an event for another profile', async () => {
    await useHiresStore.getState().load('sandbox');
    expect(useHiresStore.getState()).toMatchObject({ profileId: 'sandbox', loadError: null });
    const before = useHiresStore.getState().hires;
    expect(Array.isArray(before)).toBe(true);
    const stranger: HireView = {
      id: '999',
      profileId: 'acme',
      source: 'webhook',
      receivedAt: '2026-01-05T09:00:00.000Z',
      decidedAt: null,
      opportunityId: 'o-1',
      candidateName: null,
      jobId: null,
      jobTitle: null,
      decision: 'pending',
      reason: '',
      personId: null,
      startDate: null,
    };
    useHiresStore.getState().upsert(stranger, 'acme');
    expect(useHiresStore.getState().hires).toBe(before);
    useHiresStore.getState().upsert({ ...stranger, profileId: 'sandbox' }, 'sandbox');
    expect(useHiresStore.getState().hires?.[0]?.id).toBe('999');
    await expect(useHiresStore.getState().replay('123456')).rejects.toMatchObject({ name: 'UiError' });
    await expect(useHiresStore.getState().jobMatch('123456')).rejects.toMatchObject({ name: 'UiError', code: 'hires.not_found' });
  });
});

describe('useWebhookStore', () => {
  it('keeps the status as it was when a test delivery cannot be sent, and says why', async () => {
    const { useWebhookStore } = await import('../../../src/renderer/src/stores/useWebhookStore.ts');
    await useWebhookStore.getState().load('sandbox');
    const before = useWebhookStore.getState().status;
    expect(before?.lastVerificationAt).toBeNull();
    // This core runs no embedded Sandbox and no listener: there is nothing to deliver to.
    await expect(useWebhookStore.getState().testDelivery()).rejects.toMatchObject({ name: 'UiError', code: 'webhook.not_listening' });
    expect(useWebhookStore.getState().status).toEqual(before);
  });
});
