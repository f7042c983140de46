// Benchmark (not a test): a first outbound Sync now of an N-job demo org against a fake Lever that
// enforces Lever's documented limit (10 req/s, bursts of 20), in real time, beside a naive
// per-record script on an identical org (GET the requisition by code, then POST it, paced at
// exactly 10 req/s). Prints Lever calls per created requisition, 429s, and wall time as a ratio to
// the naive script's, measured in the same run. With --contention, a second client spends 3 req/s
// of the same key's budget during the sync, and the share of 429s is printed.
// Run: node bench/first-sync.ts [--jobs=100] [--contention]   (BENCH_DEBUG=1 also prints each 429 and the bucket's rate)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessClient } from '../src/main/core/api/in-process-client.ts';
import { startCore } from '../src/main/core/bootstrap.ts';
import { systemClock } from '../src/main/core/http/clock.ts';
import { createLimiterRegistry } from '../src/main/core/http/limiter-registry.ts';
import { createMemorySecretStore } from '../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../src/main/core/settings/conf-backing.ts';
import { createSyncEngine } from '../src/main/core/sync/engine.ts';
import type { PlanRowView } from '../src/shared/api/sync-views.ts';
import { startSandbox } from '../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../src/main/sandbox/start-sandbox.ts';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const jobs = Number(arg('jobs') ?? 100);
const contention = process.argv.includes('--contention');
const line = (text: string): void => void process.stdout.write(`${text}\n`);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
const ok = <T>(e: Envelope<T>): T => {
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
};

/** A core with a profile "Bench" pointing at `sandbox`, and an engine on the real clock. */
async function benchCore(sandbox: Sandbox) {
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
  const api = createInProcessClient(core.service.dispatch, core.events);
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
  const registry = createLimiterRegistry(systemClock);
  const engine = createSyncEngine({ ...core.service.deps, http: { clock: systemClock, registry } });
  return {
    engine,
    registry,
    profileId: profile.id,
    close: () => {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fixed pacer at exactly `perSecond` with a burst, as a hand-written script would use. */
function fixedPacer(perSecond: number, burst: number) {
  let tokens = burst;
  let last = performance.now();
  return async (): Promise<void> => {
    for (;;) {
      const now = performance.now();
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - tokens) / perSecond) * 1000));
    }
  };
}

/** The naive script: per record, GET by code, then POST; a 429 waits one second and tries again. */
async function naiveScript(sandbox: Sandbox, rows: readonly PlanRowView[]): Promise<{ ms: number; calls: number; throttled: number }> {
  const pace = fixedPacer(10, 20);
  const auth = `Basic ${Buffer.from(`${sandbox.credentials.leverKeys.full}:`).toString('base64')}`;
  let calls = 0;
  let throttled = 0;
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    for (;;) {
      await pace();
      calls += 1;
      const response = await fetch(`${sandbox.lever.url}${path}`, {
        method,
        headers: { authorization: auth, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (response.status === 429) {
        throttled += 1;
        await response.arrayBuffer();
        await sleep(1000);
        continue;
      }
      return response.json();
    }
  };
  const start = performance.now();
  for (const row of rows) {
    const code = row.requisitionCode ?? '';
    const found = (await call('GET', `/requisitions?requisition_code=${encodeURIComponent(code)}`)) as { data: unknown[] };
    if (found.data.length === 0)
      await call('POST', '/requisitions', { requisitionCode: code, name: row.title, headcountTotal: 1, status: 'open' });
  }
  return { ms: performance.now() - start, calls, throttled };
}

/** Another integration on the same key: `perSecond` GETs until `stop()`. */
function competingClient(sandbox: Sandbox, perSecond: number) {
  const auth = `Basic ${Buffer.from(`${sandbox.credentials.leverKeys.full}:`).toString('base64')}`;
  let running = true;
  let calls = 0;
  const done = (async () => {
    while (running) {
      calls += 1;
      await fetch(`${sandbox.lever.url}/users?limit=1`, { headers: { authorization: auth } })
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
      await sleep(1000 / perSecond);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return calls;
    },
  };
}

/** A client's Lever before its first sync: no requisitions yet, so every open Active job is a create. */
function emptyLever(sandbox: Sandbox): void {
  const state = sandbox.control.lever.state();
  state.requisitions = [];
  for (const posting of state.postings) posting.requisitionCodes = [];
  sandbox.control.lever.seed(state);
}

const options = { jobs, opportunities: 30 };
const [ours, theirs] = await Promise.all([startSandbox(options), startSandbox(options)]);
emptyLever(ours);
emptyLever(theirs);
try {
  const bench = await benchCore(ours);
  const naiveCore = await benchCore(theirs);
  try {
    const creates = (await naiveCore.engine.plan(naiveCore.profileId, 'sync')).rows.filter((r) => r.action === 'create');
    ours.control.lever.clearRequestLog();
    const competitor = contention ? competingClient(ours, 3) : null;
    const start = performance.now();
    const limiter = bench.registry.get('lever', ours.lever.url, ours.credentials.leverKeys.full);
    const probe = process.env.BENCH_DEBUG
      ? setInterval(() => line(`  t=${Math.round(performance.now() - start)} ms rate ${limiter.currentRate().toFixed(2)}/s`), 500)
      : null;
    const run = await bench.engine.run(bench.profileId, { trigger: 'manual' });
    if (probe) clearInterval(probe);
    const ms = performance.now() - start;
    const competing = competitor ? await competitor.stop() : 0;
    const log = ours.control.lever
      .requestLog()
      .filter((e) => !(e.method === 'GET' && e.path === '/v1/users' && e.query.includes('limit=1')));
    const lists = log.filter((e) => e.method === 'GET' && ['/v1/requisitions', '/v1/users'].includes(e.path)).length;
    const perCreate = (log.length - lists) / Math.max(1, run.counts.created);
    const throttled = ours.control.lever.requestLog().filter((e) => e.status === 429).length;
    const total = ours.control.lever.requestLog().length;
    if (process.env.BENCH_DEBUG)
      for (const e of ours.control.lever.requestLog())
        if (e.status === 429) line(`429 at ${e.at - (ours.control.lever.requestLog()[0]?.at ?? 0)} ms ${e.method} ${e.path}?${e.query}`);
    line(`demo org: ${jobs} jobs; first Sync now: ${run.status}, ${JSON.stringify(run.counts)}`);
    line(
      `ReqBridge: ${log.length} Lever calls (${lists} list pages), ${perCreate.toFixed(2)} per created requisition besides the list pages; 429s: ${throttled} of ${total} requests (${((100 * throttled) / Math.max(1, total)).toFixed(2)} %)${contention ? `, while another client sent ${competing} requests at 3 req/s` : ''}`,
    );
    const naive = await naiveScript(theirs, creates);
    line(
      `naive script: ${naive.calls} Lever calls for ${creates.length} requisitions (${(naive.calls / Math.max(1, creates.length)).toFixed(2)} each), ${naive.throttled} × 429`,
    );
    line(`wall time, ReqBridge / naive script (same run): ${(ms / naive.ms).toFixed(2)}`);
  } finally {
    bench.close();
    naiveCore.close();
  }
} finally {
  await Promise.all([ours.close(), theirs.close()]);
}
