/**
 * One seed of the chaos soak: a deterministic random schedule (seeded PRNG) of runs, edits,
 * option changes, racing triggers, faults and SIGKILLs against a fresh world, then a clean final
 * run and the invariants.
 */
import type { ChildRequest, ChildResult } from './child-process.ts';
import { runChild } from './child-process.ts';
import { SOAK_FAULT_KINDS, drawFault } from './fault-menu.ts';
import type { SoakFaultKind } from './fault-menu.ts';
import { playDaily } from './daily-step.ts';
import type { DeliveryCount, SoakDelivery } from './deliveries.ts';
import { checkHireInvariants } from './hire-invariants.ts';
import { playHires, settleHires } from './hires-step.ts';
import type { HiresContext } from './hires-step.ts';
import { checkInvariants } from './invariants.ts';
import type { Violation } from './invariants.ts';
import { createPrng } from './prng.ts';
import { startSoakWorld } from './world.ts';
import type { SoakWorld } from './world.ts';

/** How big a seed's world and schedule are. */
export interface SeedScale {
  minRecords: number;
  maxRecords: number;
  minSteps: number;
  maxSteps: number;
  /** How many lives (starts) of ReqBridge Run Daily sees while the clock jumps. */
  dailyLives: readonly [number, number];
  /** The chance of new-hire work in a step after the second (which always has some). */
  hireChance: number;
}

/** The CI slice's scale and the release gate's. */
export const SCALES: Readonly<Record<'small' | 'full', SeedScale>> = {
  small: { minRecords: 3, maxRecords: 5, minSteps: 3, maxSteps: 4, dailyLives: [1, 1], hireChance: 0 },
  full: { minRecords: 4, maxRecords: 10, minSteps: 4, maxSteps: 8, dailyLives: [2, 3], hireChance: 0.35 },
};

/** What one seed did and found. */
export interface SeedReport {
  seed: number;
  direction: 'outbound' | 'inbound';
  runs: number;
  kills: number;
  races: number;
  edits: number;
  optionChanges: number;
  /** Lever webhook deliveries sent (retries and duplicates included). */
  deliveries: number;
  /** New-hire steps played. */
  hireSteps: number;
  /** Deliveries by kind (duplicates and Lever's retries counted apart). */
  deliveryKinds: Partial<Record<DeliveryCount, number>>;
  /** Hires catch-ups started. */
  catchUps: number;
  /** Edits made while a run was going (part of `edits`). */
  editsDuringRuns: number;
  /** Mapping changes between runs (part of `optionChanges`). */
  mappingChanges: number;
  /** Times the clock jumped forward (sleep and wake) under Run Daily. */
  clockJumps: number;
  /** Daily runs Run Daily started while the clock jumped. */
  dailyRuns: number;
  /** Faults that fired (a fault armed before a run can miss: the run was killed first, or never made that call). */
  faults: Partial<Record<SoakFaultKind, number>>;
  /** Faults armed for a run, by kind (the schedule's, the same for every replay of the seed). */
  injected: Partial<Record<SoakFaultKind, number>>;
  violations: Violation[];
  durationMs: number;
}

const JOURNAL_POINTS = ['after_planned', 'after_sent', 'after_write', 'before_confirmed'] as const;

