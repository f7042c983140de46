/**
 * Planning in slices. The planners are pure and synchronous, and a 10,000-job plan holds the event loop
 * for over 100 ms, which in the core process is 100 ms that every other answer (the profile list, a run's
 * progress, a webhook) waits. So each planner is written as steps, a generator that pauses after each
 * {@link PLAN_SLICE} records, and run in one of two ways:
 * - {@link runToEnd} runs every step at once (the pure `planOutbound` / `planInbound` that tests and
 *   benches call);
 * - {@link runInSlices} lets the event loop run between slices whenever the work has held it for
 *   {@link SLICE_BUDGET_MS} (what the engine uses).
 */

/** Records planned between two pauses. */
export const PLAN_SLICE = 250;
/** How long planning may hold the event loop before it lets other work run, in ms. */
export const SLICE_BUDGET_MS = 20;

/** A planner's steps: it yields between slices and returns its result. */
export type PlanSteps<T> = Generator<void, T, void>;

/** Run every step now and return the result. */
export function runToEnd<T>(steps: PlanSteps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** What {@link runInSlices} needs; tests inject a clock and a pause they can count. */
export interface SliceOptions {
  /** Milliseconds clock; default `performance.now`. */
  now?: () => number;
  /** Lets the event loop run; default `setImmediate`. */
  pause?: () => Promise<void>;
  budgetMs?: number;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Run the steps, letting the event loop run whenever they have held it for the budget. */
export async function runInSlices<T>(steps: PlanSteps<T>, options: SliceOptions = {}): Promise<T> {
  const now = options.now ?? (() => performance.now());
  const pause = options.pause ?? nextTurn;
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  let since = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - since >= budget) {
      await pause();
      since = now();
    }
  }
}
