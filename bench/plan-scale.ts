// Benchmark (not a test): plans an outbound sync, a reconcile and an inbound sync over N linked
// records built in memory (no servers, no database), and prints the time and the peak RSS of each.
// One record in ten has a field changed in ChartHop, one in fifty is closed, one in a hundred is
// unlinked and new. Targets: 10,000 records < 1 s, 100,000 < 10 s, peak RSS < 300 MB.
// Each plan runs in a process of its own, started with the core process's V8 flags (core-exec-argv.ts),
// so its peak RSS is its own, as in the app, where a run computes one plan. The process with the
// modules loaded and the in-memory inputs are printed too (the planner's share is the rest).
// `--together` plans all three one after the other in one process instead (a harsher case: V8 has
// no idle time between them to collect the first plans' garbage).
// Run: node bench/plan-scale.ts [--records=10000,100000] [--plan=outbound|reconcile|inbound] [--together]
import { spawnSync } from 'node:child_process';
import { CORE_PROCESS_V8_FLAGS } from '../src/main/core/process/core-exec-argv.ts';
import { planInbound } from '../src/main/core/sync/plan-inbound.ts';
import { planOutbound } from '../src/main/core/sync/plan-outbound.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../src/main/core/sync/model.ts';
import { inboundCtx, job, leverSnapshot, link, linked, outboundCtx, requisition } from '../test/unit/sync/builders.ts';

const sizes = (process.argv.find((a) => a.startsWith('--records='))?.split('=')[1] ?? '10000,100000').split(',').map(Number);
const PLANS = ['outbound', 'reconcile', 'inbound'] as const;
type PlanName = (typeof PLANS)[number];
const only = process.argv.find((a) => a.startsWith('--plan='))?.split('=')[1] as PlanName | undefined;
const together = process.argv.includes('--together');
/** Set on the processes this bench starts for one size (and plan). */
const isChild = process.argv.includes('--child');
const line = (text: string): void => void process.stdout.write(`${text}\n`);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** N jobs, their requisitions and links: mostly in sync, some changed, closed or new. */
function world(n: number): { jobs: JobRecord[]; reqs: RequisitionRecord[]; links: LinkRecord[] } {
  const jobs: JobRecord[] = [];
  const reqs: RequisitionRecord[] = [];
  const links: LinkRecord[] = [];
  for (let i = 0; i < n; i += 1) {
    const id = `j${String(i).padStart(7, '0')}`;
    if (i % 100 === 99) {
      jobs.push(job(id));
      continue;
    }
    const changed = i % 10 === 3 ? { title: `Senior Engineer ${id}` } : {};
    const closed = i % 50 === 7 ? { recruit: 'Closed' as const } : {};
    jobs.push(linked(id, { ...changed, ...closed }));
    reqs.push(requisition(id));
    links.push(link(id));
  }
  return { jobs, reqs, links };
}

const rss = (): string => mb(process.memoryUsage().rss);

const peak = (): string => mb(process.resourceUsage().maxRSS * 1024);

if (!isChild) {
  // One process per size and plan (or per size with --together), with the core process's V8 flags.
  for (const n of sizes) {
    line(`${n} linked records`);
    for (const plan of together ? [null] : only ? [only] : PLANS) {
      const args = [
        ...CORE_PROCESS_V8_FLAGS,
        process.argv[1] as string,
        '--child',
        `--records=${n}`,
        plan ? `--plan=${plan}` : '--together',
      ];
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      process.stdout.write(child.stdout);
      if (child.status !== 0) process.exit(child.status ?? 1);
    }
  }
  process.exit(0);
}

const n = sizes[0] as number;
const loaded = rss();
const { jobs, reqs, links } = world(n);
const inboundLinks = links.map((l) => ({ ...l, syncedDirection: 'inbound' as const }));
const built = rss();
const plans: Record<PlanName, () => { rows: unknown[] }> = {
  outbound: () => planOutbound({ mode: 'sync', jobs, jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() }),
  reconcile: () => planOutbound({ mode: 'reconcile', jobs, jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() }),
  inbound: () => planInbound({ jobs, lever: leverSnapshot(reqs), links: inboundLinks, map: inboundCtx() }),
};
const LABELS: Record<PlanName, string> = { outbound: 'plan outbound sync', reconcile: 'plan reconcile', inbound: 'plan inbound sync' };
for (const name of only ? [only] : PLANS) {
  const start = performance.now();
  const rows = plans[name]().rows.length;
  const ms = (performance.now() - start).toFixed(0).padStart(6);
  const memory = only ? `peak RSS ${peak().padStart(6)} (modules ${loaded}, with inputs ${built})` : '';
  line(`  ${LABELS[name].padEnd(20)} ${ms} ms  ${String(rows).padStart(6)} rows  ${memory}`);
}
if (!only) line(`  all three in one process: peak RSS ${peak()} (modules ${loaded}, with inputs ${built})`);
