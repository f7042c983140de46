// Benchmark (not a test): an outbound sync of a 2,000-job demo org, then a run with nothing to
// change. Prints, per run, the requests each vendor saw (reads / writes), the time the shared
// rate limiters would take at 10 req/s (simulated on a manual clock, so the bench itself is quick),
// the real time and the real time per request (engine, state database and both fakes), and the
// peak RSS, and how long the Sandbox took to start. A no-change run should cost only the list
// calls; the time per request of the first run should not grow with the org: with several sizes
// (`--jobs=1000,10000`) each runs in its own process and the ratio of their first runs' real time
// per request is printed (target ≤ 1.5), as are the 10,000-job Sandbox's start (target < 3 s) and
// each size's peak RSS.
// Run: node bench/sync-nochange.ts [--jobs=2000 | --jobs=1000,10000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessClient } from '../src/main/core/api/in-process-client.ts';
import { startCore } from '../src/main/core/bootstrap.ts';
import { createManualClock } from '../src/main/core/http/clock.ts';
import { createLimiterRegistry } from '../src/main/core/http/limiter-registry.ts';
import { createMemorySecretStore } from '../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../src/main/core/settings/conf-backing.ts';
import { createSyncEngine } from '../src/main/core/sync/engine.ts';
import { startSandbox } from '../src/main/sandbox/start-sandbox.ts';

const sizes = (process.argv.find((a) => a.startsWith('--jobs='))?.split('=')[1] ?? '2000').split(',').map(Number);
const line = (text: string): void => void process.stdout.write(`${text}\n`);
/** The last number on the output line that starts with `label` (after trimming). */
const figure = (output: string, label: string): number => {
  const found = output.split('\n').find((l) => l.trim().startsWith(label));
  return Number(found?.match(/([\d.]+)[^\d]*$/)?.[1] ?? NaN);
};

if (sizes.length > 1) {
  const perRequest: number[] = [];
  for (const n of sizes) {
    line(`--- ${n} jobs`);
    const child = spawnSync(process.execPath, [process.argv[1] as string, `--jobs=${n}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    process.stdout.write(child.stdout);
    if (child.status !== 0) process.exit(child.status ?? 1);
    perRequest.push(Number(child.stdout.match(/first run:[\s\S]*?per request: ([\d.]+) ms/)?.[1]));
    line(
      `  (${n} jobs: sandbox start ${figure(child.stdout, 'sandbox start').toFixed(0)} ms, peak RSS ${figure(child.stdout, 'peak RSS').toFixed(0)} MB)`,
    );
  }
  const first = perRequest[0] as number;
  line(
    `first run real time per request, ${sizes.join(' vs ')} jobs: ${perRequest.map((t) => `${t.toFixed(2)} ms`).join(' vs ')}; ratio ${perRequest.map((t) => (t / first).toFixed(2)).join(' : ')} (target ≤ 1.5)`,
  );
  process.exit(0);
}
const jobs = sizes[0] as number;
const clock = createManualClock(Date.UTC(2026, 10, 2, 9));
const startedAt = performance.now();
const sandbox = await startSandbox({ jobs, opportunities: 50, clock: () => clock.now() });
line(`sandbox start (${jobs} jobs, startSandbox): ${(performance.now() - startedAt).toFixed(0)} ms`);
const dataDir = mkdtempSync(join(tmpdir(), 'reqbridge-bench-'));
const core = startCore({
  dataDir,
  host: 'test',
  version: 'bench',
  settingsBacking: createConfBacking(dataDir),
  secretStore: createMemorySecretStore(),
  env: {},
  logSink: () => undefined,
});
try {
  const api = createInProcessClient(core.service.dispatch, core.events);
  const ok = <T>(e: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!e.ok) throw new Error(e.error.message);
    return e.value;
  };
  const profile = ok(await api.invoke('profiles:create', { name: 'Bench' }));
  const users = Object.fromEntries(
    sandbox.facts.emailMismatches.filter((m) => m.leverEmail).map((m) => [m.charthopEmail, m.leverEmail as string]),
  );
  ok(
    await api.invoke('settings:update', {
      profileId: profile.id,
      patch: {
        lever: { environment: 'custom', baseUrl: sandbox.lever.url },
        charthop: { baseUrl: sandbox.charthop.url, org: sandbox.charthop.org },
        mappings: { users },
        safety: { maxCloseShare: 1 },
      },
    }),
  );
  ok(await api.invoke('secrets:set', { profileId: profile.id, name: 'leverApiKey', value: sandbox.credentials.leverKeys.full }));
  ok(await api.invoke('secrets:set', { profileId: profile.id, name: 'charthopToken', value: sandbox.credentials.charthopToken }));
  const engine = createSyncEngine({ ...core.service.deps, http: { clock, registry: createLimiterRegistry(clock) } });
  line(`demo org: ${JSON.stringify(sandbox.facts.counts)}`);

  const measure = async (label: string): Promise<number> => {
    sandbox.control.lever.clearRequestLog();
    sandbox.control.charthop.clearRequestLog();
    const simulatedStart = clock.now();
    const realStart = performance.now();
    const run = await engine.run(profile.id, { trigger: 'manual' });
    const real = performance.now() - realStart;
    const count = (log: { method: string }[]) => ({
      reads: log.filter((e) => e.method === 'GET').length,
      writes: log.filter((e) => e.method !== 'GET').length,
    });
    const lever = count(sandbox.control.lever.requestLog());
    const charthop = count(sandbox.control.charthop.requestLog());
    line(`${label}: ${run.status}, ${JSON.stringify(run.counts)}`);
    line(`  Lever    ${lever.reads} reads, ${lever.writes} writes   ChartHop ${charthop.reads} reads, ${charthop.writes} writes`);
    const requests = lever.reads + lever.writes + charthop.reads + charthop.writes;
    line(
      `  paced time at 10 req/s (simulated): ${((clock.now() - simulatedStart) / 1000).toFixed(1)} s   real time: ${real.toFixed(0)} ms   per request: ${(real / requests).toFixed(2)} ms`,
    );
    return requests;
  };
  const first = await measure('first run');
  const second = await measure('no-change run');
  line(`no-change run / first run requests: ${(second / first).toFixed(3)}`);
  line(`peak RSS (process.resourceUsage().maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  core.close();
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
}
