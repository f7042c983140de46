/**
 * ChartHop checks: the token is accepted, the org exists and the token can
 * change jobs and people — the last probed with PATCHes of records that do
 * not exist (404 with access, 403 without), which change nothing — and the
 * job fields the profile's candidate metrics go to exist and hold numbers.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import { CHARTHOP_TOKEN_SETTINGS } from '../charthop/messages.ts';
import { isOrgNotFound } from '../charthop/org.ts';
import { isHttpFailure } from '../http/errors.ts';
import { describeMetricFieldProblems, inspectMetricFields, metricFieldsFix } from '../metrics/metric-fields.ts';
import type { MetricFieldCodes } from '../../../shared/settings/schema.ts';
import { METRIC_LABELS, usesBuiltInMetricFields } from '../../../shared/settings/schema.ts';
import type { DoctorCheck } from './types.ts';

/** An id no ChartHop record has (24 hex characters, like ChartHop's ids). */
export const CHARTHOP_PROBE_ID = '000000000000000000d0c7d0';

/** What the ChartHop checks found. */
export interface ChartHopOutcome {
  checks: DoctorCheck[];
  /** Token accepted and org found: data checks can read ChartHop. */
  usable: boolean;
}

const TITLES = { token: 'ChartHop API token accepted', org: 'ChartHop org exists', write: 'ChartHop token can change jobs and people' };

/** Title of the candidate-metrics fields check. */
export const METRIC_FIELDS_TITLE = 'ChartHop fields for the candidate metrics exist';

