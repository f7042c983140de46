/**
 * Lever checks: the key is accepted, and each permission the vendor guide
 * requires is present — proven WITHOUT changing data. Reads are plain GETs
 * (with `limit=1`). Writes are probed with requests that cannot change
 * anything: an invalid body (a key with the permission gets 400, one without
 * gets 403) or a record id that does not exist (404 vs 403). Lever checks the
 * key's endpoint permission before it looks at the request; an answer that
 * proves neither (e.g. 5xx, 405) is reported as `unverified`, never guessed.
 */
import { LEVER_KEY_SETTINGS } from '../lever/messages.ts';
import type { LeverClient } from '../lever/client.ts';
import type { HttpMethod, ProbeResult } from '../http/transport.ts';
import type { DoctorCheck } from './types.ts';

/** An id no Lever record has (a valid UUID v4 shape, all zeros). */
export const PROBE_ID = '00000000-0000-4000-8000-00000000d0c7';

interface ReadProbe {
  permission: string;
  method: HttpMethod;
  path: string;
}

interface WriteProbe extends ReadProbe {
  id: string;
  body?: unknown;
  /** What the request would do with a valid body or id — said in the detail. */
  how: string;
}

const WRITE_PROBES: readonly WriteProbe[] = [
  {
    id: 'lever.create-requisitions',
    permission: 'Create requisitions',
    method: 'POST',
    path: '/requisitions',
    body: {},
    how: 'a create with an empty body',
  },
  {
    id: 'lever.delete-requisitions',
    permission: 'Delete requisitions',
    method: 'DELETE',
    path: `/requisitions/${PROBE_ID}`,
    how: 'a delete of a requisition that does not exist',
  },
  {
    id: 'lever.update-posting',
    permission: 'Update posting',
    method: 'POST',
    path: `/postings/${PROBE_ID}?perform_as=${PROBE_ID}`,
    body: {},
    how: 'an update of a posting that does not exist',
  },
  {
    id: 'lever.update-requisition-fields',
    permission: 'Update requisition fields',
    method: 'POST',
    path: '/requisition_fields',
    body: {},
    how: 'a field create with an empty body',
  },
];

/** What the Lever checks found, for the checks that follow. */
export interface LeverProbeOutcome {
  checks: DoctorCheck[];
  /** The key was accepted (so data checks can read Lever). */
  keyAccepted: boolean;
  /** The key may read confidential records. */
  confidential: boolean;
}

const enable = (permission: string): string => `Edit the key in ${LEVER_KEY_SETTINGS} and enable "${permission}".`;

function splitPath(path: string): { path: string; query?: Record<string, string> } {
  const [p, q] = path.split('?');
  return q ? { path: p ?? path, query: Object.fromEntries(new URLSearchParams(q)) } : { path: p ?? path };
}

