// Default JSON (no `fields=`) for jobs and people: the typed models of the
// reference (§3.2, §4.2). Our choice: the built-in recruiting codes (recruit,
// req, hireMgr, recruiter, leverReqId, apply*, …) appear top-level next to the
// typed fields, person references as ids; `fields` holds custom values only.
import { BUILT_IN_JOB_FIELDS } from './field-catalog.ts';
import { jobOfPerson, resolveJob, resolvePerson } from './rows.ts';
import type { RowContext } from './rows.ts';
import type { ChartHopPerson } from './state.ts';
import type { ChartHopJobView } from './timeline.ts';

/** A job in ChartHop's default JSON shape. */
export function renderJob(view: ChartHopJobView, ctx: RowContext): Record<string, unknown> {
  const data = view.data;
  const out: Record<string, unknown> = {
    id: view.id,
    jobId: view.id,
    orgId: view.orgId,
    title: data.title,
    open: view.open,
    state: view.open === 'filled' ? 'FILLED' : 'OPEN',
    groupIds: [...data.groupIds],
    relationships: data.managerJobId ? [{ jobId: data.managerJobId, type: 'MANAGER' }] : [],
    managerIds: data.managerJobId ? [data.managerJobId] : [],
    createDate: view.createDate,
    upcoming: view.upcoming.map((u) => ({ ...u })),
    fields: {},
  };
  if (data.employment) out.employment = data.employment;
  if (data.sensitive) out.sensitive = data.sensitive;
  if (data.placement) out.placement = data.placement;
  if (data.comp) out.comp = structuredClone(data.comp);
  if (data.startDate) out.startDate = data.startDate;
  if (data.startDatePlanned) out.startDatePlanned = data.startDatePlanned;
  if (view.personId) out.personId = view.personId;
  if (view.personStartDate) {
    out.personStartDate = view.personStartDate;
    out.personIdDate = view.personStartDate;
  }
  for (const field of BUILT_IN_JOB_FIELDS) {
    const value = data.fields[field.code];
    if (value !== undefined) out[field.code] = value;
  }
  const custom: Record<string, unknown> = {};
  for (const def of ctx.customFields) {
    const value = data.fields[def.name];
    if (def.entityType !== 'PERSON' && value !== undefined) custom[def.name] = value;
  }
  out.fields = custom;
  for (const code of ['daysOpen', 'daysActive', 'fillDays']) {
    const value = resolveJob(view, [code], ctx);
    if (value !== undefined) out[code] = value;
  }
  out.createAt = view.createAt;
  out.updateAt = view.updateAt;
  return out;
}

/** A person in ChartHop's default JSON shape, with where they work on the context's date. */
export function renderPerson(person: ChartHopPerson, ctx: RowContext): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: person.id,
    orgId: person.orgId,
    name: { ...person.name },
    contacts: person.contacts.map((c) => ({ ...c })),
    fields: { ...person.fields },
    state: resolvePerson(person, ['state'], ctx),
    createAt: person.createAt,
    updateAt: person.updateAt,
  };
  if (person.address) out.address = { ...person.address };
  if (person.birthDate) out.birthDate = person.birthDate;
  if (person.gender) out.gender = person.gender;
  const job = jobOfPerson(person.id, ctx);
  if (job) {
    out.jobId = job.id;
    if (job.personStartDate) out.startDate = job.personStartDate;
  }
  return out;
}
