// Benchmark (not a test): generate the large demo world (10,000 jobs,
// 100,000 opportunities), then load it into both fakes and time a first read.
// Run: node bench/sandbox-generate.ts [--no-servers]
import { createFakeChartHop } from '../src/main/sandbox/charthop/index.ts';
import { DEMO_LARGE, generateDemoData } from '../src/main/sandbox/demo/index.ts';
import { createFakeLever } from '../src/main/sandbox/lever/index.ts';

const NOW = Date.UTC(2026, 10, 2, 9);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
let peakHeap = 0;
const sample = (): void => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const timer = setInterval(sample, 20);
const line = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const value = await fn();
  sample();
  line(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(6)} ms   heap ${mb(process.memoryUsage().heapUsed)}`);
  return value;
}

const data = await timed(`generate ${DEMO_LARGE.jobs} jobs / ${DEMO_LARGE.opportunities} opportunities`, () =>
  generateDemoData({ ...DEMO_LARGE, now: NOW }),
);
line(`  ${JSON.stringify(data.facts.counts)}`);

if (!process.argv.includes('--no-servers')) {
  const charthop = await timed('start fake ChartHop with the seed', () => createFakeChartHop({ seed: data.charthop, clock: () => NOW }));
  const lever = await timed('start fake Lever with the seed', () =>
    createFakeLever({ seed: data.lever, clock: () => NOW, rateLimit: false }),
  );
  try {
    const bearer = { authorization: `Bearer ${data.credentials.charthopToken}` };
    await timed('ChartHop: first q=open:open (all rows)', async () => {
      const res = await fetch(
        `${charthop.url}/v2/org/${data.credentials.org}/job?q=open:open&fields=id,title,department.name,recruit,req&limit=10000`,
        { headers: bearer },
      );
      return ((await res.json()) as { data: unknown[] }).data.length;
    });
    await timed('ChartHop: page 100 of 100 (limit=100)', async () => {
      let from = '';
      for (let page = 0; page < 100; page += 1) {
        const res = await fetch(`${charthop.url}/v2/org/${data.credentials.org}/job?fields=id&limit=100${from ? `&from=${from}` : ''}`, {
          headers: bearer,
        });
        from = ((await res.json()) as { next?: string }).next ?? '';
      }
    });
    const basic = { authorization: `Basic ${Buffer.from(`${data.credentials.leverKeys.full}:`).toString('base64')}` };
    await timed('Lever: first GET /opportunities?limit=100', async () => {
      const res = await fetch(`${lever.url}/opportunities?limit=100`, { headers: basic });
      return res.status;
    });
  } finally {
    await Promise.all([charthop.close(), lever.close()]);
  }
}

clearInterval(timer);
sample();
line(`peak heap (sampled every 20 ms)              ${mb(peakHeap)}`);
line(`peak RSS (process.resourceUsage().maxRSS)    ${mb(process.resourceUsage().maxRSS * 1024)}`);
