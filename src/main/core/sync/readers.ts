/**
 * Reading both sides for a plan, through the clients: ChartHop jobs with
 * every field the map needs (one projected listing), people and groups when
 * the plan needs them; Lever requisitions (confidential ones too when the key
 * may) and users. A listing that fails fails the whole read — an incomplete
 * listing would look like deleted records, so it never reaches a planner.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import { jobKeyValue, personEmails } from '../charthop/identity.ts';
import type { ChartHopRow } from '../charthop/schemas.ts';
import { AppError } from '../errors.ts';
import { isHttpFailure } from '../http/errors.ts';
import type { LeverClient } from '../lever/client.ts';
import { readWithConfidentialFallback } from '../lever/confidentiality.ts';
import type { LeverRequisition } from '../lever/schemas.ts';
import { canonical } from './fields.ts';
import type { ChartHopSnapshot, GroupRecord, JobRecord, LeverSnapshot, PersonRef, RecruitStatus, RequisitionRecord } from './model.ts';
import { RECRUIT_STATUSES } from './model.ts';

/** The job fields one listing asks for (flat rows keyed by these paths). */
export const JOB_FIELDS = [
  'title',
  'open',
  'recruit',
  'req',
  'leverReqId',
  'sensitive',
  'employment',
  'department.name',
  'team.name',
  'location.name',
  'hireMgr',
  'hireMgr.contact.workEmail',
  'recruiter',
  'recruiter.contact.workEmail',
  'base',
  'currency',
  'baseComp.interval',
] as const;

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const num = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

function recruitOf(value: unknown): RecruitStatus | null {
  const v = str(value)?.toLowerCase();
  return RECRUIT_STATUSES.find((s) => s.toLowerCase() === v) ?? null;
}

function personOf(row: ChartHopRow, code: string): PersonRef | null {
  const raw = row[code];
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? str((raw as { id: unknown }).id) : str(raw);
  return id ? { id, email: str(row[`${code}.contact.workEmail`]) } : null;
}

/** The dotted codes of {@link JOB_FIELDS}: only a projected row holds them as keys. */
const PROJECTED_ONLY = JOB_FIELDS.filter((field) => field.includes('.'));

/**
 * The job's requisition code and Lever Req ID. A projected row may leave out empty fields, so
 * absence there means empty; a row with no projected key at all (the server ignored `fields=`)
 * must show both codes itself, top-level or under `fields`, or the job's identity is unreadable.
 */
function jobIdentity(row: ChartHopRow): { req: string | null; leverReqId: string | null; unreadable?: string } {
  const req = jobKeyValue(row, 'req');
  const leverReqId = jobKeyValue(row, 'leverReqId');
  const values = { req: req.readable ? str(req.value) : null, leverReqId: leverReqId.readable ? str(leverReqId.value) : null };
  if (req.readable && leverReqId.readable) return values;
  if (PROJECTED_ONLY.some((field) => field in row)) return values;
  // What the row does show still identifies the job; what it leaves out could say anything.
  return { ...values, unreadable: [req, leverReqId].flatMap((read) => (read.readable ? [] : [read.why])).join('; ') };
}

/** A projected job row as the engine's record. */
export function jobFromRow(row: ChartHopRow): JobRecord {
  const amount = num(row['base']);
  const currency = str(row['currency']);
  const identity = jobIdentity(row);
  return {
    id: row.id,
    title: str(row['title']) ?? '',
    open: str(row['open'])?.toLowerCase() !== 'filled',
    recruit: recruitOf(row['recruit']),
    req: identity.req,
    leverReqId: identity.leverReqId,
    sensitive: str(row['sensitive']),
    employment: str(row['employment']),
    department: str(row['department.name']),
    team: str(row['team.name']),
    location: str(row['location.name']),
    hiringManager: personOf(row, 'hireMgr'),
    recruiter: personOf(row, 'recruiter'),
    baseComp: amount !== null && currency ? { amount, currency, interval: str(row['baseComp.interval']) ?? 'YEARLY' } : null,
    // Stryker disable next-line ConditionalExpression: an identityUnreadable key holding undefined reads the same to every `!== undefined` check and in JSON
    ...(identity.unreadable !== undefined ? { identityUnreadable: identity.unreadable } : {}),
  };
}

