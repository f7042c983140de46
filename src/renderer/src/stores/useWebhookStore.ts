/** The selected profile's new-hire webhook endpoint: URL, secret, tunnel and deliveries, live. */
import { create } from 'zustand';
import type { WebhookStatus } from '../../../shared/api/hires-views.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';

interface WebhookState {
  profileId: string | null;
  status: WebhookStatus | null;
  loadError: UiError | null;
  load: (profileId: string) => Promise<void>;
  /** Replace the status (from `webhook:changed`), when it is the selected profile's. */
  apply: (status: WebhookStatus) => void;
  /** Make a new secret (the old URL stops working); throws UiError. */
  rotate: () => Promise<void>;
  /** Send a signed test ping to the listener; the status it answers shows the verification. Throws UiError. */
  testDelivery: () => Promise<void>;
}

/** The webhook status Setup step 5, the Hires page and Home show. */
export const useWebhookStore = create<WebhookState>((set, get) => ({
  profileId: null,
  status: null,
  loadError: null,
  load: async (profileId) => {
    if (get().profileId !== profileId) set({ profileId, status: null, loadError: null });
    try {
      const status = await call('webhook:status', { profileId });
      if (get().profileId === profileId) set({ status, loadError: null });
    } catch (error) {
      if (get().profileId === profileId) set({ loadError: toUiError(error) });
    }
  },
  apply: (status) => {
    if (status.profileId === get().profileId) set({ status, loadError: null });
  },
  rotate: async () => {
    const profileId = get().profileId;
    if (!profileId) return;
    get().apply(await call('webhook:rotate-secret', { profileId }));
  },
  testDelivery: async () => {
    const profileId = get().profileId;
    if (!profileId) return;
    get().apply(await call('webhook:test-delivery', { profileId }));
  },
}));