/** Mapping changes between runs: value crosswalks set and taken away again. */
const MAPPINGS = [
  { departments: { Engineering: 'Engineering (R&D)' } },
  { departments: {} },
  { locations: { 'New York': 'NYC' }, employmentTypes: { FULL: 'contractor' } },
  { locations: {}, employmentTypes: {} },
] as const;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Plays seed `seed`; `env` is passed to every ReqBridge child (the broken-build hook). */
export async function runSeed(seed: number, scale: SeedScale, env: Record<string, string> = {}): Promise<SeedReport> {
  const started = Date.now();
  const prng = createPrng(seed);
  const direction = prng.chance(0.6) ? 'outbound' : 'inbound';
  const size = prng.int(scale.minRecords, scale.maxRecords);
  const world = await startSoakWorld(seed, direction, size);
  const report: SeedReport = {
    seed,
    direction,
    runs: 0,
    kills: 0,
    races: 0,
    edits: 0,
    optionChanges: 0,
    deliveries: 0,
    hireSteps: 0,
    deliveryKinds: {},
    catchUps: 0,
    editsDuringRuns: 0,
    mappingChanges: 0,
    clockJumps: 0,
    dailyRuns: 0,
    faults: {},
    injected: {},
    violations: [],
    durationMs: 0,
  };
  const outputs: string[] = [];
  const reproduce = reproduceCommand(seed, env);
  const track = (req: ChildRequest, result: ChildResult): void => {
    outputs.push(result.stdout, result.stderr);
    if (req.mode === 'run') report.runs += 1;
    if (result.signal === 'SIGKILL' && !result.hung) report.kills += 1;
    const what = `a ${req.mode} ${req.direction} child`;
    if (result.hung)
      report.violations.push({
        seed,
        invariant: 'runs bounded',
        detail: `${what} did not finish within the bound and was killed`,
        reproduce,
      });
  };
  const child = async (req: ChildRequest): Promise<ChildResult> => {
    const result = await runChild(world, { ...req, env: { ...env, ...(req.env ?? {}) } });
    track(req, result);
    return result;
  };
  const deliveries: SoakDelivery[] = [];
  const hires: HiresContext = {
    world,
    prng,
    seed,
    deliveries,
    hired: new Set(),
    env,
    tally: report.deliveryKinds,
    catchUps: 0,
    track,
    armed(kind, fired) {
      report.injected[kind] = (report.injected[kind] ?? 0) + 1;
      if (fired > 0) report.faults[kind] = (report.faults[kind] ?? 0) + fired;
    },
  };
  try {
    const steps = prng.int(scale.minSteps, scale.maxSteps);
    for (let step = 0; step < steps; step += 1) {
      // An edit in the source of truth: before the run, or while it goes (what Sync On Change picks up).
      const edit = prng.chance(0.6) ? { index: prng.int(0, size - 1), duringMs: prng.chance(0.5) ? prng.int(50, 1_500) : null } : null;
      const title = (i: number): string => `${direction === 'outbound' ? 'Engineer' : 'Role'} ${i + 1} rev ${seed}.${step}`;
      if (edit && edit.duringMs === null && (await world.editTitle(edit.index, title(edit.index)))) report.edits += 1;
      if (prng.chance(0.3)) {
        await world.updateProfile({ options: { remoteLocationAsDefault: prng.chance(0.5) } } as never);
        report.optionChanges += 1;
      }
      if (prng.chance(0.25)) {
        await world.updateProfile({ mappings: prng.pick(MAPPINGS) } as never);
        report.optionChanges += 1;
        report.mappingChanges += 1;
      }
      // Faults: one kind in rotation (so a few seeds cover every kind) and maybe one drawn at random.
      const kinds: SoakFaultKind[] = [SOAK_FAULT_KINDS[(seed + step * 4) % SOAK_FAULT_KINDS.length] as SoakFaultKind];
      if (prng.chance(0.5)) kinds.push(prng.pick(SOAK_FAULT_KINDS));
      const set = kinds.map((kind) => {
        const fault = drawFault(prng, kind, direction);
        const target = fault.vendor === 'lever' ? world.lever : world.charthop;
        return { kind, target, id: target.control.setFault(fault.rule).id };
      });
      const mode = direction === 'outbound' && prng.chance(0.3) ? 'reconcile' : direction;
      // A kill on the first step of every seed, then at random: at a journal point or after a delay.
      const kill = step === 0 || prng.chance(0.5);
      const atPoint = kill && prng.chance(0.5);
      const req: ChildRequest = {
        mode: 'run',
        direction: mode,
        ...(atPoint ? { crashAt: prng.pick(JOURNAL_POINTS), crashIndex: prng.int(0, Math.min(2, size - 1)) } : {}),
        ...(kill && !atPoint ? { killAfterMs: prng.int(200, 2500) } : {}),
      };
      const editing = edit?.duringMs != null ? delay(edit.duringMs).then(() => world.editTitle(edit.index, title(edit.index))) : null;
      if (prng.chance(0.25)) {
        // Two triggers racing for one profile: Sync now and Sync On Change.
        report.races += 1;
        await Promise.all([child(req), child({ mode: 'run', direction: mode, trigger: 'change' })]);
      } else {
        await child(req);
      }
      if (editing && (await editing)) {
        report.edits += 1;
        report.editsDuringRuns += 1;
      }
      for (const f of set) {
        report.injected[f.kind] = (report.injected[f.kind] ?? 0) + 1;
        const fired = f.target.control.faults().find((r) => r.id === f.id)?.fired ?? 0;
        if (fired > 0) report.faults[f.kind] = (report.faults[f.kind] ?? 0) + fired;
        f.target.control.clearFault(f.id);
      }
      // New hires: on the second step of every seed, then at random.
      if (step === 1 || prng.chance(scale.hireChance)) {
        report.deliveries += await playHires(hires, step);
        report.hireSteps += 1;
      }
    }
    // Run Daily while the clock jumps (sleep and wake, DST changes), with restarts and kills.
    const daily = await playDaily(world, prng, scale.dailyLives, child);
    report.clockJumps += daily.jumps;
    report.dailyRuns += daily.runs;
    for (const detail of daily.problems) report.violations.push({ seed, invariant: 'daily run once a day', detail, reproduce });
    // The new-hire flow settles first: its hires move jobs to Pending and fill requisitions, which the clean run converges.
    report.deliveries += await settleHires(hires);
    report.catchUps = hires.catchUps;
    await settle(world, direction, child);
    // A fresh plan, and every run's export for the canary check (the output is scanned with the others).
    const plan = await child({ mode: 'final', direction });
    if (typeof plan.result?.['exports'] !== 'number') {
      report.violations.push({
        seed,
        invariant: 'canary secret nowhere',
        detail: `the runs could not be exported: ${plan.stderr.slice(-300)}`,
        reproduce,
      });
    }
    const rows = (plan.result?.['rows'] as { action: string; reason: string; code: string | null }[] | undefined) ?? [];
    if (!plan.result?.['rows'])
      report.violations.push({
        seed,
        invariant: 'convergence',
        detail: `a fresh plan could not be made: ${String(plan.result?.['error'] ?? plan.stderr.slice(-300))}`,
        reproduce,
      });
    report.violations.push(...checkInvariants(seed, world, rows, outputs, reproduce));
    checkHireInvariants(world, deliveries, (invariant, detail) => report.violations.push({ seed, invariant, detail, reproduce }));
  } finally {
    await world.close();
    report.durationMs = Date.now() - started;
  }
  return report;
}

/** The clean final run: no faults, repeated (at most three times) until a run succeeds. */
async function settle(
  world: SoakWorld,
  direction: 'outbound' | 'inbound',
  child: (req: ChildRequest) => Promise<ChildResult>,
): Promise<void> {
  world.lever.control.clearFaults();
  world.charthop.control.clearFaults();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const run = await child({ mode: 'run', direction });
    if (run.result?.['status'] === 'succeeded') return;
  }
}

/** The one command that plays `seed` again (with the test hooks `env` sets, if any). */
export function reproduceCommand(seed: number, env: Record<string, string>): string {
  const prefix = Object.entries(env)
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  return `${prefix}npm run soak -- --seed ${seed}`;
}
