/** Read models of the value crosswalks: a value that can be mapped, and the other system's values to map it to. */
import type { UnmappedValue } from './sync-views.ts';

/** The kinds of values the profile's crosswalk maps. */
export type MappingKind = UnmappedValue['kind'];

/** The system a value comes from. */
export type SystemSide = 'charthop' | 'lever';

/** An unmapped value the consultant can map where it is shown: its kind, the value, and the system it comes from. */
export interface MappableValue {
  kind: MappingKind;
  value: string;
  from: SystemSide;
}

/** One value of the other system's list, to pick as the counterpart. */
export interface CounterpartChoice {
  /** What the mapping stores (a name, an email, an employment status). */
  value: string;
  /** What the consultant reads (a user's name, a group's name). */
  label: string;
  /** A second line: a user's email, a group's aliases, where a Lever value is used. */
  detail?: string;
}

/** The values of one kind in one system, as read from it now (`mappings:counterparts`). */
export interface CounterpartList {
  kind: MappingKind;
  /** The system listed. */
  system: SystemSide;
  choices: CounterpartChoice[];
  /** How the list was made, when it is not the system's own list (Lever has no list of departments: the values its requisitions use). */
  note?: string;
}
