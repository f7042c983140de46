/**
 * How far long work has got, pushed as events while it runs. One shape for every kind of long
 * work — a sync run (`run:progress`), the new-hire catch-up (`catch-up:progress`) and Check
 * connection (`doctor:progress`) — so the UI shows them with the same progress bar.
 */

/** Progress of long work in its current phase. */
export interface Progress<Phase extends string = string> {
  profileId: string;
  phase: Phase;
  /** Items done in this phase. */
  done: number;
  /** Items in this phase; 0 while not known yet (e.g. while a listing is being read). */
  total: number;
  /** Seconds left, estimated from the pace so far; null until it can be estimated. */
  etaSeconds: number | null;
}

/** Progress of work that names the item it last finished (a check's title, a hire's candidate). */
export interface TaskProgress<Phase extends string = string> extends Progress<Phase> {
  /** The item last finished, in words; null when there is none yet or it has no name. */
  current: string | null;
}
