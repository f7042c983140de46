// npm run soak -- --seeds N [--seed S] [--minutes M] [--json] [--small]
// The chaos soak: N seeds (1..N), or the one seed S; --minutes stops starting seeds after M
// minutes; --json prints the JSON report instead of the table. Exit code 1 on any violation.
import { SKIP_PRECREATE_LOOKUP_ENV } from '../../src/main/core/http/test-hooks.ts';
import { runSoak, soakTable } from './soak.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const one = arg('--seed');
const count = Number(arg('--seeds') ?? '10');
const first = Number(arg('--from') ?? '1');
const seeds = one !== undefined ? [Number(one)] : Array.from({ length: count }, (_, i) => first + i);
if (seeds.some((s) => !Number.isInteger(s) || s < 0)) {
  process.stderr.write('Usage: npm run soak -- --seeds N [--from F] [--seed S] [--minutes M] [--json] [--small]\n');
  process.exit(2);
}
const minutes = arg('--minutes');
const json = process.argv.includes('--json');
// The test-only hook is handed to ReqBridge only when it is set here (a broken build on purpose).
const hook = process.env[SKIP_PRECREATE_LOOKUP_ENV] === '1' ? { [SKIP_PRECREATE_LOOKUP_ENV]: '1' } : undefined;
const report = await runSoak({
  ...(hook ? { env: hook } : {}),
  seeds,
  scale: process.argv.includes('--small') ? 'small' : 'full',
  ...(minutes ? { minutes: Number(minutes) } : {}),
  onSeed: (r) => {
    process.stderr.write(
      `seed ${r.seed} ${r.direction}: ${r.runs} runs, ${r.kills} kills, ${r.violations.length} violations, ${Math.round(r.durationMs / 1000)} s\n`,
    );
  },
});
process.stdout.write(json ? `${JSON.stringify({ ...report, perSeed: undefined }, null, 2)}\n` : `${soakTable(report)}\n`);
process.exitCode = report.violations.length === 0 ? 0 : 1;
