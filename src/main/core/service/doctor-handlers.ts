/** Handler of Setup → Check connection: runs the doctor on the profile's own connection. */
import { SANDBOX_PROFILE_ID } from '../../../shared/settings/schema.ts';
import type { HandlerTable } from '../api/handler-table.ts';
import { createProfileClients } from '../clients/profile-clients.ts';
import { runDoctor } from '../doctor/run-doctor.ts';
import type { ServiceDeps } from './service-deps.ts';

/** Build the doctor handler. A passing Lever key or ChartHop token is recorded as verified. */
export function doctorHandlers(deps: ServiceDeps): Pick<HandlerTable, 'doctor:run'> {
  return {
    'doctor:run': async ({ profileId }) => {
      const profile = deps.settings.get(profileId);
      const isSelected = deps.settings.list().selectedId === profileId;
      const clients = await createProfileClients({
        profile,
        isSelected,
        env: deps.env,
        sandbox: profile.id === SANDBOX_PROFILE_ID ? deps.sandbox : null,
        secrets: deps.secrets,
        logger: deps.logger,
        redactor: deps.redactor,
        timeoutMs: 15_000,
      });
      const report = await runDoctor({ profile, lever: clients.lever, charthop: clients.charthop, logger: deps.logger, now: () => deps.clock.now() });
      const now = deps.clock.now();
      const passed = (id: string) => report.checks.find((check) => check.id === id)?.status === 'pass';
      if (passed('lever.key')) deps.secrets.markVerified(profileId, 'leverApiKey', now);
      if (passed('charthop.token')) deps.secrets.markVerified(profileId, 'charthopToken', now);
      deps.events.emit('doctor:finished', report);
      return report;
    },
  };
}
