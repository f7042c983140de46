/**
 * Unsaved edits across the app, and the one question asked before something would throw them away:
 * switching profile drops the Options draft and every open form; leaving a page drops the forms that
 * keep their edits on the page (Setup's connection and mappings, the tunnel settings).
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { isDraftDirty, useSettingsStore } from './useSettingsStore.ts';

/** What would throw the edits away. */
export type DiscardCause = 'switch-profile' | 'leave-page';

/** The question on screen: what is unsaved, what the consultant asked for, and how to answer. */
export interface DiscardQuestion {
  cause: DiscardCause;
  /** What the consultant asked for, as the confirm button finishes it: "switch to Acme", "open Runs". */
  action: string;
  /** What would be lost, e.g. "the Options", "the connection settings in Setup". */
  unsaved: string[];
  resolve: (discard: boolean) => void;
}

interface UnsavedState {
  /** Page-local forms with unsaved edits: id → what to call them. */
  forms: Record<string, string>;
  question: DiscardQuestion | null;
  /** Report a form's edits: its label while it has unsaved edits, null once saved, reverted or gone. */
  markForm: (id: string, label: string | null) => void;
  /** Answer the question on screen: true discards and goes on, false keeps the edits. */
  answer: (discard: boolean) => void;
}

/** The registry of unsaved edits and the pending question. */
export const useUnsavedStore = create<UnsavedState>((set, get) => ({
  forms: {},
  question: null,
  markForm: (id, label) =>
    set(({ forms }) => {
      if ((forms[id] ?? null) === label) return {};
      const next = { ...forms };
      if (label) next[id] = label;
      else delete next[id];
      return { forms: next };
    }),
  answer: (discard) => {
    const question = get().question;
    if (!question) return;
    set({ question: null });
    question.resolve(discard);
  },
}));

/** What `cause` would lose: the Options draft (switching profile only) and the page-local forms. */
export function unsavedEdits(cause: DiscardCause): string[] {
  const settings = useSettingsStore.getState();
  const options = cause === 'switch-profile' && isDraftDirty(settings.saved, settings.draft) ? ['the Options'] : [];
  return [...options, ...Object.values(useUnsavedStore.getState().forms)];
}

/**
 * Resolves true at once when nothing unsaved would be lost; otherwise asks (the app's one
 * "Discard unsaved changes?" dialog) and resolves with the answer. A second request while a
 * question is open is refused (false), so two clicks never stack two dialogs.
 */
export function confirmDiscard(cause: DiscardCause, action: string): Promise<boolean> {
  const unsaved = unsavedEdits(cause);
  if (unsaved.length === 0) return Promise.resolve(true);
  if (useUnsavedStore.getState().question) return Promise.resolve(false);
  return new Promise((resolve) => useUnsavedStore.setState({ question: { cause, action, unsaved, resolve } }));
}

/** For a form that keeps its edits on its page: report whether it has unsaved edits (cleared when it goes away). */
export function useUnsavedForm(id: string, label: string, dirty: boolean): void {
  useEffect(() => {
    useUnsavedStore.getState().markForm(id, dirty ? label : null);
  }, [id, label, dirty]);
  useEffect(() => () => useUnsavedStore.getState().markForm(id, null), [id]);
}
