/**
 * The identity check: runs each lookup that decides "exists or create" once
 * against the client's systems, read-only, and reports whether its answers
 * can be read — a person by email (and the Lever mark ReqBridge leaves on the
 * people it creates), a ChartHop job by requisition code, a Lever requisition
 * by code. A lookup whose answer cannot be read makes ReqBridge stop and ask
 * instead of creating, so an unreadable one fails the check before a first run.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import { isIdentityUnreadable, jobKeyValue, personEmails, personLeverIds } from '../charthop/identity.ts';
import type { LeverClient } from '../lever/client.ts';
import type { DoctorCheck } from './types.ts';

/** The check's title. */
export const IDENTITY_CHECK_TITLE = 'Identity lookups can be read';

type Finding = { status: 'pass' | 'fail' | 'unverified'; text: string };

async function first<T>(rows: AsyncIterable<T>, take: (row: T) => boolean): Promise<T | null> {
  for await (const row of rows) if (take(row)) return row;
  return null;
}

const failure = (what: string, error: unknown): Finding => ({
  status: isIdentityUnreadable(error) ? 'fail' : 'unverified',
  text: `${what}: ${error instanceof Error ? error.message : String(error)}`,
});

async function personByEmail(charthop: ChartHopClient): Promise<Finding[]> {
  const what = 'Person by email';
  try {
    const listed = await first(charthop.people.rows({ fields: ['contact.workEmail', 'contact.homeEmail'], includeAll: true }), () => true);
    if (!listed) return [{ status: 'unverified', text: `${what}: ChartHop lists no person to look up.` }];
    const emails = personEmails(listed);
    if (!emails.readable) return [{ status: 'fail', text: `${what}: ChartHop lists people without a readable email (${emails.why}).` }];
    const [email] = emails.value;
    if (!email) return [{ status: 'unverified', text: `${what}: the first person ChartHop lists has no email to look up.` }];
    const found = await charthop.people.findByEmail(email);
    if (found?.id !== listed.id)
      return [{ status: 'fail', text: `${what}: searching ChartHop for the email of person ${listed.id} did not find them.` }];
    const marks = personLeverIds(found);
    return [
      { status: 'pass', text: `${what}: readable (found person ${found.id} by their email).` },
      marks.readable
        ? { status: 'pass', text: 'Lever mark on a person: readable (ReqBridge recognises the people it created).' }
        : {
            status: 'fail',
            text: `Lever mark on a person: ChartHop's person answer holds no readable contacts (${marks.why}), so ReqBridge cannot recognise the people it created.`,
          },
    ];
  } catch (error) {
    return [failure(what, error)];
  }
}

async function jobByCode(charthop: ChartHopClient): Promise<Finding> {
  const what = 'ChartHop job by requisition code';
  try {
    const listed = await first(charthop.jobs.rows({ fields: ['req'] }), (row) => {
      const code = jobKeyValue(row, 'req');
      return !code.readable || code.value !== null;
    });
    if (!listed) return { status: 'unverified', text: `${what}: no ChartHop job has a requisition code to look up.` };
    const code = jobKeyValue(listed, 'req');
    if (!code.readable || code.value === null)
      return {
        status: 'fail',
        text: `${what}: ChartHop lists jobs without a readable requisition code (${code.readable ? 'empty' : code.why}).`,
      };
    const found = await charthop.jobs.findByKey({ field: 'req', value: code.value });
    return found?.id === listed.id
      ? { status: 'pass', text: `${what}: readable (found job ${listed.id} by ${code.value}).` }
      : { status: 'fail', text: `${what}: searching ChartHop for ${code.value} did not find job ${listed.id}.` };
  } catch (error) {
    return failure(what, error);
  }
}

async function requisitionByCode(lever: LeverClient): Promise<Finding> {
  const what = 'Lever requisition by code';
  try {
    const listed = await first(lever.requisitions.list(), () => true);
    if (!listed) return { status: 'unverified', text: `${what}: Lever has no requisition to look up.` };
    const found = await lever.requisitions.findByCode(listed.requisitionCode);
    return found?.id === listed.id
      ? { status: 'pass', text: `${what}: readable (found ${listed.requisitionCode}).` }
      : { status: 'fail', text: `${what}: searching Lever for ${listed.requisitionCode} did not find requisition ${listed.id}.` };
  } catch (error) {
    return failure(what, error);
  }
}

/** Runs each identity lookup once (read-only) and reports whether its answers are readable. */
export async function identityCheck(charthop: ChartHopClient, lever: LeverClient | null): Promise<DoctorCheck> {
  const findings = [
    ...(await personByEmail(charthop)),
    await jobByCode(charthop),
    lever
      ? await requisitionByCode(lever)
      : { status: 'unverified' as const, text: 'Lever requisition by code: not checked, it needs a working Lever key.' },
  ];
  const base = { id: 'identity.lookups', title: IDENTITY_CHECK_TITLE, items: findings.map((f) => f.text) };
  const failed = findings.filter((f) => f.status === 'fail').length;
  if (failed > 0) {
    return {
      ...base,
      status: 'fail',
      detail: `${failed} of ${findings.length} lookups got answers ReqBridge cannot read. Until they can be read, a hire or sync that needs them stops and asks instead of creating anything.`,
      fix: 'Send the API shape of these answers to ReqBridge support, or ask ChartHop whether the token or org answers searches differently; then check again.',
    };
  }
  const unverified = findings.filter((f) => f.status === 'unverified').length;
  if (unverified === findings.length) return { ...base, status: 'unverified', detail: 'No lookup could be tried.', fix: null };
  return {
    ...base,
    status: 'pass',
    detail:
      unverified > 0
        ? `Every lookup that could be tried has readable answers (${unverified} not tried).`
        : 'Every lookup has readable answers.',
    fix: null,
  };
}
