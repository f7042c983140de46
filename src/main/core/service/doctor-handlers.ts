/** Handlers of Setup → Check connection: run the doctor on the profile's own connection, with progress, and cancel it. */
import type { HandlerTable } from '../api/handler-table.ts';
import { profileClientsFor } from '../clients/profile-clients.ts';
import { AppError } from '../errors.ts';
import { runDoctor } from '../doctor/run-doctor.ts';
import { createApiShapeStore } from '../state/api-shapes.ts';
import type { ServiceDeps } from './service-deps.ts';
import { lastDoctorReport, saveLastDoctorReport } from '../report/report-facts.ts';

/**
 * Build the doctor handlers. The last finished report of each profile is stored and `doctor:last` reads it back. A passing Lever key or ChartHop token is recorded as verified. Each
 * check under way has an abort controller its clients listen to; `doctor:cancel` aborts the
 * profile's, and the checks not finished are reported "Not checked — cancelled".
 */
export function doctorHandlers(deps: ServiceDeps): Pick<HandlerTable, 'doctor:run' | 'doctor:cancel' | 'doctor:shapes' | 'doctor:last'> {
  const running = new Map<string, Set<AbortController>>();
  return {
    'doctor:run': async ({ profileId }) => {
      const controller = new AbortController();
      const mine = running.get(profileId) ?? new Set<AbortController>();
      mine.add(controller);
      running.set(profileId, mine);
      try {
        const clients = await profileClientsFor(deps, profileId, { timeoutMs: 15_000, signal: controller.signal });
        const webhook = await deps.hires.status(profileId).catch(() => null);
        const report = await runDoctor({
          webhook,
          profile: clients.profile,
          lever: clients.lever,
          charthop: clients.charthop,
          logger: deps.logger,
          now: () => deps.clock.now(),
          signal: controller.signal,
          onProgress: (progress) => deps.events.emit('doctor:progress', progress),
          redact: (report) => deps.redactor.redactValue(report),
          shapes: () => createApiShapeStore(deps.stateDbs.forProfile(profileId)).report(profileId, deps.clock.now()),
        });
        const now = deps.clock.now();
        const passed = (id: string) => report.checks.find((check) => check.id === id)?.status === 'pass';
        if (passed('lever.key')) deps.secrets.markVerified(profileId, 'leverApiKey', now);
        if (passed('charthop.token')) deps.secrets.markVerified(profileId, 'charthopToken', now);
        if (!report.cancelled) saveLastDoctorReport(deps.stateDbs.forProfile(profileId), report);
        deps.events.emit('doctor:finished', report);
        // The key chips show when each key last passed: tell every window now.
        if (passed('lever.key') || passed('charthop.token')) deps.events.emit('secrets:changed', { profileId });
        return report;
      } finally {
        mine.delete(controller);
        if (mine.size === 0 && running.get(profileId) === mine) running.delete(profileId);
      }
    },
    'doctor:last': async ({ profileId }) => {
      deps.settings.get(profileId);
      return lastDoctorReport(deps.stateDbs.forProfile(profileId));
    },
    'doctor:shapes': async ({ profileId }) => {
      deps.settings.get(profileId);
      return createApiShapeStore(deps.stateDbs.forProfile(profileId)).report(profileId, deps.clock.now());
    },
    'doctor:cancel': async ({ profileId }) => {
      const mine = [...(running.get(profileId) ?? [])];
      for (const controller of mine) controller.abort(new AppError('doctor.cancelled', 'Check connection was cancelled.'));
      return { cancelled: mine.length > 0 };
    },
  };
}
