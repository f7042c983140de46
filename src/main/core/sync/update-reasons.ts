/**
 * Why an outbound update row exists, told from a three-way comparison of
 * ChartHop's value, Lever's value and the value last synced: changed in
 * ChartHop (Sync writes it), edited in Lever (Reconcile repairs it and says
 * so), changed on both sides (ChartHop wins, flagged as a conflict), or no
 * record of the last sync (the sides simply differ).
 */
import type { FieldKey, FieldValues } from './fields.ts';
import { FIELD_LABELS, sameValue } from './fields.ts';

/** Which side moved a field since the last sync. */
export interface FieldHistory {
  /** True when a last-synced value is known for the field. */
  known(key: FieldKey): boolean;
  changedInCharthop(key: FieldKey): boolean;
  editedInLever(key: FieldKey): boolean;
}

/** The three-way history of one pair (`last` null: never synced by an outbound run). */
export function fieldHistory(desired: FieldValues, current: FieldValues, last: FieldValues | null): FieldHistory {
  const known = (k: FieldKey): boolean => last !== null && k in last;
  return {
    known,
    changedInCharthop: (k) => known(k) && !sameValue(k, desired[k], last?.[k]),
    editedInLever: (k) => known(k) && !sameValue(k, current[k], last?.[k]),
  };
}

const labels = (keys: readonly FieldKey[]): string => keys.map((k) => FIELD_LABELS[k]).join(', ');

/** What an outbound update row says. */
export function outboundUpdateReason(input: {
  mode: 'sync' | 'reconcile';
  keys: readonly FieldKey[];
  statusAfter: string | null;
  recruit: string | null;
  history: FieldHistory;
}): { reason: string; reasonText: string } {
  const { keys, history } = input;
  const others = keys.filter((k) => k !== 'status');
  const also = others.length > 0 ? `, and ${labels(others)} updated` : '';
  const statusFromCharthop =
    keys.includes('status') && (history.known('status') ? history.changedInCharthop('status') : input.mode === 'sync');
  if (statusFromCharthop && input.statusAfter === 'onHold') {
    return {
      reason: 'job_on_hold',
      reasonText: `The job is ${input.recruit ?? 'not recruiting'} in ChartHop: the requisition goes on hold${also}.`,
    };
  }
  // An update only ever puts a requisition on hold or opens it (a close is a row of its own).
  if (statusFromCharthop) {
    return {
      reason: 'job_reopened',
      reasonText: `The job is ${input.recruit ?? 'recruiting'} again in ChartHop: the requisition reopens${also}.`,
    };
  }
  if (input.mode === 'reconcile') {
    const lever = keys.filter(history.editedInLever);
    const both = lever.filter(history.changedInCharthop);
    const onlyLever = lever.filter((k) => !both.includes(k));
    const unknown = keys.filter((k) => !history.known(k));
    if (both.length > 0) {
      return {
        reason: 'fields_conflict',
        reasonText: `Changed in both systems since the last sync (${labels(both)}): ChartHop's values win.${onlyLever.length > 0 ? ` Lever-side edits to ${labels(onlyLever)} will be overwritten.` : ''}`,
      };
    }
    if (lever.length > 0) {
      const rest = keys.filter((k) => !lever.includes(k));
      return {
        reason: 'fields_drifted',
        reasonText: `Lever-side edits to ${labels(lever)} will be overwritten with ChartHop's values (ChartHop owns these fields).${rest.length > 0 ? ` Also differs: ${labels(rest)}.` : ''}`,
      };
    }
    if (unknown.length > 0)
      return { reason: 'fields_drifted', reasonText: `Lever differs from ChartHop in ${labels(keys)}: Lever will be repaired.` };
  }
  return { reason: 'fields_changed', reasonText: `Changed in ChartHop since the last sync: ${labels(keys)}.` };
}
