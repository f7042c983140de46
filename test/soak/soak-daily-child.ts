// ReqBridge's background work (Run Daily, the hires catch-up at start) as the soak's child process,
// on a clock the soak moves: SOAK_DAILY_LIFE is one life of the process ({ start, ops, end }, see
// daily-clock.ts). Awake ticks fire the timers that fall due, in order; a sleep jumps the clock
// forward with the timers waiting (as monotonic timers do) and then wakes the scheduler. Each daily
// run that starts prints {"daily": <clock ms>}. At the end the process quits cleanly or SIGKILLs itself.
// The local time zone is the TZ the soak sets.
import { startBackground } from '../../src/main/core/background.ts';
import { startCore } from '../../src/main/core/bootstrap.ts';
import type { SchedulerClock } from '../../src/main/core/schedule/timers.ts';
import { createMemorySecretStore } from '../../src/main/core/secrets/secret-store.ts';
import { createConfBacking } from '../../src/main/core/settings/conf-backing.ts';
import type { Incarnation } from './daily-clock.ts';

const env = process.env;
const dataDir = env['SOAK_DATA_DIR'] ?? '';
const profileId = env['SOAK_PROFILE'] ?? '';
const life = JSON.parse(env['SOAK_DAILY_LIFE'] ?? '{}') as Incarnation;

interface Timer {
  due: number;
  seq: number;
  fn: () => void;
}
let now = life.start;
let seq = 0;
const timers = new Set<Timer>();
const clock: SchedulerClock = {
  now: () => new Date(now),
  setTimer(ms, fn) {
    const timer = { due: now + Math.max(0, ms), seq: (seq += 1), fn };
    timers.add(timer);
    return { cancel: () => void timers.delete(timer) };
  },
};
const earliest = (until: number): Timer | undefined =>
  [...timers].filter((t) => t.due <= until).sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
const fire = (timer: Timer): void => {
  timers.delete(timer);
  now = Math.max(now, timer.due);
  timer.fn();
};

// The data folder holds the Sandbox profile too: only this profile's daily runs are counted.
let started = '\u0000';
const core = startCore({
  dataDir,
  host: 'test',
  version: '0.0.0-soak',
  settingsBacking: createConfBacking(dataDir),
  secretStore: createMemorySecretStore(),
  env,
  environmentBinding: { kind: 'profile', profileId },
  logSink: (record) => {
    if (record.message.startsWith(started) && record.message.endsWith(') started.'))
      process.stdout.write(`${JSON.stringify({ daily: now })}\n`);
    process.stderr.write(`${record.level} ${record.message}\n`);
  },
});
started = `Daily run of ${core.service.deps.settings.get(profileId).name} (`;
// Sync On Change polls once every 6 hours of this clock, so days pass without hundreds of polls.
const background = await startBackground(core, { clock, pollIntervalMs: 6 * 3_600_000 });

/** Waits for the daily runs under way; their own short waits (a busy profile) are let through. */
async function settle(): Promise<void> {
  let done = false;
  const settled = background.schedule.settled().then(() => {
    done = true;
  });
  while (!done) {
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 100))]);
    const soon = done ? undefined : earliest(now + 2_000);
    if (soon) fire(soon);
  }
}

await settle();
for (const op of life.ops) {
  if ('tick' in op) {
    const end = now + op.tick;
    for (let timer = earliest(end); timer; timer = earliest(end)) {
      fire(timer);
      await settle();
    }
    now = end;
  } else {
    now += op.sleep;
    for (const timer of timers) timer.due += op.sleep;
    background.schedule.resume();
    await settle();
  }
}
if (life.end === 'kill') process.kill(process.pid, 'SIGKILL');
await background.stop();
core.close();
process.stdout.write(`${JSON.stringify({ end: now })}\n`);
