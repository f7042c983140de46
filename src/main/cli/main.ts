/**
 * `reqbridge`: the headless CLI on the same core as the app. Commands:
 *   profile list | create NAME | show NAME | set NAME key=value… | export NAME | import FILE | delete NAME
 *   doctor [--last] [--profile NAME] [--json]   the connection checks (exit 1 when one fails); --last: the stored report
 *   hires catch-up | list | replay     the new-hire flow; webhook serve | status   its endpoint
 *   plan | sync | reconcile [--apply] | runs [RUN_ID] | undo RUN_ID [--apply]   the requisition sync and its run log
 *   mapping list | set | remove   the value crosswalks (KIND "ChartHop value" ["Lever value"])
 *   report [--out FILE.html]  the hand-over report
 *   sandbox                 start the fake Lever and ChartHop servers with demo data
 *   serve [--json]          the always-on mode (commands/serve.ts)
 * Options: --json, --profile NAME, --out FILE, --name NAME, --verbose (log to stderr).
 * Exit codes: 0 success, 1 a failed check or operation, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { createInProcessClient } from '../core/api/in-process-client.ts';
import { isAppError } from '../core/errors.ts';
import { createLogger, streamSink } from '../core/logging/logger.ts';
import { createRedactor } from '../core/logging/redactor.ts';
import { cliTargetProfile, embeddedSandboxFor, talksToApis } from './embedded-sandbox-for-cli.ts';
import { errorDetailsLine } from './error-details-line.ts';
import { sandboxOverridesNote } from './sandbox-overrides-note.ts';
import { CliApiError } from './unwrap.ts';
import { startNodeCore } from '../core/node-core.ts';
import { runDoctorCommand, runShapesCommand } from './commands/doctor.ts';
import { runMetricsCommand } from './commands/metrics.ts';
import { runDailyCommand } from './commands/daily.ts';
import { runHiresCommand } from './commands/hires.ts';
import { runWebhookCommand } from './commands/webhook.ts';
import { findProfile, runProfileCommand } from './commands/profile.ts';
import { runPlanCommand } from './commands/plan.ts';
import { runReconcileCommand } from './commands/reconcile.ts';
import { runRunsCommand } from './commands/runs.ts';
import { runSyncCommand } from './commands/sync.ts';
import { runUndoCommand } from './commands/undo.ts';
import { runReportCommand } from './commands/report.ts';
import { runMappingCommand } from './commands/mapping.ts';
import { processOutput } from './output.ts';
import { secretsFileStoreFromEnv } from './secrets-file-choice.ts';
import { resolveDataDir } from '../core/paths.ts';

const HELP = `reqbridge — the ChartHop ⇄ Lever requisition sync, headless

Commands:
  reqbridge profile list
  reqbridge profile create NAME
  reqbridge profile show NAME [--json]
  reqbridge profile set NAME key=value…      e.g. sourceOfTruth=lever options.syncOnChange=false options.reverseSync=true
  reqbridge profile export NAME [--out FILE]  (no secrets)
  reqbridge profile import FILE [--name NAME] [--allow-hosts HOST,…]   hosts other than Lever's and
                                              ChartHop's own in the file are refused unless listed
  reqbridge profile delete NAME
  reqbridge mapping list [KIND] [--profile NAME] [--json]   the value mappings (ChartHop value → Lever value)
  reqbridge mapping set KIND "ChartHop value" "Lever value" [--profile NAME]   KIND: department, team, location,
                                              employment or user (emails); quote values with spaces
  reqbridge mapping remove KIND "ChartHop value" [--profile NAME]
  reqbridge doctor [--profile NAME] [--json]  check keys, permissions, org and data (exit 1 on a failure)
  reqbridge doctor --last [--profile NAME] [--json]    the last Check connection as stored, without checking again
  reqbridge doctor --shapes [--profile NAME] [--json]  the API shapes seen: fields and types only, no values
  reqbridge hires catch-up --profile NAME [--json]  find hires the webhook missed and process them (exit 1 if one failed)
  reqbridge hires list [--profile NAME] [--json]    every delivery and catch-up find, with its decision and reason
  reqbridge hires replay ID --profile NAME          process a recorded hire again after fixing its cause
  reqbridge webhook serve --profile NAME            run the webhook listener and tunnel until Ctrl+C
  reqbridge webhook status --profile NAME [--json]  the webhook URL to paste into Lever, tunnel and token state
  reqbridge plan [--profile NAME] [--json]    what a sync would do, without writing anything
  reqbridge sync [--profile NAME] [--json] [--confirm]   sync now in the profile's direction (exit 1 unless it succeeds;
                                              --confirm applies closes/deletes above the safety limit)
  reqbridge reconcile [--apply] [--confirm] [--profile NAME] [--json]   compare with ChartHop as truth; --apply applies every row
  reqbridge runs [RUN_ID] [--profile NAME] [--json] [--export csv|json] [--out FILE]   run history, one run, or its export
  reqbridge runs [--kind sync|reconcile|undo|metrics|hires] [--trigger manual|reconcile|schedule|change|cli]
                 [--status running|succeeded|partial|failed|cancelled|needs_confirmation] [--search TEXT]   filtered history
  reqbridge undo RUN_ID [--profile NAME] [--apply] [--json]   the plan that reverses a run; --apply applies it
                                              (without it nothing is written; hires are listed, never undone)
  reqbridge report [--profile NAME] [--out FILE.html]   the hand-over report: one HTML file, no secrets
  reqbridge metrics [--profile NAME] [--json]  pull candidate metrics into ChartHop now (the daily run does it too)
  reqbridge daily [--profile NAME] [--force] [--json]   the Run Daily work when due (for cron; once a day per profile)
  reqbridge sandbox                           fake Lever + ChartHop with demo data
  reqbridge serve [--json]                    always on: every profile's Run Daily, Sync On Change, new-hire
                                              listeners and tunnels, headless, logging to stdout; until SIGTERM

Environment: REQBRIDGE_HOME (data folder); for the --profile target (else the selected profile)
REQBRIDGE_LEVER_KEY, REQBRIDGE_CHARTHOP_TOKEN, REQBRIDGE_LEVER_WEBHOOK_TOKEN, REQBRIDGE_NGROK_AUTHTOKEN,
REQBRIDGE_LEVER_URL, REQBRIDGE_CHARTHOP_URL, REQBRIDGE_CHARTHOP_ORG; rate limits REQBRIDGE_LEVER_RATE,
REQBRIDGE_LEVER_BURST, REQBRIDGE_CHARTHOP_RATE, REQBRIDGE_CHARTHOP_BURST; for serve, REQBRIDGE_SECRETS_FILE
(per-profile secrets, JSON, chmod 600). The desktop app and
the browser host apply the keys and URLs only to the profile REQBRIDGE_PROFILE names.`;

/** The profile a command line names: `--profile`, `doctor NAME` or `profile show NAME`; undefined means the selected one. */
function profileNamedBy(
  command: string,
  action: string | undefined,
  rest: readonly string[],
  flag: string | undefined,
): string | undefined {
  if (flag) return flag;
  if (command === 'doctor') return action;
  if ((command === 'profile' || command === 'profiles') && action === 'show') return rest[0];
  return undefined;
}