/** A Lever requisition as the engine's record. */
export function requisitionFromLever(r: LeverRequisition): RequisitionRecord {
  const band = r.compensationBand;
  return {
    id: r.id,
    code: r.requisitionCode,
    name: r.name,
    status: r.status,
    confidential: r.confidentiality === 'confidential',
    employmentStatus: str(r.employmentStatus),
    department: str(r.department),
    team: str(r.team),
    location: str(r.location),
    hiringManagerId: str(r.hiringManager),
    ownerId: str(r.owner),
    compensationBand: band ? { currency: band.currency, interval: band.interval ?? null, min: num(band.min), max: num(band.max) } : null,
    headcountTotal: r.headcountTotal,
    postings: r.postings ?? [],
  };
}

async function listing<T>(system: string, what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: a run cancelled while reading ends as cancelled either way (it checks its cancel request first); this only keeps the error's own kind
    if (isHttpFailure(error, 'cancelled')) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'sync.listing_failed',
      `Reading ${what} from ${system} failed, so nothing was planned or written (an incomplete listing could look like deleted records). ${why}`,
      { cause: error },
    );
  }
}

/** Reads ChartHop: jobs (all, or only `jobIds`), plus people and groups when `full`. */
export async function readChartHop(
  client: ChartHopClient,
  options: { full: boolean; jobIds?: readonly string[] | null },
): Promise<ChartHopSnapshot> {
  const jobIds = options.jobIds && options.jobIds.length > 0 ? [...options.jobIds] : null;
  const jobs = await listing('ChartHop', 'jobs', async () => {
    const out: JobRecord[] = [];
    for await (const row of client.jobs.rows({ fields: JOB_FIELDS, ...(jobIds ? { ids: jobIds } : {}) })) out.push(jobFromRow(row));
    return out;
  });
  if (!options.full) return { jobs, people: [], groups: [], jobIds };
  const { people, unreadable } = await listing('ChartHop', 'people', async () => {
    const out: { id: string; email: string }[] = [];
    let why: string | null = null;
    for await (const row of client.people.rows({ fields: ['contact.workEmail'] })) {
      const emails = personEmails(row, ['work']);
      if (!emails.readable) why = emails.why;
      const [email] = emails.readable ? emails.value : [];
      if (email) out.push({ id: row.id, email: canonical(email) });
    }
    return { people: out, unreadable: why };
  });
  // One odd row is a person without the field; an answer with no readable row is a shape ReqBridge cannot read.
  if (people.length === 0 && unreadable !== null) {
    throw new AppError(
      'sync.people_unreadable',
      `ChartHop answered the people listing in a shape ReqBridge cannot read (${unreadable}), so hiring managers and recruiters cannot be matched by email. Run Check connection: its identity check shows what ChartHop answers.`,
    );
  }
  const groups: GroupRecord[] = [];
  for (const kind of ['department', 'team', 'location'] as const) {
    await listing('ChartHop', `${kind}s`, async () => {
      for await (const g of client.orgs.groups(kind)) {
        // Stryker disable next-line ArrayDeclaration: a made-up alias in place of "no aliases" matches no real Lever value
        const listed = g.aliases ?? [];
        groups.push({
          id: g.id,
          name: g.name.trim(),
          kind,
          aliases: g.code ? [...listed, g.code] : listed,
          parentId: g.parentGroupId ?? null,
          // Stryker disable next-line ConditionalExpression: ChartHop sets locationType on locations only (and refuses it on other groups), so the kind check never decides
          remote: kind === 'location' && g.locationType?.toUpperCase() === 'REMOTE',
        });
      }
    });
  }
  return { jobs, people, groups, jobIds };
}

/**
 * Reads Lever: every requisition (`confidentiality=all` when the key may; otherwise the
 * non-confidential ones, and the snapshot says so) and the active users.
 */
export async function readLever(client: LeverClient): Promise<LeverSnapshot> {
  const collect = async (confidentiality?: 'all'): Promise<RequisitionRecord[]> => {
    const out: RequisitionRecord[] = [];
    for await (const r of client.requisitions.list(confidentiality ? { confidentiality } : {})) out.push(requisitionFromLever(r));
    return out;
  };
  const { value: requisitions, confidentialVisible } = await listing('Lever', 'requisitions', () => readWithConfidentialFallback(collect));
  const users = await listing('Lever', 'users', async () => {
    const out: LeverSnapshot['users'] = [];
    // Deactivated users too, in the same listing: a requisition that still names one is synced with a warning.
    for await (const u of client.account.users({ includeDeactivated: true })) {
      out.push({ id: u.id, email: canonical(u.email), name: u.name, ...(u.deactivatedAt ? { deactivated: true } : {}) });
    }
    return out;
  });
  return { requisitions, users, confidentialVisible };
}
