// Benchmark (not a test): plans an outbound sync, a reconcile and an inbound sync over N linked
// records built in memory (no servers, no database), and prints the time of each and the peak RSS.
// One record in ten has a field changed in ChartHop, one in fifty is closed, one in a hundred is
// unlinked and new. Targets: 10,000 records < 1 s, 100,000 < 10 s, peak RSS < 300 MB. Each size
// runs in its own process, so its peak RSS is its own; the process itself with the modules loaded
// and the in-memory inputs are printed too (the planner's share is the rest).
// Run: node bench/plan-scale.ts [--records=10000,100000]
import { spawnSync } from 'node:child_process';
import { planInbound } from '../src/main/core/sync/plan-inbound.ts';
import { planOutbound } from '../src/main/core/sync/plan-outbound.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../src/main/core/sync/model.ts';
import { inboundCtx, job, leverSnapshot, link, linked, outboundCtx, requisition } from '../test/unit/sync/builders.ts';

const sizes = (process.argv.find((a) => a.startsWith('--records='))?.split('=')[1] ?? '10000,100000').split(',').map(Number);
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

if (sizes.length > 1) {
  for (const n of sizes) {
    const child = spawnSync(process.execPath, [process.argv[1] as string, `--records=${n}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(child.stdout);
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
  process.exit(0);
}

for (const n of sizes) {
  line(`${n} linked records (RSS with the modules loaded: ${rss()})`);
  const { jobs, reqs, links } = world(n);
  const inboundLinks = links.map((l) => ({ ...l, syncedDirection: 'inbound' as const }));
  line(`  RSS with the inputs built: ${rss()}`);
  const time = (label: string, plan: () => { rows: unknown[] }): void => {
    const start = performance.now();
    const rows = plan().rows.length;
    line(`${label.padEnd(36)} ${(performance.now() - start).toFixed(0).padStart(6)} ms   ${rows} rows`);
  };
  time('  plan outbound sync', () =>
    planOutbound({ mode: 'sync', jobs, jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() }),
  );
  time('  plan reconcile', () =>
    planOutbound({ mode: 'reconcile', jobs, jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() }),
  );
  time('  plan inbound sync', () => planInbound({ jobs, lever: leverSnapshot(reqs), links: inboundLinks, map: inboundCtx() }));
}
line(`  peak RSS (process.resourceUsage().maxRSS): ${mb(process.resourceUsage().maxRSS * 1024)}`);
