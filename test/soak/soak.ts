/**
 * The chaos soak over many seeds: plays each seed (run-seed.ts) one after another and sums the
 * report (seeds, runs, deliveries, faults by kind, kills, violations).
 */
import { DELIVERY_COUNTS } from './deliveries.ts';
import type { DeliveryCount } from './deliveries.ts';
import { SOAK_FAULT_KINDS } from './fault-menu.ts';
import type { SoakFaultKind } from './fault-menu.ts';
import type { Violation } from './invariants.ts';
import { SCALES, runSeed } from './run-seed.ts';
import type { SeedReport } from './run-seed.ts';

/** What to play. */
export interface SoakOptions {
  /** The seeds to play. */
  seeds: readonly number[];
  scale?: 'small' | 'full';
  /** Stop starting new seeds after this many minutes. */
  minutes?: number;
  /** Extra environment for every ReqBridge child (the broken-build hook). */
  env?: Record<string, string>;
  /** Called after each seed. */
  onSeed?(report: SeedReport): void;
}

/** The soak's JSON report. */
export interface SoakReport {
  seeds: number;
  runs: number;
  /** Lever webhook deliveries sent (Lever's retries and duplicates included). */
  deliveries: number;
  /** New-hire steps played (a hire or two, their deliveries, maybe a catch-up). */
  hireSteps: number;
  /** Deliveries by kind: hired, late, bad_signature, not_hired, and duplicates and Lever's retries apart. */
  deliveryKinds: Record<DeliveryCount, number>;
  /** Hires catch-ups started. */
  catchUps: number;
  /** Edits made in the source of truth while a run was going (part of `edits`). */
  editsDuringRuns: number;
  /** Mapping changes between runs (part of `optionChanges`). */
  mappingChanges: number;
  /** Times the clock jumped forward (sleep and wake) under Run Daily. */
  clockJumps: number;
  /** Daily runs Run Daily started while the clock jumped. */
  dailyRuns: number;
  /** Faults that fired, by kind. */
  faults: Record<SoakFaultKind, number>;
  /** Faults armed, by kind (deterministic per seed; `faults` says how many of them fired). */
  injected: Record<SoakFaultKind, number>;
  kills: number;
  races: number;
  edits: number;
  optionChanges: number;
  violations: Violation[];
  durationMs: number;
  perSeed: SeedReport[];
}

/** Plays the seeds and returns the summed report. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const scale = SCALES[options.scale ?? 'full'];
  const faults = Object.fromEntries(SOAK_FAULT_KINDS.map((k) => [k, 0])) as Record<SoakFaultKind, number>;
  const injected = Object.fromEntries(SOAK_FAULT_KINDS.map((k) => [k, 0])) as Record<SoakFaultKind, number>;
  const deliveryKinds = Object.fromEntries(DELIVERY_COUNTS.map((k) => [k, 0])) as Record<DeliveryCount, number>;
  const report: SoakReport = {
    seeds: 0,
    runs: 0,
    deliveries: 0,
    hireSteps: 0,
    deliveryKinds,
    catchUps: 0,
    editsDuringRuns: 0,
    mappingChanges: 0,
    clockJumps: 0,
    dailyRuns: 0,
    faults,
    injected,
    kills: 0,
    races: 0,
    edits: 0,
    optionChanges: 0,
    violations: [],
    durationMs: 0,
    perSeed: [],
  };
  for (const seed of options.seeds) {
    if (options.minutes !== undefined && Date.now() - started > options.minutes * 60_000) break;
    const r = await runSeed(seed, scale, options.env);
    report.seeds += 1;
    report.runs += r.runs;
    report.kills += r.kills;
    report.deliveries += r.deliveries;
    report.hireSteps += r.hireSteps;
    report.catchUps += r.catchUps;
    report.editsDuringRuns += r.editsDuringRuns;
    report.mappingChanges += r.mappingChanges;
    for (const [k, n] of Object.entries(r.deliveryKinds)) deliveryKinds[k as DeliveryCount] += n;
    report.clockJumps += r.clockJumps;
    report.dailyRuns += r.dailyRuns;
    report.races += r.races;
    report.edits += r.edits;
    report.optionChanges += r.optionChanges;
    for (const [k, n] of Object.entries(r.faults)) faults[k as SoakFaultKind] += n;
    for (const [k, n] of Object.entries(r.injected)) injected[k as SoakFaultKind] += n;
    report.violations.push(...r.violations);
    report.perSeed.push(r);
    options.onSeed?.(r);
  }
  report.durationMs = Date.now() - started;
  return report;
}

/** The short human table of a report. */
export function soakTable(report: SoakReport): string {
  const lines = [
    `Seeds ${report.seeds}   Runs ${report.runs}   Kills ${report.kills}   Races ${report.races}   Edits ${report.edits}   Option changes ${report.optionChanges}   ${Math.round(report.durationMs / 1000)} s`,
    `Edits while a run goes ${report.editsDuringRuns}   Mapping changes ${report.mappingChanges}`,
    `Clock jumps ${report.clockJumps}   Daily runs ${report.dailyRuns}`,
    `Deliveries ${report.deliveries} (${DELIVERY_COUNTS.map((k) => `${k} ${report.deliveryKinds[k]}`).join(', ')})`,
    `New-hire steps ${report.hireSteps}   Catch-ups ${report.catchUps}`,
    '',
    'Fault                    Armed   Fired',
    ...SOAK_FAULT_KINDS.map((k) => `${k.padEnd(22)}${String(report.injected[k]).padStart(8)}${String(report.faults[k]).padStart(8)}`),
    '',
    report.violations.length === 0 ? 'Violations: none' : `Violations: ${report.violations.length}`,
    ...report.violations.map((v) => `  seed ${v.seed}  ${v.invariant}: ${v.detail}\n    reproduce: ${v.reproduce}`),
  ];
  return lines.join('\n');
}
