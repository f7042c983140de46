/** The notice when the engine's process stopped: restarted (a warning to dismiss) or down for good (an error that stays). */
import { create } from 'zustand';
import type { EngineNotice } from '../../../shared/api/domains/core.ts';

/** What the notice shows. */
export interface EngineNoticeView extends EngineNotice {
  /** `restarted`: the engine runs again; `stopped`: every call fails until ReqBridge is started again. */
  kind: 'restarted' | 'stopped';
}

interface EngineState {
  notice: EngineNoticeView | null;
  /** Take `app:core-restarted`. */
  onRestarted: (notice: EngineNotice) => void;
  /** Take `app:core-stopped`. */
  onStopped: (notice: EngineNotice) => void;
  /** Hide a restart notice (a stopped engine's notice stays). */
  dismiss: () => void;
}

/** The engine's process as the UI knows it. */
export const useEngineStore = create<EngineState>((set, get) => ({
  notice: null,
  onRestarted: (notice) => set({ notice: { ...notice, kind: 'restarted' } }),
  onStopped: (notice) => set({ notice: { ...notice, kind: 'stopped' } }),
  dismiss: () => {
    if (get().notice?.kind === 'restarted') set({ notice: null });
  },
}));