/** Run the CLI with `argv` (without node and script); resolves with the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const out = processOutput();
  let parsed;
  if (argv[0] === 'sandbox') {
    // The sandbox takes its own --key=value options.
    const { runSandboxCommand } = await import('./commands/sandbox.ts');
    return runSandboxCommand(argv.slice(1), out);
  }
  if (argv[0] === 'serve') {
    // The always-on mode builds its own core (secrets file, scheduler clock).
    const { runServeCommand } = await import('./commands/serve.ts');
    const rest = argv.slice(1);
    const unknown = rest.filter((a) => a !== '--json');
    if (unknown.length > 0) {
      out.error(`serve takes only --json (not ${unknown.join(' ')}).\n\n${HELP}`);
      return 2;
    }
    return runServeCommand({ json: rest.includes('--json') }, out, { exitWhenStopped: true });
  }
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        profile: { type: 'string' },
        out: { type: 'string' },
        name: { type: 'string' },
        'allow-hosts': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        apply: { type: 'boolean', default: false },
        confirm: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        export: { type: 'string' },
        shapes: { type: 'boolean', default: false },
        last: { type: 'boolean', default: false },
        kind: { type: 'string' },
        trigger: { type: 'string' },
        status: { type: 'string' },
        search: { type: 'string' },
      },
    });
  } catch (error) {
    out.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const [command, action, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    out.line(HELP);
    return command || parsed.values.help ? 0 : 2;
  }
  const logSink = streamSink(process.stderr);
  const logLevel = parsed.values.verbose ? 'debug' : 'warn';
  // The environment's overrides (keys, URLs) apply to the profile this command acts on, and to no other.
  const target = cliTargetProfile(profileNamedBy(command, action, rest, parsed.values.profile), process.env);
  const ignored = target?.kind === 'sandbox' && talksToApis(command) ? sandboxOverridesNote(process.env) : null;
  if (ignored) out.error(ignored);
  // One redactor for the whole process: the sandbox's log lines and the core's.
  const redactor = createRedactor();
  const embedded = await embeddedSandboxFor(command, target, process.env, createLogger({ redactor, sink: logSink, level: logLevel }));
  let secretStore;
  try {
    secretStore = secretsFileStoreFromEnv(process.env, resolveDataDir(process.env));
  } catch (error) {
    if (!isAppError(error)) throw error;
    out.error(error.message);
    await embedded?.close();
    return 1;
  }
  const core = startNodeCore({
    host: 'cli',
    env: process.env,
    logSink,
    logLevel,
    redactor,
    ...(secretStore ? { secretStore } : {}),
    sandbox: embedded?.runtime ?? null,
    environmentBinding: target ? { kind: 'profile', profileId: target.id } : { kind: 'selected' },
  });
  const api = createInProcessClient(core.service.dispatch, core.events);
  try {
    if (command === 'doctor') {
      const doctorArgs = { profile: parsed.values.profile ?? action, json: parsed.values.json, last: parsed.values.last };
      return parsed.values.shapes ? await runShapesCommand(api, doctorArgs, out) : await runDoctorCommand(api, doctorArgs, out);
    }
    if (command === 'hires') {
      return await runHiresCommand(api, { action, rest, profile: parsed.values.profile, json: parsed.values.json }, out);
    }
    if (command === 'webhook') {
      return await runWebhookCommand(api, core.hires, { action, profile: parsed.values.profile, json: parsed.values.json }, out);
    }
    const sync = { profile: parsed.values.profile, json: parsed.values.json };
    if (command === 'plan') return await runPlanCommand(api, sync, out);
    if (command === 'metrics') return await runMetricsCommand(api, sync, out);
    if (command === 'daily') {
      const profileId = parsed.values.profile ? (await findProfile(api, parsed.values.profile)).id : undefined;
      return await runDailyCommand(core, { profileId, force: parsed.values.force, json: parsed.values.json }, out);
    }
    if (command === 'sync') return await runSyncCommand(api, { ...sync, confirm: parsed.values.confirm }, out);
    if (command === 'reconcile')
      return await runReconcileCommand(api, { ...sync, apply: parsed.values.apply, confirm: parsed.values.confirm }, out);
    if (command === 'mapping' || command === 'mappings') return await runMappingCommand(api, { action, rest, ...sync }, out);
    if (command === 'report') return await runReportCommand(api, { ...sync, out: parsed.values.out }, out);
    if (command === 'undo') return await runUndoCommand(api, { ...sync, runId: action, apply: parsed.values.apply }, out);
    if (command === 'runs') {
      const { kind, trigger, status, search } = parsed.values;
      return await runRunsCommand(
        api,
        { ...sync, runId: action, export: parsed.values.export, out: parsed.values.out, kind, trigger, status, search },
        out,
      );
    }
    if (command === 'profile' || command === 'profiles') {
      return await runProfileCommand(
        api,
        { action, rest, json: parsed.values.json, ...(parsed.values.out ? { out: parsed.values.out } : {}) },
        out,
        {
          ...(parsed.values.name ? { name: parsed.values.name } : {}),
          ...(parsed.values['allow-hosts']
            ? {
                allowHosts: parsed.values['allow-hosts']
                  .split(',')
                  .map((h) => h.trim())
                  .filter(Boolean),
              }
            : {}),
        },
      );
    }
    out.error(`Unknown command "${command}".\n\n${HELP}`);
    return 2;
  } catch (error) {
    if (isAppError(error)) {
      out.error(error.message);
      const details = errorDetailsLine(error instanceof CliApiError ? error.details : null);
      if (details) out.error(details);
      return error.code === 'cli.usage' ? 2 : 1;
    }
    core.logger.error('The command failed', error);
    out.error('The command failed unexpectedly; the details are above.');
    return 1;
  } finally {
    core.close();
    await embedded?.close();
  }
}

if (import.meta.main) {
  const code = await runCli(process.argv.slice(2));
  // Long-running commands (sandbox) keep the process alive on their servers.
  if (code !== 0 || process.argv[2] !== 'sandbox') process.exitCode = code;
  // (bin/reqbridge.js does the same when it runs the CLI in-process.)
}
