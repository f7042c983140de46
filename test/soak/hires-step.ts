/**
 * The new-hire work of a soak step: Lever hires a few candidates, ReqBridge's webhook listener
 * (a child process) gets the step's deliveries (some tried while it was not running) and Lever's
 * retries of earlier ones while the Sandbox injects faults, and is SIGKILLed or stopped cleanly;
 * then, maybe, a catch-up run (also maybe killed). `settleHires` is the clean final pass: every
 * retry delivered, a catch-up, no faults.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ChildRequest, ChildResult } from './child-process.ts';
import { startChild } from './child-process.ts';
import { awaitsRetry, planDeliveries, sendDeliveries, tallyDeliveries } from './deliveries.ts';
import type { DeliveryCount, SoakDelivery } from './deliveries.ts';
import { HIRE_FAULT_KINDS, drawHireFault } from './fault-menu.ts';
import type { SoakFaultKind } from './fault-menu.ts';
import type { Prng } from './prng.ts';
import type { SoakWorld } from './world.ts';

/** What the new-hire steps share with the seed. */
export interface HiresContext {
  world: SoakWorld;
  prng: Prng;
  seed: number;
  /** Extra environment for every child (the broken-build hooks). */
  env: Record<string, string>;
  /** Every delivery sent so far (the invariants read their answers). */
  deliveries: SoakDelivery[];
  /** Opportunities hired in Lever so far. */
  hired: Set<string>;
  /** Deliveries sent, by kind (with duplicates and retries). */
  tally: Partial<Record<DeliveryCount, number>>;
  /** Catch-ups started (in a process of their own, or after the listener drained). */
  catchUps: number;
  /** Records a finished child (kills, hangs, outputs). */
  track(req: ChildRequest, result: ChildResult): void;
  /** Records a fault armed for the step, and how often it fired. */
  armed(kind: SoakFaultKind, fired: number): void;
}

/** A start date for a hire (the offer's), a few weeks after the world's clock. */
const startDate = (prng: Prng): number => Date.UTC(2027, 0, 4) + prng.int(0, 30) * 86_400_000;

/** Serves the webhook listener, sends `deliveries`, then stops it (SIGTERM, after draining) or SIGKILLs it. */
async function serve(ctx: HiresContext, deliveries: SoakDelivery[], killAfterMs: number | null, catchUpAtEnd = false): Promise<void> {
  const req: ChildRequest = {
    mode: 'serve',
    direction: 'inbound',
    env: { ...ctx.env, ...(catchUpAtEnd ? { SOAK_CATCH_UP_AT_END: '1' } : {}) },
  };
  const child = startChild(ctx.world, req);
  const first = await child.firstLine;
  const url = typeof first?.['url'] === 'string' ? first['url'] : null;
  let killed = false;
  const timer =
    killAfterMs === null
      ? undefined
      : setTimeout(() => {
          killed = true;
          child.signal('SIGKILL');
        }, killAfterMs);
  if (url) await sendDeliveries(url, deliveries, () => killed);
  if (!killed) {
    if (timer) clearTimeout(timer);
    child.signal('SIGTERM');
  }
  const result = await child.done;
  ctx.track(req, { ...result, killedByTimer: killed && result.signal === 'SIGKILL' });
}

/** A URL on 127.0.0.1 where nothing listens (a port just released): the listener of a ReqBridge that is not running. */
async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/webhooks/lever/not-running`;
}

/** Runs a catch-up child, SIGKILLed after `killAfterMs` when given. */
async function catchUp(ctx: HiresContext, killAfterMs: number | null): Promise<void> {
  const req: ChildRequest = { mode: 'catch-up', direction: 'inbound', env: ctx.env, ...(killAfterMs === null ? {} : { killAfterMs }) };
  ctx.catchUps += 1;
  ctx.track(req, await startChild(ctx.world, req).done);
}

/** Plays the new-hire work of step `step`; returns the number of deliveries sent. */
export async function playHires(ctx: HiresContext, step: number): Promise<number> {
  const { world, prng } = ctx;
  const open = world.candidates.filter((c) => !ctx.hired.has(c.opportunityId));
  const drawn = open.filter(() => prng.chance(0.4)).slice(0, 2);
  // At least one hire a step while candidates are left: a step without one tests little.
  const hires = drawn.length === 0 && open.length > 0 ? [prng.pick(open)] : drawn;
  for (const c of hires) {
    await world.lever.control.hireOpportunity(c.opportunityId, { startDate: startDate(prng), salary: 120_000, currency: 'USD' });
    ctx.hired.add(c.opportunityId);
  }
  const notHired = world.candidates.filter((c) => !ctx.hired.has(c.opportunityId));
  const retries = ctx.deliveries.filter(awaitsRetry);
  const fresh = planDeliveries(prng, { seed: ctx.seed, step, signatureToken: world.signatureToken, now: Date.now() }, hires, notHired);
  ctx.deliveries.push(...fresh);
  const kind = HIRE_FAULT_KINDS[(ctx.seed + step) % HIRE_FAULT_KINDS.length] as SoakFaultKind;
  const fault = drawHireFault(prng, kind);
  const target = fault.vendor === 'lever' ? world.lever : world.charthop;
  const id = target.control.setFault(fault.rule).id;
  const kill = prng.chance(0.4) ? prng.int(50, 1_500) : null;
  // Some arrive while ReqBridge is not running (connection refused): Lever sends them again later.
  const whileDown = fresh.filter(() => prng.chance(0.2));
  if (whileDown.length > 0) await sendDeliveries(await refusingUrl(), whileDown);
  const sending = [...retries, ...fresh.filter((d) => !whileDown.includes(d))];
  tallyDeliveries(ctx.tally, fresh, retries.length);
  await serve(ctx, sending, kill);
  if (prng.chance(0.4)) await catchUp(ctx, prng.chance(0.3) ? prng.int(100, 1_500) : null);
  ctx.armed(kind, target.control.faults().find((r) => r.id === id)?.fired ?? 0);
  target.control.clearFault(id);
  return sending.length;
}

/** The clean final pass of the new-hire flow: Lever's last retries delivered and drained, then a catch-up. */
export async function settleHires(ctx: HiresContext): Promise<number> {
  const retries = ctx.deliveries.filter(awaitsRetry);
  tallyDeliveries(ctx.tally, [], retries.length);
  ctx.catchUps += 1;
  await serve(ctx, retries, null, true);
  return retries.length;
}
