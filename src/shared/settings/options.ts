/**
 * The five options of the vendor guide, their descriptions and the exclusivity
 * rules between them (architecture.md §3). Shared by the renderer (to disable a
 * toggle and say why) and by main (to refuse an invalid save).
 */
import { listAnd } from '../text/wording.ts';

/** Keys of the five options, in the order the guide lists them. */
export const OPTION_KEYS = ['runDaily', 'syncOnChange', 'reverseSync', 'reconciliation', 'remoteLocationAsDefault'] as const;

/** One of the five options. */
export type OptionKey = (typeof OPTION_KEYS)[number];

/** The state of the five option switches of a profile. */
export type OptionFlags = Record<OptionKey, boolean>;

/** Which system is the source of truth for requisitions: it decides the data-flow direction. */
export type SourceOfTruth = 'charthop' | 'lever';

/** An option's display label and the guide's description of it. */
export interface OptionInfo {
  label: string;
  description: string;
}

/**
 * Display label and the guide's description of an option. Built on each call rather than kept in a
 * module-level table, so that mutation testing sees the texts used at run time (see the README).
 */
export function optionInfo(key: OptionKey): OptionInfo {
  switch (key) {
    case 'runDaily':
      return {
        label: 'Run Daily',
        description:
          'Runs every morning. Candidate metrics are pulled daily whatever the direction; with Lever as the source of truth the inbound flow runs daily too.',
      };
    case 'syncOnChange':
      return {
        label: 'Sync On Change',
        description: 'Outbound: changes to open jobs in ChartHop are pushed to Lever as soon as they are made.',
      };
    case 'reverseSync':
      return {
        label: 'Reverse Sync',
        description: 'Lever becomes the system of record: new open roles in Lever create open jobs in ChartHop when the inbound flow runs.',
      };
    case 'reconciliation':
      return {
        label: 'Reconciliation',
        description:
          'Compares Lever with ChartHop, treating ChartHop as the source of truth: creates missing requisitions and repairs drifted fields, on demand or daily with Run Daily.',
      };
    case 'remoteLocationAsDefault':
      return {
        label: 'Remote Location As Default',
        description: 'Newly synced records that have no location are assigned the Remote location.',
      };
  }
}

/** An option's display label ("Sync On Change"). */
export function optionLabel(key: OptionKey): string {
  return optionInfo(key).label;
}

/** Pairs of options that cannot be on together, from the guide's option table (built on each call, like `optionInfo`). */
export function exclusivePairs(): ReadonlyArray<readonly [OptionKey, OptionKey]> {
  return [
    ['syncOnChange', 'reverseSync'],
    ['reconciliation', 'reverseSync'],
  ];
}

/** A broken exclusivity rule: both options are on. */
export interface OptionConflict {
  a: OptionKey;
  b: OptionKey;
  message: string;
}

/** Every exclusivity rule the flags break; empty when the combination is valid. */
export function findOptionConflicts(flags: OptionFlags): OptionConflict[] {
  return exclusivePairs()
    .filter(([a, b]) => flags[a] && flags[b])
    .map(([a, b]) => ({
      a,
      b,
      message: `${optionLabel(a)} and ${optionLabel(b)} cannot both be on: turn one of them off.`,
    }));
}

/** An option switched on that contradicts the profile's source of truth. */
export interface DirectionConflict {
  key: OptionKey;
  message: string;
}

/**
 * The options that contradict the source of truth: Reverse Sync (Lever as the system of record) with
 * ChartHop as the source of truth, and Sync On Change or Reconciliation (both treat ChartHop as the
 * truth) with Lever as the source of truth. Empty when the two agree. A missing *required* option is
 * only advice (`directionAdvice`): a consultant may rehearse a direction with manual runs only.
 */
export function findDirectionConflicts(sourceOfTruth: SourceOfTruth, flags: OptionFlags): DirectionConflict[] {
  const conflicts: DirectionConflict[] = [];
  if (sourceOfTruth === 'charthop' && flags.reverseSync) {
    conflicts.push({
      key: 'reverseSync',
      message:
        'Reverse Sync makes Lever the system of record, but ChartHop is the source of truth: choose Lever as the source of truth, or turn Reverse Sync off.',
    });
  }
  if (sourceOfTruth === 'lever') {
    if (flags.syncOnChange) {
      conflicts.push({
        key: 'syncOnChange',
        message:
          'Sync On Change pushes ChartHop’s changes to Lever, but Lever is the source of truth: turn Sync On Change off, or choose ChartHop as the source of truth.',
      });
    }
    if (flags.reconciliation) {
      conflicts.push({
        key: 'reconciliation',
        message:
          'Reconciliation treats ChartHop as the source of truth, but Lever is: turn Reconciliation off, or choose ChartHop as the source of truth.',
      });
    }
  }
  return conflicts;
}

/**
 * Why an option cannot be switched on given the other flags, or null when it can: every option
 * that blocks it, named at once ("Not available while Sync On Change and Reconciliation are on.").
 * An option that is already on is never reported (so the user can turn it off).
 */
export function whyOptionDisabled(key: OptionKey, flags: OptionFlags): string | null {
  if (flags[key]) return null;
  const blockers = exclusivePairs()
    .flatMap(([a, b]) => (a === key ? [b] : b === key ? [a] : []))
    .filter((other) => flags[other]);
  if (blockers.length === 0) return null;
  return `Not available while ${listAnd(blockers.map((other) => optionLabel(other)))} ${blockers.length === 1 ? 'is' : 'are'} on.`;
}

/** A requirement or recommendation of a direction, and whether the profile meets it. */
export interface DirectionAdvice {
  kind: 'required' | 'recommended';
  label: string;
  met: boolean;
}

/**
 * What the chosen direction requires and recommends (our reading of the guide's
 * table, whose cells were lost: architecture.md §3), ticked when met.
 */
export function directionAdvice(sourceOfTruth: SourceOfTruth, flags: OptionFlags): DirectionAdvice[] {
  if (sourceOfTruth === 'charthop') {
    return [
      { kind: 'required', label: 'Source of truth: ChartHop', met: true },
      { kind: 'required', label: optionLabel('syncOnChange'), met: flags.syncOnChange },
      { kind: 'recommended', label: optionLabel('runDaily'), met: flags.runDaily },
      { kind: 'recommended', label: optionLabel('reconciliation'), met: flags.reconciliation },
    ];
  }
  return [
    { kind: 'required', label: 'Source of truth: Lever', met: true },
    { kind: 'required', label: optionLabel('reverseSync'), met: flags.reverseSync },
    { kind: 'recommended', label: optionLabel('runDaily'), met: flags.runDaily },
    { kind: 'recommended', label: optionLabel('remoteLocationAsDefault'), met: flags.remoteLocationAsDefault },
  ];
}

/** The options a direction requires (architecture.md §3): Sync On Change outbound, Reverse Sync inbound. */
export const REQUIRED_OPTIONS: Record<SourceOfTruth, OptionKey> = { charthop: 'syncOnChange', lever: 'reverseSync' };

/** Options that satisfy what `sourceOfTruth` requires and nothing more: the start of a new profile. */
export function startingOptions(sourceOfTruth: SourceOfTruth): OptionFlags {
  const flags = Object.fromEntries(OPTION_KEYS.map((key) => [key, false])) as OptionFlags;
  return { ...flags, [REQUIRED_OPTIONS[sourceOfTruth]]: true };
}

/** The sync direction a source of truth implies. */
export function directionOf(sourceOfTruth: SourceOfTruth): 'outbound' | 'inbound' {
  return sourceOfTruth === 'charthop' ? 'outbound' : 'inbound';
}
