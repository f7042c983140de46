/** Handler of Setup → Check connection: runs the doctor on the profile's own connection. */
import type { HandlerTable } from '../api/handler-table.ts';
import { profileClientsFor } from '../clients/profile-clients.ts';
import { runDoctor } from '../doctor/run-doctor.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Build the doctor handler. A passing Lever key or ChartHop token is recorded as verified. */
export function doctorHandlers(deps: ServiceDeps): Pick<HandlerTable, 'doctor:run'> {
  return {
    'doctor:run': async ({ profileId }) => {
      const clients = await profileClientsFor(deps, profileId, { timeoutMs: 15_000 });
      const webhook = await deps.hires.status(profileId).catch(() => null);
      const report = await runDoctor({ webhook, profile: clients.profile, lever: clients.lever, charthop: clients.charthop, logger: deps.logger, now: () => deps.clock.now() });
      const now = deps.clock.now();
      const passed = (id: string) => report.checks.find((check) => check.id === id)?.status === 'pass';
      if (passed('lever.key')) deps.secrets.markVerified(profileId, 'leverApiKey', now);
      if (passed('charthop.token')) deps.secrets.markVerified(profileId, 'charthopToken', now);
      deps.events.emit('doctor:finished', report);
      return report;
    },
  };
}