async function probe(client: LeverClient, method: HttpMethod, path: string, body?: unknown): Promise<ProbeResult | Error> {
  try {
    return await client.probe({ method, ...splitPath(path), ...(body !== undefined ? { body } : {}) });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function firstRecord(result: ProbeResult | Error): Record<string, unknown> | undefined {
  if (result instanceof Error || result.status !== 200) return undefined;
  const data = (result.body as { data?: unknown } | undefined)?.data;
  const first = Array.isArray(data) ? data[0] : undefined;
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : undefined;
}

/** Runs the key, read, write and confidential-access checks; `onCheck` hears each one as it is decided. */
export async function leverChecks(
  client: LeverClient | null,
  onCheck: (check: DoctorCheck) => void = () => {},
): Promise<LeverProbeOutcome> {
  const ids = ['lever.read', ...WRITE_PROBES.map((p) => p.id), 'lever.confidential'];
  const titles: Record<string, string> = {
    'lever.read': 'Lever read permissions ("all read")',
    'lever.confidential': 'Lever key sees confidential requisitions',
    ...Object.fromEntries(WRITE_PROBES.map((p) => [p.id, `Lever permission: ${p.permission}`])),
  };
  const skipped = (detail: string): DoctorCheck[] =>
    ids.map((id) => ({ id, title: titles[id] ?? id, status: 'unverified', detail, fix: null }));
  if (!client) {
    return {
      keyAccepted: false,
      confidential: false,
      checks: [
        {
          id: 'lever.key',
          title: 'Lever API key accepted',
          status: 'fail',
          detail: 'No Lever API key is saved for this profile.',
          fix: `Create a key in ${LEVER_KEY_SETTINGS} as the guide describes and paste it on the Setup page.`,
        },
        ...skipped('Not checked: there is no Lever API key.'),
      ],
    };
  }
  const first = await probe(client, 'GET', '/opportunities?limit=1');
  if (first instanceof Error || first.status === 401) {
    const why = first instanceof Error ? first.message : 'Lever answered 401 Unauthorized: the key is wrong, was deleted or was rotated.';
    return {
      keyAccepted: false,
      confidential: false,
      checks: [
        {
          id: 'lever.key',
          title: 'Lever API key accepted',
          status: 'fail',
          detail: why,
          fix:
            first instanceof Error
              ? 'Check the network and the Lever API address on the Setup page, then check again.'
              : `Copy a current key from ${LEVER_KEY_SETTINGS} and paste it on the Setup page.`,
        },
        ...skipped('Not checked: the Lever API key was not accepted.'),
      ],
    };
  }
  const checks: DoctorCheck[] = [];
  const add = (check: DoctorCheck): void => {
    checks.push(check);
    onCheck(check);
  };
  add({ id: 'lever.key', title: 'Lever API key accepted', status: 'pass', detail: 'Lever accepted the API key.', fix: null });
  add(await readCheck(client, first));
  for (const p of WRITE_PROBES) add(writeCheck(p, await probe(client, p.method, p.path, p.body)));
  const conf = await probe(client, 'GET', '/requisitions?limit=1&confidentiality=all');
  const confidential = !(conf instanceof Error) && conf.status === 200;
  add(
    confidential
      ? {
          id: 'lever.confidential',
          title: titles['lever.confidential'] as string,
          status: 'pass',
          detail: 'The key may read confidential requisitions.',
          fix: null,
        }
      : conf instanceof Error || conf.status !== 403
        ? {
            id: 'lever.confidential',
            title: titles['lever.confidential'] as string,
            status: 'unverified',
            detail: conf instanceof Error ? conf.message : `Lever answered ${conf.status}.`,
            fix: null,
          }
        : {
            id: 'lever.confidential',
            title: titles['lever.confidential'] as string,
            status: 'warn',
            detail: 'The key has no access to confidential data: confidential requisitions and candidates will be invisible to ReqBridge.',
            fix: `Allow confidential access for the key in ${LEVER_KEY_SETTINGS} if confidential jobs must sync.`,
          },
  );
  return { keyAccepted: true, confidential, checks };
}

async function readCheck(client: LeverClient, opportunities: ProbeResult): Promise<DoctorCheck> {
  const opp = firstRecord(opportunities);
  const oppId = typeof opp?.['id'] === 'string' ? opp['id'] : PROBE_ID;
  const contactId = typeof opp?.['contact'] === 'string' ? opp['contact'] : PROBE_ID;
  const probes: ReadProbe[] = [
    { permission: 'Read requisitions', method: 'GET', path: '/requisitions?limit=1' },
    { permission: 'Read requisition fields', method: 'GET', path: '/requisition_fields' },
    { permission: 'Read postings', method: 'GET', path: '/postings?limit=1' },
    { permission: 'Read applications', method: 'GET', path: `/opportunities/${oppId}/applications` },
    { permission: 'Read offers', method: 'GET', path: `/opportunities/${oppId}/offers` },
    { permission: 'Read contacts', method: 'GET', path: `/contacts/${contactId}` },
    { permission: 'Read stages', method: 'GET', path: '/stages' },
    { permission: 'Read archive reasons', method: 'GET', path: '/archive_reasons' },
    { permission: 'Read users', method: 'GET', path: '/users?limit=1' },
    { permission: 'Read webhooks', method: 'GET', path: '/webhooks' },
  ];
  const missing: string[] = [];
  const unclear: string[] = [];
  const classify = (permission: string, result: ProbeResult | Error): void => {
    if (result instanceof Error) unclear.push(`${permission} (${result.message})`);
    else if (result.status === 403) missing.push(permission);
    else if (!(result.status === 200 || result.status === 404)) unclear.push(`${permission} (Lever answered ${result.status})`);
  };
  classify('Read opportunities', opportunities);
  for (const p of probes) classify(p.permission, await probe(client, p.method, p.path));
  const title = 'Lever read permissions ("all read")';
  if (missing.length > 0) {
    return {
      id: 'lever.read',
      title,
      status: 'fail',
      detail: `The key lacks ${missing.length} read permission${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`,
      fix: `Edit the key in ${LEVER_KEY_SETTINGS} and select the "all read" preset.`,
      items: missing,
    };
  }
  if (unclear.length > 0) {
    return {
      id: 'lever.read',
      title,
      status: 'unverified',
      detail: `Could not confirm: ${unclear.join('; ')}.`,
      fix: 'Check again later.',
      items: unclear,
    };
  }
  return { id: 'lever.read', title, status: 'pass', detail: `All ${probes.length + 1} reads ReqBridge uses are allowed.`, fix: null };
}

function writeCheck(p: WriteProbe, result: ProbeResult | Error): DoctorCheck {
  const base = { id: p.id, title: `Lever permission: ${p.permission}` };
  if (result instanceof Error)
    return { ...base, status: 'unverified', detail: `Could not probe it: ${result.message}`, fix: 'Check again later.' };
  const { status } = result;
  if (status === 403)
    return {
      ...base,
      status: 'fail',
      detail: `The key lacks "${p.permission}" (Lever answered 403 to ${p.how}).`,
      fix: enable(p.permission),
    };
  if (status === 400 || status === 404 || status === 409 || status === 422) {
    return {
      ...base,
      status: 'pass',
      detail: `Allowed: Lever answered ${status} to ${p.how}, which changes nothing; a key without "${p.permission}" gets 403.`,
      fix: null,
    };
  }
  if (status >= 200 && status < 300) {
    return {
      ...base,
      status: 'warn',
      detail: `Lever accepted ${p.how} (${status}), so the permission is present, but the probe may have changed data.`,
      fix: 'Check recent changes in Lever and report this to the ReqBridge maintainers.',
    };
  }
  return {
    ...base,
    status: 'unverified',
    detail: `Lever answered ${status} to ${p.how}; that proves neither way whether the key has "${p.permission}".`,
    fix: `Confirm "${p.permission}" in ${LEVER_KEY_SETTINGS}.`,
  };
}
