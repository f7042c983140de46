/**
 * `reqbridge`: the headless CLI on the same core as the app. Commands:
 *   profile list | create NAME | show NAME | set NAME key=value… | export NAME | import FILE | delete NAME
 *   doctor [--profile NAME] [--json]   the connection checks (exit 1 when one fails)
 *   sandbox                 start the fake Lever and ChartHop servers with demo data
 * Options: --json, --profile NAME, --out FILE, --name NAME, --verbose (log to stderr).
 * Exit codes: 0 success, 1 a failed check or operation, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { createInProcessClient } from '../core/api/in-process-client.ts';
import { isAppError } from '../core/errors.ts';
import { streamSink } from '../core/logging/logger.ts';
import { startNodeCore } from '../core/node-core.ts';
import { runDoctorCommand } from './commands/doctor.ts';
import { runProfileCommand } from './commands/profile.ts';
import { processOutput } from './output.ts';

const HELP = `reqbridge — the ChartHop ⇄ Lever requisition sync, headless

Commands:
  reqbridge profile list
  reqbridge profile create NAME
  reqbridge profile show NAME [--json]
  reqbridge profile set NAME key=value…      e.g. sourceOfTruth=lever options.reverseSync=true
  reqbridge profile export NAME [--out FILE]  (no secrets)
  reqbridge profile import FILE [--name NAME]
  reqbridge profile delete NAME
  reqbridge doctor [--profile NAME] [--json]  check keys, permissions, org and data (exit 1 on a failure)
  reqbridge sandbox                           fake Lever + ChartHop with demo data

Environment: REQBRIDGE_HOME (data folder), REQBRIDGE_LEVER_KEY, REQBRIDGE_CHARTHOP_TOKEN,
REQBRIDGE_LEVER_URL, REQBRIDGE_CHARTHOP_URL, REQBRIDGE_CHARTHOP_ORG.`;

/** Run the CLI with `argv` (without node and script); resolves with the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const out = processOutput();
  let parsed;
  if (argv[0] === 'sandbox') {
    // The sandbox takes its own --key=value options.
    const { runSandboxCommand } = await import('./commands/sandbox.ts');
    return runSandboxCommand(argv.slice(1), out);
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
        help: { type: 'boolean', short: 'h', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
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
  const core = startNodeCore({ host: 'cli', env: process.env, logSink: streamSink(process.stderr), logLevel: parsed.values.verbose ? 'debug' : 'warn' });
  const api = createInProcessClient(core.service.dispatch, core.events);
  try {
    if (command === 'doctor') {
      return await runDoctorCommand(api, { profile: parsed.values.profile ?? action, json: parsed.values.json }, out);
    }
    if (command === 'profile' || command === 'profiles') {
      return await runProfileCommand(api, { action, rest, json: parsed.values.json, ...(parsed.values.out ? { out: parsed.values.out } : {}) }, out, parsed.values.name ? { name: parsed.values.name } : {});
    }
    out.error(`Unknown command "${command}".\n\n${HELP}`);
    return 2;
  } catch (error) {
    if (isAppError(error)) {
      out.error(error.message);
      return error.code === 'cli.usage' ? 2 : 1;
    }
    core.logger.error('The command failed', error);
    out.error('The command failed unexpectedly; the details are above.');
    return 1;
  } finally {
    core.close();
  }
}

if (import.meta.main) {
  const code = await runCli(process.argv.slice(2));
  // Long-running commands (sandbox) keep the process alive on their servers.
  if (code !== 0 || process.argv[2] !== 'sandbox') process.exitCode = code;
  // (bin/reqbridge.js does the same when it runs the CLI in-process.)
}
