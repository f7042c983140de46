// `node src/main/sandbox/main.ts [--seed=N] [--jobs=N] [--opportunities=N]
//  [--webhook-url=URL] [--control-token=T] [--lever-port=N] [--charthop-port=N]`
// Starts the sandbox, prints ONE JSON line (URLs and credentials) on stdout,
// serves until SIGINT/SIGTERM, then closes both servers and exits 0.
import { startSandbox } from './start-sandbox.ts';
import type { StartSandboxOptions } from './start-sandbox.ts';

/** Parse `--key=value` sandbox arguments. */
export function parseSandboxArgs(argv: readonly string[]): StartSandboxOptions {
  const options: StartSandboxOptions = {};
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match) throw new Error(`unknown argument: ${arg}`);
    const [, key, value = ''] = match;
    const int = (): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`--${key ?? ''} needs a non-negative integer`);
      return n;
    };
    switch (key) {
      case 'seed':
        options.seed = int();
        break;
      case 'jobs':
        options.jobs = int();
        break;
      case 'opportunities':
        options.opportunities = int();
        break;
      case 'lever-port':
        options.leverPort = int();
        break;
      case 'charthop-port':
        options.charthopPort = int();
        break;
      case 'webhook-url':
        options.webhookUrl = value;
        break;
      case 'control-token':
        options.controlToken = value;
        break;
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  return options;
}

/**
 * Start the sandbox with `argv`, print the summary line, and serve until
 * SIGINT/SIGTERM. Shared by `npm run sandbox` and `reqbridge sandbox`.
 */
export async function runSandbox(argv: readonly string[]): Promise<void> {
  const options = parseSandboxArgs(argv);
  const sandbox = await startSandbox(options);
  const summary = {
    lever: { url: sandbox.lever.url },
    charthop: { url: sandbox.charthop.url, org: sandbox.charthop.org, orgId: sandbox.charthop.orgId },
    credentials: sandbox.credentials,
    ...(options.controlToken !== undefined ? { controlToken: options.controlToken } : {}),
  };
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`sandbox: close failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  };
  // Handlers first: a parent may signal as soon as it reads the JSON line.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

if (import.meta.main) {
  runSandbox(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`sandbox: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
