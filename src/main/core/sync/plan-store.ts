/**
 * Plans kept in memory by id between `sync:plan` and `sync:apply`, for a
 * limited time (the systems move on; an old plan would write stale values).
 * A plan is applied at most once. Plans do not survive a restart.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { EnginePlan } from './plan-types.ts';

/** How long a plan can be applied after it was computed (15 minutes). */
export const PLAN_TTL_MS = 15 * 60_000;

/** Plans by id. */
export interface PlanStore {
  /** A fresh plan id. */
  newId(): string;
  put(plan: EnginePlan): void;
  /** The plan, or an AppError asking to plan again. Does not remove it. */
  get(profileId: string, planId: string): EnginePlan;
  /** Removes a plan (it is being applied). */
  remove(planId: string): void;
}

/** A plan store; `now` is the engine's clock (ms). */
export function createPlanStore(now: () => number, ttlMs = PLAN_TTL_MS, maxPlans = 20): PlanStore {
  const plans = new Map<string, { plan: EnginePlan; expiresAt: number }>();
  const purge = (): void => {
    for (const [id, entry] of plans) if (entry.expiresAt <= now()) plans.delete(id);
  };
  return {
    newId: () => randomUUID(),
    put(plan) {
      purge();
      plans.set(plan.id, { plan, expiresAt: now() + ttlMs });
      while (plans.size > maxPlans) plans.delete(plans.keys().next().value as string);
    },
    get(profileId, planId) {
      purge();
      const entry = plans.get(planId);
      if (!entry || entry.plan.profileId !== profileId) {
        throw new AppError(
          'sync.plan_expired',
          `This plan is no longer available: plans are kept for ${Math.round(ttlMs / 60_000)} minutes, are applied once, and do not survive a restart. Compute the plan again (Reconcile…, or reqbridge plan) and apply the new one.`,
        );
      }
      return entry.plan;
    },
    remove: (planId) => void plans.delete(planId),
  };
}
