/**
 * Run Daily with the clock jumping: turns Run Daily on at the plan's time, plays each life of the
 * ReqBridge process (soak-daily-child.ts, in the plan's time zone) and checks the daily runs they
 * started (daily-clock.ts).
 */
import type { ChildRequest, ChildResult } from './child-process.ts';
import { checkDailyRuns, drawDailyPlan } from './daily-clock.ts';
import type { Prng } from './prng.ts';
import type { SoakWorld } from './world.ts';

/** What the Run Daily part of a seed did and found. */
export interface DailyResult {
  /** Daily runs started. */
  runs: number;
  /** Times the clock jumped forward (sleep and wake). */
  jumps: number;
  /** One sentence per problem (see `checkDailyRuns`). */
  problems: string[];
}

/** Plays the Run Daily part of a seed; `child` runs (and records) one child process. */
export async function playDaily(
  world: SoakWorld,
  prng: Prng,
  lives: readonly [number, number],
  child: (req: ChildRequest) => Promise<ChildResult>,
): Promise<DailyResult> {
  const plan = drawDailyPlan(prng, lives);
  await world.updateProfile({ options: { runDaily: true }, dailyRunTime: plan.time } as never);
  const starts: number[] = [];
  const problems: string[] = [];
  for (const life of plan.lives) {
    const result = await child({
      mode: 'daily',
      direction: world.direction,
      env: { TZ: plan.timeZone, SOAK_DAILY_LIFE: JSON.stringify(life) },
    });
    for (const line of result.stdout.split('\n')) {
      if (!line.startsWith('{"daily"')) continue;
      const at = (JSON.parse(line) as { daily: number }).daily;
      starts.push(at);
    }
    const quit = life.end === 'quit';
    if (quit && !result.stdout.includes('"end"'))
      problems.push(`a ReqBridge life under Run Daily did not end cleanly: ${result.stderr.slice(-300)}`);
  }
  problems.push(...checkDailyRuns(plan, starts));
  return { runs: starts.length, jumps: plan.lives.flatMap((l) => l.ops).filter((op) => 'sleep' in op).length, problems };
}
