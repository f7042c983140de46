// ReqBridge's new-hire flow as the soak's child process, on a profile in a data folder:
//   SOAK_MODE=serve     opens the profile's webhook listener, prints {"url": …}, processes what
//                       arrives; on SIGTERM it finishes the queued hires (then, with
//                       SOAK_CATCH_UP_AT_END=1, runs a catch-up), prints {"drained": true, …} and exits.
//                       The soak may SIGKILL it at any moment instead.
//   SOAK_MODE=catch-up  runs the hires catch-up (hired candidates listed from Lever) and prints its result.
// Secrets come from REQBRIDGE_LEVER_KEY / REQBRIDGE_CHARTHOP_TOKEN / REQBRIDGE_LEVER_WEBHOOK_TOKEN.
import { startCore } from '../../src/main/core/bootstrap.ts';
import { createMemorySecretStore } from '../../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../../src/main/core/settings/conf-backing.ts';

const env = process.env;
const dataDir = env['SOAK_DATA_DIR'] ?? '';
const profileId = env['SOAK_PROFILE'] ?? '';

const core = startCore({
  dataDir,
  host: 'test',
  version: '0.0.0-soak',
  settingsBacking: createConfBacking(dataDir),
  secretStore: createMemorySecretStore(),
  env,
  environmentBinding: { kind: 'profile', profileId },
  logSink: (record) => process.stderr.write(`${record.level} ${record.message}\n`),
  hires: { leaseMs: 5_000 },
});

async function finish(): Promise<void> {
  await core.hires.stop();
  core.close();
}

if (env['SOAK_MODE'] === 'catch-up') {
  try {
    const result = await core.hires.catchUp(profileId);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  }
  await finish();
} else {
  const status = await core.hires.serve(profileId);
  process.stdout.write(`${JSON.stringify({ url: status.localUrl })}\n`);
  process.once('SIGTERM', () => {
    void core.hires
      .drain(profileId)
      .then(async () => {
        const caughtUp = env['SOAK_CATCH_UP_AT_END'] === '1' ? await core.hires.catchUp(profileId) : null;
        process.stdout.write(`${JSON.stringify({ drained: true, caughtUp })}\n`);
      })
      .catch((error: unknown) =>
        process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`),
      )
      .finally(() => void finish());
  });
}