/** Runs the token, org and write-access checks; `onCheck` hears each one as it is decided on the way to a usable connection (the rest come in the outcome). */
export async function charthopChecks(
  client: ChartHopClient | null,
  onCheck: (check: DoctorCheck) => void = () => {},
): Promise<ChartHopOutcome> {
  const skipped = (detail: string): DoctorCheck[] => [
    { id: 'charthop.org', title: TITLES.org, status: 'unverified', detail, fix: null },
    { id: 'charthop.write', title: TITLES.write, status: 'unverified', detail, fix: null },
  ];
  if (!client) {
    return {
      usable: false,
      checks: [
        {
          id: 'charthop.token',
          title: TITLES.token,
          status: 'fail',
          detail: 'No ChartHop API token is saved for this profile.',
          fix: `Generate a token in ${CHARTHOP_TOKEN_SETTINGS} and paste it on the Setup page.`,
        },
        ...skipped('Not checked: there is no ChartHop API token.'),
      ],
    };
  }
  try {
    const me = await client.orgs.me();
    const checks: DoctorCheck[] = [
      {
        id: 'charthop.token',
        title: TITLES.token,
        status: 'pass',
        detail: `ChartHop accepted the token${me.name ? ` (app user "${me.name}")` : ''}.`,
        fix: null,
      },
    ];
    if (client.org === '') {
      const orgs: string[] = [];
      for await (const org of client.orgs.orgs()) orgs.push(org.slug ?? org.id);
      checks.push({
        id: 'charthop.org',
        title: TITLES.org,
        status: 'fail',
        detail: `No org is set for this profile. The token can use: ${orgs.join(', ') || 'no org at all'}.`,
        fix: 'Enter the org id or slug on the Setup page.',
        items: orgs,
      });
      checks.push(...skipped('Not checked: no org is set.').slice(1));
      return { usable: false, checks };
    }
    onCheck(checks[0] as DoctorCheck);
    const org = await client.orgs.org();
    checks.push({
      id: 'charthop.org',
      title: TITLES.org,
      status: 'pass',
      detail: `Org "${org.name ?? org.slug ?? org.id}" (${org.slug ?? org.id}) is visible to the token.`,
      fix: null,
    });
    onCheck(checks[1] as DoctorCheck);
    const write = await writeCheck(client);
    checks.push(write);
    onCheck(write);
    return { usable: true, checks };
  } catch (error) {
    if (isHttpFailure(error, 'unauthorized')) {
      return {
        usable: false,
        checks: [
          {
            id: 'charthop.token',
            title: TITLES.token,
            status: 'fail',
            detail: error.message,
            fix: `Generate a token in ${CHARTHOP_TOKEN_SETTINGS} and paste it on the Setup page.`,
          },
          ...skipped('Not checked: the ChartHop token was not accepted.'),
        ],
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    if (isOrgNotFound(error) || isHttpFailure(error, 'forbidden')) {
      return {
        usable: false,
        checks: [
          { id: 'charthop.token', title: TITLES.token, status: 'pass', detail: 'ChartHop accepted the token.', fix: null },
          {
            id: 'charthop.org',
            title: TITLES.org,
            status: 'fail',
            detail: message,
            fix: 'Set the org id or slug on the Setup page (the part after app.charthop.com/).',
          },
          { id: 'charthop.write', title: TITLES.write, status: 'unverified', detail: 'Not checked: the org was not found.', fix: null },
        ],
      };
    }
    return {
      usable: false,
      checks: [
        {
          id: 'charthop.token',
          title: TITLES.token,
          status: 'fail',
          detail: message,
          fix: 'Check the network and the ChartHop API address on the Setup page, then check again.',
        },
        ...skipped('Not checked: ChartHop could not be reached.'),
      ],
    };
  }
}

async function writeCheck(client: ChartHopClient): Promise<DoctorCheck> {
  const org = encodeURIComponent(client.org);
  const targets = [
    { what: 'jobs', path: `/v2/org/${org}/job/${CHARTHOP_PROBE_ID}` },
    { what: 'people', path: `/v2/org/${org}/person/${CHARTHOP_PROBE_ID}` },
  ];
  const denied: string[] = [];
  const unclear: string[] = [];
  for (const t of targets) {
    try {
      const result = await client.probe({ method: 'PATCH', path: t.path, body: {} });
      if (result.status === 403) denied.push(t.what);
      else if (result.status !== 404 && result.status !== 400) unclear.push(`${t.what} (ChartHop answered ${result.status})`);
    } catch (error) {
      unclear.push(`${t.what} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (denied.length > 0) {
    return {
      id: 'charthop.write',
      title: TITLES.write,
      status: 'fail',
      detail: `The token may not change ${denied.join(' or ')} (ChartHop answered 403).`,
      fix: `Give the app Recruiting Editor or Owner access in ${CHARTHOP_TOKEN_SETTINGS}.`,
      items: denied,
    };
  }
  if (unclear.length > 0)
    return {
      id: 'charthop.write',
      title: TITLES.write,
      status: 'unverified',
      detail: `Could not confirm write access for ${unclear.join('; ')}.`,
      fix: 'Check again later.',
    };
  return {
    id: 'charthop.write',
    title: TITLES.write,
    status: 'pass',
    detail: 'The token may change jobs and people (probed with updates of records that do not exist, which change nothing).',
    fix: null,
  };
}

/**
 * The four job fields the candidate metrics are written to (the profile's `metricFields`) exist in the
 * org, belong to jobs and hold numbers. Read-only: one listing of the org's field definitions.
 */
export async function metricFieldsCheck(client: ChartHopClient, fields: MetricFieldCodes): Promise<DoctorCheck> {
  const base = { id: 'charthop.metric-fields', title: METRIC_FIELDS_TITLE };
  const statuses = await inspectMetricFields(client, fields);
  const problems = describeMetricFieldProblems(statuses);
  if (problems.length > 0) {
    const wrong = problems.length;
    return {
      ...base,
      status: 'fail',
      detail: `Candidate metrics cannot be written: ${wrong} of the 4 ChartHop fields they go to ${wrong === 1 ? 'is' : 'are'} missing or cannot hold a number.`,
      fix: metricFieldsFix(),
      items: problems,
    };
  }
  const where = statuses.map((s) => `${METRIC_LABELS[s.key]} → ${s.field?.name ?? s.code}`);
  const kind = usesBuiltInMetricFields(fields) ? "ChartHop's built-in fields" : 'the fields set for this profile';
  return {
    ...base,
    status: 'pass',
    detail: `The candidate metrics go to ${kind}, which exist on jobs and hold numbers: ${where.join(', ')}.`,
    fix: null,
  };
}
