/** `reqbridge doctor --profile NAME [--json]`: the connection checks; exit 1 when any check fails. */
import type { BridgeApi } from '../../../shared/api/channels.ts';
import type { DoctorStatus } from '../../../shared/api/doctor-views.ts';
import type { CliOutput } from '../output.ts';
import { unwrap } from '../unwrap.ts';
import { findProfile } from './profile.ts';

const MARK: Record<DoctorStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unverified: '????' };

/** Run the doctor for a profile (the selected one when none is named). */
export async function runDoctorCommand(api: BridgeApi, args: { profile: string | undefined; json: boolean }, out: CliOutput): Promise<number> {
  const profileId = args.profile ? (await findProfile(api, args.profile)).id : unwrap(await api.invoke('profiles:list', {})).selectedId;
  const report = unwrap(await api.invoke('doctor:run', { profileId }));
  if (args.json) {
    out.json(report);
  } else {
    for (const check of report.checks) {
      out.line(`${MARK[check.status]}  ${check.title}: ${check.detail}`);
      if (check.items?.length) out.line(`      ${check.items.join(', ')}`);
      if (check.fix && check.status !== 'pass') out.line(`      → ${check.fix}`);
    }
    const { pass, warn, fail, unverified } = report.counts;
    out.line();
    out.line(`${pass} passed, ${warn} warnings, ${fail} failed, ${unverified} unverified.`);
  }
  return report.ok ? 0 : 1;
}
