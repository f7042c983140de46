// ReqBridge as the soak's child process: one sync run (or a plan) of a profile in a data folder,
// printed as one JSON line. The soak SIGKILLs it from outside at a random moment, or the child
// kills itself at a journal point when told to (reliability.md §5, crash injection).
//   SOAK_DATA_DIR / SOAK_PROFILE  the data folder and profile id
//   SOAK_MODE       run | final (a fresh plan, which writes nothing: the convergence check; and every
//                   run's CSV and JSON export: the canary check)
//   SOAK_DIRECTION  outbound | inbound | reconcile
//   SOAK_TRIGGER    the run's trigger (default cli)
//   SOAK_CRASH_AT / SOAK_CRASH_INDEX  journal point and write index to SIGKILL at (optional)
//   SOAK_HTTP_TIMEOUT_MS  the clients' per-call timeout (short, so delay faults are timeouts)
// Secrets come from REQBRIDGE_LEVER_KEY / REQBRIDGE_CHARTHOP_TOKEN, for this profile only.
import { startCore } from '../../src/main/core/bootstrap.ts';
import { createMemorySecretStore } from '../../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../../src/main/core/settings/conf-backing.ts';
import { createSyncEngine } from '../../src/main/core/sync/engine.ts';
import type { RunTrigger, SyncDirection } from '../../src/shared/api/sync-views.ts';

const env = process.env;
const dataDir = env['SOAK_DATA_DIR'] ?? '';
const profileId = env['SOAK_PROFILE'] ?? '';
const direction = (env['SOAK_DIRECTION'] ?? 'outbound') as SyncDirection;
const crashAt = env['SOAK_CRASH_AT'];
const crashIndex = Number(env['SOAK_CRASH_INDEX'] ?? '0');

const core = startCore({
  dataDir,
  host: 'test',
  version: '0.0.0-soak',
  settingsBacking: createConfBacking(dataDir),
  secretStore: createMemorySecretStore(),
  env,
  environmentBinding: { kind: 'profile', profileId },
  logSink: (record) => process.stderr.write(`${record.level} ${record.message}\n`),
});
const engine = createSyncEngine({
  ...core.service.deps,
  http: { timeoutMs: Number(env['SOAK_HTTP_TIMEOUT_MS'] ?? '30000') },
  hooks: {
    at(point, info) {
      if (point === crashAt && info.index === crashIndex) process.kill(process.pid, 'SIGKILL');
    },
  },
});
try {
  if (env['SOAK_MODE'] === 'final') {
    const plan = await engine.plan(profileId, direction === 'reconcile' ? 'reconcile' : 'sync');
    const rows = plan.rows.map((r) => ({ action: r.action, reason: r.reason, code: r.requisitionCode }));
    const runs = engine.runs.list(profileId, 1000);
    const files = runs.flatMap((r) => [
      engine.runs.export(profileId, r.id, 'csv').content,
      engine.runs.export(profileId, r.id, 'json').content,
    ]);
    process.stdout.write(`${JSON.stringify({ rows, exports: files.length, files })}\n`);
  } else {
    const summary = await engine.run(profileId, {
      trigger: (env['SOAK_TRIGGER'] ?? 'cli') as RunTrigger,
      ...(direction === 'reconcile' ? { direction } : {}),
    });
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  }
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
} finally {
  core.close();
}
