/**
 * `npm run host`: the app in a browser. Starts the core, serves the built
 * renderer and the contract on 127.0.0.1, prints the address to open, and
 * stops on SIGINT/SIGTERM. Options: `--port N`, `--json` (print one JSON line),
 * `--no-sandbox` (do not start the embedded Sandbox servers), `--sandbox-control-token T`
 * (open the Sandbox servers' `/__sandbox/…` control surface to callers presenting T, and
 * print their URLs in the `--json` line — for end-to-end tests).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, streamSink } from '../core/logging/logger.ts';
import { createRedactor } from '../core/logging/redactor.ts';
import { resolveDataDir } from '../core/paths.ts';
import { startEmbeddedSandbox } from './embedded-sandbox.ts';
import { startNodeCore } from '../core/node-core.ts';
import { startBackground } from '../core/background.ts';
import { startHostServer } from './host-server.ts';
import { isAppError } from '../core/errors.ts';
import { startStartupFailurePage, startupFailureText } from './startup-failure.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
    'renderer-dir': { type: 'string' },
    'no-sandbox': { type: 'boolean', default: false },
    'sandbox-control-token': { type: 'string' },
  },
});

const rendererDir = values['renderer-dir'] ?? fileURLToPath(new URL('../../../out/renderer', import.meta.url));
if (!existsSync(rendererDir)) {
  process.stderr.write(`The renderer is not built (${rendererDir} is missing). Run: npm run build\n`);
  process.exit(1);
}

const dataDir = resolveDataDir(process.env);
const logSink = streamSink(process.stderr);
// One redactor for the whole process: the sandbox's log lines and the core's.
const redactor = createRedactor();
const controlToken = values['sandbox-control-token'];

/** Starts the Sandbox, the core and the background work; a failure is shown on a page instead (see startup-failure.ts). */
async function startApp() {
  const embedded = values['no-sandbox']
    ? null
    : await startEmbeddedSandbox(dataDir, createLogger({ redactor, sink: logSink }), controlToken ? { controlToken } : {});
  try {
    const core = startNodeCore({ host: 'browser', env: process.env, logSink, sandbox: embedded?.runtime ?? null, redactor });
    return { embedded, core, background: await startBackground(core) };
  } catch (error) {
    await embedded?.close();
    throw error;
  }
}

let started: Awaited<ReturnType<typeof startApp>>;
try {
  started = await startApp();
} catch (error) {
  const text = redactor.redact(startupFailureText(error));
  process.stderr.write(`${text}\n`);
  if (!isAppError(error)) process.stderr.write(`${redactor.redact(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  const page = await startStartupFailurePage(text, Number(values.port));
  if (values.json) process.stdout.write(`${JSON.stringify({ url: page.url, origin: page.origin, startupError: text })}\n`);
  else process.stdout.write(`ReqBridge could not start. Open ${page.url} or read the line above for what to do.\n`);
  const stopPage = (): void => void page.close().then(() => process.exit(1));
  process.on('SIGINT', stopPage);
  process.on('SIGTERM', stopPage);
  await new Promise<never>(() => undefined);
  throw error;
}
const { embedded, core, background } = started;
const host = await startHostServer({
  dispatch: core.service.dispatch,
  events: core.events,
  logger: core.logger,
  rendererDir,
  port: Number(values.port),
});

if (values.json) {
  // With --sandbox-control-token the fakes' /__sandbox/… control surface is reachable (e2e tests drive it).
  const sandbox = embedded && controlToken ? { leverUrl: embedded.sandbox.lever.url, charthopUrl: embedded.sandbox.charthop.url, org: embedded.sandbox.charthop.org } : undefined;
  process.stdout.write(`${JSON.stringify({ url: host.url, origin: host.origin, dataDir: core.dataDir, ...(sandbox ? { sandbox } : {}) })}\n`);
} else {
  process.stdout.write(`ReqBridge is running in your browser at:\n\n  ${host.url}\n\nData: ${core.dataDir}\nPress Ctrl+C to stop.\n`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host.close();
  await background.stop();
  await embedded?.close();
  core.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
