// Folds a job's effective-dated changes into what the job looks like on a
// given date. A HIRE dated after that date does not fill the job: the job
// stays open, shows the announced person as `personId` and lists the hire in
// `upcoming` (ChartHop's Job model: personId is "the person holding this
// job — either currently in the job, or upcoming announced hire").
import type { ChartHopChange, ChartHopJobData, ChartHopJobPatch } from './state.ts';

/** A pending change shown on a job (`upcoming[]`). */
export interface ChartHopUpcoming {
  id: string;
  type: 'HIRE' | 'DEPART';
  date: string;
  announceDate?: string;
  personId?: string;
}

/** A job as of one date. */
export interface ChartHopJobView {
  id: string;
  orgId: string;
  data: ChartHopJobData;
  /** Effective date of the CREATE change. */
  createDate: string;
  /** Since when the seat has been open (create date or last departure). */
  openSince: string;
  /** The person in the job now. */
  occupantId?: string;
  /** Occupant, else the announced upcoming hire. */
  personId?: string;
  /** Effective date of the occupant's or announced person's HIRE. */
  personStartDate?: string;
  open: 'open' | 'filled';
  upcoming: ChartHopUpcoming[];
  /** Timestamp of the most recent change that applies on this date. */
  updateAt: string;
  createAt: string;
}

function withoutNulls(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

/** Applies a JobUpdate to job data, returning new data (the input is never mutated). */
export function applyJobPatch(data: ChartHopJobData, patch: ChartHopJobPatch): ChartHopJobData {
  const next: ChartHopJobData = { ...data, fields: { ...data.fields } };
  if (patch.title !== undefined) next.title = patch.title;
  if (patch.employment !== undefined) next.employment = patch.employment ?? undefined;
  if (patch.sensitive !== undefined) next.sensitive = patch.sensitive ?? undefined;
  if (patch.placement !== undefined) next.placement = patch.placement ?? undefined;
  if (patch.managerJobId !== undefined) next.managerJobId = patch.managerJobId ?? undefined;
  if (patch.comp !== undefined) next.comp = patch.comp ?? undefined;
  if (patch.startDate !== undefined) next.startDate = patch.startDate ?? undefined;
  if (patch.startDatePlanned !== undefined) next.startDatePlanned = patch.startDatePlanned ?? undefined;
  let groupIds = patch.setGroupIds ? [...patch.setGroupIds] : [...data.groupIds];
  if (patch.removeGroupIds) groupIds = groupIds.filter((id) => !patch.removeGroupIds?.includes(id));
  if (patch.addGroupIds) for (const id of patch.addGroupIds) if (!groupIds.includes(id)) groupIds.push(id);
  next.groupIds = groupIds;
  if (patch.fields) next.fields = withoutNulls({ ...next.fields, ...patch.fields });
  for (const key of Object.keys(next) as (keyof ChartHopJobData)[]) if (next[key] === undefined) delete next[key];
  return next;
}

/**
 * The job `jobId` as of `asOf`, or undefined when it does not exist on that
 * date (not yet created, or deleted). `changes` must be sorted by date.
 */
export function viewJob(jobId: string, orgId: string, changes: readonly ChartHopChange[], asOf: string): ChartHopJobView | undefined {
  let data: ChartHopJobData | undefined;
  let createDate = '';
  let createAt = '';
  let updateAt = '';
  let openSince = '';
  let occupantId: string | undefined;
  let occupantStart: string | undefined;
  const upcoming: ChartHopUpcoming[] = [];
  for (const change of changes) {
    if (change.status !== 'ACTIVE') continue;
    if (change.date > asOf) {
      if (data && (change.type === 'HIRE' || change.type === 'DEPART')) {
        const entry: ChartHopUpcoming = { id: change.id, type: change.type, date: change.date };
        if (change.announceDate) entry.announceDate = change.announceDate;
        if (change.personId) entry.personId = change.personId;
        upcoming.push(entry);
      }
      continue;
    }
    switch (change.type) {
      case 'CREATE':
        data = change.job ?? { title: '', groupIds: [], fields: {} };
        createDate = change.date;
        createAt = change.createAt;
        openSince = change.date;
        occupantId = undefined;
        break;
      case 'UPDATE':
        if (data && change.update) data = applyJobPatch(data, change.update);
        break;
      case 'HIRE':
        occupantId = change.personId;
        occupantStart = change.date;
        break;
      case 'DEPART':
        occupantId = undefined;
        occupantStart = undefined;
        openSince = change.date;
        break;
      case 'DELETE':
        data = undefined;
        break;
    }
    if (data) updateAt = change.updateAt > updateAt ? change.updateAt : updateAt;
  }
  if (!data) return undefined;
  const announced = occupantId ? undefined : upcoming.find((u) => u.type === 'HIRE');
  const view: ChartHopJobView = {
    id: jobId,
    orgId,
    data,
    createDate,
    openSince,
    open: occupantId ? 'filled' : 'open',
    upcoming,
    updateAt,
    createAt,
  };
  if (occupantId) {
    view.occupantId = occupantId;
    view.personId = occupantId;
    if (occupantStart) view.personStartDate = occupantStart;
  } else if (announced?.personId) {
    view.personId = announced.personId;
    view.personStartDate = announced.date;
  }
  return view;
}
