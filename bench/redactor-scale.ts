// Benchmark (not a test): how the redactor's time grows with the length of a line. Its patterns must
// scan a line once (no catastrophic backtracking), so a line ten times longer should take about ten
// times as long. Prints, for lines of 20,000 and 200,000 characters built the way a ReDoS would be
// attempted (one long run of letters, of "b1" pairs, of a JSON string of "c_"), the time of each and
// the ratio of the long line's time to the short one's (target ≤ 20: linear is 10, quadratic 100).
// Run: node bench/redactor-scale.ts
import { performance } from 'node:perf_hooks';
import { createRedactor } from '../src/main/core/logging/redactor.ts';

const line = (text: string): void => void process.stdout.write(`${text}\n`);
const redactor = createRedactor(['known-secret-0001']);
const shapes: Array<[string, (n: number) => string]> = [
  ['letters', (n) => 'a'.repeat(n)],
  ['token-like', (n) => `x-${'b1'.repeat(n / 2)}`],
  ['JSON string', (n) => `{"blob":"${'c_'.repeat(n / 2)}"}`],
];

/** Best of five timings of redacting `text`, in milliseconds. */
function best(text: string): number {
  let fastest = Infinity;
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    redactor.redact(text);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

for (const [name, build] of shapes) {
  const short = best(build(20_000));
  const long = best(build(200_000));
  line(
    `${name.padEnd(12)} 20,000 chars ${short.toFixed(2)} ms   200,000 chars ${long.toFixed(2)} ms   ratio ${(long / short).toFixed(1)} (target ≤ 20)`,
  );
}
