// Benchmark (not a test): how long a `profiles:list` answer takes while a 10,000-job Sandbox plan runs,
// with the core, the Sandbox and the background work in the host's process (as the desktop app ran
// them) and in their own process (src/main/core-process, as the browser host runs them now). Both run
// on the same Sandbox: the first generates it and saves it to a temp data dir, the second restores it. While `sync:plan` runs, `profiles:list` is
// called back to back (10 ms apart) and each answer timed; the median, p95 and max of each mode and
// their ratios are printed, with the plan's own time. Each answer is timed from when it was due, so
// time the host's event loop was held by the core (in the first mode) counts.
// Run: sh scripts/with-keyring.sh node bench/core-process-latency.ts [--jobs=10000]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Dispatch } from '../src/main/core/api/dispatcher.ts';
import { createLogger } from '../src/main/core/logging/logger.ts';
import { createRedactor } from '../src/main/core/logging/redactor.ts';
import { forkedCoreChild } from '../src/main/core/process/core-child.ts';
import { startCoreProcess } from '../src/main/core/process/core-process-client.ts';
import { startEngine } from '../src/main/core-process/start-engine.ts';
import { forkCoreProcess } from '../src/main/host/fork-core.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';

const jobs = Number(process.argv.find((a) => a.startsWith('--jobs='))?.split('=')[1] ?? '10000');
const line = (text: string): void => void process.stdout.write(`${text}\n`);
const quiet = createLogger({ redactor: createRedactor(), sink: () => {} });

interface Figures {
  planMs: number;
  answers: number[];
  /** The longest time the host's own event loop was held (what a tray click or a window waits), ms. */
  hostHeldMs: number;
}

/** Plan the Sandbox profile and time `profiles:list` answers until the plan is done. */
async function measure(dispatch: Dispatch): Promise<Figures> {
  const context = { transport: 'in-process' as const };
  await dispatch('profiles:list', {}, context);
  const answers: number[] = [];
  const held = monitorEventLoopDelay({ resolution: 5 });
  held.enable();
  const start = performance.now();
  let planned = false;
  const plan = dispatch('sync:plan', { profileId: 'sandbox', mode: 'sync' }, context).then((envelope) => {
    planned = true;
    if (!envelope.ok) throw new Error(`The plan failed: ${envelope.error.message}`);
    return performance.now() - start;
  });
  // Timed from when the call was due, as a click is: in the host's process a call cannot even be
  // made while the core holds the event loop, and that wait is part of what the user sees.
  let due = performance.now();
  while (!planned) {
    await dispatch('profiles:list', {}, context);
    answers.push(performance.now() - due);
    due = performance.now() + 10;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const planMs = await plan;
  held.disable();
  return { planMs, answers, hostHeldMs: held.max / 1e6 };
}

const at = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
function summary(figures: Figures): { median: number; p95: number; max: number } {
  const sorted = [...figures.answers].sort((a, b) => a - b);
  return { median: at(sorted, 0.5), p95: at(sorted, 0.95), max: sorted[sorted.length - 1] ?? NaN };
}

const home = makeTempDir('reqbridge-bench-');
const env = { ...process.env, REQBRIDGE_HOME: home.path };
try {
  const inProcess = await startEngine({
    host: 'browser',
    env,
    logSink: () => {},
    redactor: createRedactor(),
    sandbox: true,
    sandboxJobs: jobs,
  });
  const inside = await measure(inProcess.core.service.dispatch);
  await inProcess.stop();

  const child = await startCoreProcess({
    logger: quiet,
    spawn: () =>
      forkedCoreChild(
        forkCoreProcess({
          args: ['--host', 'browser', '--sandbox-jobs', String(jobs)],
          env,
          execArgv: [],
          stdio: ['ignore', 'ignore', 'ignore'],
        }),
      ),
  });
  const apart = await measure(child.dispatch);
  await child.close();

  const a = summary(inside);
  const b = summary(apart);
  const ms = (value: number): string => `${value.toFixed(1).padStart(8)} ms`;
  const row = (label: string, f: Figures, s: ReturnType<typeof summary>) =>
    line(
      `  ${label.padEnd(34)} ${ms(s.median)} ${ms(s.p95)} ${ms(s.max)} ${String(f.answers.length).padStart(7)} ${ms(f.hostHeldMs)} ${ms(f.planMs)}`,
    );
  const ratio = (x: number, y: number): string => `${(x / y).toFixed(1).padStart(8)} x  `;
  line(`profiles:list while a ${jobs}-job Sandbox plan runs`);
  const heads = ['median', 'p95', 'max'].map((h) => h.padStart(11)).join(' ');
  line(`  ${''.padEnd(34)} ${heads} ${'answers'.padStart(7)} ${'host held'.padStart(11)} ${'plan'.padStart(11)}`);
  row("core in the host's process", inside, a);
  row('core in its own process', apart, b);
  const ratios = `${ratio(a.median, b.median)}${ratio(a.p95, b.p95)}${ratio(a.max, b.max)}${''.padStart(7)}${ratio(inside.hostHeldMs, apart.hostHeldMs)}`;
  line(`  ${"ratio (host's / own)".padEnd(34)} ${ratios}`);
} finally {
  home.cleanup();
}
