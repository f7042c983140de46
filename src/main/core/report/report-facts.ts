/**
 * Facts the hand-over report needs that nothing else keeps: the profile's
 * last Check connection and the unmapped values of its last plan. Stored in
 * the profile's state database (`meta`), so they outlive the app's window.
 */
import type { DoctorReport } from '../../../shared/api/doctor-views.ts';
import type { UnmappedValue } from '../../../shared/api/sync-views.ts';
import type { StateDb } from '../state/state-db.ts';

const DOCTOR_KEY = 'report.lastDoctor';
const UNMAPPED_KEY = 'report.lastUnmapped';

/** The unmapped values of the profile's last plan, and when it was computed. */
export interface LastUnmapped {
  at: string;
  values: UnmappedValue[];
}

function put(state: StateDb, key: string, value: unknown): void {
  state.db
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}

function read<T>(state: StateDb, key: string): T | null {
  const row = state.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return null;
  }
}

/** Keeps the report of a finished Check connection. */
export function saveLastDoctorReport(state: StateDb, report: DoctorReport): void {
  put(state, DOCTOR_KEY, report);
}

/** The last Check connection's report, or null when it never ran for this profile. */
export function lastDoctorReport(state: StateDb): DoctorReport | null {
  return read<DoctorReport>(state, DOCTOR_KEY);
}

/** Keeps the unmapped values of a plan just computed. */
export function saveLastUnmapped(state: StateDb, at: string, values: readonly UnmappedValue[]): void {
  put(state, UNMAPPED_KEY, { at, values });
}

/** The unmapped values of the last plan, or null when no plan was computed yet. */
export function lastUnmapped(state: StateDb): LastUnmapped | null {
  return read<LastUnmapped>(state, UNMAPPED_KEY);
}
