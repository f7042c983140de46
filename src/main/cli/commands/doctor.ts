/**
 * `reqbridge doctor --profile NAME [--json]`: the connection checks; exit 1 when any check fails.
 * `--last` prints the profile's stored last report without checking anything.
 */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { DoctorReport, DoctorStatus } from '../../../shared/api/doctor-views.ts';
import type { CliOutput } from '../output.ts';
import { table } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import { findProfile } from './profile.ts';

const MARK: Record<DoctorStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unverified: '????' };

/**
 * `reqbridge doctor --shapes`: the profile's API shape record (every endpoint's answers and their
 * differences from what ReqBridge expects, as key paths and JSON types). Exit 0 always: it reports.
 */
export async function runShapesCommand(
  api: BridgeApi,
  args: { profile: string | undefined; json: boolean },
  out: CliOutput,
): Promise<number> {
  const profileId = args.profile ? (await findProfile(api, args.profile)).id : unwrap(await api.invoke('profiles:list', {})).selectedId;
  const report = unwrap(await api.invoke('doctor:shapes', { profileId }));
  if (args.json) {
    out.json(report);
    return 0;
  }
  if (report.endpoints.length === 0) {
    out.line('No answer from Lever or ChartHop has been read for this profile yet: run Check connection or a sync first.');
    return 0;
  }
  out.line(
    table([
      ['VENDOR', 'ENDPOINT', 'ANSWERS', 'MISSING OR MISTYPED', 'FIELDS NOT READ', 'LAST SEEN'],
      ...report.endpoints.map((e) => {
        const unread = e.findings.filter((f) => f.kind === 'unknown').length;
        return [e.vendor, e.endpoint, String(e.responses), String(e.findings.length - unread), String(unread), e.lastSeen];
      }),
    ]),
  );
  // Fields ReqBridge does not read are only counted here (--json lists them).
  const findings = report.endpoints.flatMap((e) => e.findings.filter((f) => f.kind !== 'unknown').map((f) => ({ e, f })));
  if (findings.length > 0) {
    out.line();
    for (const { e, f } of findings) {
      const what =
        f.kind === 'unknown'
          ? `unknown field (${f.observed ?? '?'})`
          : f.kind === 'missing'
            ? `missing (expected ${f.expected ?? '?'})`
            : `${f.observed ?? 'missing'} where ${f.expected ?? '?'} was expected`;
      out.line(`${f.relied ? 'WARN' : '    '}  ${e.vendor} ${e.endpoint}  ${f.path}: ${what}, ${f.count}×, last ${f.lastSeen}`);
    }
  }
  return 0;
}

/** Run the doctor for a profile (the selected one when none is named); with `last`, print its stored last report instead. */
export async function runDoctorCommand(
  api: BridgeApi,
  args: { profile: string | undefined; json: boolean; last?: boolean },
  out: CliOutput,
): Promise<number> {
  const profileId = args.profile ? (await findProfile(api, args.profile)).id : unwrap(await api.invoke('profiles:list', {})).selectedId;
  if (args.last) {
    const stored = unwrap(await api.invoke('doctor:last', { profileId }));
    if (!stored) {
      if (args.json) out.json(null);
      else out.line('Check connection has not run for this profile yet: run reqbridge doctor without --last.');
      return 1;
    }
    if (args.json) out.json(stored);
    else printReport(stored, out, `Last checked ${stored.finishedAt} (stored report; nothing was checked now).`);
    return stored.ok ? 0 : 1;
  }
  const report = unwrap(await api.invoke('doctor:run', { profileId }));
  if (args.json) out.json(report);
  else printReport(report, out);
  return report.ok ? 0 : 1;
}

/** One line per check with its fix, then the counts; `heading` first when given. */
function printReport(report: DoctorReport, out: CliOutput, heading?: string): void {
  if (heading) {
    out.line(heading);
    out.line();
  }
  for (const check of report.checks) {
    out.line(`${MARK[check.status]}  ${check.title}: ${check.detail}`);
    if (check.items?.length) out.line(`      ${check.items.join(', ')}`);
    if (check.fix && check.status !== 'pass') out.line(`      → ${check.fix}`);
  }
  const { pass, warn, fail, unverified } = report.counts;
  out.line();
  out.line(`${pass} passed, ${warn} warnings, ${fail} failed, ${unverified} unverified.`);
}
